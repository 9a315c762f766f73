namespace SmartCitiesStudy.Domain.Responses;

/// <summary>Where a city's response stands. Only <see cref="Approved"/> responses are counted in the study.</summary>
public enum ResponseStatus
{
    /// <summary>Officers are filling it in.</summary>
    Draft = 0,

    /// <summary>Sent to the secretariat; read-only for officers until it is returned.</summary>
    Submitted = 1,

    /// <summary>Sent back to the city with comments; officers can edit and resubmit.</summary>
    Returned = 2,

    /// <summary>Accepted by a reviewer; counted in the indicators.</summary>
    Approved = 3,
}
