using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Publication;
using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Indicators;

namespace SmartCitiesStudy.Application.Features.Indicators;

/// <summary>
/// Lets the database count an edition's approved answers for the figures (<see cref="IndicatorsFromCounts"/>): one
/// GROUP BY over the answer rows of the counted questions — by question, stored value, the stored values of the
/// questions its condition looks at (one self-join per level of the longest chain) and, except for numbers, region
/// and population band — and one over the respondents. Set-based, the same LINQ on SQLite and PostgreSQL; it returns
/// thousands of counts where the rows are millions.
/// </summary>
public static class AnswerCounts
{
    private const string PostgresProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>From how many respondents the GROUP BY gets a larger hash table on PostgreSQL.</summary>
    private const int LargeEdition = 1_000;

    public static async Task<IReadOnlyList<RespondentCount>> RespondentsAsync(IStudyDbContext db, string editionCode, CancellationToken cancellationToken)
    {
        var rows = await Respondents(db, editionCode)
            .GroupBy(r => new { r.Region, r.Band })
            .Select(g => new { g.Key.Region, g.Key.Band, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new RespondentCount(r.Region, (PopulationBand?)r.Band, r.Count))];
    }

    /// <param name="respondents">How many approved responses the edition has (the planner setting depends on it).</param>
    public static async Task<IReadOnlyList<StoredAnswerCount>> AnswersAsync(
        IStudyDbContext db, string editionCode, IReadOnlyList<CountedQuestion> questions, int respondents, CancellationToken cancellationToken)
    {
        if (questions.Count == 0)
        {
            return [];
        }

        var depth = questions.Max(q => q.ConditionChain.Count);
        var rows =
            from x in Respondents(db, editionCode)
            join a in db.Answers on x.ResponseId equals a.ResponseId
            join q in Questions(db, questions) on a.Path equals q.Code // top-level answers only: a field's path is never a code
            select new Row
            {
                ResponseId = a.ResponseId,
                Code = a.Path,
                Value = a.ValueJson,
                Parent1 = q.Parent1,
                Parent2 = q.Parent2,
                Parent3 = q.Parent3,
                Region = q.ByGroup == 1 ? x.Region : null,
                Band = q.ByGroup == 1 ? x.Band : null,
                Value1 = null,
                Value2 = null,
                Value3 = null,
            };
        for (var level = 1; level <= depth; level++)
        {
            rows = WithConditionValues(db, editionCode, rows, level, [.. questions.Where(q => q.ConditionChain.Count >= level).Select(q => q.ConditionChain[level - 1]).Distinct()]);
        }

        // PostgreSQL's planner expects about one group per ten rows here (there are a few thousand groups for millions of
        // rows) and, with the default 4 MB work_mem, sorts the rows on disk instead of hashing them: this one query may
        // use more memory for its hash table (ADR 0023). The setting ends with the transaction.
        // A small edition is planned well as it is (index lookups per response).
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.ProviderName == PostgresProvider && respondents >= LargeEdition)
        {
            await db.Database.ExecuteSqlRawAsync("SET LOCAL work_mem = '64MB'", cancellationToken);
        }

        var counts = await rows
            .GroupBy(r => new { r.Code, r.Value, r.Value1, r.Value2, r.Value3, r.Region, r.Band })
            .Select(g => new { g.Key.Code, g.Key.Value, g.Key.Value1, g.Key.Value2, g.Key.Value3, g.Key.Region, g.Key.Band, Count = g.Count() })
            .ToListAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [.. counts.Select(c => new StoredAnswerCount(c.Code, c.Value, [c.Value1, c.Value2, c.Value3], c.Region, (PopulationBand?)c.Band, c.Count))];
    }

    // Each approved response's region and population band (PopulationBands.For in SQL; null without a population).
    private static IQueryable<Respondent> Respondents(IStudyDbContext db, string editionCode) =>
        from x in ApprovedResponses.Of(db, editionCode)
        from p in db.CityPopulations.Where(p => p.CityId == x.City.Id && p.EditionId == x.EditionId).DefaultIfEmpty()
        select new Respondent
        {
            ResponseId = x.ResponseId,
            Region = x.City.Region,
            Band = p == null ? null
                : p.Population < 50_000 ? (int)PopulationBand.Under50K
                : p.Population < 100_000 ? (int)PopulationBand.From50KTo100K
                : p.Population < 1_000_000 ? (int)PopulationBand.From100KTo1M
                : (int)PopulationBand.Over1M,
        };

    // The stored value of each row's condition question at one level (1: the parent), when the response has one.
    private static IQueryable<Row> WithConditionValues(IStudyDbContext db, string editionCode, IQueryable<Row> rows, int level, List<string> codes)
    {
        // Only this edition's answers to those questions, so a small edition does not scan everyone's answers.
        var conditions =
            from x in Respondents(db, editionCode)
            join a in db.Answers on x.ResponseId equals a.ResponseId
            where codes.Contains(a.Path)
            select a;
        return WithConditionValues(rows, conditions, level);
    }

    private static IQueryable<Row> WithConditionValues(IQueryable<Row> rows, IQueryable<Answer> conditions, int level) => level switch
    {
        1 => from r in rows
             from c in conditions.Where(c => c.ResponseId == r.ResponseId && c.Path == r.Parent1).DefaultIfEmpty()
             select new Row { ResponseId = r.ResponseId, Code = r.Code, Value = r.Value, Parent1 = r.Parent1, Parent2 = r.Parent2, Parent3 = r.Parent3, Region = r.Region, Band = r.Band, Value1 = c == null ? null : c.ValueJson, Value2 = r.Value2, Value3 = r.Value3 },
        2 => from r in rows
             from c in conditions.Where(c => c.ResponseId == r.ResponseId && c.Path == r.Parent2).DefaultIfEmpty()
             select new Row { ResponseId = r.ResponseId, Code = r.Code, Value = r.Value, Parent1 = r.Parent1, Parent2 = r.Parent2, Parent3 = r.Parent3, Region = r.Region, Band = r.Band, Value1 = r.Value1, Value2 = c == null ? null : c.ValueJson, Value3 = r.Value3 },
        3 => from r in rows
             from c in conditions.Where(c => c.ResponseId == r.ResponseId && c.Path == r.Parent3).DefaultIfEmpty()
             select new Row { ResponseId = r.ResponseId, Code = r.Code, Value = r.Value, Parent1 = r.Parent1, Parent2 = r.Parent2, Parent3 = r.Parent3, Region = r.Region, Band = r.Band, Value1 = r.Value1, Value2 = r.Value2, Value3 = c == null ? null : c.ValueJson },
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, $"At most {IndicatorsFromCounts.MaxConditionDepth} levels of conditions are counted."),
    };

    // The counted questions as a small table the query joins: code, condition chain ('' where none), breakdown (1/0).
    private static IQueryable<QuestionRow> Questions(IStudyDbContext db, IReadOnlyList<CountedQuestion> questions)
    {
        var sql = new StringBuilder("SELECT column1 AS code, column2 AS parent1, column3 AS parent2, column4 AS parent3, column5 AS by_group FROM (VALUES ");
        var parameters = new List<object>(questions.Count * 4);
        foreach (var (question, i) in questions.Select((q, i) => (q, i)))
        {
            sql.Append(i == 0 ? "(" : ", (");
            foreach (var code in new[] { question.Code }.Concat(Enumerable.Range(0, 3).Select(k => question.ConditionChain.ElementAtOrDefault(k) ?? "")))
            {
                sql.Append('{').Append(parameters.Count.ToString(CultureInfo.InvariantCulture)).Append("}, ");
                parameters.Add(code);
            }

            sql.Append(question.ByGroup ? "1)" : "0)");
        }

        sql.Append(") AS v");
        return db.Database.SqlQueryRaw<QuestionRow>(sql.ToString(), [.. parameters]);
    }

    private sealed class QuestionRow
    {
        public required string Code { get; init; }

        public required string Parent1 { get; init; }

        public required string Parent2 { get; init; }

        public required string Parent3 { get; init; }

        public required int ByGroup { get; init; }
    }

    private sealed class Respondent
    {
        public int ResponseId { get; init; }

        public Region Region { get; init; }

        public int? Band { get; init; }
    }

    private sealed class Row
    {
        public int ResponseId { get; init; }

        public string Code { get; init; } = "";

        public string Value { get; init; } = "";

        public string Parent1 { get; init; } = "";

        public string Parent2 { get; init; } = "";

        public string Parent3 { get; init; } = "";

        public Region? Region { get; init; }

        public int? Band { get; init; }

        public string? Value1 { get; init; }

        public string? Value2 { get; init; }

        public string? Value3 { get; init; }
    }
}
