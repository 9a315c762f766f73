using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Cities;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Application.Tests.Features.Cities;

public sealed class ImportCitiesTests
{
    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task A_good_file_adds_and_updates_cities_and_records_populations_for_the_edition()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var services = database.CreateServices(s => s.AddStudyApplication());
        await services.GetRequiredService<SaveCity>().ExecuteAsync(new CityInput(null, "Bilbao", "Spain", Region.Asia, null), CityUser.Secretariat, ct);
        var import = services.GetRequiredService<ImportCities>();
        var file = Utf8("\uFEFFname,country,region,slug,population\r\n"
            + "bilbao,spain,Europe,,345100\r\n"
            + "\"São Paulo\",Brazil,america,,12106900\r\n"
            + "\"=HYPERLINK(\"\"x\"\")\",Nowhere,Oceania,formula-town,\r\n"
            + "\r\n");

        var dry = await import.ExecuteAsync(file, "2017", dryRun: true, CityUser.Secretariat, ct);
        Assert.True(dry.Succeeded);
        Assert.False(dry.Stored);
        Assert.Equal((2, 1, 2), (dry.Added, dry.Updated, dry.Populations));
        await using (var db = database.CreateContext())
        {
            Assert.Equal(1, await db.Cities.CountAsync(ct));
        }

        var result = await import.ExecuteAsync(file, "2017", dryRun: false, CityUser.Secretariat, ct);
        Assert.True(result.Stored, string.Join("\n", result.Problems));
        Assert.Equal((2, 1, 0, 2), (result.Added, result.Updated, result.Unchanged, result.Populations));

        var cities = await services.GetRequiredService<ListCities>().ExecuteAsync(new CityQuery(EditionCode: "2017"), ct);
        Assert.Equal(3, cities.Count);
        var bilbao = cities.Single(c => c.Slug == "bilbao");
        Assert.Equal(("bilbao", Region.Europe, 345_100L), (bilbao.Name, bilbao.Region, bilbao.Population!.Value)); // updated (as the file writes it), not duplicated
        Assert.Equal("=HYPERLINK(\"x\")", cities.Single(c => c.Slug == "formula-town").Name);
        Assert.Equal(PopulationBand.Over1M, cities.Single(c => c.Slug == "sao-paulo").Band);

        var again = await import.ExecuteAsync(file, "2017", dryRun: false, CityUser.Secretariat, ct);
        Assert.Equal((0, 0, 3, 0), (again.Added, again.Updated, again.Unchanged, again.Populations));
    }

    [Fact]
    public async Task Every_bad_row_is_listed_with_row_and_column_and_nothing_is_stored()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var services = database.CreateServices(s => s.AddStudyApplication());
        await services.GetRequiredService<SaveCity>().ExecuteAsync(new CityInput(null, "Porto", "Portugal", Region.Europe, null), CityUser.Secretariat, ct);
        var file = Utf8("""
            name,country,region,slug,population
            Good City,Spain,Europe,,1000
            ,Spain,Europe,,
            Atlantis,Ocean,Antarctica,,
            Bilbao,Spain,Europe,,lots
            Bilbao,Spain,Europe,,
            Braga,Portugal,Europe,porto,
            Vigo,Spain,Europe,Bad Slug,
            Lugo,Spain
            Ourense,Spain,Europe,,200000000
            """);

        var result = await services.GetRequiredService<ImportCities>().ExecuteAsync(file, "2017", dryRun: false, CityUser.Secretariat, ct);

        Assert.False(result.Stored);
        Assert.Equal(
        [
            "row 3, column name: The name is missing.",
            "row 4, column region: 'Antarctica' is not a region; use Africa, America, Asia, Europe or Oceania.",
            "row 5, column population: 'lots' is not a whole number (digits only, no separators).",
            "row 7, column slug: The slug 'porto' already belongs to Porto, Portugal; give this city another slug.",
            "row 8, column slug: Slug 'Bad Slug' must be lower-case letters, digits and single dashes.",
            "row 9: The row has 2 cell(s); the header has 5.",
            "row 10, column population: 200000000 is more than 100,000,000.",
        ], result.Problems.Select(p => p.ToString()));
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.Cities.CountAsync(ct));
        Assert.Equal(0, await db.CityPopulations.CountAsync(ct));
    }

    [Fact]
    public async Task Duplicates_headers_encoding_size_and_missing_edition_are_explained()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var services = database.CreateServices(s => s.AddStudyApplication());
        var import = services.GetRequiredService<ImportCities>();

        async Task<string[]> Problems(byte[] file, string? edition = "2017") =>
            [.. (await import.ExecuteAsync(file, edition, dryRun: false, CityUser.Secretariat, ct)).Problems.Select(p => p.ToString())];

        Assert.Equal(["row 3, column name: vigo, SPAIN is already on row 2."], await Problems(Utf8("name,country,region\nVigo,Spain,Europe\nvigo,SPAIN,Europe\n")));
        Assert.Equal(["row 3, column slug: The slug 'vigo' is already used on row 2."], await Problems(Utf8("name,country,region,slug\nVigo,Spain,Europe,vigo\nOther,Spain,Europe,vigo\n")));
        Assert.Equal(
            ["row 1, column town: Unknown column; the columns are name, country, region, slug, population, optionally uclg_member, regional_section and contact1_name, contact1_email, contact1_language, contact1_role… up to contact5.", "row 1, column region: This column is required."],
            await Problems(Utf8("name,country,town\nVigo,Spain,Europe\n")));
        Assert.Equal(["row 1, column population: The file has populations: choose the edition they are for."], await Problems(Utf8("name,country,region,population\nVigo,Spain,Europe,5\n"), edition: null));
        Assert.Equal(["row 1: The columns are separated by ';'. Save the file with commas between columns (CSV UTF-8)."], await Problems(Utf8("name;country;region\nVigo;Spain;Europe\n")));

        var latin1 = Utf8("name,country,region\nVigo,Spain,Europe\n").Concat(new byte[] { (byte)'L', 0xE9, (byte)'o', (byte)',', (byte)'X', (byte)',', (byte)'A', (byte)'\n' }).ToArray();
        var notUtf8 = Assert.Single(await Problems(latin1));
        Assert.StartsWith("row 3: The file is not UTF-8 text", notUtf8, StringComparison.Ordinal);

        var big = new byte[ImportCities.MaxFileBytes + 1];
        Assert.StartsWith("file: The file is 2048 KiB; the limit is 2 MiB.", Assert.Single(await Problems(big)), StringComparison.Ordinal);
        Assert.Equal(["row 2: A quoted cell starts here and never ends (a missing closing \")."], await Problems(Utf8("name,country,region\n\"Vigo,Spain,Europe\n")));

        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Cities.CountAsync(ct));
    }
}
