using SmartCitiesStudy.Domain.Common;

namespace SmartCitiesStudy.Domain.Archive;

/// <summary>
/// What the publication of an edition run before the portal existed states (participating cities, figures as
/// printed, good practices), stored once by <c>db migrate</c> as a JSON document (<see cref="PublishedStudy"/>).
/// An edition with a record and no approved response shows the record; approved responses, when there are any,
/// are its figures instead (ADR 0013).
/// </summary>
public sealed class PublishedRecord
{
    private PublishedRecord()
    {
        DocumentJson = string.Empty;
    }

    public PublishedRecord(int editionId, int respondents, string documentJson, DateTimeOffset recordedAt)
    {
        EditionId = editionId;
        Respondents = respondents;
        DocumentJson = documentJson;
        RecordedAt = recordedAt;
    }

    public int EditionId { get; private set; }

    /// <summary>The number of participating cities the publication gives.</summary>
    public int Respondents { get; private set; }

    /// <summary>The <see cref="PublishedStudy"/> as JSON.</summary>
    public string DocumentJson { get; private set; }

    [EventTime]
    public DateTimeOffset RecordedAt { get; private set; }
}
