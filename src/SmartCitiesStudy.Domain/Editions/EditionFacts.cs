using SmartCitiesStudy.Domain.Common;

namespace SmartCitiesStudy.Domain.Editions;

/// <summary>
/// Facts of an edition readers see on its page and in its study PDF: who published it, when the data were collected,
/// when it was published, how the data were collected. Free text, null where unknown. <c>db migrate</c> ships them for
/// the historical editions (<see cref="Ship"/>) until the secretariat changes them (<see cref="Change"/>); from then
/// on they are the secretariat's and upgrades leave them alone.
/// </summary>
public sealed class EditionFacts
{
    public const int MaxShortLength = 200;
    public const int MaxMethodologyLength = 4000;

    private EditionFacts()
    {
    }

    public EditionFacts(int editionId) => EditionId = editionId;

    public int EditionId { get; private set; }

    /// <summary>"Committee of Digital and Knowledge-Based Cities of UCLG".</summary>
    public string? PublishingBody { get; private set; }

    /// <summary>When the data were collected, as text ("March–June 2017"); for a portal-run edition readers see its opening date and deadline while this is empty.</summary>
    public string? CollectionPeriod { get; private set; }

    /// <summary>When the study was published, as text ("early 2020"); readers see the publication date while this is empty.</summary>
    public string? PublicationDate { get; private set; }

    /// <summary>How the data were collected and checked, a paragraph.</summary>
    public string? Methodology { get; private set; }

    /// <summary>
    /// Whether the portal's questionnaire of the edition is a reconstruction, not the original form (2012 and 2019,
    /// ADR 0004). Shipped with the historical editions; readers are told wherever the questionnaire appears.
    /// </summary>
    public bool QuestionnaireReconstructed { get; private set; }

    /// <summary>When the secretariat last changed the facts; null while they are as shipped.</summary>
    public DateTimeOffset? ChangedAt { get; private set; }

    public bool ChangedBySecretariat => ChangedAt is not null;

    /// <summary>Sets the shipped values, unless the secretariat has changed the facts. Returns whether anything changed.</summary>
    public bool Ship(string? publishingBody, string? collectionPeriod, string? publicationDate, string? methodology)
    {
        if (ChangedBySecretariat
            || (PublishingBody, CollectionPeriod, PublicationDate, Methodology) == (publishingBody, collectionPeriod, publicationDate, methodology))
        {
            return false;
        }

        Set(publishingBody, collectionPeriod, publicationDate, methodology);
        return true;
    }

    /// <summary>Records whether the questionnaire is a reconstruction (shipped; not one of the secretariat's texts).</summary>
    public bool MarkQuestionnaireReconstructed(bool reconstructed)
    {
        var changed = QuestionnaireReconstructed != reconstructed;
        QuestionnaireReconstructed = reconstructed;
        return changed;
    }

    /// <summary>The secretariat's values; shipped values never replace them again.</summary>
    public void Change(string? publishingBody, string? collectionPeriod, string? publicationDate, string? methodology, DateTimeOffset now)
    {
        Set(publishingBody, collectionPeriod, publicationDate, methodology);
        ChangedAt = now;
    }

    /// <summary>One line per fact for the audit trail.</summary>
    public string Describe() => string.Join(
        '\n',
        $"publishing body: {PublishingBody ?? "-"}",
        $"collection period: {CollectionPeriod ?? "-"}",
        $"publication date: {PublicationDate ?? "-"}",
        $"methodology: {Methodology ?? "-"}");

    private void Set(string? publishingBody, string? collectionPeriod, string? publicationDate, string? methodology)
    {
        PublishingBody = Clean(publishingBody, "publishing body", MaxShortLength);
        CollectionPeriod = Clean(collectionPeriod, "collection period", MaxShortLength);
        PublicationDate = Clean(publicationDate, "publication date", MaxShortLength);
        Methodology = Clean(methodology, "methodology", MaxMethodologyLength);
    }

    private static string? Clean(string? value, string field, int maxLength)
    {
        value = value?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return value.Length <= maxLength
            ? value
            : throw new DomainRuleException("edition_facts." + field.Replace(' ', '_'), $"The {field} is longer than {maxLength} characters.");
    }
}
