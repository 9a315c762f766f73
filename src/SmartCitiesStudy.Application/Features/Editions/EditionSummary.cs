using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Domain.Indicators;

namespace SmartCitiesStudy.Application.Features.Editions;

/// <summary>
/// An edition as lists show it. <see cref="PublishedRespondents"/> is the participating cities its publication gives,
/// for an edition run before the portal (ADR 0013); <see cref="HoldsDemoData"/> marks the Development demo's.
/// </summary>
public sealed record EditionSummary(
    int Id,
    string Code,
    string Title,
    string Theme,
    int Year,
    EditionStatus Status,
    DateOnly? Deadline,
    int ApprovedResponses,
    int QuestionnaireVersion = 0,
    int Version = 0,
    int? PublishedRespondents = null,
    bool HoldsDemoData = false,
    DateOnly? OpensOn = null,
    bool AutoCloseAtDeadline = false)
{
    /// <summary>Published figures while no response is approved; then the responses (ADR 0013).</summary>
    public FiguresSource FiguresSource => PublishedRespondents is not null && ApprovedResponses == 0 ? FiguresSource.Published : FiguresSource.Responses;

    /// <summary>The participating cities readers see: the published count, or the approved responses.</summary>
    public int Respondents => FiguresSource == FiguresSource.Published ? PublishedRespondents!.Value : ApprovedResponses;
}
