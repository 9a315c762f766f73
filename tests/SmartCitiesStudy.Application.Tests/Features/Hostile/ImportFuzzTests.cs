using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Cities;
using SmartCitiesStudy.Application.Features.Imports;
using SmartCitiesStudy.Application.Tests.Features.Cities;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Application.Tests.Features.Hostile;

/// <summary>
/// 200 randomly damaged versions of a valid file each either import or are refused with problems that say where
/// (row, column) or that the whole file is wrong; never an exception, never part of a file stored.
/// </summary>
public sealed class ImportFuzzTests
{
    private const int Versions = 200;

    private const string Cities = "name,country,region,slug,population\r\n"
        + "Bilbao,Spain,Europe,,345100\r\n"
        + "\"São Paulo\",Brazil,America,,12106900\r\n"
        + "Porto,Portugal,Europe,porto,231800\r\n"
        + "Nairobi,Kenya,Africa,,4397073\r\n";

    private const string Responses = "city,country,region,population,status,ss_strategy,ss_formalised,investment_factors,investment_factors_other,university_share_25_30,parks_description\r\n"
        + "Fuzzville,Spain,Europe,120000,approved,yes,yes,quality_of_life|infrastructure,,30.5,\"Green, with \"\"quotes\"\"\"\r\n"
        + "Testburg,Germany,Europe,,draft,no,,,,,\r\n"
        + "Lagos,Nigeria,Africa,14000000,submitted,,,,,12,\r\n";

    [Fact]
    public async Task Damaged_city_files_import_or_are_refused_with_their_place_and_store_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var services = database.CreateServices(s => s.AddStudyApplication());
        var import = services.GetRequiredService<ImportCities>();
        var mutator = new Mutator(seed: 2026);
        var (stored, refused) = (0, 0);
        for (var i = 0; i < Versions; i++)
        {
            var file = mutator.Mutate(Cities);
            var before = await FingerprintAsync(database, ct);
            var result = await import.ExecuteAsync(file, i % 2 == 0 ? "2017" : null, dryRun: false, CityUser.Secretariat, ct);
            if (result.Stored)
            {
                Assert.Empty(result.Problems);
                stored++;
                continue;
            }

            refused++;
            AssertExplained(result.Problems, file, i);
            Assert.Equal(before, await FingerprintAsync(database, ct));
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"cities: {stored} stored, {refused} refused");
        Assert.True(refused > 0 && stored > 0, $"{stored} stored, {refused} refused: the mutations should give both");
    }

    [Fact]
    public async Task Damaged_response_files_import_or_are_refused_with_their_place_and_store_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateContext())
        {
            var edition = await db.Editions.SingleAsync(e => e.Code == "2017", ct);
            edition.Reopen("test: fuzz imports", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync(ct);
        }

        await using var services = database.CreateServices(s => s.AddStudyApplication());
        var import = services.GetRequiredService<ImportResponses>();
        var mutator = new Mutator(seed: 2017);
        var (stored, refused) = (0, 0);
        for (var i = 0; i < Versions; i++)
        {
            var file = mutator.Mutate(Responses);
            var before = await FingerprintAsync(database, ct);
            var result = await import.ExecuteAsync(file, "2017", dryRun: false, replace: true, replacePublished: true, CityUser.Secretariat, ct);
            if (result.Stored)
            {
                Assert.Empty(result.Problems);
                stored++;
                continue;
            }

            refused++;
            AssertExplained(result.Problems, file, i);
            Assert.Equal(before, await FingerprintAsync(database, ct));
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"responses: {stored} stored, {refused} refused");
        Assert.True(refused > 0 && stored > 0, $"{stored} stored, {refused} refused: the mutations should give both");
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("invalid-utf-8")]
    [InlineData("binary")]
    [InlineData("huge")]
    public async Task Broken_encodings_garbage_and_huge_files_are_refused_with_a_clear_message(string kind)
    {
        var ct = TestContext.Current.CancellationToken;
        var file = kind switch
        {
            "utf-16" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Responses)],
            "invalid-utf-8" => [.. Encoding.UTF8.GetBytes(Responses), 0xC3, 0x28, 0xFF, (byte)'\n'],
            "binary" => Garbage(),
            _ => Encoding.UTF8.GetBytes(Responses + string.Concat(Enumerable.Repeat("Bigtown,Spain,Europe,1,draft,,,,,,\"" + new string('x', 1000) + "\"\r\n", 6000))),
        };
        await using var database = await TestDatabase.CreateAsync();
        await using var services = database.CreateServices(s => s.AddStudyApplication());
        var responses = await services.GetRequiredService<ImportResponses>().ExecuteAsync(file, "2017", dryRun: false, replace: false, replacePublished: true, CityUser.Secretariat, ct);
        var cities = await services.GetRequiredService<ImportCities>().ExecuteAsync(file, null, dryRun: false, CityUser.Secretariat, ct);
        foreach (var problems in new[] { responses.Problems, cities.Problems })
        {
            var problem = Assert.Single(problems);
            var expected = kind == "huge" ? "the limit is" : "not UTF-8";
            Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
        }
    }

    private static byte[] Garbage()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        return bytes;
    }

    private static void AssertExplained(IReadOnlyList<CsvProblem> problems, byte[] file, int version)
    {
        var lines = file.Count(b => b == (byte)'\n') + 2;
        Assert.True(problems.Count > 0, $"version {version}: refused without a problem");
        foreach (var problem in problems)
        {
            Assert.False(string.IsNullOrWhiteSpace(problem.Message), $"version {version}: a problem without a message");
            Assert.True(problem.Row is null || (problem.Row >= 1 && problem.Row <= lines), $"version {version}: row {problem.Row} is not in the file ({problem})");
            Assert.True(problem.Column is null || problem.Row is not null, $"version {version}: a column without a row ({problem})");
            Assert.DoesNotContain("Exception", problem.Message, StringComparison.Ordinal);
        }
    }

    private static async Task<string> FingerprintAsync(TestDatabase database, CancellationToken ct)
    {
        await using var db = database.CreateContext();
        return string.Join('|', await db.Cities.CountAsync(ct), await db.CityPopulations.CountAsync(ct), await db.Responses.CountAsync(ct), await db.Answers.CountAsync(ct), await db.AuditEntries.CountAsync(ct));
    }
}
