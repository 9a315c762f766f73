namespace SmartCitiesStudy.Application.Features.Review;

/// <summary>What a reviewer does with a submitted response.</summary>
public enum ReviewDecision
{
    /// <summary>Accept it: it counts in the study.</summary>
    Approve,

    /// <summary>Send it back to the city with the comments.</summary>
    Return,
}
