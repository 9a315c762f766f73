using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Audit;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Audit;
using SmartCitiesStudy.Domain.Common;
using SmartCitiesStudy.Domain.Editions;

namespace SmartCitiesStudy.Application.Features.Facts;

/// <summary>What the secretariat writes as an edition's facts; empty text means "not stated".</summary>
public sealed record EditionFactsInput(string? PublishingBody, string? CollectionPeriod, string? PublicationDate, string? Methodology);

/// <summary>
/// The secretariat changes an edition's facts (publishing body, collection period, publication date, methodology).
/// Audited with the facts before and after; from then on <c>db migrate</c> no longer ships values for them.
/// </summary>
public sealed class ChangeEditionFacts(IStudyDbContextFactory dbFactory, TimeProvider clock)
{
    public async Task<OperationResult> ExecuteAsync(string editionCode, EditionFactsInput input, StudyUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsSecretariat)
        {
            return OperationResult.Refused("Only the secretariat can change the facts of an edition.", "forbidden");
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var edition = await db.Editions.SingleOrDefaultAsync(e => e.Code == editionCode, cancellationToken);
        if (edition is null)
        {
            return OperationResult.Refused($"There is no edition '{editionCode}'.", "edition.not_found");
        }

        var facts = await db.EditionFacts.SingleOrDefaultAsync(f => f.EditionId == edition.Id, cancellationToken);
        if (facts is null)
        {
            facts = new EditionFacts(edition.Id);
            db.EditionFacts.Add(facts);
        }

        var before = facts.Describe();
        var now = clock.GetUtcNow();
        try
        {
            facts.Change(input.PublishingBody, input.CollectionPeriod, input.PublicationDate, input.Methodology, now);
        }
        catch (DomainRuleException ex)
        {
            return OperationResult.Refused(ex.Message, ex.Code);
        }

        // A new edition version tells every instance to drop its cached reader pages (PublicationWatcher).
        db.Editions.Entry(edition).State = EntityState.Modified;
        db.Record(now, user, AuditActions.EditionFactsChanged, "edition", edition.Code, edition.Id, before: before, after: facts.Describe());
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Done;
    }
}
