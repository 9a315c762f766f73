using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SmartCitiesStudy.Domain.Common;

namespace SmartCitiesStudy.Infrastructure.Persistence;

/// <summary>
/// Applies <see cref="EventTimes.EnsureNotLater"/> to every <see cref="EventTimeAttribute"/> property of what is about
/// to be stored (added, or changed in that property): whatever path wrote the time (a use case, an import, the demo
/// seeder), the database never records an event later than the clock. The save is refused as a whole.
/// </summary>
internal sealed class EventTimeInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly ConcurrentDictionary<Type, string[]> MarkedProperties = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Check(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            foreach (var name in MarkedProperties.GetOrAdd(entry.Entity.GetType(), Marked))
            {
                var property = entry.Property(name);
                if ((entry.State == EntityState.Added || property.IsModified) && property.CurrentValue is DateTimeOffset when)
                {
                    EventTimes.EnsureNotLater(when, now, $"{entry.Metadata.ClrType.Name}.{name}");
                }
            }
        }
    }

    private static string[] Marked(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<EventTimeAttribute>() is not null)
            .Select(p => p.Name)];
}
