using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Archive;
using SmartCitiesStudy.Application.Features.Cities;
using SmartCitiesStudy.Application.Features.Dashboard;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Features.Imports;
using SmartCitiesStudy.Application.Features.Outbox;
using SmartCitiesStudy.Application.Features.Questionnaires;
using SmartCitiesStudy.Application.Features.Responses;
using SmartCitiesStudy.Application.Features.Review;
using SmartCitiesStudy.Application.Features.Texts;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Infrastructure.People;
using SmartCitiesStudy.Web.Tests.Infrastructure;

namespace SmartCitiesStudy.Web.Tests.Security;

/// <summary>
/// The second table: actions of the interactive pages have no HTTP endpoint of their own, so each use case is called
/// directly with the signed-in person's <see cref="StudyUser"/>. Every caller listed must be refused; nothing changes.
/// </summary>
public sealed class UseCasePermissionTests(StudyWebApp app) : IClassFixture<StudyWebApp>, IAsyncLifetime
{
    private const string BilbaoOfficer = "ane.officer@bilbao.demo.smartcities.local";
    private const string PortoOfficer = "rita.officer@porto.demo.smartcities.local";
    private const string ReviewerEmail = "reviewer@demo.smartcities.local";

    private readonly Dictionary<string, StudyUser> _users = [];
    private int _bilbao2026;
    private int _porto2026;
    private int _bilbaoCityId;
    private string _portoOfficerId = string.Empty;

    /// <summary>Use case × who must be refused. Each probe answers true when the call was refused.</summary>
    public static TheoryData<string, string> Table { get; } = new()
    {
        { "SaveAnswer on Bilbao's response", PortoOfficer },
        { "SaveAnswer on Bilbao's response", ReviewerEmail },
        { "SubmitResponse of Bilbao's response", PortoOfficer },
        { "SubmitResponse of Bilbao's response", ReviewerEmail },
        { "OpenResponse of Bilbao's response by id", PortoOfficer },
        { "ResponseComments list of Bilbao's response", PortoOfficer },
        { "ResponseComments add to Bilbao's response", PortoOfficer },
        { "DecideResponse approve Porto's submission", PortoOfficer },
        { "DecideResponse approve Porto's submission", BilbaoOfficer },
        { "CorrectAnswer in Porto's submission", PortoOfficer },
        { "CorrectAnswer in Porto's submission", BilbaoOfficer },
        { "ChangeEditionStatus close 2026", BilbaoOfficer },
        { "ChangeEditionStatus close 2026", ReviewerEmail },
        { "PlanEditionCalendar 2026", BilbaoOfficer },
        { "PlanEditionCalendar 2026", ReviewerEmail },
        { "ExtendCityDeadline Bilbao 2026", BilbaoOfficer },
        { "ExtendCityDeadline Bilbao 2026", ReviewerEmail },
        { "SetEditionDeadline 2026", BilbaoOfficer },
        { "CreateEdition 2099", BilbaoOfficer },
        { "CreateEdition 2099", ReviewerEmail },
        { "SaveQuestionnaire 2026", BilbaoOfficer },
        { "SaveQuestionnaire 2026", ReviewerEmail },
        { "ImportResponses 2026", BilbaoOfficer },
        { "ImportResponses 2026", ReviewerEmail },
        { "ImportCities", BilbaoOfficer },
        { "ImportCities", ReviewerEmail },
        { "SaveCity rename Bilbao", BilbaoOfficer },
        { "SaveCity rename Bilbao", ReviewerEmail },
        { "SetEditionText foreword 2026", BilbaoOfficer },
        { "SetEditionText foreword 2026", ReviewerEmail },
        { "ImportEditionTexts 2026", ReviewerEmail },
        { "ListTextHistory 2017 foreword", BilbaoOfficer },
        { "SetPopulation of Bilbao", BilbaoOfficer },
        { "SetPopulation of Bilbao", ReviewerEmail },
        { "ConfirmCarriedPopulations 2026", BilbaoOfficer },
        { "ConfirmCarriedPopulations 2026", ReviewerEmail },
        { "InvitePerson as secretariat", BilbaoOfficer },
        { "InvitePerson as secretariat", ReviewerEmail },
        { "ManagePerson make Porto's officer secretariat", PortoOfficer },
        { "ManagePerson make Porto's officer secretariat", ReviewerEmail },
        { "ManagePerson deactivate the reviewer", BilbaoOfficer },
        { "ManagePerson deactivate the reviewer", ReviewerEmail },
        { "ListPeople", BilbaoOfficer },
        { "ListPeople", ReviewerEmail },
        { "ListOutbox", BilbaoOfficer },
        { "ListOutbox", ReviewerEmail },
        { "LoadEditionDashboard 2026", BilbaoOfficer },
        { "ListResponsesToReview", BilbaoOfficer },
        { "PreviewPublication 2026", BilbaoOfficer },
        { "PreviewPublication 2026", ReviewerEmail },
        { "ResponseAuditTrail of Bilbao's response", PortoOfficer },
        { "ResponseAuditTrail of 2026", BilbaoOfficer },
        { "AttachOriginalPublication 2017", BilbaoOfficer },
        { "AttachOriginalPublication 2017", ReviewerEmail },
    };

    public async ValueTask InitializeAsync()
    {
        _ = app.Services; // migrated and seeded
        await using var db = app.Database.CreateContext();
        foreach (var email in new[] { BilbaoOfficer, PortoOfficer, ReviewerEmail })
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            var roles = await db.UserRoles.Where(ur => ur.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync();
            _users[email] = new StudyUser(user.Id, user.DisplayName, user.CityId, roles.ToHashSet(StringComparer.Ordinal));
        }

        var edition = await db.Editions.SingleAsync(e => e.Code == "2026");
        _bilbaoCityId = await db.Cities.Where(c => c.Slug == "bilbao").Select(c => c.Id).SingleAsync();
        var portoCityId = await db.Cities.Where(c => c.Slug == "porto").Select(c => c.Id).SingleAsync();
        _bilbao2026 = await db.Responses.Where(r => r.EditionId == edition.Id && r.CityId == _bilbaoCityId).Select(r => r.Id).SingleAsync();
        _porto2026 = await db.Responses.Where(r => r.EditionId == edition.Id && r.CityId == portoCityId).Select(r => r.Id).SingleAsync();
        _portoOfficerId = _users[PortoOfficer].UserId;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Theory]
    [MemberData(nameof(Table))]
    public async Task The_use_case_refuses_the_caller(string useCase, string callerEmail)
    {
        var before = await FingerprintAsync();
        Assert.True(await RefusedAsync(useCase, _users[callerEmail]), $"{useCase} was allowed for {callerEmail}");
        Assert.Equal(before, await FingerprintAsync());
    }

    private async Task<bool> RefusedAsync(string useCase, StudyUser user)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        T Get<T>()
            where T : notnull => services.GetRequiredService<T>();
        var ct = TestContext.Current.CancellationToken;
        return useCase switch
        {
            "SaveAnswer on Bilbao's response" => (await Get<SaveAnswer>().ExecuteAsync(user, _bilbao2026, "ss_priority_sectors", AnswerValue.OfText("x"), 0, ct)).Refusal == ResponseRefusals.Forbidden,
            "SubmitResponse of Bilbao's response" => (await Get<SubmitResponse>().ExecuteAsync(user, _bilbao2026, ct)).Refusal == ResponseRefusals.Forbidden,
            "OpenResponse of Bilbao's response by id" => await Get<OpenResponse>().ByIdAsync(user, _bilbao2026, ct) is null,
            "ResponseComments list of Bilbao's response" => (await Get<ResponseComments>().ListAsync(user, _bilbao2026, ct)).Count == 0,
            "ResponseComments add to Bilbao's response" => !(await Get<ResponseComments>().AddAsync(user, _bilbao2026, null, null, "hello", isInternal: false, ct)).Succeeded,
            "DecideResponse approve Porto's submission" => Forbidden(await Get<DecideResponse>().ExecuteAsync(user, _porto2026, ReviewDecision.Approve, await VersionOfAsync(_porto2026), cancellationToken: ct)),
            "CorrectAnswer in Porto's submission" => Forbidden(await Get<CorrectAnswer>().ExecuteAsync(user, _porto2026, "ss_priority_sectors", AnswerValue.OfText("x"), 1, "because", ct)),
            "ChangeEditionStatus close 2026" => Forbidden(await Get<ChangeEditionStatus>().ExecuteAsync("2026", EditionAction.Close, await EditionVersionAsync(), user, cancellationToken: ct)),
            "PlanEditionCalendar 2026" => Forbidden(await Get<PlanEditionCalendar>().ExecuteAsync("2026", new EditionCalendar(null, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(90)), true), await EditionVersionAsync(), user, ct)),
            "ExtendCityDeadline Bilbao 2026" => Forbidden(await Get<ExtendCityDeadline>().ExecuteAsync("2026", _bilbaoCityId, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(400)), "more time", user, ct)),
            "SetEditionDeadline 2026" => Forbidden(await Get<SetEditionDeadline>().ExecuteAsync("2026", DateOnly.FromDateTime(DateTime.UtcNow.AddDays(90)), await EditionVersionAsync(), user, ct)),
            "CreateEdition 2099" => Forbidden(await Get<CreateEdition>().ExecuteAsync("2099", "Smart Cities Study 2099", "FUTURE", 2099, "2017", user, ct)),
            "SaveQuestionnaire 2026" => !(await Get<SaveQuestionnaire>().ExecuteAsync("2026", "{}", user, ct)).Saved,
            "ImportResponses 2026" => !(await Get<ImportResponses>().ExecuteAsync("city,country,region,population,status\nX,Y,Europe,1,approved\n"u8.ToArray(), "2026", dryRun: false, replace: true, user, ct)).Stored,
            "ImportCities" => !(await Get<ImportCities>().ExecuteAsync("name,country,region\nNewtown,Spain,Europe\n"u8.ToArray(), null, dryRun: false, user, ct)).Stored,
            "SetEditionText foreword 2026" => !(await Get<SetEditionText>().ExecuteAsync("2026", new TextInput("foreword", "en", "x"), null, user, ct)).Saved,
            "ImportEditionTexts 2026" => (await Get<ImportEditionTexts>().ExecuteAsync("2026", """{"texts":[{"block":"foreword","language":"en","markdown":"x"}]}""", user, ct)).Written == 0,
            "ListTextHistory 2017 foreword" => (await Get<ListTextHistory>().ExecuteAsync("2017", "foreword", "en", user, ct)).Count == 0,
            "SaveCity rename Bilbao" => Forbidden(await Get<SaveCity>().ExecuteAsync(new CityInput(_bilbaoCityId, "Bilbo", "Spain", Region.Europe, "bilbo"), user, ct)),
            "SetPopulation of Bilbao" => Forbidden(await Get<SetPopulation>().ExecuteAsync(_bilbaoCityId, "2026", 1, user, ct)),
            "ConfirmCarriedPopulations 2026" => Forbidden(await Get<ConfirmCarriedPopulations>().ExecuteAsync("2026", user, ct)),
            "InvitePerson as secretariat" => Forbidden(await Get<InvitePerson>().ExecuteAsync(new InviteInput("mallory@example.org", StudyRoles.Secretariat, null), "http://localhost/Account/AcceptInvitation", user, ct)),
            "ManagePerson make Porto's officer secretariat" => Forbidden(await Get<ManagePerson>().ChangeRoleAsync(_portoOfficerId, StudyRoles.Secretariat, null, user, ct)),
            "ManagePerson deactivate the reviewer" => Forbidden(await Get<ManagePerson>().SetActiveAsync(_users[ReviewerEmail].UserId, active: false, user, ct)),
            "ListPeople" => (await Get<ListPeople>().ExecuteAsync(new PeopleFilter(), user, ct)).People.Count == 0,
            "ListOutbox" => (await Get<ListOutbox>().ExecuteAsync(user, cancellationToken: ct)).Count == 0,
            "LoadEditionDashboard 2026" => (await Get<LoadEditionDashboard>().ExecuteAsync("2026", new DashboardFilter(null, null, null), user, ct)).Dashboard is null,
            "ListResponsesToReview" => (await Get<ListResponsesToReview>().ExecuteAsync(user, ct)).Count == 0,
            "PreviewPublication 2026" => await Get<PreviewPublication>().ExecuteAsync("2026", user, ct) is null,
            "ResponseAuditTrail of Bilbao's response" => (await Get<ResponseAuditTrail>().ExecuteAsync(user, _bilbao2026, ct)).Count == 0,
            "ResponseAuditTrail of 2026" => (await Get<ResponseAuditTrail>().ForEditionAsync(user, "2026", ct)).Count == 0,
            "AttachOriginalPublication 2017" => Forbidden(await Get<AttachOriginalPublication>().ExecuteAsync("2017", "en", "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n"u8.ToArray(), user, ct)),
            _ => throw new ArgumentOutOfRangeException(nameof(useCase), useCase, "No probe for this use case."),
        };
    }

    private static bool Forbidden(OperationResult result) => !result.Succeeded && result.ErrorCode is "forbidden" or ResponseRefusals.Forbidden;

    private async Task<int> VersionOfAsync(int responseId)
    {
        await using var db = app.Database.CreateContext();
        return await db.Responses.Where(r => r.Id == responseId).Select(r => r.Version).SingleAsync();
    }

    private async Task<int> EditionVersionAsync()
    {
        await using var db = app.Database.CreateContext();
        return await db.Editions.Where(e => e.Code == "2026").Select(e => e.Version).SingleAsync();
    }

    /// <summary>What the refused calls must leave untouched: counts and states that each of them would change.</summary>
    private async Task<string> FingerprintAsync()
    {
        await using var db = app.Database.CreateContext();
        var statuses = string.Join(',', await db.Responses.OrderBy(r => r.Id).Select(r => r.Status).ToListAsync());
        var editions = string.Join(',', await db.Editions.OrderBy(e => e.Id).Select(e => e.Code + e.Status + e.Deadline + e.AutoCloseAtDeadline).ToListAsync());
        var extensions = await db.DeadlineExtensions.CountAsync();
        var answers = await db.AnswerChanges.CountAsync();
        var comments = await db.Comments.CountAsync();
        var cities = string.Join(',', await db.Cities.OrderBy(c => c.Id).Select(c => c.Slug).ToListAsync());
        var populations = await db.CityPopulations.CountAsync();
        var roles = await db.UserRoles.CountAsync();
        var active = await db.Users.CountAsync(u => u.IsActive);
        var invitations = await db.Invitations.CountAsync();
        var questionnaires = await db.QuestionnaireVersions.CountAsync();
        return $"{statuses}|{editions}|{answers}|{comments}|{cities}|{populations}|{roles}|{active}|{invitations}|{questionnaires}|{extensions}";
    }
}
