using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Features.Responses;
using SmartCitiesStudy.Application.Features.Review;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Questionnaires;
using SmartCitiesStudy.Infrastructure.Identity;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Application.Tests.Features.Notices;

/// <summary>Submitting sends the city's officers a receipt, approving an approval notice, each in their language.</summary>
public sealed class ResponseNoticeTests
{
    private static readonly StudyUser Secretariat = new("sec", "Sara", null, new HashSet<string> { StudyRoles.Secretariat });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Officers_get_a_receipt_on_submission_and_a_notice_on_approval_in_their_language()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var services = database.CreateServices(s => s.AddStudyApplication());
        T Get<T>()
            where T : notnull => services.GetRequiredService<T>();

        int cityId;
        await using (var db = database.CreateContext())
        {
            var city = new City("Liège", "Belgium", Region.Europe);
            db.Cities.Add(city);
            await db.SaveChangesAsync(Ct);
            cityId = city.Id;
            foreach (var (email, culture) in new[] { ("luc@liege.example", "fr"), ("ann@liege.example", "en") })
            {
                var user = new ApplicationUser { UserName = email, Email = email, DisplayName = email[..3], CityId = cityId, PreferredCulture = culture, CreatedAt = DateTimeOffset.UtcNow };
                db.Users.Add(user);
                db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = await db.Roles.Where(r => r.Name == StudyRoles.CityOfficer).Select(r => r.Id).SingleAsync(Ct) });
            }

            await db.SaveChangesAsync(Ct);
        }

        var officer = new StudyUser("luc", "Luc", cityId, new HashSet<string> { StudyRoles.CityOfficer });
        await Get<CreateEdition>().ExecuteAsync("2026", "Smart Cities Study 2026", "ECONOMY", 2026, "2017", Secretariat, Ct);
        await using (var db = database.CreateContext())
        {
            var version = await db.Editions.Where(e => e.Code == "2026").Select(e => e.Version).SingleAsync(Ct);
            Assert.True((await Get<ChangeEditionStatus>().ExecuteAsync("2026", EditionAction.Open, version, Secretariat, cancellationToken: Ct)).Succeeded);
        }

        var responseId = (await Get<OpenResponse>().ForOfficerAsync(officer, "2026", Ct))!.ResponseId;
        while (true)
        {
            var session = (await Get<OpenResponse>().ForOfficerAsync(officer, "2026", Ct))!;
            var missing = new QuestionnaireRules(session.Questionnaire).MissingRequired(session.Answers.ToDictionary(a => a.Key, a => a.Value.Value)).ToList();
            if (missing.Count == 0)
            {
                break;
            }

            foreach (var problem in missing)
            {
                var q = session.Questionnaire.Find(problem.Path)!;
                await Get<SaveAnswer>().ExecuteAsync(officer, responseId, problem.Path, q.Type == QuestionType.YesNo ? AnswerValue.No : AnswerValue.OfChoices([q.Options[0].Code]), session.Answers.GetValueOrDefault(problem.Path)?.Version ?? 0, Ct);
            }
        }

        Assert.True((await Get<SubmitResponse>().ExecuteAsync(officer, responseId, Ct)).Submitted);
        int responseVersion;
        await using (var db = database.CreateContext())
        {
            responseVersion = await db.Responses.Where(r => r.Id == responseId).Select(r => r.Version).SingleAsync(Ct);
        }

        Assert.True((await Get<DecideResponse>().ExecuteAsync(Secretariat, responseId, ReviewDecision.Approve, responseVersion, cancellationToken: Ct)).Succeeded);

        await using var check = database.CreateContext();
        var mail = await check.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).Select(m => new { m.To, m.Subject }).ToListAsync(Ct);
        Assert.Contains(mail, m => m.To == "luc@liege.example" && m.Subject == "Smart Cities Study 2026 : nous avons reçu la réponse de Liège");
        Assert.Contains(mail, m => m.To == "ann@liege.example" && m.Subject == "Smart Cities Study 2026: we received Liège's response");
        Assert.Contains(mail, m => m.To == "luc@liege.example" && m.Subject == "Smart Cities Study 2026 : la réponse de votre ville a été approuvée");
        Assert.Contains(mail, m => m.To == "ann@liege.example" && m.Subject == "Smart Cities Study 2026: your city's response was approved");
    }
}
