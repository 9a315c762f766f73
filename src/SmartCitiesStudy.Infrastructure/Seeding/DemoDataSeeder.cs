using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SmartCitiesStudy.Application.Features.Audit;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Audit;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Domain.Questionnaires;
using SmartCitiesStudy.Infrastructure.Identity;
using SmartCitiesStudy.Infrastructure.Persistence;

namespace SmartCitiesStudy.Infrastructure.Seeding;

/// <summary>
/// Demo content for trying the portal: the 2017 cities with their populations, a next edition open for answers,
/// and one account per role. Idempotent: adds only what is missing.
/// </summary>
public sealed partial class DemoDataSeeder(
    StudyDbContext db,
    UserManager<ApplicationUser> users,
    TimeProvider clock,
    ILogger<DemoDataSeeder> logger)
{
    public const string NextEditionCode = "2026";

    public async Task<int> SeedAsync(CancellationToken cancellationToken = default)
    {
        var added = await SeedCitiesAsync(cancellationToken);
        added += await SeedNextEditionAsync(cancellationToken);
        added += await SeedResponsesAsync(cancellationToken);
        added += await SeedAccountsAsync(cancellationToken);
        return added;
    }

    /// <summary>Writes the demo logins to the log, so a developer can sign in straight away.</summary>
    public void LogDemoLogins()
    {
        foreach (var account in DemoAccounts.All)
        {
            LogDemoLogin(logger, account.Role, account.Email, DemoAccounts.Password);
        }
    }

    private async Task<int> SeedCitiesAsync(CancellationToken cancellationToken)
    {
        var edition2017 = await db.Editions.SingleOrDefaultAsync(e => e.Code == "2017", cancellationToken)
            ?? throw new InvalidOperationException("Edition 2017 is missing: run the migrations (db migrate) first.");
        var existing = await db.Cities.ToDictionaryAsync(c => c.Slug, cancellationToken);
        var added = 0;
        foreach (var demo in DemoCities.Study2017)
        {
            var slug = City.Slugify(demo.Name);
            if (!existing.ContainsKey(slug))
            {
                var city = new City(demo.Name, demo.Country, demo.Region);
                db.Cities.Add(city);
                existing[slug] = city;
                added++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);

        var populated = await db.CityPopulations.Where(p => p.EditionId == edition2017.Id).Select(p => p.CityId).ToListAsync(cancellationToken);
        foreach (var demo in DemoCities.Study2017)
        {
            var city = existing[City.Slugify(demo.Name)];
            if (!populated.Contains(city.Id))
            {
                db.CityPopulations.Add(new CityPopulation(city.Id, edition2017.Id, demo.Population2017));
                added++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    private async Task<int> SeedNextEditionAsync(CancellationToken cancellationToken)
    {
        if (await db.Editions.AnyAsync(e => e.Code == NextEditionCode, cancellationToken))
        {
            return 0;
        }

        // The next edition repeats the 2017 ECONOMY questionnaire, so its figures will show as trends against 2017.
        var now = clock.GetUtcNow();
        var edition = new Edition(NextEditionCode, "Smart Cities Study 2026", "ECONOMY", 2026);
        edition.SetDeadline(DateOnly.FromDateTime(now.UtcDateTime.AddDays(60)));
        db.Editions.Add(edition);
        await db.SaveChangesAsync(cancellationToken);

        var source = await db.Editions.Where(e => e.Code == "2017")
            .Join(db.QuestionnaireVersions, e => new { EditionId = e.Id, Number = e.QuestionnaireVersion }, v => new { v.EditionId, v.Number }, (e, v) => v.DefinitionJson)
            .SingleOrDefaultAsync(cancellationToken);
        if (source is not null)
        {
            var copy = QuestionnaireJson.Parse(source).Definition!.ForEdition(edition.Code, new LocalizedText(edition.Title));
            db.QuestionnaireVersions.Add(new QuestionnaireVersion(edition.Id, 1, QuestionnaireJson.Write(copy), now, createdBy: null));
            edition.UseQuestionnaireVersion(1);
            await Application.Features.Texts.CopyEditionTexts.IntoAsync(db, "2017", edition.Id, now, by: null, cancellationToken);
        }

        edition.Open(now);
        const string Why = "Demo data: the demo's open edition";
        db.Record(now, StudyUser.System, AuditActions.EditionCreated, "edition", edition.Code, edition.Id, after: $"{edition.Title} ({edition.Theme})", reason: Why);
        db.Record(now, StudyUser.System, AuditActions.EditionStatusChanged, "edition", edition.Code, edition.Id, before: nameof(EditionStatus.Draft), after: nameof(EditionStatus.Open), reason: Why);
        await db.SaveChangesAsync(cancellationToken);
        return 1;
    }

    private async Task<int> SeedAccountsAsync(CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var account in DemoAccounts.All)
        {
            if (await users.FindByEmailAsync(account.Email) is not null)
            {
                continue;
            }

            int? cityId = account.CitySlug is null
                ? null
                : await db.Cities.Where(c => c.Slug == account.CitySlug).Select(c => (int?)c.Id).SingleOrDefaultAsync(cancellationToken)
                  ?? throw new InvalidOperationException($"Demo city '{account.CitySlug}' is missing.");
            var user = new ApplicationUser
            {
                UserName = account.Email,
                Email = account.Email,
                EmailConfirmed = true,
                DisplayName = account.DisplayName,
                CityId = cityId,
                CreatedAt = clock.GetUtcNow(),
            };
            Check(await users.CreateAsync(user, DemoAccounts.Password), account.Email);
            Check(await users.AddToRoleAsync(user, account.Role), account.Email);
            added++;
        }

        return added;
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create demo account {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo login ({Role}): {Email} / {Password}")]
    private static partial void LogDemoLogin(ILogger logger, string role, string email, string password);
}
