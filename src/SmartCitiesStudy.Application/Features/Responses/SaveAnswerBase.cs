namespace SmartCitiesStudy.Application.Features.Responses;

/// <summary>What the version a save names stands for.</summary>
public enum SaveAnswerBase
{
    /// <summary>The version the form showed: any other stored version is a conflict.</summary>
    Seen,

    /// <summary>
    /// The version a text kept in the browser was typed over (it comes back after a lost connection or a reload).
    /// The person's own saves since then are not a conflict: their replies were lost with the connection.
    /// </summary>
    KeptInBrowser,
}
