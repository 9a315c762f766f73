using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SmartCitiesStudy.Domain.Common;

namespace SmartCitiesStudy.Infrastructure.Persistence;

/// <summary>
/// Increments <see cref="IHasVersion.Version"/> on every modified entity before it is saved. The original value is
/// what EF checks in the UPDATE's WHERE clause, so a save based on stale data affects no row and fails.
/// </summary>
internal sealed class VersionIncrementInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Increment(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Increment(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Increment(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries<IHasVersion>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.Version++;
            }
        }
    }
}
