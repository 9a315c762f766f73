using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Exports;
using SmartCitiesStudy.Application.Features.Indicators;
using SmartCitiesStudy.Application.Features.Publication;
using SmartCitiesStudy.Application.Features.Questionnaires;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Domain.Indicators;

namespace SmartCitiesStudy.Application.Features.DataPackages;

/// <summary>
/// A published edition as a Frictionless Data Package (ADR 0029): <see cref="PrepareAsync"/> gathers what it holds
/// (null for an edition that is not published), <see cref="DataPackageZip.WriteAsync"/> streams the ZIP. Built
/// from the same use cases as the other downloads: the public responses export (no "other" texts, no personal
/// data), the indicators of the API and the participating cities.
/// </summary>
public sealed class BuildDataPackage(
    IStudyDbContextFactory dbFactory,
    LoadQuestionnaire loadQuestionnaire,
    ComputeIndicators computeIndicators,
    ListParticipants listParticipants,
    ExportApprovedResponses exportResponses,
    LoadCitationSettings loadSettings,
    CiteEdition cite)
{
    /// <param name="editionCode">The edition, e.g. 2017.</param>
    /// <param name="editionUrl">The edition's public page, cited as the data's address (null when unknown, e.g. the CLI without --url).</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>Null when the edition does not exist or is not published.</returns>
    public async Task<DataPackage?> PrepareAsync(string editionCode, Uri? editionUrl, CancellationToken cancellationToken = default)
    {
        EditionRow? edition;
        await using (var db = await dbFactory.CreateAsync(cancellationToken))
        {
            edition = await db.Editions.AsNoTracking()
                .Where(e => e.Code == editionCode && e.Status == EditionStatus.Published)
                .Select(e => new EditionRow(e.Code, e.Title, e.Theme, e.Year, e.PublishedAt))
                .SingleOrDefaultAsync(cancellationToken);
        }

        if (edition is null || await computeIndicators.ExecuteAsync(edition.Code, cancellationToken) is not { } indicators)
        {
            return null;
        }

        var citation = await cite.ExecuteAsync(edition.Code, editionUrl, cancellationToken);
        if (citation is null)
        {
            return null; // unpublished in between
        }

        var settings = await loadSettings.ExecuteAsync(edition.Code, cancellationToken);
        var questionnaire = await loadQuestionnaire.ExecuteAsync(edition.Code, cancellationToken: cancellationToken);
        var cities = await listParticipants.ExecuteAsync(edition.Code, cancellationToken);
        var responses = indicators.Source == FiguresSource.Responses
            ? await exportResponses.ExecuteAsync(edition.Code, includeOtherTexts: false, cancellationToken)
            : null;
        return new DataPackage(
            edition.Code,
            edition.Title,
            edition.Theme,
            edition.Year,
            edition.PublishedAt ?? DateTimeOffset.UnixEpoch,
            citation,
            settings.Methodology,
            questionnaire?.Definition,
            indicators,
            cities,
            responses);
    }

    private sealed record EditionRow(string Code, string Title, string Theme, int Year, DateTimeOffset? PublishedAt);
}
