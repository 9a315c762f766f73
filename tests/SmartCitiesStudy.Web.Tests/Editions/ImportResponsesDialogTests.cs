using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SmartCitiesStudy.Application;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Features.Imports;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Testing;
using SmartCitiesStudy.Web.Features.Editions;

namespace SmartCitiesStudy.Web.Tests.Editions;

/// <summary>The secretariat's upload: a dry run first with every problem listed, then the import.</summary>
public sealed class ImportResponsesDialogTests : BunitContext
{
    private static StudyUser Secretariat { get; } = new("sec-1", "Sara Secretariat", null, new HashSet<string> { StudyRoles.Secretariat });

    public ImportResponsesDialogTests()
    {
        Services.AddMudServices();
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public async Task A_file_is_checked_first_then_imported_and_a_bad_one_lists_its_problems()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateContext())
        {
            var edition = await db.Editions.SingleAsync(e => e.Code == "2017", ct);
            edition.Reopen("test: import responses", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync(ct);
        }

        await using var application = database.CreateServices(s => s.AddStudyApplication());
        Services.AddSingleton(application.GetRequiredService<ImportResponses>()); // before anything renders
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var summary = new EditionSummary(0, "2017", "Smart Cities Study 2017", "ECONOMY", 2017, EditionStatus.Closed, null, 0, 1, PublishedRespondents: 20);
        var parameters = new DialogParameters<ImportResponsesDialog> { { d => d.Edition, summary }, { d => d.User, Secretariat } };
        await dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<ImportResponsesDialog>("Import responses into 2017", parameters));

        dialogs.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("city,country,region,population,status,ss_strategy\nBilbao,Spain,Europe,,approved,maybe\n", "bad.csv"));
        dialogs.WaitForAssertion(() => Assert.Contains("row 2, column ss_strategy: 'maybe' is not yes or no.", dialogs.Markup, StringComparison.Ordinal));
        Assert.True(ImportButton(dialogs).HasAttribute("disabled"));

        // 2017 shows its figures as published: approved responses replace them only when the secretariat says so.
        dialogs.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("city,country,region,population,status,ss_strategy\nBilbao,Spain,Europe,345100,approved,yes\n", "good.csv"));
        dialogs.WaitForAssertion(() => Assert.Contains("Edition 2017 shows its figures as published in 2017", dialogs.Markup, StringComparison.Ordinal));
        Assert.True(ImportButton(dialogs).HasAttribute("disabled"));
        dialogs.Find("#replace-published input[type=checkbox], input#replace-published").Change(true);
        dialogs.WaitForAssertion(() => Assert.Contains("The file is valid. Import it?", dialogs.Markup, StringComparison.Ordinal));
        Assert.Contains("1 new cities, 1 responses created, 0 replaced, 1 answers, 1 population(s).", dialogs.Markup, StringComparison.Ordinal);
        await using (var db = database.CreateContext())
        {
            Assert.Equal(0, await db.Responses.CountAsync(ct));
        }

        ImportButton(dialogs).Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Imported.", dialogs.Markup, StringComparison.Ordinal));
        await using (var db = database.CreateContext())
        {
            Assert.Equal(1, await db.Responses.CountAsync(ct));
        }
    }

    private static AngleSharp.Dom.IElement ImportButton(IRenderedComponent<MudDialogProvider> dialogs) =>
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Import");
}
