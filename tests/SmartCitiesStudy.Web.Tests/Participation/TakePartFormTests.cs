using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Domain.Participation;
using SmartCitiesStudy.Infrastructure.Seeding;
using SmartCitiesStudy.Web.Tests.Infrastructure;

namespace SmartCitiesStudy.Web.Tests.Participation;

/// <summary>The public form of an open edition for a city not in the registry to ask to take part.</summary>
public sealed class TakePartFormTests(StudyWebApp app) : IClassFixture<StudyWebApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string> Fields(string email, string language = "fr") => new()
    {
        ["Input.City"] = "Cuenca",
        ["Input.Country"] = "Ecuador",
        ["Input.ContactName"] = "Pedro Pérez",
        ["Input.Email"] = email,
        ["Input.Language"] = language,
        ["Input.Message"] = "Nous aimerions participer.",
    };

    [Fact]
    public async Task A_city_asks_to_take_part_gets_a_clear_answer_and_an_e_mail_in_its_language()
    {
        using var client = app.CreateBrowserClient();
        using var bad = await FormPost.SubmitAsync(client, "/editions/2026/take-part?lang=fr", Fields("pedro at cuenca"));
        var badPage = await bad.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("data-take-part=\"problem\"", badPage, StringComparison.Ordinal);
        Assert.Contains("Saisissez une adresse e-mail valide", badPage, StringComparison.Ordinal);

        using var good = await FormPost.SubmitAsync(client, "/editions/2026/take-part?lang=fr", Fields("pedro@cuenca.example"));
        var page = await good.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Contains("Merci. Le secrétariat a reçu la demande de Cuenca et répondra à pedro@cuenca.example.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("public", good.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);

        await using var db = app.Database.CreateContext();
        var request = await db.ParticipationRequests.AsNoTracking().SingleAsync(r => r.Email == "pedro@cuenca.example", Ct);
        Assert.Equal(("Cuenca", "Ecuador", "fr", ParticipationRequestStatus.Pending), (request.CityName, request.Country, request.Language, request.Status));
        var mail = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.To == "pedro@cuenca.example", Ct);
        Assert.Equal("Smart Cities Study 2026 : nous avons reçu la demande de Cuenca", mail.Subject);
    }

    [Fact]
    public async Task The_home_page_invites_cities_to_ask_to_take_part_in_the_open_edition_in_their_language()
    {
        using var client = app.CreateBrowserClient();
        var home = await client.GetStringAsync("/?lang=es", Ct);
        Assert.Contains("href=\"/editions/2026/take-part\"", home, StringComparison.Ordinal);
        Assert.Contains("¿Su ciudad aún no participa?", home, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/editions/2017/take-part\"", home, StringComparison.Ordinal);

        using var form = await client.GetAsync("/editions/2026/take-part?lang=es", Ct);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
    }

    [Fact]
    public async Task The_form_is_rate_limited_per_address()
    {
        await using var limited = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("RateLimiting:Enabled", "true");
            b.UseSetting("RateLimiting:PermitLimit", "2");
            b.UseSetting("RateLimiting:WindowSeconds", "600");
        });
        using var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            using var allowed = await FormPost.SubmitAsync(client, "/editions/2026/take-part", Fields($"spam{attempt}@example.org", "en"));
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await FormPost.SubmitAsync(client, "/editions/2026/take-part", Fields("spam3@example.org", "en"));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        using var form = await client.GetAsync(new Uri("/editions/2026/take-part", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode); // reading the form is not limited
    }

    [Fact]
    public async Task Only_an_open_edition_has_the_form()
    {
        using var client = app.CreateBrowserClient();
        using var published = await client.GetAsync(new Uri("/editions/2017/take-part", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, published.StatusCode);
        using var open = await client.GetAsync(new Uri("/editions/2026/take-part", UriKind.Relative), Ct);
        Assert.Contains("Ask to take part", await open.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
