using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Infrastructure.People;
using SmartCitiesStudy.Infrastructure.Seeding;
using SmartCitiesStudy.Web.Tests.Infrastructure;

namespace SmartCitiesStudy.Web.Tests.People;

/// <summary>The last active secretariat account is kept even when two members act on each other at the same moment.</summary>
public sealed class LastSecretariatTests(PeopleWebApp app) : IClassFixture<PeopleWebApp>
{
    private const string AcceptUrl = "http://localhost/Account/AcceptInvitation";
    private const string Password = "a long enough password";

    private async Task<string> InviteAsync(string email, string role, int? cityId)
    {
        var result = await app.Services.GetRequiredService<InvitePerson>().ExecuteAsync(new InviteInput(email, role, cityId), AcceptUrl, PeopleWebApp.Secretariat(), TestContext.Current.CancellationToken);
        Assert.True(result.Succeeded, result.Error);
        return await app.InvitationTokenForAsync(email);
    }

    private static Task<HttpResponseMessage> AcceptAsync(HttpClient client, string token, string name) =>
        FormPost.SubmitAsync(client, "/Account/AcceptInvitation?token=" + token, new Dictionary<string, string>
        {
            ["Input.Token"] = token,
            ["Input.DisplayName"] = name,
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
        });

    [Fact]
    public async Task Two_secretariat_members_deactivating_each_other_at_once_leave_one_of_them_active()
    {
        var ct = TestContext.Current.CancellationToken;
        var manage = app.Services.GetRequiredService<ManagePerson>();
        string first;
        await using (var db = app.Database.CreateContext())
        {
            first = await db.Users.Where(u => u.Email == DemoAccounts.All[0].Email).Select(u => u.Id).SingleAsync(ct);
        }

        for (var round = 0; round < 5; round++)
        {
            var email = $"second.secretariat{round}@example.org";
            var token = await InviteAsync(email, StudyRoles.Secretariat, null);
            using var session = app.CreateBrowserClient();
            using (var accepted = await AcceptAsync(session, token, "Second Secretariat"))
            {
                Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
            }

            string second;
            await using (var db = app.Database.CreateContext())
            {
                second = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(ct);
            }

            var results = await Task.WhenAll(
                Task.Run(() => manage.SetActiveAsync(second, false, PeopleWebApp.Secretariat(first), ct), ct),
                Task.Run(() => manage.SetActiveAsync(first, false, PeopleWebApp.Secretariat(second), ct), ct));

            Assert.Single(results, r => r.Succeeded);
            Assert.Single(results, r => r.ErrorCode == "person.last_secretariat");
            await using (var db = app.Database.CreateContext())
            {
                Assert.Equal(1, await db.Users.CountAsync(u => (u.Id == first || u.Id == second) && u.IsActive, ct));
            }

            // Whoever is left active carries on with the next round.
            if (results[1].Succeeded)
            {
                first = second;
            }
        }
    }
}
