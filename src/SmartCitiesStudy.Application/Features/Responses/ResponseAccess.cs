using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Domain.Responses;

namespace SmartCitiesStudy.Application.Features.Responses;

/// <summary>Who may read and change a response: the one rule every response use case applies.</summary>
public static class ResponseAccess
{
    /// <summary>Officers read only their own city's responses; reviewers and the secretariat read all.</summary>
    public static bool CanRead(StudyUser user, Response response) => user.IsReviewer || user.IsOfficerOf(response.CityId);

    /// <summary>
    /// Why the user may not change answers, or null when they may: an officer of the response's city, while the edition
    /// is open and the response is a draft or returned.
    /// </summary>
    public static string? WhyNotEditable(StudyUser user, Edition edition, Response response)
    {
        if (!user.IsOfficerOf(response.CityId))
        {
            return ResponseRefusals.Forbidden;
        }

        if (edition.Status != EditionStatus.Open)
        {
            return ResponseRefusals.EditionNotOpen;
        }

        return response.IsEditableByCity ? null : ResponseRefusals.NotEditable;
    }
}

/// <summary>Why a response operation was refused (stable codes; the UI words them).</summary>
public static class ResponseRefusals
{
    public const string Forbidden = "forbidden";
    public const string NotFound = "not_found";
    public const string EditionNotOpen = "edition_not_open";
    public const string NotEditable = "response_not_editable";
    public const string Invalid = "invalid";
    public const string Conflict = "conflict";
    public const string Incomplete = "incomplete";
}
