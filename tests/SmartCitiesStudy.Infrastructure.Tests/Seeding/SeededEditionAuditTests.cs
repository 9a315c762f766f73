using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Domain.Audit;
using SmartCitiesStudy.Infrastructure.Seeding;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Infrastructure.Tests.Seeding;

/// <summary>
/// An edition's audit page must not be empty for an edition that was opened, closed and published: reference data and
/// the demo leave the entries the same steps leave in the portal, by "System".
/// </summary>
public sealed class SeededEditionAuditTests
{
    [Fact]
    public async Task Historical_editions_have_their_created_opened_closed_published_entries_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var services = database.CreateServices();
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync(ct);
        }

        await using var db = database.CreateContext();
        var edition = await db.Editions.SingleAsync(e => e.Code == "2017", ct);
        var entries = await db.AuditEntries.Where(a => a.EditionId == edition.Id).OrderBy(a => a.Id).ToListAsync(ct);
        Assert.Equal(
            ["edition.created", "Draft→Open", "Open→Closed", "Closed→Published"],
            entries.Select(e => e.Action == AuditActions.EditionCreated ? e.Action : $"{e.Before}→{e.After}"));
        Assert.All(entries, e => Assert.Equal("System", e.UserName));
        Assert.All(entries, e => Assert.Contains("Reference data", e.Reason, StringComparison.Ordinal));
        foreach (var code in new[] { "2012", "2019" })
        {
            var other = await db.Editions.SingleAsync(e => e.Code == code, ct);
            Assert.Equal(4, await db.AuditEntries.CountAsync(a => a.EditionId == other.Id, ct));
        }
    }

    [Fact]
    public async Task The_demo_open_edition_has_its_created_and_opened_entries()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var services = database.CreateServices();
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(ct);
        }

        await using var db = database.CreateContext();
        var edition = await db.Editions.SingleAsync(e => e.Code == DemoDataSeeder.NextEditionCode, ct);
        var entries = await db.AuditEntries.Where(a => a.EditionId == edition.Id).OrderBy(a => a.Id)
            .Select(a => new { a.Action, a.After, a.UserName }).ToListAsync(ct);
        Assert.Equal(AuditActions.EditionCreated, entries[0].Action);
        Assert.Equal(AuditActions.EditionStatusChanged, entries[1].Action);
        Assert.Equal("Open", entries[1].After);
        Assert.All(entries, e => Assert.Equal("System", e.UserName));
    }
}
