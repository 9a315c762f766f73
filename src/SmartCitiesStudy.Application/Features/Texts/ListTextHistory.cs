using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Audit;

namespace SmartCitiesStudy.Application.Features.Texts;

/// <summary>One change of a block, from the audit trail.</summary>
public sealed record TextChange(DateTimeOffset At, string? By, string? Before, string? After);

/// <summary>The history of a block in a language, newest first (the audit entries its saves wrote).</summary>
public sealed class ListTextHistory(IStudyDbContextFactory dbFactory)
{
    public async Task<IReadOnlyList<TextChange>> ExecuteAsync(string editionCode, string block, string language, StudyUser user, CancellationToken cancellationToken = default)
    {
        if (!user.IsSecretariat)
        {
            return [];
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var editionId = await db.Editions.Where(e => e.Code == editionCode).Select(e => (int?)e.Id).SingleOrDefaultAsync(cancellationToken);
        var entityId = $"{block}/{language}";
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EditionId == editionId && a.EntityType == "text" && a.EntityId == entityId && a.Action == AuditActions.TextChanged)
            .Select(a => new { a.Id, a.At, a.UserName, a.Before, a.After })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(a => a.Id).Select(a => new TextChange(a.At, a.UserName, a.Before, a.After))];
    }
}
