using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Questionnaires;

namespace SmartCitiesStudy.Application.Features.Questionnaires;

/// <summary>
/// Protects given answers from a questionnaire change: a question (or group field) with answers cannot be removed or
/// change type, and an option somebody chose cannot be removed.
/// </summary>
internal static class AnsweredQuestionGuard
{
    public static async Task<IReadOnlyList<DefinitionProblem>> FindConflictsAsync(
        IStudyDbContext db,
        int editionId,
        QuestionnaireDefinition previous,
        QuestionnaireDefinition next,
        CancellationToken cancellationToken)
    {
        var answered = await db.Answers.AsNoTracking()
            .Where(a => db.Responses.Any(r => r.Id == a.ResponseId && r.EditionId == editionId))
            .GroupBy(a => a.QuestionCode)
            .Select(g => new { Code = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Code, g => g.Count, cancellationToken);

        var problems = new List<DefinitionProblem>();
        foreach (var (code, count) in answered.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var before = previous.Find(code);
            var after = next.Find(code);
            if (before is null)
            {
                continue;
            }

            if (after is null)
            {
                problems.Add(new DefinitionProblem($"$..{code}", $"Question '{code}' has {count} answer(s): it cannot be removed."));
                continue;
            }

            if (after.Type != before.Type)
            {
                problems.Add(new DefinitionProblem($"$..{code}.type", $"Question '{code}' has {count} answer(s): its type cannot change from {before.Type.Code()} to {after.Type.Code()}."));
                continue;
            }

            if (before.Type.IsChoice() || before.Type == QuestionType.Group)
            {
                await CheckDetailsAsync(db, editionId, before, after, problems, cancellationToken);
            }
        }

        return problems;
    }

    // Options chosen in answers must survive; group fields with answers must survive with their type.
    private static async Task CheckDetailsAsync(IStudyDbContext db, int editionId, Question before, Question after, List<DefinitionProblem> problems, CancellationToken cancellationToken)
    {
        var rows = await db.Answers.AsNoTracking()
            .Where(a => a.QuestionCode == before.Code && db.Responses.Any(r => r.Id == a.ResponseId && r.EditionId == editionId))
            .Select(a => new { a.Path, a.ValueJson })
            .ToListAsync(cancellationToken);

        if (before.Type.IsChoice())
        {
            var removed = before.Options.Select(o => o.Code).Except(after.Options.Select(o => o.Code)).ToHashSet();
            if (before.AllowOther && !after.AllowOther)
            {
                removed.Add(Question.OtherCode);
            }

            foreach (var code in removed.Order(StringComparer.Ordinal))
            {
                var uses = rows.Count(r => (AnswerValue.FromJson(r.ValueJson).Codes ?? []).Contains(code));
                if (uses > 0)
                {
                    problems.Add(new DefinitionProblem($"$..{before.Code}.options", $"Option '{code}' of '{before.Code}' is chosen in {uses} answer(s): it cannot be removed."));
                }
            }

            return;
        }

        var fieldCounts = rows
            .Select(r => AnswerPath.TryParseField(r.Path, out _, out _, out var field) ? field : null)
            .OfType<string>()
            .GroupBy(f => f)
            .ToDictionary(g => g.Key, g => g.Count());
        foreach (var (field, count) in fieldCounts.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var oldField = before.Questions.FirstOrDefault(f => f.Code == field);
            var newField = after.Questions.FirstOrDefault(f => f.Code == field);
            if (oldField is not null && newField is null)
            {
                problems.Add(new DefinitionProblem($"$..{before.Code}.{field}", $"Field '{field}' of '{before.Code}' has {count} answer(s): it cannot be removed."));
            }
            else if (oldField is not null && newField!.Type != oldField.Type)
            {
                problems.Add(new DefinitionProblem($"$..{before.Code}.{field}.type", $"Field '{field}' of '{before.Code}' has {count} answer(s): its type cannot change."));
            }
        }
    }
}
