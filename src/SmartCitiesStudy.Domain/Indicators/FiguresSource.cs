namespace SmartCitiesStudy.Domain.Indicators;

/// <summary>Where an edition's figures come from: the approved responses collected in the portal, or its publication.</summary>
public enum FiguresSource
{
    Responses = 0,
    Published = 1,
}

public static class FiguresSources
{
    /// <summary>The public code: responses, published.</summary>
    public static string Code(this FiguresSource source) => source == FiguresSource.Published ? "published" : "responses";
}
