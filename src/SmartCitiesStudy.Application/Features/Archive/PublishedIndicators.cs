using SmartCitiesStudy.Domain.Archive;
using SmartCitiesStudy.Domain.Indicators;

namespace SmartCitiesStudy.Application.Features.Archive;

/// <summary>
/// A published study's figures in the indicator contract (<see cref="IndicatorDocument"/>, source = published):
/// the numbers as printed, null where the publication gives none, no breakdown (none was published per question).
/// </summary>
public static class PublishedIndicators
{
    public static IndicatorDocument For(PublishedStudy study)
    {
        ArgumentNullException.ThrowIfNull(study);
        return new IndicatorDocument(study.Edition, study.Respondents, [.. study.Figures.Select(f => Indicator(f, study.Respondents))])
        {
            Source = FiguresSource.Published,
            QuestionnaireReconstructed = study.QuestionnaireReconstructed,
        };
    }

    private static Indicator Indicator(PublishedFigure figure, int respondents) => figure.Kind switch
    {
        "share" => new ShareIndicator(
            figure.Id,
            figure.Numerator ?? throw Missing(figure, "numerator"),
            figure.Denominator ?? throw Missing(figure, "denominator"),
            figure.Percent,
            respondents - figure.Denominator.Value,
            [],
            [])
        { Note = figure.Note },
        "choice" => new ChoiceIndicator(
            figure.Id,
            figure.Denominator,
            figure.Denominator is { } n ? respondents - n : null,
            [.. (figure.Options ?? []).Select(o => new OptionShare(o.Code, o.Numerator, o.Percent))])
        { Note = figure.Note },
        "mean" => new MeanIndicator(figure.Id, figure.Denominator, figure.Denominator is { } n ? respondents - n : null, figure.Mean, null)
        { Note = figure.Note },
        _ => throw new InvalidOperationException($"Published figure {figure.Id} has an unknown kind '{figure.Kind}'."),
    };

    private static InvalidOperationException Missing(PublishedFigure figure, string what) =>
        new($"Published share {figure.Id} has no {what}: a share is published as x of N.");
}
