using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Responses;

namespace SmartCitiesStudy.Application.Features.Publication;

/// <summary>
/// The approved responses of an edition with their cities: the set every published figure, list of participants,
/// good practice and factsheet is made of. A query to compose (join answers, populations…), not yet run.
/// </summary>
internal static class ApprovedResponses
{
    public static IQueryable<ApprovedResponse> Of(IStudyDbContext db, string editionCode) =>
        from e in db.Editions.AsNoTracking()
        where e.Code == editionCode
        join r in db.Responses.AsNoTracking().Where(Response.IsCountedExpression) on e.Id equals r.EditionId
        join c in db.Cities.AsNoTracking() on r.CityId equals c.Id
        select new ApprovedResponse { EditionId = e.Id, ResponseId = r.Id, City = c };
}

/// <summary>One row of <see cref="ApprovedResponses.Of"/>.</summary>
internal sealed class ApprovedResponse
{
    public required int EditionId { get; init; }

    public required int ResponseId { get; init; }

    public required City City { get; init; }
}
