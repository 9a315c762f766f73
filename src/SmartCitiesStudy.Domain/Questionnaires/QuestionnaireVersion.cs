using SmartCitiesStudy.Domain.Common;

namespace SmartCitiesStudy.Domain.Questionnaires;

/// <summary>
/// One stored version of an edition's questionnaire (the JSON of docs/questionnaire-format.md). While the edition is
/// a draft the current version is edited in place; once it is open every change makes a new version, and answers
/// keep the number of the version they were given under.
/// </summary>
public sealed class QuestionnaireVersion
{
    private QuestionnaireVersion()
    {
        DefinitionJson = string.Empty;
    }

    public QuestionnaireVersion(int editionId, int number, string definitionJson, DateTimeOffset createdAt, string? createdBy)
    {
        EditionId = editionId;
        Number = number;
        DefinitionJson = definitionJson;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
        CreatedBy = createdBy;
    }

    public int Id { get; private set; }

    public int EditionId { get; private set; }

    /// <summary>1, 2, 3… within the edition.</summary>
    public int Number { get; private set; }

    public string DefinitionJson { get; private set; }

    [EventTime]
    public DateTimeOffset CreatedAt { get; private set; }

    [EventTime]
    public DateTimeOffset UpdatedAt { get; private set; }

    public string? CreatedBy { get; private set; }

    /// <summary>Replaces the definition of a draft edition's version.</summary>
    public void Replace(string definitionJson, DateTimeOffset now)
    {
        DefinitionJson = definitionJson;
        UpdatedAt = now;
    }
}
