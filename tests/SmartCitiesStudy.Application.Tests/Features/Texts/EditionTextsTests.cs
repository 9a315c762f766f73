using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Features.Reports;
using SmartCitiesStudy.Application.Features.Texts;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Audit;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Application.Tests.Features.Texts;

/// <summary>Editorial texts: copy on create, set with a version check, freeze on publish, import all or nothing.</summary>
public sealed class EditionTextsTests : IAsyncLifetime
{
    private static readonly StudyUser Sara = new("sec-1", "Sara", null, new HashSet<string> { StudyRoles.Secretariat });
    private static readonly StudyUser Tom = new("sec-2", "Tom", null, new HashSet<string> { StudyRoles.Secretariat });
    private static readonly StudyUser Officer = new("off-1", "Olga", 1, new HashSet<string> { StudyRoles.CityOfficer });
    private TestDatabase _database = default!;
    private ServiceProvider _services = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _services = _database.CreateServices(s => s.AddStudyApplication());
        var created = await Get<CreateEdition>().ExecuteAsync("2030", "Smart Cities Study 2030", "ECONOMY", 2030, "2017", Sara, Ct);
        Assert.True(created.Succeeded, created.Error);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    [Fact]
    public async Task The_shipped_2017_texts_are_there_and_a_new_edition_copies_them_for_review()
    {
        var shipped = await Get<LoadEditionTexts>().ExecuteAsync("2017", Ct);
        var foreword = shipped.Get("foreword", "en");
        Assert.NotNull(foreword);
        Assert.Equal("Juan Mari Aburto", foreword.Text.SignatoryName);
        Assert.Contains(shipped.Rows, r => r.Block == "field:knowledge_talent");
        Assert.All(shipped.Rows, r => Assert.False(r.NeedsReview));

        var copied = await Get<LoadEditionTexts>().ExecuteAsync("2030", Ct);
        Assert.Equal(shipped.Rows.Count, copied.Rows.Count);
        Assert.All(copied.Rows, r => Assert.True(r.NeedsReview));

        var saved = await Get<SetEditionText>().ExecuteAsync("2030", new TextInput("foreword", "en", "Reviewed."), null, Sara, Ct);
        Assert.True(saved.Saved, saved.Error);
        Assert.False((await Get<LoadEditionTexts>().ExecuteAsync("2030", Ct)).Get("foreword", "en")!.Text.NeedsReview);
    }

    [Fact]
    public async Task Spanish_falls_back_to_english_and_says_so()
    {
        var texts = await Get<LoadEditionTexts>().ExecuteAsync("2017", Ct);
        Assert.False(texts.Get("foreword", "es")!.IsFallback);
        var concept = texts.Get("concept", "es")!;
        Assert.True(concept.IsFallback);
        Assert.Equal("en", concept.Text.Language);
        Assert.Null(texts.Get("subsection:university", "fr"));
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_that_shows_the_other_save_and_history_keeps_both()
    {
        var set = Get<SetEditionText>();
        var first = await set.ExecuteAsync("2030", new TextInput("conclusions", "fr", "Premier jet."), expectedVersion: 0, Sara, Ct);
        Assert.True(first.Saved, first.Error);

        var tom = await set.ExecuteAsync("2030", new TextInput("conclusions", "fr", "Version de Tom."), first.Version, Tom, Ct);
        Assert.True(tom.Saved, tom.Error);

        var sara = await set.ExecuteAsync("2030", new TextInput("conclusions", "fr", "Version de Sara."), first.Version, Sara, Ct);
        Assert.False(sara.Saved);
        Assert.True(sara.IsConflict);
        Assert.Equal("Version de Tom.", sara.Current!.Markdown);
        Assert.Equal("Tom", sara.Current.UpdatedBy);

        var again = await set.ExecuteAsync("2030", new TextInput("conclusions", "fr", "Premier jet bis."), expectedVersion: 0, Sara, Ct);
        Assert.True(again.IsConflict);

        var history = await Get<ListTextHistory>().ExecuteAsync("2030", "conclusions", "fr", Sara, Ct);
        Assert.Equal(["Version de Tom.", "Premier jet."], history.Select(h => h.After));
        Assert.Equal("Tom", history[0].By);
    }

    [Theory]
    [InlineData("preface", "en", "not a text block")]
    [InlineData("field:no_such_field", "en", "no such field")]
    [InlineData("foreword", "de", "not a text language")]
    public async Task Bad_blocks_and_languages_are_refused_naming_them(string block, string language, string message)
    {
        var result = await Get<SetEditionText>().ExecuteAsync("2030", new TextInput(block, language, "x"), null, Sara, Ct);
        Assert.False(result.Saved);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Contains(block, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_secretariat_writes_texts()
    {
        var result = await Get<SetEditionText>().ExecuteAsync("2030", new TextInput("foreword", "en", "x"), null, Officer, Ct);
        Assert.False(result.Saved);
        var (written, errors) = await Get<ImportEditionTexts>().ExecuteAsync("2030", """{"texts":[]}""", Officer, Ct);
        Assert.Equal(0, written);
        Assert.NotEmpty(errors);
        Assert.Empty(await Get<ListTextHistory>().ExecuteAsync("2017", "foreword", "en", Officer, Ct));
    }

    [Fact]
    public async Task A_published_edition_keeps_its_texts_until_it_is_unpublished_with_a_reason()
    {
        var fingerprint = await Get<ReportFingerprint>().ExecuteAsync("2017", Ct);
        var refused = await Get<SetEditionText>().ExecuteAsync("2017", new TextInput("foreword", "en", "Changed."), null, Sara, Ct);
        Assert.False(refused.Saved);
        Assert.Contains("published", refused.Error, StringComparison.Ordinal);

        var version = (await Get<ListEditions>().ExecuteAsync(false, Ct)).Single(e => e.Code == "2017").Version;
        Assert.True((await Get<ChangeEditionStatus>().ExecuteAsync("2017", EditionAction.Reopen, version, Sara, "foreword update", Ct)).Succeeded);
        var saved = await Get<SetEditionText>().ExecuteAsync("2017", new TextInput("foreword", "en", "Changed."), null, Sara, Ct);
        Assert.True(saved.Saved, saved.Error);
        Assert.NotEqual(fingerprint, await Get<ReportFingerprint>().ExecuteAsync("2017", Ct));
    }

    [Fact]
    public async Task Import_writes_everything_or_nothing_and_names_each_bad_block_and_language()
    {
        var import = Get<ImportEditionTexts>();
        var bad = """
            {"edition":"2030","texts":[
              {"block":"foreword","language":"en","markdown":"New foreword."},
              {"block":"subsection:nowhere","language":"es","markdown":"x"},
              {"block":"barriers","language":"xx","markdown":"y"}
            ]}
            """;
        var (written, errors) = await import.ExecuteAsync("2030", bad, Sara, Ct);
        Assert.Equal(0, written);
        Assert.Equal(2, errors.Count);
        Assert.Contains("subsection:nowhere", errors[0], StringComparison.Ordinal);
        Assert.Contains("(es)", errors[0], StringComparison.Ordinal);
        Assert.Contains("(xx)", errors[1], StringComparison.Ordinal);
        Assert.NotEqual("New foreword.", (await Get<LoadEditionTexts>().ExecuteAsync("2030", Ct)).Get("foreword", "en")!.Text.Markdown);

        var exported = TextsJson.Write("2017", (await Get<LoadEditionTexts>().ExecuteAsync("2017", Ct)).Rows);
        var good = exported.Replace("Cooperation is itself one of the marks of a smart city.", "Cooperation matters.", StringComparison.Ordinal);
        (written, errors) = await import.ExecuteAsync("2030", good, Sara, Ct);
        Assert.Empty(errors);
        Assert.True(written > 10);
        var texts = await Get<LoadEditionTexts>().ExecuteAsync("2030", Ct);
        Assert.EndsWith("Cooperation matters.", texts.Get("foreword", "en")!.Text.Markdown, StringComparison.Ordinal);
        Assert.All(texts.Rows, r => Assert.False(r.NeedsReview));

        await using var db = _database.CreateContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.TextsImported, Ct));
    }
}
