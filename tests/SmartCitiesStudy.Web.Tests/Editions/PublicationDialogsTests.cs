using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SmartCitiesStudy.Application;
using SmartCitiesStudy.Application.Features.Archive;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Features.Facts;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Domain.Reports;
using SmartCitiesStudy.Testing;
using SmartCitiesStudy.Web.Features.Editions;

namespace SmartCitiesStudy.Web.Tests.Editions;

/// <summary>The secretariat's dialogs of the editions page: an edition's facts, its original publication.</summary>
public sealed class PublicationDialogsTests : BunitContext
{
    private static StudyUser Secretariat { get; } = new("sec-1", "Sara Secretariat", null, new HashSet<string> { StudyRoles.Secretariat });

    private static EditionSummary Summary { get; } = new(0, "2017", "Smart Cities Study 2017", "ECONOMY", 2017, EditionStatus.Published, null, 0, 1, PublishedRespondents: 20);

    public PublicationDialogsTests()
    {
        Services.AddMudServices();
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public async Task The_facts_dialog_shows_the_shipped_facts_and_saves_the_changes()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var application = database.CreateServices(s => s.AddStudyApplication());
        Services.AddSingleton(application.GetRequiredService<LoadEditionFacts>());
        Services.AddSingleton(application.GetRequiredService<ChangeEditionFacts>());
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var parameters = new DialogParameters<EditionFactsDialog> { { d => d.Edition, Summary }, { d => d.User, Secretariat } };
        await dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<EditionFactsDialog>("Facts of edition 2017", parameters));

        dialogs.WaitForAssertion(() => Assert.Equal("Committee of Digital and Knowledge-Based Cities of UCLG", dialogs.FindAll("input")[0].GetAttribute("value")));
        // Find and trigger inside the renderer's dispatcher: a render between finding an element and triggering it
        // would otherwise leave the test holding an event handler that no longer exists.
        await dialogs.InvokeAsync(() => dialogs.FindAll("input")[1].Change("March–June 2017")); // body, period, publication date; the methodology is a textarea
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Save").Click());

        dialogs.WaitForAssertion(() => Assert.DoesNotContain(dialogs.FindAll("button"), b => b.TextContent.Trim() == "Save"));
        var facts = await application.GetRequiredService<LoadEditionFacts>().ExecuteAsync("2017", ct);
        Assert.Equal(("March–June 2017", true), (facts!.CollectionPeriod, facts.ChangedBySecretariat));
    }

    [Fact]
    public async Task The_publication_dialog_refuses_a_file_that_is_not_a_pdf_and_attaches_one_that_is()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var application = database.CreateServices(s => s.AddStudyApplication());
        Services.AddSingleton(application.GetRequiredService<AttachOriginalPublication>());
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var parameters = new DialogParameters<AttachPublicationDialog> { { d => d.Edition, Summary }, { d => d.User, Secretariat } };
        await dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<AttachPublicationDialog>("Original publication of 2017", parameters));

        dialogs.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("<html>a web page</html>", "study.pdf"));
        dialogs.WaitForAssertion(() => Assert.Contains("The file is not a PDF: it does not start with the PDF signature %PDF-.", dialogs.Markup, StringComparison.Ordinal));
        Assert.True(AttachButton(dialogs).HasAttribute("disabled"));

        dialogs.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n", "study.pdf"));
        dialogs.WaitForAssertion(() => Assert.False(AttachButton(dialogs).HasAttribute("disabled")));
        AttachButton(dialogs).Click();
        dialogs.WaitForAssertion(() => Assert.Contains("The original publication was attached.", dialogs.Markup, StringComparison.Ordinal));

        await using var db = database.CreateContext();
        Assert.Equal(["en"], await db.GeneratedReports.Where(r => r.Kind == ReportKind.Original).Select(r => r.Language).ToListAsync(ct));
    }

    private static AngleSharp.Dom.IElement AttachButton(IRenderedComponent<MudDialogProvider> dialogs) =>
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Attach");
}
