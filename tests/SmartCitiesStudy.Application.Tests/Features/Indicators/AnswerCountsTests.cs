using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Indicators;
using SmartCitiesStudy.Application.Features.Questionnaires;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Domain.Indicators;
using SmartCitiesStudy.Domain.Questionnaires;
using SmartCitiesStudy.Domain.Responses;
using SmartCitiesStudy.Domain.Tests.Indicators;
using SmartCitiesStudy.Infrastructure.Seeding;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Application.Tests.Features.Indicators;

/// <summary>
/// The figures from the database's counts (what the CLI and the API write) are the calculator's, byte for byte, on
/// the demo and on generated data full of edge cases, on whichever database the tests run.
/// </summary>
public sealed class AnswerCountsTests(DemoDatabase demo) : IClassFixture<DemoDatabase>
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    // The reference: every approved response loaded one by one and given to IndicatorCalculator.
    private static async Task<string> ReferenceAsync(IServiceProvider services, string edition)
    {
        var ct = TestContext.Current.CancellationToken;
        var snapshot = await services.GetRequiredService<LoadQuestionnaire>().ExecuteAsync(edition, cancellationToken: ct);
        await using var db = await services.GetRequiredService<IStudyDbContextFactory>().CreateAsync(ct);
        var responses = await CountedResponses.LoadAsync(db, edition, snapshot!.Definition, ct);
        return IndicatorJson.Write(IndicatorCalculator.Compute(snapshot.Definition, responses) with { Edition = snapshot.EditionCode });
    }

    private static async Task<string> ComputedAsync(IServiceProvider services, string edition) =>
        IndicatorJson.Write((await services.GetRequiredService<ComputeIndicators>().ExecuteAsync(edition, TestContext.Current.CancellationToken))!);

    [Theory]
    [InlineData("2012")]
    [InlineData("2017")]
    [InlineData("2019")]
    [InlineData(DemoDataSeeder.NextEditionCode)]
    public async Task The_demo_editions_give_the_calculators_figures(string edition)
    {
        var computed = await ComputedAsync(demo.Services, edition);
        Assert.Contains("\"source\": \"responses\"", computed, StringComparison.Ordinal);
        Assert.Equal(await ReferenceAsync(demo.Services, edition), computed);
    }

    [Theory]
    [InlineData(0, 11)]
    [InlineData(5, 12)]
    [InlineData(300, 13)]
    public async Task Generated_answers_give_the_calculators_figures(int cities, int seed)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var services = database.CreateServices(s => s.AddStudyApplication());
        var definition = GeneratedStudy.Definition("gen");
        var responses = GeneratedStudy.Responses(cities, seed);
        await StoreAsync(database, services, definition, responses, ct);

        var computed = await ComputedAsync(services, "gen");
        var expected = IndicatorJson.Write(IndicatorCalculator.Compute(definition, [.. responses.Select(GeneratedStudy.Counted)]));
        Assert.Equal(expected, computed);
        Assert.Equal(expected, await ReferenceAsync(services, "gen"));
    }

    // The generated responses as approved responses of a new edition, and the same answers in responses that must not
    // count (draft, submitted, returned) and in another edition.
    private static async Task StoreAsync(
        TestDatabase database, IServiceProvider services, QuestionnaireDefinition definition, List<GeneratedResponse> responses, CancellationToken ct)
    {
        await using (var db = database.CreateContext())
        {
            db.Editions.Add(new Edition("gen", "Generated", "TEST", 2030));
            db.Editions.Add(new Edition("other", "Other", "TEST", 2031));
            await db.SaveChangesAsync(ct);
        }

        foreach (var code in new[] { "gen", "other" })
        {
            var saved = await services.GetRequiredService<SaveQuestionnaire>().ExecuteAsync(code, QuestionnaireJson.Write(definition with { Edition = code }), StudyUser.System, ct);
            Assert.True(saved.Saved, string.Join("; ", saved.Problems));
        }

        await using (var db = database.CreateContext())
        {
            var editions = await db.Editions.Where(e => e.Code == "gen" || e.Code == "other").ToDictionaryAsync(e => e.Code, ct);
            var planned = responses.Select((r, i) => (Response: r, Edition: editions["gen"], Status: ResponseStatus.Approved, Name: $"City {i}"))
                .Concat(responses.Take(3).Select((r, i) => (Response: r, Edition: editions["gen"], Status: (ResponseStatus)(i % 3), Name: $"Uncounted {i}")))
                .Concat(responses.Take(2).Select((r, i) => (Response: r, Edition: editions["other"], Status: ResponseStatus.Approved, Name: $"Other {i}")))
                .ToList();
            var damaged = new List<Answer>();
            foreach (var (generated, edition, status, name) in planned)
            {
                var city = new City(name, "Testland", generated.Region);
                db.Cities.Add(city);
                await db.SaveChangesAsync(ct);
                if (generated.Population is { } population)
                {
                    db.CityPopulations.Add(new CityPopulation(city.Id, edition.Id, population));
                }

                var response = new Response(edition.Id, city.Id, edition.QuestionnaireVersion, Now);
                response.ForceStatus(status, Now);
                db.Responses.Add(response);
                await db.SaveChangesAsync(ct);
                foreach (var (path, json) in generated.Answers)
                {
                    var answer = new Answer(response.Id, path, json == GeneratedStudy.Damaged ? AnswerValue.Empty : AnswerValue.FromJson(json), edition.QuestionnaireVersion, Now, null);
                    db.Answers.Add(answer);
                    if (json == GeneratedStudy.Damaged)
                    {
                        damaged.Add(answer);
                    }
                }
            }

            await db.SaveChangesAsync(ct);
            var ids = damaged.Select(a => a.Id).ToList();
            await db.Answers.Where(a => ids.Contains(a.Id)).ExecuteUpdateAsync(s => s.SetProperty(a => a.ValueJson, GeneratedStudy.Damaged), ct);
        }
    }
}
