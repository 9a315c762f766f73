using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SmartCitiesStudy.Application.Features.Exports;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Questionnaires;

namespace SmartCitiesStudy.Application.Features.DataPackages;

/// <summary>
/// Writes a <see cref="DataPackage"/> as a ZIP straight onto the output stream (ADR 0029): <c>datapackage.json</c>,
/// <c>README.md</c>, <c>CITATION.cff</c>, then <c>data/*.csv</c>. The responses are written row by row as the
/// database returns them, so memory stays flat whatever the number of cities; the output stream need not seek.
/// </summary>
public static class DataPackageZip
{
    public const string ContentType = "application/zip";

    private const int RowsPerDrain = 200;

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<DataPackageCounts> WriteAsync(DataPackage package, Stream output, CancellationToken cancellationToken = default)
    {
        var questions = package.Questionnaire is { } definition ? PackageSchemas.AnswerQuestions(definition) : [];
        var questionCodes = questions.Select(q => q.Code).ToHashSet(StringComparer.Ordinal);
        var responsesSchema = package.Responses is { } table ? PackageSchemas.Responses(questions) : null;
        if (responsesSchema is not null && !PackageSchemas.Describes(responsesSchema, package.Responses!))
        {
            throw new InvalidOperationException($"Edition {package.EditionCode}: the responses' columns are not those of their Table Schema.");
        }

        var indicatorsSchema = PackageSchemas.Indicators(questionCodes.Count > 0 && PackageSchemas.IdsAreQuestions(package.Indicators, questionCodes));
        var indicatorRows = IndicatorRows.From(package.Indicators).ToList();

        // The ZIP writer makes synchronous writes, which a server's response body refuses: it writes into a buffer
        // drained after each file and every few hundred responses (as the XLSX export does, ADR 0009).
        var buffer = new DrainableBuffer();
        var responses = 0;
        await using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            await WriteTextAsync(zip, "datapackage.json", Descriptor(package, responsesSchema, indicatorsSchema).ToJsonString(JsonOptions) + "\n", cancellationToken);
            await WriteTextAsync(zip, "README.md", PackageReadme.Write(package), cancellationToken);
            await WriteTextAsync(zip, "CITATION.cff", package.Citation.Cff(), cancellationToken);
            await buffer.DrainToAsync(output, cancellationToken);
            if (package.Responses is { } answers)
            {
                var rows = Drained(answers.Rows, buffer, output, () => responses++, cancellationToken);
                await WriteCsvAsync(zip, "data/responses.csv", answers with { Rows = rows }, cancellationToken);
                await buffer.DrainToAsync(output, cancellationToken);
            }

            await WriteCsvAsync(zip, "data/indicators.csv", Table(IndicatorRow.Columns, indicatorRows.Select(r => r.Cells())), cancellationToken);
            await buffer.DrainToAsync(output, cancellationToken);
            await WriteCsvAsync(zip, "data/questions.csv", Table(PackageSchemas.QuestionColumns, QuestionRows(package.Questionnaire)), cancellationToken);
            await WriteCsvAsync(zip, "data/cities.csv", Table(PackageSchemas.CityColumns, package.Cities.Select(c => (IReadOnlyList<string?>)[c.Name, c.Country, c.Region.ToString(), c.Band?.Code()])), cancellationToken);
        }

        await buffer.DrainToAsync(output, cancellationToken);
        return new DataPackageCounts(responses, indicatorRows.Count, questions.Count, package.Cities.Count);
    }

    private static JsonObject Descriptor(DataPackage package, TableSchema? responsesSchema, TableSchema indicatorsSchema)
    {
        var citation = package.Citation;
        var descriptor = new JsonObject
        {
            ["profile"] = "tabular-data-package",
            ["name"] = package.Name,
        };
        if (citation.Doi is { } doi)
        {
            descriptor["id"] = "https://doi.org/" + doi;
        }

        descriptor["title"] = package.Title;
        descriptor["description"] = Description(package);
        descriptor["version"] = citation.Version;
        descriptor["created"] = package.Created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        if (citation.Url is { } url)
        {
            descriptor["homepage"] = url;
        }

        descriptor["licenses"] = new JsonArray(Licence(citation.Licence));
        descriptor["sources"] = new JsonArray(new JsonObject
        {
            ["title"] = package.Indicators.Source == Domain.Indicators.FiguresSource.Published
                ? $"The published study of edition {package.EditionCode}"
                : $"Answers of the cities to the {package.EditionCode} questionnaire, approved by the study's secretariat",
        });
        descriptor["contributors"] = new JsonArray(new JsonObject { ["title"] = citation.Organisation, ["role"] = "author" });
        descriptor["keywords"] = new JsonArray("smart cities", "local government", "survey", "open data", package.Theme.ToLowerInvariant(), package.EditionCode);
        var resources = new JsonArray();
        if (responsesSchema is not null)
        {
            resources.Add(Resource("responses", "data/responses.csv", "Approved answers, one row per city: its city columns, then one column per question code (yes/no, option codes, numbers with a dot). No personal data.", responsesSchema));
        }

        resources.Add(Resource("indicators", "data/indicators.csv", "The figures, one row per figure, option and breakdown group: x of N cities over the approved responses (or as published for an edition run before the portal).", indicatorsSchema));
        resources.Add(Resource("questions", "data/questions.csv", "The codebook: one row per question of the questionnaire.", PackageSchemas.Questions()));
        resources.Add(Resource("cities", "data/cities.csv", "The participating cities.", PackageSchemas.Cities()));
        descriptor["resources"] = resources;
        return descriptor;
    }

    private static string Description(DataPackage package) =>
        $"{package.Title} ({package.Theme}, {package.Year.ToString(CultureInfo.InvariantCulture)}): "
        + (package.Indicators.Source == Domain.Indicators.FiguresSource.Published
            ? $"the figures as the study's publication printed them, over {package.Indicators.Respondents.ToString(CultureInfo.InvariantCulture)} participating cities, with the codebook and the cities. The publication gives no per-city answers."
            : $"the approved answers of {package.Indicators.Respondents.ToString(CultureInfo.InvariantCulture)} cities, the figures computed from them, the codebook and the cities.");

    private static JsonObject Resource(string name, string path, string description, TableSchema schema) => new()
    {
        ["name"] = name,
        ["path"] = path,
        ["profile"] = "tabular-data-resource",
        ["title"] = name,
        ["description"] = description,
        ["format"] = "csv",
        ["mediatype"] = "text/csv",
        ["encoding"] = "utf-8",
        ["schema"] = schema.ToJson(),
    };

    private static JsonObject Licence(string spdx)
    {
        var licence = new JsonObject { ["name"] = spdx };
        var known = spdx.ToUpperInvariant() switch
        {
            "CC-BY-4.0" => ((string Path, string Title)?)("https://creativecommons.org/licenses/by/4.0/", "Creative Commons Attribution 4.0"),
            "CC-BY-SA-4.0" => ("https://creativecommons.org/licenses/by-sa/4.0/", "Creative Commons Attribution Share-Alike 4.0"),
            "CC0-1.0" => ("https://creativecommons.org/publicdomain/zero/1.0/", "CC0 1.0"),
            "ODC-BY-1.0" => ("https://opendatacommons.org/licenses/by/1-0/", "Open Data Commons Attribution License 1.0"),
            "ODBL-1.0" => ("https://opendatacommons.org/licenses/odbl/1-0/", "Open Data Commons Open Database License 1.0"),
            _ => null,
        };
        if (known is { } link)
        {
            licence["path"] = link.Path;
            licence["title"] = link.Title;
        }

        return licence;
    }

    private static IEnumerable<IReadOnlyList<string?>> QuestionRows(QuestionnaireDefinition? definition)
    {
        if (definition is null)
        {
            yield break;
        }

        foreach (var section in definition.Sections)
        {
            foreach (var subsection in section.Subsections)
            {
                foreach (var question in subsection.Questions.Where(q => q.Type != QuestionType.Group))
                {
                    var options = question.Type.IsChoice()
                        ? string.Join('|', question.Options.Select(o => o.Code).Concat(question.AllowOther ? [Question.OtherCode] : []))
                        : null;
                    yield return
                    [
                        question.Code, section.Code, subsection.Code, question.Type.Code(), options, Condition(question.ShowWhen),
                        question.Title.Exact("en"), question.Title.Exact("es"), question.Title.Exact("fr"),
                    ];
                }
            }
        }
    }

    private static string? Condition(ShowCondition? condition) => condition switch
    {
        null => null,
        { EqualTo: { } value } => $"{condition.Question} = {value}",
        _ => $"{condition.Question} in {string.Join('|', condition.AcceptedValues)}",
    };

    private static ResponseTable Table(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string?>> rows) => new(columns, rows.ToAsyncEnumerable());

    private static async Task WriteTextAsync(ZipArchive zip, string name, string text, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        await using var stream = await entry.OpenAsync(cancellationToken);
        await stream.WriteAsync(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text), cancellationToken);
    }

    private static async Task WriteCsvAsync(ZipArchive zip, string name, ResponseTable table, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        await using var stream = await entry.OpenAsync(cancellationToken);
        await ResponseTableCsv.WriteAsync(table, stream, byteOrderMark: false, cancellationToken);
    }

    private static async IAsyncEnumerable<IReadOnlyList<string?>> Drained(
        IAsyncEnumerable<IReadOnlyList<string?>> rows, DrainableBuffer buffer, Stream output, Action counted, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var index = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            counted();
            yield return row;
            if (++index % RowsPerDrain == 0)
            {
                await buffer.DrainToAsync(output, cancellationToken);
            }
        }
    }
}
