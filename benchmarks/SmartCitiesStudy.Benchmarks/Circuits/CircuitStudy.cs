using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Questionnaires;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Domain.Questionnaires;
using SmartCitiesStudy.Domain.Responses;
using SmartCitiesStudy.Infrastructure.Identity;
using SmartCitiesStudy.Infrastructure.Persistence;

namespace SmartCitiesStudy.Benchmarks.Circuits;

/// <summary>
/// An open edition with the 200-question questionnaire and as many cities as officers, each city with its response and
/// one officer account (all with the same password; hashed once, the hash reused).
/// </summary>
internal sealed record CircuitStudy(string EditionCode, IReadOnlyList<string> Emails, IReadOnlyList<int> ResponseIds)
{
    public const string Password = "Bench-circuits-2030!";

    public static async Task<CircuitStudy> CreateAsync(IServiceProvider services, int officers)
    {
        var code = "c" + DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StudyDbContext>();
            db.Editions.Add(new Edition(code, "Circuits benchmark", "CIRC", 2031));
            await db.SaveChangesAsync();
        }

        var saved = await services.GetRequiredService<SaveQuestionnaire>().ExecuteAsync(code, QuestionnaireJson.Write(SyntheticQuestionnaire.Create(code, 200)), StudyUser.System);
        if (!saved.Saved)
        {
            throw new InvalidOperationException(string.Join("; ", saved.Problems));
        }

        List<City> cities;
        List<Response> responses;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StudyDbContext>();
            var edition = await db.Editions.SingleAsync(e => e.Code == code);
            edition.Open(DateTimeOffset.UtcNow);
            cities = [.. Enumerable.Range(0, officers).Select(i => new City($"Circuit city {code} {i}", "Benchland", Region.Europe))];
            db.Cities.AddRange(cities);
            await db.SaveChangesAsync();
            responses = [.. cities.Select(c => new Response(edition.Id, c.Id, edition.QuestionnaireVersion, DateTimeOffset.UtcNow))];
            db.Responses.AddRange(responses);
            await db.SaveChangesAsync();
        }

        var emails = new List<string>(officers);
        string? hash = null;
        await using (var scope = services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            for (var i = 0; i < officers; i++)
            {
                var email = $"officer{i.ToString(CultureInfo.InvariantCulture)}@{code}.bench.example";
                var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"Officer {i}", CityId = cities[i].Id, CreatedAt = DateTimeOffset.UtcNow };
                if (hash is null)
                {
                    Check(await users.CreateAsync(user, Password));
                    hash = user.PasswordHash;
                }
                else
                {
                    user.PasswordHash = hash;
                    Check(await users.CreateAsync(user));
                }

                Check(await users.AddToRoleAsync(user, StudyRoles.CityOfficer));
                emails.Add(email);
            }
        }

        return new CircuitStudy(code, emails, [.. responses.Select(r => r.Id)]);
    }

    /// <summary>How many answer changes (one per save) the database holds for these responses.</summary>
    public async Task<int> StoredChangesAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudyDbContext>();
        return await db.AnswerChanges.CountAsync(c => ResponseIds.Contains(c.ResponseId));
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
