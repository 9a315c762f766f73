namespace SmartCitiesStudy.Domain.Editions;

/// <summary>Lifecycle of an edition: Draft → Open → Closed → Published.</summary>
public enum EditionStatus
{
    /// <summary>Being prepared by the secretariat; the questionnaire may still change freely.</summary>
    Draft = 0,

    /// <summary>Cities are filling in their responses.</summary>
    Open = 1,

    /// <summary>Collection has ended; reviewers finish their work. Officers can no longer edit.</summary>
    Closed = 2,

    /// <summary>The approved set is frozen and the study is public.</summary>
    Published = 3,
}
