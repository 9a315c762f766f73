using System.Text.RegularExpressions;
using SmartCitiesStudy.Domain.Common;

namespace SmartCitiesStudy.Domain.Editions;

/// <summary>
/// One edition of the Smart Cities Study (2012 HOLISTIC, 2017 ECONOMY, 2019 GOVERNANCE, …), with its own theme and
/// questionnaire. Its status moves Draft → Open → Closed → Published; a Closed or Published edition can be reopened
/// with a recorded reason.
/// </summary>
public sealed partial class Edition : IHasVersion
{
    public const int MaxCodeLength = 16;
    public const int MaxTitleLength = 200;
    public const int MaxThemeLength = 100;

    private Edition()
    {
        Code = string.Empty;
        Title = string.Empty;
        Theme = string.Empty;
    }

    public Edition(string code, string title, string theme, int year)
        : this()
    {
        Code = ValidateCode(code);
        Rename(title, theme);
        Year = year is >= 2000 and <= 2100
            ? year
            : throw new DomainRuleException("edition.year", $"Year {year} is outside 2000–2100.");
    }

    public int Id { get; private set; }

    /// <summary>Public identifier, usually the year ("2017"); used in URLs, the API and the CLI.</summary>
    public string Code { get; private set; }

    public string Title { get; private set; }

    /// <summary>The edition's theme, e.g. "ECONOMY".</summary>
    public string Theme { get; private set; }

    public int Year { get; private set; }

    public EditionStatus Status { get; private set; } = EditionStatus.Draft;

    /// <summary>Date by which cities are asked to submit (UTC date).</summary>
    public DateOnly? Deadline { get; private set; }

    /// <summary>Day the collection is announced to open (UTC date); shown to cities, informative only.</summary>
    public DateOnly? OpensOn { get; private set; }

    /// <summary>Whether the daily schedule closes the edition once its deadline (and every city's extension) has passed.</summary>
    public bool AutoCloseAtDeadline { get; private set; }

    [EventTime]
    public DateTimeOffset? OpenedAt { get; private set; }

    [EventTime]
    public DateTimeOffset? ClosedAt { get; private set; }

    [EventTime]
    public DateTimeOffset? PublishedAt { get; private set; }

    public int Version { get; set; }

    /// <summary>Number of the questionnaire version answers are now given under; 0 before a questionnaire exists.</summary>
    public int QuestionnaireVersion { get; private set; }

    /// <summary>Whether a questionnaire change is made in place (draft) or must become a new version.</summary>
    public bool QuestionnaireChangesMakeNewVersion => Status != EditionStatus.Draft;

    /// <summary>Whether officers may change answers in this edition.</summary>
    public bool AcceptsAnswers => Status == EditionStatus.Open;

    public bool IsPublic => Status == EditionStatus.Published;

    /// <summary>
    /// Whether the edition's responses were invented by the Development demo: pages showing them say so. Never set in
    /// production.
    /// </summary>
    public bool HoldsDemoData { get; private set; }

    /// <summary>Marks the responses as the demo's (only the demo seeder does).</summary>
    public void MarkDemoData() => HoldsDemoData = true;

    public void Rename(string title, string theme)
    {
        Title = Required(title, "title", MaxTitleLength);
        Theme = Required(theme, "theme", MaxThemeLength);
    }

    public void SetDeadline(DateOnly? deadline) => Deadline = deadline;

    /// <summary>
    /// Sets the deadline as the secretariat does: only while the edition is a draft or open, and never to a day
    /// already past (<paramref name="today"/> is the UTC day).
    /// </summary>
    public void ChangeDeadline(DateOnly deadline, DateOnly today)
    {
        if (Status is not (EditionStatus.Draft or EditionStatus.Open))
        {
            throw new DomainRuleException(
                "edition.deadline_frozen",
                $"Edition {Code} is {Status.ToString().ToLowerInvariant()}: its deadline can no longer change. Reopen it first.");
        }

        if (deadline < today)
        {
            throw new DomainRuleException(
                "edition.deadline_past",
                $"Edition {Code}: the deadline {deadline:yyyy-MM-dd} is already past (today is {today:yyyy-MM-dd} UTC).");
        }

        Deadline = deadline;
    }

    /// <summary>
    /// Plans the collection period: opening day, deadline and whether to close automatically at the deadline. Only
    /// while the edition is a draft or open; a changed deadline may not be a past day; the opening day may not
    /// follow the deadline; closing automatically needs a deadline.
    /// </summary>
    public void PlanCalendar(DateOnly? opensOn, DateOnly? deadline, bool autoClose, DateOnly today)
    {
        if (deadline is { } d && d != Deadline)
        {
            ChangeDeadline(d, today);
        }
        else if (Status is not (EditionStatus.Draft or EditionStatus.Open))
        {
            throw new DomainRuleException(
                "edition.deadline_frozen",
                $"Edition {Code} is {Status.ToString().ToLowerInvariant()}: its calendar can no longer change. Reopen it first.");
        }

        if (opensOn is { } o && deadline is { } end && o > end)
        {
            throw new DomainRuleException("edition.opens_after_deadline", $"Edition {Code}: the opening day {o:yyyy-MM-dd} is after the deadline {end:yyyy-MM-dd}.");
        }

        if (autoClose && deadline is null)
        {
            throw new DomainRuleException("edition.auto_close_needs_deadline", $"Edition {Code}: closing automatically needs a deadline.");
        }

        Deadline = deadline;
        OpensOn = opensOn;
        AutoCloseAtDeadline = autoClose;
    }

    /// <summary>Records which questionnaire version is current. Closed and published editions are frozen.</summary>
    public void UseQuestionnaireVersion(int number)
    {
        if (Status is EditionStatus.Closed or EditionStatus.Published && QuestionnaireVersion != 0)
        {
            throw new DomainRuleException(
                "edition.questionnaire_frozen",
                $"Edition {Code} is {Status.ToString().ToLowerInvariant()}: its questionnaire can no longer change. Reopen it first.");
        }

        QuestionnaireVersion = number;
    }

    public static bool CanMove(EditionStatus from, EditionStatus to) => (from, to) switch
    {
        (EditionStatus.Draft, EditionStatus.Open) => true,
        (EditionStatus.Open, EditionStatus.Closed) => true,
        (EditionStatus.Closed, EditionStatus.Published) => true,
        (EditionStatus.Closed, EditionStatus.Open) => true,      // reopen, with a reason
        (EditionStatus.Published, EditionStatus.Closed) => true, // unpublish to correct, with a reason
        _ => false,
    };

    public void Open(DateTimeOffset now)
    {
        MoveTo(EditionStatus.Open, reason: null);
        OpenedAt ??= now;
        ClosedAt = null;
    }

    public void Close(DateTimeOffset now)
    {
        MoveTo(EditionStatus.Closed, reason: null);
        ClosedAt = now;
    }

    public void Publish(DateTimeOffset now)
    {
        MoveTo(EditionStatus.Published, reason: null);
        PublishedAt = now;
    }

    /// <summary>
    /// Takes a Closed edition back to Open, or a Published one back to Closed. Both need a reason, which the
    /// caller records in the audit trail.
    /// </summary>
    public void Reopen(string reason, DateTimeOffset now)
    {
        var target = Status switch
        {
            EditionStatus.Closed => EditionStatus.Open,
            EditionStatus.Published => EditionStatus.Closed,
            _ => throw Refused(Status, Status == EditionStatus.Open ? EditionStatus.Open : EditionStatus.Draft),
        };
        MoveTo(target, reason);
        if (target == EditionStatus.Open)
        {
            ClosedAt = null;
        }
        else
        {
            PublishedAt = null;
            ClosedAt = now;
        }
    }

    private void MoveTo(EditionStatus target, string? reason)
    {
        if (!CanMove(Status, target))
        {
            throw Refused(Status, target);
        }

        var isReopening = (Status, target) is (EditionStatus.Closed, EditionStatus.Open) or (EditionStatus.Published, EditionStatus.Closed);
        if (isReopening && string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("edition.reason_required", $"Reopening edition {Code} needs a reason.");
        }

        Status = target;
    }

    private DomainRuleException Refused(EditionStatus from, EditionStatus to) =>
        new("edition.transition", $"Edition {Code} cannot move from {from} to {to}.");

    private static string ValidateCode(string code)
    {
        code = (code ?? string.Empty).Trim();
        if (code.Length is 0 or > MaxCodeLength || !CodePattern().IsMatch(code))
        {
            throw new DomainRuleException(
                "edition.code",
                $"Edition code '{code}' must be 1–{MaxCodeLength} characters of letters, digits or '-'.");
        }

        return code;
    }

    private static string Required(string value, string field, int maxLength)
    {
        value = (value ?? string.Empty).Trim();
        if (value.Length == 0)
        {
            throw new DomainRuleException($"edition.{field}", $"The edition's {field} is required.");
        }

        if (value.Length > maxLength)
        {
            throw new DomainRuleException($"edition.{field}", $"The edition's {field} is longer than {maxLength} characters.");
        }

        return value;
    }

    [GeneratedRegex("^[A-Za-z0-9-]+$")]
    private static partial Regex CodePattern();
}
