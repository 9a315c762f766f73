using System.Globalization;
using System.Text;

namespace SmartCitiesStudy.Application.Features.DataPackages;

/// <summary>
/// How to cite a published edition's data: the organisation as author, the edition's title, the package version,
/// the day it was released, the licence (an SPDX identifier), its page and, once recorded, its DOI. Renders the APA
/// and BibTeX texts of the edition page and the <c>CITATION.cff</c> of the package.
/// </summary>
public sealed record StudyCitation(
    string EditionCode,
    string Title,
    string Organisation,
    string Version,
    DateOnly Released,
    string Licence,
    string? Url,
    string? Doi)
{
    public const string DefaultLicence = "CC-BY-4.0";

    /// <summary>The DOI as a resolvable address, or the edition's page.</summary>
    public string? Link => Doi is { } doi ? "https://doi.org/" + doi : Url;

    public string Apa()
    {
        var text = new StringBuilder()
            .Append(Organisation.TrimEnd('.')).Append(". (")
            .Append(Released.Year.ToString(CultureInfo.InvariantCulture)).Append("). ")
            .Append(Title).Append(" (Version ").Append(Version).Append(") [Data set].");
        if (Link is { } link)
        {
            text.Append(' ').Append(link);
        }

        return text.ToString();
    }

    public string BibTex()
    {
        var text = new StringBuilder()
            .Append("@misc{smart_cities_study_").Append(Key(EditionCode)).Append(",\n")
            .Append("  author = {{").Append(Braced(Organisation)).Append("}},\n")
            .Append("  title = {").Append(Braced(Title)).Append("},\n")
            .Append("  year = {").Append(Released.Year.ToString(CultureInfo.InvariantCulture)).Append("},\n")
            .Append("  version = {").Append(Version).Append("},\n")
            .Append("  howpublished = {Data set},\n");
        if (Doi is { } doi)
        {
            text.Append("  doi = {").Append(Braced(doi)).Append("},\n");
        }

        if (Link is { } link)
        {
            text.Append("  url = {").Append(Braced(link)).Append("},\n");
        }

        return text.Append("  note = {Licence: ").Append(Licence).Append("}\n}\n").ToString();
    }

    /// <summary>Citation File Format 1.2.0.</summary>
    public string Cff()
    {
        var yaml = new StringBuilder()
            .Append("cff-version: 1.2.0\n")
            .Append("message: \"If you use these data, please cite them as below.\"\n")
            .Append("type: dataset\n")
            .Append("title: ").Append(Quoted(Title)).Append('\n')
            .Append("authors:\n  - name: ").Append(Quoted(Organisation)).Append('\n')
            .Append("version: ").Append(Quoted(Version)).Append('\n')
            .Append("date-released: ").Append(Released.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n')
            .Append("license: ").Append(Quoted(Licence)).Append('\n');
        AppendLinks(yaml, "");
        yaml.Append("preferred-citation:\n")
            .Append("  type: data\n")
            .Append("  title: ").Append(Quoted(Title)).Append('\n')
            .Append("  authors:\n    - name: ").Append(Quoted(Organisation)).Append('\n')
            .Append("  year: ").Append(Released.Year.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append("  version: ").Append(Quoted(Version)).Append('\n');
        AppendLinks(yaml, "  ");
        return yaml.ToString();
    }

    private void AppendLinks(StringBuilder yaml, string indent)
    {
        if (Doi is { } doi)
        {
            yaml.Append(indent).Append("doi: ").Append(Quoted(doi)).Append('\n');
        }

        if (Url is { } url)
        {
            yaml.Append(indent).Append("url: ").Append(Quoted(url)).Append('\n');
        }
    }

    // YAML double-quoted scalar: escape backslashes and quotes; line breaks become spaces.
    private static string Quoted(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).ReplaceLineEndings(" ") + "\"";

    private static string Braced(string value) => value.Replace("{", "\\{", StringComparison.Ordinal).Replace("}", "\\}", StringComparison.Ordinal);

    private static string Key(string code) => new([.. code.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_')]);
}
