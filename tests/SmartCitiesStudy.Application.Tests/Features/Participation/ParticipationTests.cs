using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Cities;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Audit;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Participation;
using SmartCitiesStudy.Domain.People;
using SmartCitiesStudy.Domain.Responses;
using SmartCitiesStudy.Infrastructure.Identity;
using SmartCitiesStudy.Infrastructure.Participation;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Application.Tests.Features.Participation;

/// <summary>Calls for participation to city contacts, and requests to take part from cities not in the registry.</summary>
public sealed class ParticipationTests
{
    private const string AcceptUrl = "https://portal.example/Account/AcceptInvitation";
    private const string SignInUrl = "https://portal.example/Account/Login";
    private static readonly StudyUser Secretariat = new("sec", "Sara", null, new HashSet<string> { StudyRoles.Secretariat });
    private static readonly StudyUser Reviewer = new("rev", "Rui", null, new HashSet<string> { StudyRoles.Reviewer });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, CallText> Texts = new()
    {
        ["en"] = new("Join the 2026 study", "Dear colleague,\n\nThe **2026** edition is open."),
        ["es"] = new("Participe en el estudio 2026", "Estimado colega:\n\nLa edición **2026** está abierta."),
        ["fr"] = new("Participez à l'étude 2026", "Cher collègue,\n\nL'édition **2026** est ouverte."),
    };

    [Fact]
    public async Task A_call_reaches_the_contacts_the_filters_pick_each_in_their_language_with_their_own_link()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var services = database.CreateServices(s => s.AddStudyApplication());
        await OpenEditionAsync(services, database);
        var ids = await SeedCitiesAsync(database);
        var call = services.GetRequiredService<CallForParticipation>();

        async Task<string[]> To(CallFilter filter) => [.. (await call.AudienceAsync("2026", filter, Secretariat, Ct))!.Recipients.Select(r => r.Email)];

        Assert.Equal(["ane@bilbao.example", "jon@bilbao.example", "awa@dakar.example", "li@lyon.example"], await To(new CallFilter()));
        Assert.Equal(["awa@dakar.example"], await To(new CallFilter(Region: Region.Africa)));
        Assert.Equal(["ane@bilbao.example", "jon@bilbao.example", "li@lyon.example"], await To(new CallFilter(UclgMember: true)));
        Assert.Equal(["ane@bilbao.example", "jon@bilbao.example"], await To(new CallFilter(Band: PopulationBand.From100KTo1M)));
        Assert.Equal(["li@lyon.example"], await To(new CallFilter(PastEdition: "2017")));
        Assert.Equal(["ane@bilbao.example", "jon@bilbao.example", "awa@dakar.example"], await To(new CallFilter(PastEdition: "2017", TookPart: false)));
        var all = (await call.AudienceAsync("2026", new CallFilter(), Secretariat, Ct))!;
        Assert.Equal(5, all.Cities);
        Assert.Equal(["Oslo, Norway", "Quito, Ecuador"], all.CitiesWithoutContacts);
        Assert.Null(await call.AudienceAsync("2026", new CallFilter(), Reviewer, Ct));

        var noFrench = await call.SendAsync("2026", new CallFilter(), Texts.Where(t => t.Key != "fr").ToDictionary(), AcceptUrl, SignInUrl, Secretariat, Ct);
        Assert.Equal("The French subject or message is empty, and 2 contact(s) read French: write it, or narrow the filters.", noFrench.Error);
        Assert.False((await call.SendAsync("2026", new CallFilter(), Texts, AcceptUrl, SignInUrl, Reviewer, Ct)).Succeeded);

        var sent = await call.SendAsync("2026", new CallFilter(), Texts, AcceptUrl, SignInUrl, Secretariat, Ct);
        Assert.True(sent.Succeeded, sent.Error);
        Assert.Equal(4, sent.Sent);

        await using var db = database.CreateContext();
        var mail = await db.OutboxMessages.AsNoTracking().ToDictionaryAsync(m => m.To, Ct);
        Assert.Equal(4, mail.Count);
        Assert.Equal("Participe en el estudio 2026", mail["ane@bilbao.example"].Subject);
        Assert.Equal("Join the 2026 study", mail["jon@bilbao.example"].Subject);
        Assert.Equal("Participez à l'étude 2026", mail["awa@dakar.example"].Subject);
        Assert.Contains("<strong>2026</strong>", mail["awa@dakar.example"].HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Pour répondre au nom de Dakar, acceptez votre invitation", mail["awa@dakar.example"].TextBody, StringComparison.Ordinal);
        Assert.Contains(SignInUrl, mail["li@lyon.example"].TextBody, StringComparison.Ordinal); // has an account: signs in

        var invitations = await db.Invitations.AsNoTracking().ToListAsync(Ct);
        Assert.Equal(3, invitations.Count);
        Assert.All(invitations, i => Assert.Equal(StudyRoles.CityOfficer, i.Role));
        Assert.Equal(ids["dakar"], invitations.Single(i => i.Email == "awa@dakar.example").CityId);
        var links = mail.Values.Where(m => m.To != "li@lyon.example").Select(m => System.Text.RegularExpressions.Regex.Match(m.TextBody, "token=([A-Za-z0-9_-]+)").Groups[1].Value).ToList();
        Assert.Equal(3, links.Distinct().Count());
        Assert.All(links, token => Assert.Contains(invitations, i => i.TokenHash == Infrastructure.People.InvitationToken.Hash(token)));
        var audit = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == AuditActions.CallSent, Ct);
        Assert.Equal("4 e-mail(s) to 3 city(ies): all cities; subject \"Join the 2026 study\"", audit.After);
    }

    [Fact]
    public async Task A_request_to_take_part_is_answered_and_accepting_it_adds_the_city_and_invites_the_asker()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var services = database.CreateServices(s => s.AddStudyApplication());
        var requests = services.GetRequiredService<ParticipationRequests>();
        var ask = new TakePartInput("Cuenca", "Ecuador", "Pedro Pérez", "Pedro@Cuenca.example", "es", "We would like to join.");

        Assert.True((await requests.AskAsync("2017", ask, Ct)).NotOpen);
        await OpenEditionAsync(services, database);
        var bad = await requests.AskAsync("2026", ask with { Email = "pedro at cuenca" }, Ct);
        Assert.Equal(("email", "'pedro at cuenca' is not an e-mail address."), (bad.Field, bad.Error));
        Assert.True((await requests.AskAsync("2026", ask, Ct)).Succeeded);
        Assert.True((await requests.AskAsync("2026", ask, Ct)).Succeeded); // twice: one request
        Assert.True((await requests.AskAsync("2026", new TakePartInput("Oulu", "Finland", "Aino", "aino@oulu.example", "en", null), Ct)).Succeeded);

        Assert.Null(await requests.ListAsync("2026", Reviewer, Ct));
        var list = (await requests.ListAsync("2026", Secretariat, Ct))!;
        Assert.Equal(2, list.Count);
        var cuenca = list.Single(r => r.City == "Cuenca");
        Assert.Equal(("pedro@cuenca.example", ParticipationRequestStatus.Pending, false), (cuenca.Email, cuenca.Status, cuenca.InRegistry));

        Assert.False((await requests.AcceptAsync(cuenca.Id, Region.America, AcceptUrl, Reviewer, Ct)).Succeeded);
        var accepted = await requests.AcceptAsync(cuenca.Id, Region.America, AcceptUrl, Secretariat, Ct);
        Assert.True(accepted.Succeeded, accepted.Error);
        Assert.Equal("request.decided", (await requests.DeclineAsync(cuenca.Id, "no", Secretariat, Ct)).ErrorCode);
        var oulu = list.Single(r => r.City == "Oulu");
        Assert.True((await requests.DeclineAsync(oulu.Id, "This edition is for cities of the Americas.", Secretariat, Ct)).Succeeded);

        await using var db = database.CreateContext();
        var city = await db.Cities.AsNoTracking().SingleAsync(c => c.Name == "Cuenca", Ct);
        Assert.Equal(Region.America, city.Region);
        var contact = await db.CityContacts.AsNoTracking().SingleAsync(c => c.CityId == city.Id, Ct);
        Assert.Equal(("Pedro Pérez", "pedro@cuenca.example", "es"), (contact.Name, contact.Email, contact.Language));
        var invitation = await db.Invitations.AsNoTracking().SingleAsync(i => i.Email == "pedro@cuenca.example", Ct);
        Assert.Equal((StudyRoles.CityOfficer, (int?)city.Id), (invitation.Role, invitation.CityId));
        var mail = await db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync(Ct);
        Assert.Equal(
        [
            "pedro@cuenca.example: Smart Cities Study 2026: hemos recibido la solicitud de Cuenca",
            "aino@oulu.example: Smart Cities Study 2026: we received Oulu's request",
            "pedro@cuenca.example: Smart Cities Study 2026: Cuenca está invitada a participar",
            "aino@oulu.example: Smart Cities Study 2026: answer to Oulu's request",
        ], mail.Select(m => $"{m.To}: {m.Subject}"));
        Assert.Contains(AcceptUrl + "?token=", mail[2].TextBody, StringComparison.Ordinal);
        Assert.Contains("This edition is for cities of the Americas.", mail[3].TextBody, StringComparison.Ordinal);
        var actions = await db.AuditEntries.AsNoTracking().Where(a => a.Action.StartsWith("participation.")).Select(a => a.Action).ToListAsync(Ct);
        Assert.Equal(2, actions.Count(a => a == AuditActions.ParticipationRequested));
        Assert.Contains(AuditActions.ParticipationAccepted, actions);
        Assert.Contains(AuditActions.ParticipationDeclined, actions);
    }

    private static async Task OpenEditionAsync(ServiceProvider services, TestDatabase database)
    {
        Assert.True((await services.GetRequiredService<CreateEdition>().ExecuteAsync("2026", "Smart Cities Study 2026", "ECONOMY", 2026, "2017", Secretariat, Ct)).Succeeded);
        await using var db = database.CreateContext();
        var version = await db.Editions.Where(e => e.Code == "2026").Select(e => e.Version).SingleAsync(Ct);
        Assert.True((await services.GetRequiredService<ChangeEditionStatus>().ExecuteAsync("2026", EditionAction.Open, version, Secretariat, cancellationToken: Ct)).Succeeded);
    }

    /// <summary>
    /// Bilbao (Europe, member, 345,100 in 2026; contacts es + en), Dakar (Africa, not a member; fr), Lyon (Europe,
    /// member, took part in 2017, an account already; fr), Quito (no contact), Oslo (no contact). Keys: slugs.
    /// </summary>
    private static async Task<Dictionary<string, int>> SeedCitiesAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var edition2026 = await db.Editions.Where(e => e.Code == "2026").Select(e => e.Id).SingleAsync(Ct);
        var edition2017 = await db.Editions.Where(e => e.Code == "2017").Select(e => e.Id).SingleAsync(Ct);
        var cities = new[]
        {
            new City("Bilbao", "Spain", Region.Europe), new City("Dakar", "Senegal", Region.Africa), new City("Lyon", "France", Region.Europe),
            new City("Quito", "Ecuador", Region.America), new City("Oslo", "Norway", Region.Europe),
        };
        cities[0].SetMembership(true, "CEMR");
        cities[2].SetMembership(true, "CEMR");
        cities[3].SetMembership(true, "FLACMA");
        cities[4].SetMembership(true, null);
        db.Cities.AddRange(cities);
        await db.SaveChangesAsync(Ct);
        db.CityPopulations.Add(new CityPopulation(cities[0].Id, edition2026, 345_100));
        db.CityPopulations.Add(new CityPopulation(cities[2].Id, edition2017, 2_000_000));
        db.CityContacts.AddRange(
            new CityContact(cities[0].Id, "Ane", "ane@bilbao.example", "es", "CIO"),
            new CityContact(cities[0].Id, "Jon", "jon@bilbao.example", "en", null),
            new CityContact(cities[1].Id, "Awa", "awa@dakar.example", "fr", null),
            new CityContact(cities[2].Id, "Li", "li@lyon.example", "fr", null));
        db.Responses.Add(new Response(edition2017, cities[2].Id, 1, DateTimeOffset.UtcNow.AddYears(-1)));
        db.Users.Add(new ApplicationUser { UserName = "li@lyon.example", Email = "li@lyon.example", NormalizedEmail = "LI@LYON.EXAMPLE", DisplayName = "Li", CityId = cities[2].Id, CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync(Ct);
        var response = await db.Responses.SingleAsync(r => r.CityId == cities[2].Id, Ct);
        response.Submit(DateTimeOffset.UtcNow.AddYears(-1).AddDays(1));
        await db.SaveChangesAsync(Ct);
        return cities.ToDictionary(c => c.Slug, c => c.Id);
    }
}
