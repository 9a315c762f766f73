using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Cities;
using SmartCitiesStudy.Domain.Audit;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Application.Tests.Features.Cities;

/// <summary>Focal points and UCLG membership: edited by the secretariat, imported and exported as CSV.</summary>
public sealed class CityContactsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task Contacts_and_membership_round_trip_through_the_csv_export_and_import()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var services = database.CreateServices(s => s.AddStudyApplication());
        var import = services.GetRequiredService<ImportCities>();
        var file = Utf8("name,country,region,slug,population,uclg_member,regional_section,contact1_name,contact1_email,contact1_language,contact1_role,contact2_name,contact2_email,contact2_language,contact2_role\r\n"
            + "Bilbao,Spain,Europe,,345100,yes,CEMR,Ane Etxeberria,ANE@Bilbao.example ,es,\"Director, Smart City\",Jon Doe,jon@bilbao.example,EN,\r\n"
            + "Dakar,Senegal,Africa,,,no,,Awa Diop,awa@dakar.example,fr,CIO,,,,\r\n"
            + "Lima,Peru,America,,,,,,,,,,,,\r\n");

        var first = await import.ExecuteAsync(file, "2017", dryRun: false, CityUser.Secretariat, Ct);
        Assert.True(first.Stored, string.Join("\n", first.Problems));
        Assert.Equal(3, first.Added);

        var exported = await services.GetRequiredService<ExportCities>().ExecuteAsync("2017", CityUser.Secretariat, Ct);
        Assert.NotNull(exported);
        var lines = exported.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("name,country,region,slug,population,uclg_member,regional_section,contact1_name,contact1_email,contact1_language,contact1_role,contact2_name,contact2_email,contact2_language,contact2_role", lines[0]);
        Assert.Equal("Bilbao,Spain,Europe,bilbao,345100,yes,CEMR,Ane Etxeberria,ane@bilbao.example,es,\"Director, Smart City\",Jon Doe,jon@bilbao.example,en,", lines[1]);
        Assert.Equal("Dakar,Senegal,Africa,dakar,,no,,Awa Diop,awa@dakar.example,fr,CIO,,,,", lines[2]);
        Assert.Equal("Lima,Peru,America,lima,,no,,,,,,,,,", lines[3]);

        // Importing the export changes nothing; a changed contact is one update, audited.
        var again = await import.ExecuteAsync(Utf8(exported), "2017", dryRun: false, CityUser.Secretariat, Ct);
        Assert.Equal((0, 0, 3), (again.Added, again.Updated, again.Unchanged));
        var changed = await import.ExecuteAsync(Utf8(exported.Replace("Awa Diop,awa@dakar.example,fr,CIO", "Awa Diop,awa.diop@dakar.example,fr,CIO", StringComparison.Ordinal)), "2017", dryRun: false, CityUser.Secretariat, Ct);
        Assert.Equal((0, 1, 2), (changed.Added, changed.Updated, changed.Unchanged));

        await using var db = database.CreateContext();
        var dakar = await db.Cities.SingleAsync(c => c.Slug == "dakar", Ct);
        Assert.Equal("awa.diop@dakar.example", (await db.CityContacts.SingleAsync(c => c.CityId == dakar.Id, Ct)).Email);
        var audit = await db.AuditEntries.Where(a => a.Action == AuditActions.CityContactsChanged && a.EntityId == dakar.Id.ToString()).OrderBy(a => a.Id).ToListAsync(Ct);
        Assert.Equal("not a UCLG member; contacts: Awa Diop <awa.diop@dakar.example> fr, CIO", audit[^1].After);
        var bilbao = await db.Cities.SingleAsync(c => c.Slug == "bilbao", Ct);
        Assert.Equal((true, "CEMR"), (bilbao.UclgMember, bilbao.RegionalSection));
    }

    [Fact]
    public async Task Bad_contact_cells_are_listed_by_row_and_column_and_nothing_is_stored()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var services = database.CreateServices(s => s.AddStudyApplication());
        var file = Utf8("""
            name,country,region,uclg_member,contact1_name,contact1_email,contact1_language,contact2_name,contact2_email
            Bilbao,Spain,Europe,maybe,Ane,ane@bilbao.example,es,,
            Dakar,Senegal,Africa,no,Awa,awa at dakar.example,fr,,
            Lima,Peru,America,yes,Rosa,rosa@lima.example,pt,,
            Quito,Ecuador,America,yes,,pedro@quito.example,es,Luz,PEDRO@quito.example
            """);

        var result = await services.GetRequiredService<ImportCities>().ExecuteAsync(file, null, dryRun: false, CityUser.Secretariat, Ct);

        Assert.False(result.Stored);
        Assert.Equal(
        [
            "row 2, column uclg_member: 'maybe' is not yes or no.",
            "row 3, column contact1_email: 'awa at dakar.example' is not an e-mail address.",
            "row 4, column contact1_language: 'pt' is not a language of the study; use en, es or fr.",
            "row 5, column contact1_name: The contact's name is required.",
        ], result.Problems.Select(p => p.ToString()));
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.CityContacts.CountAsync(Ct));
        Assert.False(await db.Cities.AnyAsync(c => c.Name == "Bilbao", Ct));
    }

    [Fact]
    public async Task The_secretariat_edits_contacts_others_cannot_see_them()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var services = database.CreateServices(s => s.AddStudyApplication());
        await services.GetRequiredService<SaveCity>().ExecuteAsync(new CityInput(null, "Porto", "Portugal", Region.Europe, null), CityUser.Secretariat, Ct);
        var contacts = services.GetRequiredService<CityContacts>();
        int cityId;
        await using (var db = database.CreateContext())
        {
            cityId = await db.Cities.Where(c => c.Slug == "porto").Select(c => c.Id).SingleAsync(Ct);
        }

        var view = await contacts.LoadAsync(cityId, CityUser.Secretariat, Ct);
        Assert.NotNull(view);
        Assert.Null(await contacts.LoadAsync(cityId, CityUser.Reviewer, Ct));
        Assert.False((await contacts.SaveAsync(new CityContactsInput(cityId, true, null, [], view.Version), CityUser.Reviewer, Ct)).Succeeded);

        var bad = await contacts.SaveAsync(new CityContactsInput(cityId, true, "CEMR", [new("Rui", "rui@porto.example", "pt", null), new("Ana", "not-an-address", "en", null)], view.Version), CityUser.Secretariat, Ct);
        Assert.Equal("Contact 1, language: 'pt' is not a language of the study; use en, es or fr. Contact 2, email: 'not-an-address' is not an e-mail address.", bad.Error);

        var saved = await contacts.SaveAsync(new CityContactsInput(cityId, true, "CEMR", [new("Rui", "Rui@Porto.example", "es", "Mayor's office")], view.Version), CityUser.Secretariat, Ct);
        Assert.True(saved.Succeeded, saved.Error);
        var reloaded = await contacts.LoadAsync(cityId, CityUser.Secretariat, Ct);
        Assert.Equal(new ContactInput("Rui", "rui@porto.example", "es", "Mayor's office"), Assert.Single(reloaded!.Contacts));
        Assert.True(reloaded.UclgMember);

        var stale = await contacts.SaveAsync(new CityContactsInput(cityId, false, null, [], view.Version), CityUser.Secretariat, Ct);
        Assert.Equal(SaveCity.ConcurrencyCode, stale.ErrorCode);
    }
}
