using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Domain.Audit;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Infrastructure.Tests.Persistence;

public sealed class AuditTrailTests
{
    [Fact]
    public async Task Audit_entries_cannot_be_changed_or_deleted_even_with_raw_sql()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        var entry = new AuditEntry(DateTimeOffset.UtcNow, "u1", "Sara", AuditActions.EditionStatusChanged, "edition", "2017", before: "Open", after: "Closed");
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync(ct);

        var update = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET after = 'Published'", ct));
        var delete = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries", ct));

        Assert.Contains("append-only", update?.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete?.Message, StringComparison.Ordinal);
        await using var check = database.CreateContext();
        // The reference data's own entries (the archived editions' lifecycle) are there too, and unchanged alike.
        Assert.Equal("Closed", await check.AuditEntries.Where(a => a.Id == entry.Id).Select(a => a.After).SingleAsync(ct));
    }
}
