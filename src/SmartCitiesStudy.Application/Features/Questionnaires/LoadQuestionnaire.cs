using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Domain.Questionnaires;

namespace SmartCitiesStudy.Application.Features.Questionnaires;

/// <summary>
/// Reads an edition's current questionnaire, or a given version of it. Parsed definitions are cached by version and
/// last update (a draft's version is edited in place, which changes its update time), so the autosave does not parse
/// and validate the whole questionnaire on every keystroke.
/// </summary>
public sealed class LoadQuestionnaire(IStudyDbContextFactory dbFactory)
{
    private const int CacheLimit = 64;
    private readonly ConcurrentDictionary<(int VersionId, DateTimeOffset UpdatedAt), QuestionnaireDefinition> _parsed = new();

    /// <returns>Null when the edition, or that version, does not exist.</returns>
    public async Task<QuestionnaireSnapshot?> ExecuteAsync(string editionCode, int? versionNumber = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var found = await db.Editions.AsNoTracking()
            .Where(e => e.Code == editionCode && e.QuestionnaireVersion > 0)
            .SelectMany(
                e => db.QuestionnaireVersions.Where(v => v.EditionId == e.Id && v.Number == (versionNumber ?? e.QuestionnaireVersion)),
                (e, v) => new { e.Code, e.Status, Current = e.QuestionnaireVersion, VersionId = v.Id, v.Number, v.UpdatedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var key = (found.VersionId, found.UpdatedAt);
        if (!_parsed.TryGetValue(key, out var definition))
        {
            var json = await db.QuestionnaireVersions.AsNoTracking().Where(v => v.Id == found.VersionId).Select(v => v.DefinitionJson).SingleAsync(cancellationToken);
            var (parsed, report) = QuestionnaireJson.Parse(json);
            definition = parsed ?? throw new InvalidOperationException($"The stored questionnaire of edition {editionCode} (version {found.Number}) is damaged: {report.Errors[0]}");
            if (_parsed.Count >= CacheLimit)
            {
                _parsed.Clear();
            }

            _parsed[key] = definition;
        }

        return new QuestionnaireSnapshot(found.Code, found.Status, found.Number, found.Number == found.Current, definition);
    }
}
