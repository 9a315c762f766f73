using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;

namespace SmartCitiesStudy.Application.Features.Facts;

/// <summary>The facts of an edition (<see cref="EditionFactsView"/>). Callers decide who may see which edition.</summary>
public sealed class LoadEditionFacts(IStudyDbContextFactory dbFactory)
{
    /// <summary>The codes of the editions whose questionnaire is a reconstruction (ADR 0004).</summary>
    public async Task<IReadOnlySet<string>> ReconstructedQuestionnairesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var codes = await (
                from f in db.EditionFacts.AsNoTracking()
                join e in db.Editions.AsNoTracking() on f.EditionId equals e.Id
                where f.QuestionnaireReconstructed
                select e.Code)
            .ToListAsync(cancellationToken);
        return codes.ToHashSet(StringComparer.Ordinal);
    }

    /// <returns>Null when the edition does not exist.</returns>
    public async Task<EditionFactsView?> ExecuteAsync(string editionCode, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var edition = await db.Editions.AsNoTracking()
            .Where(e => e.Code == editionCode)
            .Select(e => new { e.Id, e.Code, e.OpenedAt, e.ClosedAt, e.Deadline, e.PublishedAt, Archived = db.PublishedRecords.Any(r => r.EditionId == e.Id) })
            .SingleOrDefaultAsync(cancellationToken);
        if (edition is null)
        {
            return null;
        }

        var facts = await db.EditionFacts.AsNoTracking().SingleOrDefaultAsync(f => f.EditionId == edition.Id, cancellationToken);
        var view = new EditionFactsView(edition.Code, facts?.PublishingBody, facts?.CollectionPeriod, facts?.PublicationDate, facts?.Methodology, ChangedBySecretariat: facts?.ChangedBySecretariat == true, QuestionnaireReconstructed: facts?.QuestionnaireReconstructed == true);
        if (edition.Archived)
        {
            return view;
        }

        // Run in the portal: its own dates say when the data were collected and when it was published.
        var until = edition.Deadline ?? (edition.ClosedAt is { } closed ? DateOnly.FromDateTime(closed.UtcDateTime) : null);
        return view with
        {
            CollectedFrom = view.CollectionPeriod is null && edition.OpenedAt is { } opened ? DateOnly.FromDateTime(opened.UtcDateTime) : null,
            CollectedUntil = view.CollectionPeriod is null ? until : null,
            PublishedOn = view.PublicationDate is null && edition.PublishedAt is { } published ? DateOnly.FromDateTime(published.UtcDateTime) : null,
        };
    }
}
