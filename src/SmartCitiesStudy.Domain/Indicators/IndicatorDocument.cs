namespace SmartCitiesStudy.Domain.Indicators;

/// <summary>
/// Every indicator of an edition, in questionnaire order, computed over its approved responses
/// (<see cref="Respondents"/> of them), or as its publication printed them (<see cref="Source"/> = published,
/// <see cref="Respondents"/> = the participating cities it gives). The public contract of the CLI and the open-data API.
/// </summary>
public sealed record IndicatorDocument(string Edition, int Respondents, IReadOnlyList<Indicator> Indicators)
{
    public FiguresSource Source { get; init; } = FiguresSource.Responses;

    /// <summary>For figures as published: whether the portal's questionnaire of the edition is a reconstruction (ADR 0004).</summary>
    public bool QuestionnaireReconstructed { get; init; }
}
