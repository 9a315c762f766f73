using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Questionnaires;
using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Questionnaires;
using SmartCitiesStudy.Domain.Responses;

namespace SmartCitiesStudy.Application.Features.Exports;

/// <summary>
/// The approved answers of an edition, one row per city: <c>city,country,region,population,band</c> then one column per
/// question code in questionnaire order (yes/no as yes/no, choices as codes joined by |, "other" texts in
/// <c>CODE_other</c>, numbers with a dot). The same columns the response import reads. Good-practice texts are not
/// included (they are published separately). The "other" texts are the cities' own words, for the secretariat and
/// reviewers: the public export leaves the <c>CODE_other</c> columns out.
/// </summary>
public sealed class ExportApprovedResponses(IStudyDbContextFactory dbFactory, LoadQuestionnaire loadQuestionnaire)
{
    public static readonly IReadOnlyList<string> CityColumns = ["city", "country", "region", "population", "band"];

    /// <summary>The public table: without the "other" texts.</summary>
    /// <returns>Null for an unknown edition or one without a questionnaire.</returns>
    public Task<ResponseTable?> ExecuteAsync(string editionCode, CancellationToken cancellationToken = default) =>
        ExecuteAsync(editionCode, includeOtherTexts: false, cancellationToken);

    /// <param name="editionCode">The edition, e.g. 2017.</param>
    /// <param name="includeOtherTexts">Add the <c>CODE_other</c> columns (secretariat, reviewers, the CLI).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>Null for an unknown edition or one without a questionnaire.</returns>
    public async Task<ResponseTable?> ExecuteAsync(string editionCode, bool includeOtherTexts, CancellationToken cancellationToken = default)
    {
        var questionnaire = await loadQuestionnaire.ExecuteAsync(editionCode, cancellationToken: cancellationToken);
        if (questionnaire is null)
        {
            return null;
        }

        var questions = questionnaire.Definition.Questions.Where(q => q.Type != QuestionType.Group).ToList();
        var columns = CityColumns.Concat(questions.SelectMany(q => includeOtherTexts && q.AllowOther ? new[] { q.Code, q.Code + "_other" } : [q.Code])).ToList();
        var numberCodes = questions.Where(q => q.Type == QuestionType.Number).Select(q => q.Code).Append("population").ToHashSet(StringComparer.Ordinal);
        var numberColumns = Enumerable.Range(0, columns.Count).Where(i => numberCodes.Contains(columns[i])).ToHashSet();
        return new ResponseTable(columns, RowsAsync(editionCode, questions, includeOtherTexts, cancellationToken), numberColumns);
    }

    private async IAsyncEnumerable<IReadOnlyList<string?>> RowsAsync(string editionCode, List<Question> questions, bool includeOtherTexts, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var editionId = await db.Editions.Where(e => e.Code == editionCode).Select(e => e.Id).SingleAsync(cancellationToken);
        var cities = await db.Responses.AsNoTracking()
            .Where(Response.IsCountedExpression)
            .Where(r => r.EditionId == editionId)
            .Join(db.Cities, r => r.CityId, c => c.Id, (r, c) => new CityRow(r.Id, c.Id, c.Name, c.Country, c.Region))
            .ToDictionaryAsync(x => x.ResponseId, cancellationToken);
        var populations = await db.CityPopulations.AsNoTracking().Where(p => p.EditionId == editionId).ToDictionaryAsync(p => p.CityId, p => p.Population, cancellationToken);
        var codes = questions.Select(q => q.Code).ToHashSet(StringComparer.Ordinal);

        // Answers arrive ordered by response: a row is complete when the response id changes.
        var answers = db.Answers.AsNoTracking()
            .Where(a => db.Responses.Where(Response.IsCountedExpression).Any(r => r.Id == a.ResponseId && r.EditionId == editionId) && a.QuestionCode == a.Path)
            .OrderBy(a => a.ResponseId)
            .Select(a => new { a.ResponseId, a.Path, a.ValueJson })
            .AsAsyncEnumerable();
        int? current = null;
        var values = new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
        var written = new HashSet<int>();
        await foreach (var answer in answers)
        {
            if (current is { } id && id != answer.ResponseId)
            {
                written.Add(id);
                yield return Row(cities[id], populations, questions, values, includeOtherTexts);
                values.Clear();
            }

            current = answer.ResponseId;
            if (codes.Contains(answer.Path))
            {
                values[answer.Path] = AnswerValue.FromJson(answer.ValueJson);
            }
        }

        if (current is { } last)
        {
            written.Add(last);
            yield return Row(cities[last], populations, questions, values, includeOtherTexts);
        }

        foreach (var (_, city) in cities.Where(c => !written.Contains(c.Key)).OrderBy(c => c.Key))
        {
            yield return Row(city, populations, questions, new Dictionary<string, AnswerValue>(), includeOtherTexts);
        }
    }

    private static List<string?> Row(CityRow city, Dictionary<int, long> populations, List<Question> questions, Dictionary<string, AnswerValue> values, bool includeOtherTexts)
    {
        long? population = populations.TryGetValue(city.CityId, out var p) ? p : null;
        var row = new List<string?>
        {
            city.Name,
            city.Country,
            city.Region.ToString(),
            population?.ToString(CultureInfo.InvariantCulture),
            population is { } known ? PopulationBands.For(known).Code() : null,
        };
        foreach (var question in questions)
        {
            var value = values.GetValueOrDefault(question.Code);
            row.Add(Cell(value));
            if (includeOtherTexts && question.AllowOther)
            {
                row.Add(value?.Other);
            }
        }

        return row;
    }

    private static string? Cell(AnswerValue? value) => value switch
    {
        null => null,
        { Bool: { } b } => b ? "yes" : "no",
        { Number: { } n } => n.ToString(CultureInfo.InvariantCulture),
        { Codes.Count: > 0 } => string.Join('|', value.Codes),
        _ => value.Text,
    };

    private sealed record CityRow(int ResponseId, int CityId, string Name, string Country, Region Region);
}
