using System.Net;
using System.Text.Json;
using SmartCitiesStudy.Domain.Questionnaires;
using SmartCitiesStudy.Infrastructure.Questionnaires.XlsForm;
using SmartCitiesStudy.Infrastructure.Seeding;
using SmartCitiesStudy.Web.Tests.Infrastructure;

namespace SmartCitiesStudy.Web.Tests.Questionnaires;

/// <summary>The secretariat downloads a questionnaire as XLSForm and the format's JSON Schema.</summary>
public sealed class QuestionnaireFilesTests(StudyWebApp app) : IClassFixture<StudyWebApp>
{
    private const string Secretariat = "secretariat@demo.smartcities.local";

    [Fact]
    public async Task The_secretariat_downloads_the_xlsform_and_the_schema()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = app.CreateBrowserClient();
        using var signIn = await FormPost.SignInAsync(client, Secretariat, DemoAccounts.Password);

        using var xlsx = await client.GetAsync(new Uri("/portal/editions/2017/questionnaire.xlsx", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal("questionnaire-2017-v1.xlsx", xlsx.Content.Headers.ContentDisposition?.FileNameStar ?? xlsx.Content.Headers.ContentDisposition?.FileName);
        var read = XlsFormReader.Read(await xlsx.Content.ReadAsStreamAsync(ct));
        Assert.Equal("2017", read.Definition?.Edition);
        Assert.NotNull(read.Definition!.Find("ss_strategy"));

        using var schema = await client.GetAsync(new Uri("/portal/questionnaire.schema.json", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, schema.StatusCode);
        Assert.Equal("application/schema+json", schema.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await schema.Content.ReadAsStringAsync(ct));
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", document.RootElement.GetProperty("$schema").GetString());
        Assert.Equal(QuestionnaireDefinition.CurrentFormat, document.RootElement.GetProperty("properties").GetProperty("format").GetProperty("const").GetInt32());
    }
}
