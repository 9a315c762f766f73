using System.Security.Claims;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Editions;

namespace SmartCitiesStudy.Web.Security;

/// <summary>
/// Who may read an edition's data outside the portal (API, downloads, PDFs): anyone once it is published; the
/// secretariat and reviewers at any status. For everyone else an unpublished edition does not exist (404).
/// </summary>
public static class EditionReaders
{
    public static bool SeesUnpublished(ClaimsPrincipal user) =>
        user.IsInRole(StudyRoles.Secretariat) || user.IsInRole(StudyRoles.Reviewer);

    /// <returns>The edition, or null when it does not exist or this caller may not read it.</returns>
    public static async Task<EditionSummary?> FindReadableAsync(this ListEditions editions, string code, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var edition = (await editions.ExecuteAsync(publishedOnly: false, cancellationToken)).FirstOrDefault(e => e.Code == code);
        return edition is not null && (edition.Status == EditionStatus.Published || SeesUnpublished(user)) ? edition : null;
    }
}
