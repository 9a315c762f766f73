namespace SmartCitiesStudy.Web.Features.Responses;

/// <summary>What the save indicator says.</summary>
public enum AutosaveStatus
{
    /// <summary>Everything typed is stored on the server.</summary>
    Saved,

    /// <summary>A save is on its way.</summary>
    Saving,

    /// <summary>The server could not be reached: answers are kept in this browser and sent later.</summary>
    Offline,

    /// <summary>Someone else changed an answer being edited: the person must choose.</summary>
    Conflict,
}
