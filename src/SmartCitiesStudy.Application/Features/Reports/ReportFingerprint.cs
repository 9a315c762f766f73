using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Domain.Responses;

namespace SmartCitiesStudy.Application.Features.Reports;

/// <summary>
/// A short hash of what a report is made of: the edition's version and questionnaire version, each approved
/// response with its version and its answers' latest change, and each editorial text with its version. A stored PDF with another fingerprint is stale.
/// </summary>
public sealed class ReportFingerprint(IStudyDbContextFactory dbFactory)
{
    /// <summary>Bump when the templates change in a way that should regenerate stored PDFs.</summary>
    public const int TemplateVersion = 4; // 2: the edition's facts in the methodology and annex; 3: the 2017 structure with editorial texts; 4: chapter 4 beside the previous edition

    /// <returns>Null when the edition does not exist.</returns>
    public async Task<string?> ExecuteAsync(string editionCode, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var edition = await db.Editions.AsNoTracking()
            .Where(e => e.Code == editionCode)
            .Select(e => new { e.Id, e.Version, e.QuestionnaireVersion, e.Status })
            .SingleOrDefaultAsync(cancellationToken);
        if (edition is null)
        {
            return null;
        }

        var responses = await db.Responses.AsNoTracking()
            .Where(Response.IsCountedExpression)
            .Where(r => r.EditionId == edition.Id)
            .Select(r => new { r.Id, r.Version, Answers = db.Answers.Count(a => a.ResponseId == r.Id), AnswerVersions = db.Answers.Where(a => a.ResponseId == r.Id).Sum(a => a.Version) })
            .OrderBy(r => r.Id)
            .ToListAsync(cancellationToken);

        var texts = await db.EditionTexts.AsNoTracking()
            .Where(t => t.EditionId == edition.Id)
            .OrderBy(t => t.Id)
            .Select(t => new { t.Id, t.Version })
            .ToListAsync(cancellationToken);

        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"t{TemplateVersion};e{edition.Version};q{edition.QuestionnaireVersion};s{edition.Status};");
        foreach (var r in responses)
        {
            text.Append(CultureInfo.InvariantCulture, $"{r.Id}:{r.Version}:{r.Answers}:{r.AnswerVersions};");
        }

        foreach (var t in texts)
        {
            text.Append(CultureInfo.InvariantCulture, $"x{t.Id}:{t.Version};");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }
}
