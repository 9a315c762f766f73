using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Features.Responses;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Infrastructure.Seeding;
using SmartCitiesStudy.Web.Tests.Infrastructure;

namespace SmartCitiesStudy.Web.Tests.Security;

/// <summary>After the edition closes an officer still reads their city's response, but nothing is saved any more.</summary>
public sealed class ClosedEditionAccessTests(StudyWebApp app) : IClassFixture<StudyWebApp>
{
    private const string BilbaoOfficer = "ane.officer@bilbao.demo.smartcities.local";

    [Fact]
    public async Task An_officer_reads_but_cannot_change_their_response_once_the_edition_is_closed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await using var db = app.Database.CreateContext();
        var version = await db.Editions.Where(e => e.Code == "2026").Select(e => e.Version).SingleAsync(ct);
        var closed = await services.GetRequiredService<ChangeEditionStatus>().ExecuteAsync("2026", EditionAction.Close, version, StudyUser.System, cancellationToken: ct);
        Assert.True(closed.Succeeded, closed.Error);

        var account = await db.Users.SingleAsync(u => u.Email == BilbaoOfficer, ct);
        var ane = new StudyUser(account.Id, account.DisplayName, account.CityId, new HashSet<string> { StudyRoles.CityOfficer });
        var session = await services.GetRequiredService<OpenResponse>().ForOfficerAsync(ane, "2026", ct);
        Assert.NotNull(session);
        Assert.False(session.Editable);

        var save = await services.GetRequiredService<SaveAnswer>().ExecuteAsync(ane, session.ResponseId, "ss_priority_sectors", AnswerValue.OfText("Too late"), 0, ct);
        Assert.Equal(ResponseRefusals.EditionNotOpen, save.Refusal);
        var submit = await services.GetRequiredService<SubmitResponse>().ExecuteAsync(ane, session.ResponseId, ct);
        Assert.Equal(ResponseRefusals.EditionNotOpen, submit.Refusal);

        using var client = app.CreateBrowserClient();
        await FormPost.SignInAsync(client, BilbaoOfficer, DemoAccounts.Password);
        foreach (var path in new[] { "/portal/editions/2026/response", "/portal/editions/2026/response/print" })
        {
            using var page = await client.GetAsync(new Uri(path, UriKind.Relative), ct);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
    }
}
