using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Domain.Answers;

namespace SmartCitiesStudy.Application.Features.Responses;

/// <summary>Reads a response's stored answers as the questionnaire rules take them: value by path.</summary>
public static class ResponseAnswers
{
    public static async Task<Dictionary<string, AnswerValue>> LoadAnswerValuesAsync(this IStudyDbContext db, int responseId, CancellationToken cancellationToken) =>
        (await db.Answers.AsNoTracking().Where(a => a.ResponseId == responseId).Select(a => new { a.Path, a.ValueJson }).ToListAsync(cancellationToken))
            .ToDictionary(a => a.Path, a => AnswerValue.FromJson(a.ValueJson), StringComparer.Ordinal);
}
