using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Questionnaires;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Domain.Questionnaires;
using SmartCitiesStudy.Domain.Responses;
using SmartCitiesStudy.Infrastructure.Persistence;

namespace SmartCitiesStudy.Benchmarks;

/// <summary>
/// Generates a synthetic edition: N cities in every region and population band, each with an approved response
/// answering M questions (<see cref="SyntheticQuestionnaire"/>) with a realistic mix: yes and no, one to three options,
/// numbers spread over the range, texts, some questions left unanswered, children of a "no" left empty. Seven seed
/// responses are written through EF; the others copy one of them in a single INSERT … SELECT, so 10,000 cities × 200
/// questions take seconds on either database.
/// </summary>
internal static class SyntheticStudy
{
    private const int Variants = 7;
    private static readonly Region[] Regions = Enum.GetValues<Region>();
    private static readonly long[] Populations = [30_000, 75_000, 400_000, 2_500_000];

    public static async Task<string> CreateAsync(IServiceProvider provider, int cities, int questions, CancellationToken cancellationToken = default)
    {
        var code = $"s{cities}-{DateTime.UtcNow:HHmmss}";
        var now = DateTimeOffset.UtcNow;
        var definition = SyntheticQuestionnaire.Create(code, questions);
        await using (var scope = provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StudyDbContext>();
            db.Editions.Add(new Edition(code, $"Synthetic {cities}", "BENCH", 2031));
            await db.SaveChangesAsync(cancellationToken);
        }

        var saved = await provider.GetRequiredService<SaveQuestionnaire>().ExecuteAsync(code, QuestionnaireJson.Write(definition), StudyUser.System, cancellationToken: cancellationToken);
        if (!saved.Saved)
        {
            throw new InvalidOperationException(string.Join("; ", saved.Problems));
        }

        int editionId;
        int version;
        var responseIds = new List<int>(cities);
        await using (var scope = provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StudyDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var edition = await db.Editions.SingleAsync(e => e.Code == code, cancellationToken);
            (editionId, version) = (edition.Id, edition.QuestionnaireVersion);
            foreach (var chunk in Enumerable.Range(0, cities).Chunk(2000))
            {
                var batch = chunk.Select(i => new City($"Synthetic city {code} {i}", "Syntheland", Regions[i % Regions.Length])).ToList();
                db.Cities.AddRange(batch);
                await db.SaveChangesAsync(cancellationToken);
                var responses = new List<Response>(batch.Count);
                for (var k = 0; k < batch.Count; k++)
                {
                    db.CityPopulations.Add(new CityPopulation(batch[k].Id, editionId, Populations[(chunk[k] / Regions.Length) % Populations.Length]));
                    var response = new Response(editionId, batch[k].Id, version, now);
                    response.Submit(now);
                    response.Approve(now);
                    responses.Add(response);
                }

                db.Responses.AddRange(responses);
                await db.SaveChangesAsync(cancellationToken);
                responseIds.AddRange(responses.Select(r => r.Id));
                db.ChangeTracker.Clear();
            }
        }

        // Seed answers for the first responses, one per variant.
        var seeds = responseIds.Take(Math.Min(Variants, responseIds.Count)).ToList();
        await using (var scope = provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StudyDbContext>();
            var all = definition.Questions.ToList();
            for (var v = 0; v < seeds.Count; v++)
            {
                var answers = new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
                for (var q = 0; q < all.Count; q++)
                {
                    var question = all[q];
                    if (Value(question, (v + q) % Variants, answers) is { } value)
                    {
                        answers[question.Code] = value;
                    }
                }

                db.Answers.AddRange(answers.Select(a => new Answer(seeds[v], a.Key, a.Value, version, now, "synthetic")));
            }

            await db.SaveChangesAsync(cancellationToken);

            // Every other response copies seed (its position mod 7).
            if (responseIds.Count > seeds.Count)
            {
                var first = responseIds[0];
                var sql = $"""
                    INSERT INTO answers (response_id, path, question_code, value_json, questionnaire_version, updated_at, updated_by_user_id, updated_by_name, version)
                    SELECT r.id, s.path, s.question_code, s.value_json, s.questionnaire_version, s.updated_at, s.updated_by_user_id, s.updated_by_name, s.version
                    FROM responses r JOIN answers s ON s.response_id = {first} + ((r.id - {first}) % {seeds.Count})
                    WHERE r.edition_id = {editionId} AND r.id >= {first + seeds.Count}
                    """;
                db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
                await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
            }

            // Fresh statistics, as autovacuum would gather after a bulk load: without them the planner expects a
            // handful of answers and sorts 2 million on disk.
            await db.Database.ExecuteSqlRawAsync("ANALYZE", cancellationToken);
        }

        return code;
    }

    private static AnswerValue? Value(Question question, int variant, Dictionary<string, AnswerValue> earlier)
    {
        if (variant == 6 || (question.ShowWhen is { } when && earlier.GetValueOrDefault(when.Question)?.Bool != true))
        {
            return null; // not answered, or hidden by its condition
        }

        return question.Type switch
        {
            QuestionType.YesNo => AnswerValue.OfBool(variant % 3 != 0),
            QuestionType.MultipleChoice => AnswerValue.OfChoices(question.Options.Skip(variant % 4).Take(1 + (variant % 3)).Select(o => o.Code)),
            QuestionType.Number => AnswerValue.OfNumber(10 + (variant * 12.5m)),
            QuestionType.LongText => AnswerValue.OfText($"A description of what the city does, variant {variant.ToString(CultureInfo.InvariantCulture)}."),
            _ => null,
        };
    }
}
