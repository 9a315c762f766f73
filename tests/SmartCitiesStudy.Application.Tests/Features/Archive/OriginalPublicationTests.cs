using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Archive;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Audit;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Application.Tests.Features.Archive;

/// <summary>The secretariat attaches the original PDF of an edition's study per language; only whole PDFs are kept.</summary>
public sealed class OriginalPublicationTests
{
    /// <summary>The smallest file the check accepts as a whole PDF.</summary>
    public static byte[] Pdf(string marker) => Encoding.ASCII.GetBytes($"%PDF-1.4\n% {marker}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

    [Fact]
    public async Task The_secretariat_attaches_an_original_per_language_replacing_it_and_the_trail_says_so()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var services = database.CreateServices(s => s.AddStudyApplication());
        var attach = services.GetRequiredService<AttachOriginalPublication>();
        var originals = services.GetRequiredService<OriginalPublications>();

        Assert.Empty(await originals.LanguagesAsync("2017", ct));
        Assert.True((await attach.ExecuteAsync("2017", "es", Pdf("first es"), StudyUser.System, ct)).Succeeded);
        Assert.True((await attach.ExecuteAsync("2017", "EN", Pdf("en"), StudyUser.System, ct)).Succeeded);
        Assert.True((await attach.ExecuteAsync("2017", "es", Pdf("second es"), StudyUser.System, ct)).Succeeded);

        Assert.Equal(["en", "es"], await originals.LanguagesAsync("2017", ct));
        var es = await originals.FindAsync("2017", "es", ct);
        Assert.Equal(Pdf("second es"), es!.Content);
        Assert.Equal(("smart-cities-study-2017-original-es.pdf", 64), (es.FileName, es.ETag.Length));
        Assert.Null(await originals.FindAsync("2017", "fr", ct));
        Assert.Empty(await originals.LanguagesAsync("2012", ct));

        await using var db = database.CreateContext();
        var trail = await db.AuditEntries.AsNoTracking().Where(a => a.Action == AuditActions.PublicationAttached).OrderBy(a => a.Id).ToListAsync(ct);
        Assert.Equal(3, trail.Count);
        Assert.All(trail, a => Assert.Equal(("edition", "2017"), (a.EntityType, a.EntityId)));
        Assert.Null(trail[0].Before);
        Assert.StartsWith("es: ", trail[2].After, StringComparison.Ordinal);
        Assert.NotNull(trail[2].Before); // the replaced file is named by its size and hash
    }

    [Fact]
    public async Task A_file_that_is_not_a_whole_pdf_or_too_large_or_from_an_officer_is_refused_and_nothing_is_stored()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var services = database.CreateServices(s => s.AddStudyApplication());
        var attach = services.GetRequiredService<AttachOriginalPublication>();

        var html = await attach.ExecuteAsync("2017", "en", Encoding.UTF8.GetBytes("<html><body>not a pdf</body></html>"), StudyUser.System, ct);
        Assert.Equal("The file is not a PDF: it does not start with the PDF signature %PDF-.", html.Error);
        var cut = Pdf("cut")[..20];
        Assert.Equal("The file is not a whole PDF: it does not end with %%EOF (was it cut short?).", (await attach.ExecuteAsync("2017", "en", cut, StudyUser.System, ct)).Error);
        var huge = new byte[AttachOriginalPublication.MaxFileBytes + 1];
        Assert.Equal("The file is larger than 50 MiB.", AttachOriginalPublication.Check(huge));
        Assert.Equal("Language 'de' is not one of en, es, fr.", (await attach.ExecuteAsync("2017", "de", Pdf("de"), StudyUser.System, ct)).Error);
        Assert.Equal("There is no edition '1999'.", (await attach.ExecuteAsync("1999", "en", Pdf("x"), StudyUser.System, ct)).Error);
        var officer = new StudyUser("o", "O", 1, new HashSet<string> { StudyRoles.CityOfficer });
        Assert.Equal("forbidden", (await attach.ExecuteAsync("2017", "en", Pdf("x"), officer, ct)).ErrorCode);

        await using var db = database.CreateContext();
        Assert.Equal(0, await db.GeneratedReports.CountAsync(ct));
        Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.PublicationAttached, ct));
    }
}
