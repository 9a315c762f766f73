using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Concurrency;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Features.Reports;
using SmartCitiesStudy.Application.Features.Responses;
using SmartCitiesStudy.Infrastructure.DataProtection;
using SmartCitiesStudy.Infrastructure.Email;
using SmartCitiesStudy.Infrastructure.Events;
using SmartCitiesStudy.Infrastructure.Identity;
using SmartCitiesStudy.Infrastructure.Locking;
using SmartCitiesStudy.Infrastructure.Notices;
using SmartCitiesStudy.Infrastructure.People;
using SmartCitiesStudy.Infrastructure.Persistence;
using SmartCitiesStudy.Infrastructure.Questionnaires.XlsForm;
using SmartCitiesStudy.Infrastructure.Reports;
using SmartCitiesStudy.Infrastructure.Seeding;
using SmartCitiesStudy.Reports;

namespace SmartCitiesStudy.Infrastructure;

public static class DependencyInjection
{
    /// <summary>
    /// Registers the database (provider from <c>Database:Provider</c>), Identity's user store, the clock and the
    /// seeders. The web app adds sign-in and cookies on top. With <paramref name="requireEncryptedKeys"/> (the web app
    /// outside Development) a missing Data Protection certificate is a <see cref="KeyProtectionException"/>.
    /// </summary>
    public static IServiceCollection AddStudyInfrastructure(
        this IServiceCollection services,
        IConfiguration configuration,
        string contentRootPath,
        bool requireEncryptedKeys = false)
    {
        var settings = DatabaseSettings.FromConfiguration(configuration, contentRootPath);
        services.AddSingleton(settings);
        services.TryAddSingleton(TimeProvider.System);

        // The factory for use cases and components (one context per operation); the scoped context for Identity.
        services.AddDbContextFactory<StudyDbContext>(
            (provider, options) => StudyDbContextOptions.Configure(options, settings, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IStudyDbContextFactory, StudyDbContextFactory>();

        services.AddIdentityCore<ApplicationUser>(IdentityOptionsSetup.Apply)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<StudyDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<StudyClaimsPrincipalFactory>();
        services.AddScoped<IUserConfirmation<ApplicationUser>, ActiveAccountConfirmation>();

        // Keys in the database, so several web instances (and the CLI's tokens) share cookies and antiforgery;
        // encrypted there with the configured certificate (ADR 0012).
        var keyProtection = KeyProtectionSettings.FromConfiguration(configuration, contentRootPath);
        if (requireEncryptedKeys)
        {
            keyProtection.EnsureKeysEncrypted();
        }

        services.AddSingleton(keyProtection);
        var dataProtection = services.AddDataProtection()
            .SetApplicationName("SmartCitiesStudy")
            .PersistKeysToDbContext<StudyDbContext>();
        keyProtection.ApplyTo(dataProtection);

        services.AddSingleton<IResponseEvents, InMemoryResponseEvents>();
        services.AddSingleton<IQuestionnaireSpreadsheet, XlsFormSpreadsheet>();
        services.AddScoped<DatabaseMigrator>();
        services.AddScoped<Persistence.Backups.DatabaseBackup>();
        services.AddScoped<ReferenceDataSeeder>();
        services.AddScoped<DemoDataSeeder>();

        // People and e-mail: invitations, accounts, and the outbox with its background sender.
        services.AddSingleton(PeopleOptions.FromConfiguration(configuration));
        services.AddSingleton<ListPeople>();
        services.AddSingleton<InvitePerson>();
        services.AddSingleton<SmartCitiesStudy.Infrastructure.Participation.CallForParticipation>();
        services.AddSingleton<SmartCitiesStudy.Infrastructure.Participation.ParticipationRequests>();
        services.AddSingleton<AcceptInvitation>();
        services.AddSingleton<ManagePerson>();
        services.AddScoped<AccountTwoFactor>();
        services.AddSingleton<CityOfficerDirectory>();
        services.AddSingleton<ICityOfficerDirectory>(sp => sp.GetRequiredService<CityOfficerDirectory>());
        services.AddSingleton<ISecretariatDirectory>(sp => sp.GetRequiredService<CityOfficerDirectory>());
        services.AddSingleton<IEmailOutbox, EmailOutbox>();
        services.AddSingleton(SmtpSettings.FromConfiguration(configuration));
        services.TryAddSingleton<IEmailTransport, MailKitEmailTransport>();
        services.AddSingleton<OutboxSender>();
        services.AddSingleton<OutboxAttachmentRenderer>();
        if (configuration.GetValue("Email:Outbox:Enabled", true))
        {
            services.AddHostedService<OutboxSenderService>();
        }

        // The daily schedule: reminders, automatic close, the secretariat's digest (ADR 0022).
        services.AddSingleton(DailyScheduleService.Options(configuration));
        if (configuration.GetValue("Schedule:Enabled", true))
        {
            services.AddHostedService<DailyScheduleService>();
        }

        // Study PDFs and factsheets: Razor templates, one shared Chromium, stored PDFs, generation on publish.
        services.AddSingleton(ChromiumOptions.FromConfiguration(configuration));
        services.AddSingleton<ChromiumPdfPrinter>();
        services.AddSingleton<IPdfPrinter>(sp => sp.GetRequiredService<ChromiumPdfPrinter>());
        services.AddSingleton<ISectionPageFinder, PdfPigSectionPages>();
        services.AddSingleton<IReportHtml, ReportHtml>();
        services.AddSingleton<BuildStudyReport>();
        services.AddSingleton<ReportFingerprint>();
        services.AddSingleton<ReportService>();
        // A missing stored PDF is rendered once across instances: an advisory lock in PostgreSQL; SQLite is one process.
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            services.AddSingleton<IDistributedLock, PostgresAdvisoryLock>();
        }
        else
        {
            services.AddSingleton<IDistributedLock, InProcessLock>();
        }

        services.AddSingleton<StudyPdfBacklog>();
        services.AddSingleton<IEditionStatusListener, GenerateStudyPdfsOnPublish>();
        if (configuration.GetValue("Reports:GenerateOnPublish", true))
        {
            services.AddHostedService<StudyPdfGenerator>();
        }

        return services;
    }
}
