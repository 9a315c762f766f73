namespace SmartCitiesStudy.Domain.Audit;

/// <summary>The actions the audit trail records. Stored as text: do not rename.</summary>
public static class AuditActions
{
    public const string EditionCreated = "edition.created";
    public const string EditionStatusChanged = "edition.status_changed";
    public const string PublicationAttached = "edition.publication_attached";
    public const string EditionFactsChanged = "edition.facts_changed";
    public const string PublishedFiguresReplaced = "edition.published_figures_replaced";
    public const string EditionDeadlineChanged = "edition.deadline_changed";
    public const string EditionCalendarChanged = "edition.calendar_changed";
    public const string DeadlineExtended = "edition.deadline_extended";
    public const string ReminderSent = "notice.reminder_sent";
    public const string NoticeSent = "notice.sent";
    public const string QuestionnaireSaved = "questionnaire.saved";
    public const string ResponseStatusChanged = "response.status_changed";
    public const string AnswerChanged = "answer.changed";
    public const string AnswerCorrectedByReviewer = "answer.corrected_by_reviewer";
    public const string AnswersImported = "answers.imported";
    public const string CommentAdded = "comment.added";
    public const string CityCreated = "city.created";
    public const string CityChanged = "city.changed";
    public const string PersonInvited = "person.invited";
    public const string PersonActivated = "person.activated";
    public const string PersonDeactivated = "person.deactivated";
    public const string RoleChanged = "person.role_changed";
    public const string TextChanged = "text.changed";
    public const string TextsImported = "texts.imported";
    public const string CityContactsChanged = "city.contacts_changed";
    public const string CallSent = "call.sent";
    public const string ParticipationRequested = "participation.requested";
    public const string ParticipationAccepted = "participation.accepted";
    public const string ParticipationDeclined = "participation.declined";
    public const string TwoFactorEnabled = "person.two_factor_enabled";
    public const string TwoFactorDisabled = "person.two_factor_disabled";
    public const string RecoveryCodesRenewed = "person.recovery_codes_renewed";
}
