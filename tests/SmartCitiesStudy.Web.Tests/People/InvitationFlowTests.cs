using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Audit;
using SmartCitiesStudy.Infrastructure.Identity;
using SmartCitiesStudy.Infrastructure.People;
using SmartCitiesStudy.Infrastructure.Seeding;
using SmartCitiesStudy.Web.Tests.Infrastructure;

namespace SmartCitiesStudy.Web.Tests.People;

public sealed class InvitationFlowTests(PeopleWebApp app) : IClassFixture<PeopleWebApp>
{
    private const string AcceptUrl = "http://localhost/Account/AcceptInvitation";
    private const string Password = "a long enough password";

    private async Task<int> CityIdAsync(string slug)
    {
        await using var db = app.Database.CreateContext();
        return await db.Cities.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync(TestContext.Current.CancellationToken);
    }

    private async Task<string> InviteAsync(string email, string role, int? cityId)
    {
        var result = await app.Services.GetRequiredService<InvitePerson>().ExecuteAsync(new InviteInput(email, role, cityId), AcceptUrl, PeopleWebApp.Secretariat(), TestContext.Current.CancellationToken);
        Assert.True(result.Succeeded, result.Error);
        return await app.InvitationTokenForAsync(email);
    }

    private static Task<HttpResponseMessage> AcceptAsync(HttpClient client, string token, string name = "Nora Officer") =>
        FormPost.SubmitAsync(client, "/Account/AcceptInvitation?token=" + token, new Dictionary<string, string>
        {
            ["Input.Token"] = token,
            ["Input.DisplayName"] = name,
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
        });

    private async Task<int> AccountsWithEmailAsync(string email)
    {
        var normalized = email.ToUpperInvariant();
        await using var db = app.Database.CreateContext();
        return await db.Users.CountAsync(u => u.NormalizedEmail == normalized, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task An_invited_officer_accepts_signs_in_as_an_officer_of_the_city_and_the_link_cannot_be_reused()
    {
        var ct = TestContext.Current.CancellationToken;
        const string email = "nora@porto.example.org";
        var porto = await CityIdAsync("porto");
        var token = await InviteAsync(email, StudyRoles.CityOfficer, porto);

        await using (var db = app.Database.CreateContext())
        {
            var invitation = await db.Invitations.SingleAsync(i => i.Email == email, ct);
            Assert.NotEqual(token, invitation.TokenHash);
            Assert.Equal(64, invitation.TokenHash.Length);
            Assert.Contains(await db.AuditEntries.Where(a => a.Action == AuditActions.PersonInvited).Select(a => a.After).ToListAsync(ct), a => a == $"{email}: CityOfficer of Porto");
        }

        using var anonymous = app.CreateBrowserClient();
        var page = await anonymous.GetStringAsync(new Uri("/Account/AcceptInvitation?token=" + token, UriKind.Relative), ct);
        Assert.Contains(email, page, StringComparison.Ordinal);
        Assert.Contains("city officer of Porto", page, StringComparison.Ordinal);

        using var accepted = await AcceptAsync(anonymous, token);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal("/portal", accepted.Headers.Location?.AbsolutePath);
        var home = await anonymous.GetStringAsync(new Uri("/portal", UriKind.Relative), ct);
        Assert.Contains("Nora Officer", home, StringComparison.Ordinal);

        using var fresh = app.CreateBrowserClient();
        using var signIn = await FormPost.SignInAsync(fresh, email, Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = await users.FindByEmailAsync(email);
            Assert.Equal(porto, user!.CityId);
            Assert.True(user.EmailConfirmed);
            Assert.Equal([StudyRoles.CityOfficer], await users.GetRolesAsync(user));
        }

        foreach (var secretariatOnly in new[] { "/portal/cities", "/portal/people" })
        {
            using var denied = await fresh.GetAsync(new Uri(secretariatOnly, UriKind.Relative), ct);
            Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
            Assert.Contains("/Account/AccessDenied", denied.Headers.Location?.ToString(), StringComparison.Ordinal);
        }

        using var again = app.CreateBrowserClient();
        var reused = await again.GetStringAsync(new Uri("/Account/AcceptInvitation?token=" + token, UriKind.Relative), ct);
        Assert.Contains("This invitation was already used.", reused, StringComparison.Ordinal);
        Assert.DoesNotContain("Input.Password", reused, StringComparison.Ordinal);
        Assert.Equal(1, await AccountsWithEmailAsync(email));
    }

    [Fact]
    public async Task An_expired_invitation_is_refused_and_creates_no_account()
    {
        var ct = TestContext.Current.CancellationToken;
        const string email = "late@bilbao.example.org";
        var token = await InviteAsync(email, StudyRoles.CityOfficer, await CityIdAsync("bilbao"));
        using var client = app.CreateBrowserClient();
        var form = await client.GetStringAsync(new Uri("/Account/AcceptInvitation?token=" + token, UriKind.Relative), ct);
        Assert.Contains("Input.Password", form, StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        try
        {
            var page = await client.GetStringAsync(new Uri("/Account/AcceptInvitation?token=" + token, UriKind.Relative), ct);
            Assert.Contains("This invitation has expired. Ask the secretariat to send you a new one.", page, StringComparison.Ordinal);
            Assert.Equal(0, await AccountsWithEmailAsync(email));
            var direct = await app.Services.GetRequiredService<AcceptInvitation>().ExecuteAsync(token, "Late", Password, ct);
            Assert.Equal(InvitationProblem.Expired, direct.Problem);
            Assert.Equal(0, await AccountsWithEmailAsync(email));
        }
        finally
        {
            app.Clock.Advance(-(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1)));
        }
    }

    [Fact]
    public async Task A_resent_invitation_invalidates_the_old_link_and_an_unknown_link_is_explained()
    {
        var ct = TestContext.Current.CancellationToken;
        const string email = "twice@example.org";
        var first = await InviteAsync(email, StudyRoles.Reviewer, null);
        int id;
        await using (var db = app.Database.CreateContext())
        {
            id = await db.Invitations.Where(i => i.Email == email).Select(i => i.Id).SingleAsync(ct);
        }

        Assert.True((await app.Services.GetRequiredService<InvitePerson>().ResendAsync(id, AcceptUrl, PeopleWebApp.Secretariat(), ct)).Succeeded);
        var second = await app.InvitationTokenForAsync(email);
        Assert.NotEqual(first, second);

        using var client = app.CreateBrowserClient();
        var old = await client.GetStringAsync(new Uri("/Account/AcceptInvitation?token=" + first, UriKind.Relative), ct);
        Assert.Contains("This invitation is no longer valid", old, StringComparison.Ordinal);
        var unknown = await client.GetStringAsync(new Uri("/Account/AcceptInvitation?token=nonsense", UriKind.Relative), ct);
        Assert.Contains("This invitation link is not valid.", unknown, StringComparison.Ordinal);
        using var accepted = await AcceptAsync(client, second, "Rosa Reviewer");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
    }

    [Fact]
    public async Task An_invitation_for_an_address_with_a_deactivated_account_is_refused_without_changing_the_account()
    {
        var ct = TestContext.Current.CancellationToken;
        const string email = "gone@example.org";
        var token = await InviteAsync(email, StudyRoles.Reviewer, null);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // The account appeared (and was deactivated) after the invitation was sent.
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Gone", IsActive = false };
            Assert.True((await users.CreateAsync(user, "an old password here")).Succeeded);
        }

        using var client = app.CreateBrowserClient();
        var page = await client.GetStringAsync(new Uri("/Account/AcceptInvitation?token=" + token, UriKind.Relative), ct);
        Assert.Contains("The account for this address is deactivated. Ask the secretariat to reactivate it.", page, StringComparison.Ordinal);
        var direct = await app.Services.GetRequiredService<AcceptInvitation>().ExecuteAsync(token, "New Name", Password, ct);
        Assert.Equal(InvitationProblem.AccountDeactivated, direct.Problem);

        await using var db = app.Database.CreateContext();
        var account = await db.Users.SingleAsync(u => u.Email == email, ct);
        Assert.False(account.IsActive);
        Assert.Equal("Gone", account.DisplayName);
        Assert.Null((await db.Invitations.SingleAsync(i => i.Email == email, ct)).AcceptedAt);
    }

    [Fact]
    public async Task A_deactivated_person_is_signed_out_and_cannot_sign_in_and_the_last_secretariat_is_protected()
    {
        var ct = TestContext.Current.CancellationToken;
        const string email = "soon.gone@bilbao.example.org";
        var token = await InviteAsync(email, StudyRoles.CityOfficer, await CityIdAsync("bilbao"));
        using var session = app.CreateBrowserClient();
        using (var accepted = await AcceptAsync(session, token, "Soon Gone"))
        {
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        string userId, secretariatId;
        await using (var db = app.Database.CreateContext())
        {
            userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(ct);
            secretariatId = await db.Users.Where(u => u.Email == DemoAccounts.All[0].Email).Select(u => u.Id).SingleAsync(ct);
        }

        var manage = app.Services.GetRequiredService<ManagePerson>();
        Assert.True((await manage.SetActiveAsync(userId, false, PeopleWebApp.Secretariat(secretariatId), ct)).Succeeded);

        using var fresh = app.CreateBrowserClient();
        using var signIn = await FormPost.SignInAsync(fresh, email, Password);
        Assert.Contains("This account is not active", await signIn.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);

        // The open session ends once the cookie is checked again (every 5 minutes).
        app.Clock.Advance(TimeSpan.FromMinutes(6));
        using var afterwards = await session.GetAsync(new Uri("/portal", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.Contains("/Account/Login", afterwards.Headers.Location?.ToString(), StringComparison.Ordinal);

        var self = await manage.SetActiveAsync(secretariatId, false, PeopleWebApp.Secretariat(secretariatId), ct);
        Assert.Equal("person.self", self.ErrorCode);
        var last = await manage.ChangeRoleAsync(secretariatId, StudyRoles.Reviewer, null, PeopleWebApp.Secretariat("someone-else"), ct);
        Assert.Equal("person.last_secretariat", last.ErrorCode);
        var lastDeactivate = await manage.SetActiveAsync(secretariatId, false, PeopleWebApp.Secretariat("someone-else"), ct);
        Assert.Equal("person.last_secretariat", lastDeactivate.ErrorCode);

        Assert.True((await manage.SetActiveAsync(userId, true, PeopleWebApp.Secretariat(secretariatId), ct)).Succeeded);
        Assert.True((await manage.ChangeRoleAsync(userId, StudyRoles.Reviewer, null, PeopleWebApp.Secretariat(secretariatId), ct)).Succeeded);
        await using var check = app.Database.CreateContext();
        var actions = await check.AuditEntries.Where(a => a.EntityId == userId).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(ct);
        Assert.Equal([AuditActions.PersonActivated, AuditActions.PersonDeactivated, AuditActions.PersonActivated, AuditActions.RoleChanged], actions);
        Assert.Equal("CityOfficer of Bilbao", await check.AuditEntries.Where(a => a.EntityId == userId && a.Action == AuditActions.RoleChanged).Select(a => a.Before).SingleAsync(ct));
    }

    [Fact]
    public async Task The_outbox_page_lists_mail_in_development_and_does_not_exist_elsewhere()
    {
        var ct = TestContext.Current.CancellationToken;
        await InviteAsync("outbox.reader@example.org", StudyRoles.Reviewer, null);
        using var client = app.CreateBrowserClient();
        await FormPost.SignInAsync(client, DemoAccounts.All[0].Email, DemoAccounts.Password);
        var html = await client.GetStringAsync(new Uri("/portal/outbox", UriKind.Relative), ct);
        Assert.Contains("outbox.reader@example.org", html, StringComparison.Ordinal);
        Assert.Contains("AcceptInvitation?token=", html, StringComparison.Ordinal);

        await using var production = app.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        using var anonymous = production.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await anonymous.GetAsync(new Uri("/portal/outbox", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Bad_invitations_are_refused_with_a_clear_reason()
    {
        var ct = TestContext.Current.CancellationToken;
        var invite = app.Services.GetRequiredService<InvitePerson>();
        var sec = PeopleWebApp.Secretariat();
        Assert.Equal("invitation.email", (await invite.ExecuteAsync(new InviteInput("not-an-address", StudyRoles.Reviewer, null), AcceptUrl, sec, ct)).ErrorCode);
        Assert.Equal("person.city", (await invite.ExecuteAsync(new InviteInput("x@example.org", StudyRoles.CityOfficer, null), AcceptUrl, sec, ct)).ErrorCode);
        Assert.Equal("person.role", (await invite.ExecuteAsync(new InviteInput("x@example.org", "Admin", null), AcceptUrl, sec, ct)).ErrorCode);
        Assert.Equal("person.exists", (await invite.ExecuteAsync(new InviteInput(DemoAccounts.All[1].Email, StudyRoles.Reviewer, null), AcceptUrl, sec, ct)).ErrorCode);
        var reviewer = new StudyUser("r", "R", null, new HashSet<string> { StudyRoles.Reviewer });
        Assert.Equal("forbidden", (await invite.ExecuteAsync(new InviteInput("y@example.org", StudyRoles.Reviewer, null), AcceptUrl, reviewer, ct)).ErrorCode);
        await using var db = app.Database.CreateContext();
        Assert.False(await db.Invitations.AnyAsync(i => i.Email == "x@example.org" || i.Email == "y@example.org", ct));
    }
}
