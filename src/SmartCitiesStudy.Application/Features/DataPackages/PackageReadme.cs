using System.Globalization;
using System.Text;
using SmartCitiesStudy.Domain.Indicators;

namespace SmartCitiesStudy.Application.Features.DataPackages;

/// <summary>The package's README.md: what it holds, how figures are counted, how to cite it.</summary>
public static class PackageReadme
{
    public static string Write(DataPackage package)
    {
        var published = package.Indicators.Source == FiguresSource.Published;
        var respondents = package.Indicators.Respondents.ToString(CultureInfo.InvariantCulture);
        var text = new StringBuilder()
            .Append("# ").Append(package.Title).Append("\n\n")
            .Append("A [Frictionless Data Package](https://specs.frictionlessdata.io/data-package/) of the Smart Cities Study, edition ")
            .Append(package.EditionCode).Append(" (").Append(package.Theme).Append(", ").Append(package.Year.ToString(CultureInfo.InvariantCulture)).Append(").\n")
            .Append("`datapackage.json` describes every file and column (Table Schema: types, allowed codes, keys).\n\n")
            .Append("## Files\n\n");
        if (!published)
        {
            text.Append("- `data/responses.csv`: the approved answers, one row per city (").Append(respondents)
                .Append(" cities). No personal data: no officer's name or e-mail, no free \"other\" texts.\n");
        }

        text.Append("- `data/indicators.csv`: the figures, one row per figure, option and breakdown group; the same numbers as the study's open-data API (`/api/v1/editions/")
            .Append(package.EditionCode).Append("/indicators`).\n")
            .Append("- `data/questions.csv`: the codebook: each question's code, section, type, option codes, condition and title in English, Spanish and French.\n")
            .Append("- `data/cities.csv`: the participating cities: name, country, region, population band.\n")
            .Append("- `CITATION.cff`: how to cite these data.\n\n")
            .Append("## How figures are counted\n\n");
        if (published)
        {
            text.Append("This edition was run before the portal. Its figures are as its publication printed them, over ")
                .Append(respondents).Append(" participating cities; a number the publication does not give is empty. ")
                .Append("The publication gives no city's answers, so this package has no responses file.\n\n");
        }
        else
        {
            text.Append("Only responses approved by the study's secretariat count. A figure is x of N: x the cities that said yes (share) ")
                .Append("or named the option (choice), N the cities that answered the question (a question not asked to a city, by its ")
                .Append("conditions, does not count). The percent is x / N with one decimal, rounded half away from zero. A mean and median ")
                .Append("are over the cities that gave a number (their count in `denominator`). Breakdowns (`group_by`) count the same way ")
                .Append("within each region and population band. `all` in `option`, `group_by` or `group` means no option or breakdown.\n\n");
        }

        text.Append("Figures describe the participating cities as a group. They are never a ranking of cities.\n\n");
        if (package.Methodology is { } methodology)
        {
            text.Append("## Methodology\n\n").Append(methodology).Append("\n\n");
        }

        return text.Append("## Licence and citation\n\n")
            .Append("Licence: ").Append(package.Citation.Licence).Append(".\n\n")
            .Append("Cite as:\n\n> ").Append(package.Citation.Apa()).Append("\n\n")
            .Append("```bibtex\n").Append(package.Citation.BibTex()).Append("```\n")
            .ToString();
    }
}
