using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Exports;
using SmartCitiesStudy.Application.Security;

namespace SmartCitiesStudy.Application.Features.Cities;

/// <summary>
/// The cities registry as the CSV <see cref="ImportCities"/> reads: name, country, region, slug, the population for
/// the chosen edition, UCLG membership, regional section and one column group per contact. Contacts are personal
/// data: secretariat only. Cells a spreadsheet would run as formulas get a leading apostrophe (the import drops it).
/// </summary>
public sealed class ExportCities(IStudyDbContextFactory dbFactory)
{
    /// <returns>The CSV (UTF-8 text, CRLF lines), or null when the user may not export cities.</returns>
    public async Task<string?> ExecuteAsync(string? editionCode, StudyUser user, CancellationToken cancellationToken = default)
    {
        if (!user.IsSecretariat)
        {
            return null;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var editionId = editionCode is null
            ? null
            : await db.Editions.Where(e => e.Code == editionCode).Select(e => (int?)e.Id).SingleOrDefaultAsync(cancellationToken);
        var cities = await db.Cities.AsNoTracking().ToListAsync(cancellationToken);
        var populations = editionId is null
            ? []
            : await db.CityPopulations.AsNoTracking().Where(p => p.EditionId == editionId).ToDictionaryAsync(p => p.CityId, p => p.Population, cancellationToken);
        var contacts = (await db.CityContacts.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken))
            .GroupBy(c => c.CityId)
            .ToDictionary(g => g.Key, g => g.ToList());
        var groups = Math.Max(1, contacts.Count == 0 ? 0 : contacts.Values.Max(c => c.Count));

        var text = new StringBuilder();
        Line(text, [.. ImportCities.Columns, .. ImportCities.MembershipColumns,
            .. Enumerable.Range(1, groups).SelectMany(n => ImportCities.ContactFields.Select(f => ImportCities.ContactColumn(n, f)))]);
        foreach (var city in cities.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Country, StringComparer.OrdinalIgnoreCase))
        {
            var cells = new List<string?>
            {
                city.Name,
                city.Country,
                city.Region.ToString(),
                city.Slug,
                populations.TryGetValue(city.Id, out var population) ? population.ToString(CultureInfo.InvariantCulture) : null,
                city.UclgMember ? "yes" : "no",
                city.RegionalSection,
            };
            var own = contacts.GetValueOrDefault(city.Id) ?? [];
            for (var n = 0; n < groups; n++)
            {
                var contact = n < own.Count ? own[n] : null;
                cells.AddRange([contact?.Name, contact?.Email, contact?.Language, contact?.Role]);
            }

            Line(text, cells);
        }

        return text.ToString();
    }

    private static void Line(StringBuilder text, IReadOnlyList<string?> cells)
    {
        text.AppendJoin(',', cells.Select(Quote));
        text.Append("\r\n");
    }

    private static string Quote(string? cell)
    {
        var value = SafeCells.Neutralise(cell) ?? string.Empty;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
