using SmartCitiesStudy.Application.Features.Exports;
using SmartCitiesStudy.Application.Features.Publication;
using SmartCitiesStudy.Domain.Indicators;
using SmartCitiesStudy.Domain.Questionnaires;

namespace SmartCitiesStudy.Application.Features.DataPackages;

/// <summary>
/// What goes into a published edition's package, gathered before the first byte is written (so a refusal is still
/// possible): its facts, citation, questionnaire, figures and cities. <see cref="Responses"/> is the approved answers,
/// read row by row while the ZIP is written; null for an edition whose figures come from its publication.
/// </summary>
public sealed record DataPackage(
    string EditionCode,
    string Title,
    string Theme,
    int Year,
    DateTimeOffset Created,
    StudyCitation Citation,
    string? Methodology,
    QuestionnaireDefinition? Questionnaire,
    IndicatorDocument Indicators,
    IReadOnlyList<Participant> Cities,
    ResponseTable? Responses)
{
    /// <summary>The package's name: lower-case letters, digits and dashes.</summary>
    public string Name => "smart-cities-study-" + new string([.. EditionCode.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);

    public string FileName => Name + ".zip";
}

/// <summary>How many rows each resource of a written package holds.</summary>
public sealed record DataPackageCounts(int Responses, int Indicators, int Questions, int Cities);
