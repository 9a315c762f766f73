using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Features.Notices;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Audit;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Domain.Responses;
using SmartCitiesStudy.Infrastructure.Identity;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Application.Tests.Features.Notices;

/// <summary>The daily schedule with a fake clock: reminders, none after submission, once across instances, auto-close, digest.</summary>
public sealed class DailyScheduleTests : IAsyncLifetime
{
    private static readonly StudyUser Secretariat = new("sec", "Sara", null, new HashSet<string> { StudyRoles.Secretariat });
    private static readonly DateTimeOffset Start = new(2027, 1, 18, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Deadline = new(2027, 2, 1);
    private readonly FakeClock _clock = new(Start);
    private TestDatabase _database = default!;
    private ServiceProvider _services = default!;
    private int _bilbao;
    private int _editionId;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _services = NewInstance();
        await using var db = _database.CreateContext(_clock);
        var bilbao = new City("Bilbao", "Spain", Region.Europe);
        db.Cities.Add(bilbao);
        await db.SaveChangesAsync(Ct);
        _bilbao = bilbao.Id;
        await AddUserAsync(db, "ane@bilbao.example", "Ane", bilbao.Id, "es", StudyRoles.CityOfficer);
        await AddUserAsync(db, "sara@uclg.example", "Sara", null, "fr", StudyRoles.Secretariat);

        Assert.True((await Get<CreateEdition>().ExecuteAsync("2027", "Smart Cities Study 2027", "GOVERNANCE", 2027, "2017", Secretariat, Ct)).Succeeded);
        var edition = await db.Editions.AsNoTracking().SingleAsync(e => e.Code == "2027", Ct);
        _editionId = edition.Id;
        Assert.True((await Get<ChangeEditionStatus>().ExecuteAsync("2027", EditionAction.Open, edition.Version, Secretariat, reason: null, deadline: Deadline, cancellationToken: Ct)).Succeeded);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private ServiceProvider NewInstance() => _database.CreateServices(s =>
    {
        s.AddStudyApplication();
        s.AddSingleton<TimeProvider>(_clock);
    });

    private T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    private static async Task AddUserAsync(Infrastructure.Persistence.StudyDbContext db, string email, string name, int? cityId, string culture, string role)
    {
        var user = new ApplicationUser { UserName = email, Email = email, NormalizedEmail = email.ToUpperInvariant(), NormalizedUserName = email.ToUpperInvariant(), DisplayName = name, CityId = cityId, PreferredCulture = culture, CreatedAt = Start };
        db.Users.Add(user);
        var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync(Ct);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
        await db.SaveChangesAsync(Ct);
    }

    private void At(DateOnly day, int hour = 8) => _clock.Now = new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);

    private async Task<List<string>> MailToAsync(string email)
    {
        await using var db = _database.CreateContext(_clock);
        return await db.OutboxMessages.AsNoTracking().Where(m => m.To == email).OrderBy(m => m.Id).Select(m => m.Subject).ToListAsync(Ct);
    }

    private async Task SetResponseAsync(ResponseStatus status)
    {
        await using var db = _database.CreateContext(_clock);
        var response = new Response(_editionId, _bilbao, 1, _clock.GetUtcNow());
        response.ForceStatus(status, _clock.GetUtcNow());
        db.Responses.Add(response);
        await db.SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task Reminders_go_out_14_7_and_2_days_before_the_deadline_once_a_day_in_the_officers_language_and_are_audited()
    {
        var sent = new List<int>();
        for (var day = Deadline.AddDays(-15); day <= Deadline; day = day.AddDays(1))
        {
            At(day);
            var first = await Get<RunDailySchedule>().ExecuteAsync(Ct);
            _clock.Now = _clock.Now.AddHours(3);
            var again = await Get<RunDailySchedule>().ExecuteAsync(Ct);
            Assert.Equal(0, again.Reminders);
            if (first.Reminders > 0)
            {
                sent.Add(Deadline.DayNumber - day.DayNumber);
            }
        }

        Assert.Equal([14, 7, 2], sent);
        var mail = await MailToAsync("ane@bilbao.example");
        Assert.Equal(
            ["Smart Cities Study 2027: quedan 14 días para enviar su respuesta", "Smart Cities Study 2027: quedan 7 días para enviar su respuesta", "Smart Cities Study 2027: quedan 2 días para enviar su respuesta"],
            mail);
        await using var db = _database.CreateContext(_clock);
        var body = await db.OutboxMessages.Where(m => m.To == "ane@bilbao.example").Select(m => m.TextBody).FirstAsync(Ct);
        Assert.Contains("1 de febrero de 2027", body, StringComparison.Ordinal);
        Assert.Equal(3, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.ReminderSent && a.EditionId == _editionId, Ct));
    }

    [Fact]
    public async Task Nothing_is_sent_before_the_configured_hour()
    {
        At(Deadline.AddDays(-14), hour: 5);
        Assert.Equal(ScheduleRunResult.Nothing, await Get<RunDailySchedule>().ExecuteAsync(Ct));
        Assert.Empty(await MailToAsync("ane@bilbao.example"));
    }

    [Theory]
    [InlineData(ResponseStatus.Submitted)]
    [InlineData(ResponseStatus.Approved)]
    public async Task A_city_that_submitted_gets_no_reminder(ResponseStatus status)
    {
        await SetResponseAsync(status);
        At(Deadline.AddDays(-7));
        Assert.Equal(0, (await Get<RunDailySchedule>().ExecuteAsync(Ct)).Reminders);
        Assert.Empty(await MailToAsync("ane@bilbao.example"));
    }

    [Fact]
    public async Task A_returned_response_is_reminded_like_a_draft()
    {
        await SetResponseAsync(ResponseStatus.Returned);
        At(Deadline.AddDays(-2));
        Assert.Equal(1, (await Get<RunDailySchedule>().ExecuteAsync(Ct)).Reminders);
    }

    [Fact]
    public async Task Two_instances_running_the_schedule_at_once_send_each_reminder_once()
    {
        await using var second = NewInstance();
        At(Deadline.AddDays(-14));
        var results = await Task.WhenAll(
            Task.Run(() => Get<RunDailySchedule>().ExecuteAsync(Ct), Ct),
            Task.Run(() => second.GetRequiredService<RunDailySchedule>().ExecuteAsync(Ct), Ct));

        Assert.Equal(1, results.Sum(r => r.Reminders));
        Assert.Single(await MailToAsync("ane@bilbao.example"));
    }

    [Fact]
    public async Task An_extension_moves_the_citys_reminders_and_keeps_an_auto_closing_edition_open_until_it_ends()
    {
        var version = await VersionAsync();
        Assert.True((await Get<PlanEditionCalendar>().ExecuteAsync("2027", new EditionCalendar(new DateOnly(2027, 1, 10), Deadline, true), version, Secretariat, Ct)).Succeeded);
        Assert.Equal("forbidden", (await Get<ExtendCityDeadline>().ExecuteAsync("2027", _bilbao, Deadline.AddDays(7), "Elections", new StudyUser("x", "X", _bilbao, new HashSet<string> { StudyRoles.CityOfficer }), Ct)).ErrorCode);
        Assert.Equal("extension.reason_required", (await Get<ExtendCityDeadline>().ExecuteAsync("2027", _bilbao, Deadline.AddDays(7), " ", Secretariat, Ct)).ErrorCode);
        Assert.True((await Get<ExtendCityDeadline>().ExecuteAsync("2027", _bilbao, Deadline.AddDays(7), "Municipal elections", Secretariat, Ct)).Succeeded);

        At(Deadline.AddDays(-2));
        Assert.Equal(0, (await Get<RunDailySchedule>().ExecuteAsync(Ct)).Reminders);
        At(Deadline.AddDays(1));
        var dayAfter = await Get<RunDailySchedule>().ExecuteAsync(Ct);
        Assert.Equal(0, dayAfter.ClosedEditions);
        At(Deadline.AddDays(5));
        Assert.Equal(1, (await Get<RunDailySchedule>().ExecuteAsync(Ct)).Reminders);
        At(Deadline.AddDays(8));
        Assert.Equal(1, (await Get<RunDailySchedule>().ExecuteAsync(Ct)).ClosedEditions);

        await using var db = _database.CreateContext(_clock);
        Assert.Equal(EditionStatus.Closed, (await db.Editions.SingleAsync(e => e.Id == _editionId, Ct)).Status);
        var extended = await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.DeadlineExtended, Ct);
        Assert.Equal("Municipal elections", extended.Reason);
        Assert.Equal("2027-02-08", extended.After);
        Assert.Contains(await db.AuditEntries.Where(a => a.Action == AuditActions.EditionStatusChanged && a.EditionId == _editionId).Select(a => a.Reason).ToListAsync(Ct), r => r == "closed automatically after the deadline");
    }

    [Fact]
    public async Task The_calendar_refuses_an_opening_after_the_deadline_and_auto_close_without_a_deadline()
    {
        var version = await VersionAsync();
        Assert.Equal("edition.opens_after_deadline", (await Get<PlanEditionCalendar>().ExecuteAsync("2027", new EditionCalendar(Deadline.AddDays(1), Deadline, false), version, Secretariat, Ct)).ErrorCode);
        Assert.Equal("edition.auto_close_needs_deadline", (await Get<PlanEditionCalendar>().ExecuteAsync("2027", new EditionCalendar(null, null, true), version, Secretariat, Ct)).ErrorCode);
        await using var db = _database.CreateContext(_clock);
        var edition = await db.Editions.SingleAsync(e => e.Id == _editionId, Ct);
        Assert.Equal(Deadline, edition.Deadline);
        Assert.False(edition.AutoCloseAtDeadline);
    }

    [Fact]
    public async Task The_secretariat_gets_one_digest_a_day_when_something_waits_in_its_language()
    {
        At(Deadline.AddDays(-20));
        Assert.Equal(0, (await Get<RunDailySchedule>().ExecuteAsync(Ct)).Digests);
        await SetResponseAsync(ResponseStatus.Submitted);
        Assert.Equal(1, (await Get<RunDailySchedule>().ExecuteAsync(Ct)).Digests);
        Assert.Equal(0, (await Get<RunDailySchedule>().ExecuteAsync(Ct)).Digests);
        await using var db = _database.CreateContext(_clock);
        var digest = await db.OutboxMessages.SingleAsync(m => m.To == "sara@uclg.example", Ct);
        Assert.StartsWith("Smart Cities Study : résumé du 12 janvier 2027", digest.Subject, StringComparison.Ordinal);
        Assert.Contains("2027 : 1 nouvelle(s) réponse(s) envoyée(s), 0 renvoyée(s) en attente de la ville, 1 à relire.", digest.TextBody, StringComparison.Ordinal);
    }

    private async Task<int> VersionAsync()
    {
        await using var db = _database.CreateContext(_clock);
        return await db.Editions.Where(e => e.Id == _editionId).Select(e => e.Version).SingleAsync(Ct);
    }

    private sealed class FakeClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
