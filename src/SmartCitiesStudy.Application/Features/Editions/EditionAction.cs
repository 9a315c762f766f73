namespace SmartCitiesStudy.Application.Features.Editions;

/// <summary>What the secretariat can do to an edition's status.</summary>
public enum EditionAction
{
    Open,
    Close,
    Publish,

    /// <summary>Closed → Open, or Published → Closed; needs a reason.</summary>
    Reopen,
}
