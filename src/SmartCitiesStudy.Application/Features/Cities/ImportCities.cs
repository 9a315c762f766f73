using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Audit;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Audit;
using SmartCitiesStudy.Domain.Cities;
using SmartCitiesStudy.Domain.Common;

namespace SmartCitiesStudy.Application.Features.Cities;

/// <summary>
/// Imports cities from a UTF-8 CSV file with the header <c>name,country,region[,slug][,population]</c>, optionally
/// followed by <c>uclg_member</c>, <c>regional_section</c> and contact columns <c>contactN_name</c>,
/// <c>contactN_email</c>, <c>contactN_language</c>, <c>contactN_role</c> (N from 1 to 5; a file with contact columns
/// replaces the contacts of the cities it lists; <see cref="ExportCities"/> writes the same columns). A city
/// already in the registry (same name and country, ignoring case) is updated, others are added; populations are
/// recorded for the chosen edition. All or nothing: every problem is listed as "row R, column C: reason" and
/// nothing is stored unless the whole file is right. Cells are stored as text, whatever they look like.
/// </summary>
public sealed class ImportCities(IStudyDbContextFactory dbFactory, TimeProvider clock)
{
    public const long MaxFileBytes = 2 * 1024 * 1024;
    public static readonly IReadOnlyList<string> Columns = ["name", "country", "region", "slug", "population"];

    /// <summary>The optional membership columns, after <see cref="Columns"/>.</summary>
    public static readonly IReadOnlyList<string> MembershipColumns = ["uclg_member", "regional_section"];

    /// <summary>The fields of each contact column group, written <c>contact1_name</c>, <c>contact1_email</c>…</summary>
    public static readonly IReadOnlyList<string> ContactFields = ["name", "email", "language", "role"];

    private static readonly HashSet<string> KnownColumns =
    [
        .. Columns, .. MembershipColumns,
        .. Enumerable.Range(1, CityContact.MaxPerCity).SelectMany(n => ContactFields.Select(f => ContactColumn(n, f))),
    ];

    public static string ContactColumn(int n, string field) => $"contact{n.ToString(CultureInfo.InvariantCulture)}_{field}";
    private static readonly string[] RequiredColumns = ["name", "country", "region"];

    public async Task<ImportCitiesResult> ExecuteAsync(byte[] content, string? editionCode, bool dryRun, StudyUser user, CancellationToken cancellationToken = default)
    {
        if (!user.IsSecretariat)
        {
            return ImportCitiesResult.Refused(new CsvProblem(null, null, "Only the secretariat can import cities."));
        }

        if (content.LongLength > MaxFileBytes)
        {
            return ImportCitiesResult.Refused(new CsvProblem(null, null, $"The file is {content.LongLength / 1024} KiB; the limit is {MaxFileBytes / 1024 / 1024} MiB."));
        }

        if (!CsvRecords.TryDecode(content, out var text, out var badRow))
        {
            return ImportCitiesResult.Refused(new CsvProblem(badRow, null, "The file is not UTF-8 text (from this row on). Save it as \"CSV UTF-8\" and try again."));
        }

        var (records, unterminated) = CsvRecords.Read(text);
        if (unterminated is { } quoteRow)
        {
            return ImportCitiesResult.Refused(new CsvProblem(quoteRow, null, "A quoted cell starts here and never ends (a missing closing \")."));
        }

        if (records.Count == 0)
        {
            return ImportCitiesResult.Refused(new CsvProblem(null, null, "The file is empty; it needs the header name,country,region[,slug][,population]."));
        }

        var problems = new List<CsvProblem>();
        var header = records[0];
        var columns = ReadHeader(header, problems);
        if (problems.Count > 0)
        {
            return new ImportCitiesResult(false, 0, 0, 0, 0, problems);
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        int? editionId = null;
        var hasPopulations = columns.ContainsKey("population") && records.Skip(1).Any(r => Cell(r, columns, "population").Length > 0);
        if (!string.IsNullOrWhiteSpace(editionCode))
        {
            editionId = await db.Editions.Where(e => e.Code == editionCode).Select(e => (int?)e.Id).SingleOrDefaultAsync(cancellationToken);
            if (editionId is null)
            {
                return ImportCitiesResult.Refused(new CsvProblem(null, null, $"There is no edition '{editionCode}'."));
            }
        }
        else if (hasPopulations)
        {
            problems.Add(new CsvProblem(header.Row, "population", "The file has populations: choose the edition they are for."));
        }

        var cities = await db.Cities.ToListAsync(cancellationToken);
        var hasContacts = columns.Keys.Any(c => c.StartsWith("contact", StringComparison.Ordinal));
        var contactsByCity = hasContacts
            ? (await db.CityContacts.OrderBy(c => c.Id).ToListAsync(cancellationToken)).GroupBy(c => c.CityId).ToDictionary(g => g.Key, g => g.ToList())
            : [];
        var byKey = cities.ToDictionary(c => CityText.Key(c.Name, c.Country));
        var populations = editionId is null
            ? []
            : await db.CityPopulations.Where(p => p.EditionId == editionId).ToDictionaryAsync(p => p.CityId, cancellationToken);

        var planned = Plan(records, columns, byKey, cities, problems);
        if (problems.Count > 0)
        {
            return new ImportCitiesResult(false, 0, 0, 0, 0, [.. problems.OrderBy(p => p.Row ?? 0)]);
        }

        // Apply to tracked entities; counts describe what is (or, on a dry run, would be) stored.
        var now = clock.GetUtcNow();
        int added = 0, updated = 0, unchanged = 0, populationChanges = 0;
        var audits = new List<Action>();
        foreach (var row in planned)
        {
            City city;
            if (row.Existing is { } existing)
            {
                var before = CityText.Describe(existing);
                existing.Update(row.Name, row.Country, row.Region, row.Slug ?? existing.Slug);
                var after = CityText.Describe(existing);
                var contactsChanged = ApplyContacts(db, existing, row, contactsByCity.GetValueOrDefault(existing.Id) ?? [], now, user, audits);
                if (before == after && !contactsChanged)
                {
                    unchanged++;
                }
                else
                {
                    updated++;
                    if (before != after)
                    {
                        audits.Add(() => db.Record(now, user, AuditActions.CityChanged, "city", Id(existing), before: before, after: after, reason: "CSV import"));
                    }
                }

                city = existing;
            }
            else
            {
                city = new City(row.Name, row.Country, row.Region, row.Slug);
                db.Cities.Add(city);
                added++;
                audits.Add(() => db.Record(now, user, AuditActions.CityCreated, "city", Id(city), after: CityText.Describe(city), reason: "CSV import"));
                ApplyContacts(db, city, row, [], now, user, audits);
            }

            if (row.Population is { } population && editionId is { } edition)
            {
                var current = row.Existing is null ? null : populations.GetValueOrDefault(row.Existing.Id);
                if (current?.Population != population)
                {
                    populationChanges++;
                    var beforeText = current is null ? "none" : current.Population.ToString(CultureInfo.InvariantCulture);
                    audits.Add(() =>
                    {
                        if (current is null)
                        {
                            db.CityPopulations.Add(new CityPopulation(city.Id, edition, population));
                        }
                        else
                        {
                            current.SetPopulation(population);
                        }

                        db.Record(now, user, AuditActions.CityChanged, "city", Id(city), editionId: edition,
                            before: $"population {editionCode}: {beforeText}", after: $"population {editionCode}: {population.ToString(CultureInfo.InvariantCulture)}", reason: "CSV import");
                    });
                }
            }
        }

        if (dryRun)
        {
            return new ImportCitiesResult(false, added, updated, unchanged, populationChanges, []);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken); // new cities get their ids
        foreach (var audit in audits)
        {
            audit();
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ImportCitiesResult(true, added, updated, unchanged, populationChanges, []);
    }

    private sealed record PlannedRow(int Row, string Name, string Country, Region Region, string? Slug, long? Population, City? Existing)
    {
        /// <summary>Null when the file has no uclg_member column.</summary>
        public bool? UclgMember { get; init; }

        /// <summary>Set (possibly to null) only when the file has a regional_section column.</summary>
        public (string? Value, bool Given) RegionalSection { get; init; }

        /// <summary>Null when the file has no contact columns.</summary>
        public IReadOnlyList<ContactInput>? Contacts { get; init; }
    }

    /// <summary>
    /// Sets the membership and replaces the contacts the row gives (once the city has its id); true if anything changes.
    /// </summary>
    private static bool ApplyContacts(IStudyDbContext db, City city, PlannedRow row, List<CityContact> existing, DateTimeOffset now, StudyUser user, List<Action> audits)
    {
        var member = row.UclgMember ?? city.UclgMember;
        var section = row.RegionalSection.Given ? row.RegionalSection.Value : city.RegionalSection;
        var contacts = row.Contacts ?? [.. existing.Select(CityContactsText.Of)];
        var before = CityContactsText.Describe(city.UclgMember, city.RegionalSection, existing.Select(CityContactsText.Of));
        var after = CityContactsText.Describe(member, section, contacts);
        if (before == after)
        {
            return false;
        }

        city.SetMembership(member, section);
        audits.Add(() =>
        {
            if (row.Contacts is not null)
            {
                CityContacts.Replace(db, city, existing, contacts);
            }

            db.Record(now, user, AuditActions.CityContactsChanged, "city", Id(city), before: row.Existing is null ? null : before, after: after, reason: "CSV import");
        });
        return row.Existing is not null;
    }

    private static List<PlannedRow> Plan(IReadOnlyList<CsvRecords.Record> records, Dictionary<string, int> columns, Dictionary<string, City> byKey, List<City> cities, List<CsvProblem> problems)
    {
        var planned = new List<PlannedRow>();
        var keysInFile = new Dictionary<string, int>();
        var slugsInFile = new Dictionary<string, int>();
        foreach (var record in records.Skip(1))
        {
            var row = record.Row;
            if (record.Fields.Count != columns.Count)
            {
                problems.Add(new CsvProblem(row, null, $"The row has {record.Fields.Count} cell(s); the header has {columns.Count}."));
                continue;
            }

            var name = Cell(record, columns, "name");
            var country = Cell(record, columns, "country");
            var regionText = Cell(record, columns, "region");
            var slugText = Cell(record, columns, "slug");
            var populationText = Cell(record, columns, "population");
            var before = problems.Count;

            var (region, population) = CityCells.Check(row, "name", name, country, regionText, populationText, problems);

            if (problems.Count > before)
            {
                continue;
            }

            var key = CityText.Key(name, country);
            if (keysInFile.TryGetValue(key, out var firstRow))
            {
                problems.Add(new CsvProblem(row, "name", $"{name}, {country} is already on row {firstRow}."));
                continue;
            }

            keysInFile[key] = row;
            var existing = byKey.GetValueOrDefault(key);
            string slug;
            try
            {
                // Validates name, country and slug with the domain's rules, without touching the tracked city.
                slug = new City(name, country, region, slugText.Length > 0 ? slugText : existing?.Slug).Slug;
            }
            catch (DomainRuleException ex)
            {
                problems.Add(new CsvProblem(row, ex.Code.StartsWith("city.", StringComparison.Ordinal) ? ex.Code["city.".Length..] : null, ex.Message));
                continue;
            }

            if (slugsInFile.TryGetValue(slug, out var slugRow))
            {
                problems.Add(new CsvProblem(row, "slug", $"The slug '{slug}' is already used on row {slugRow}."));
                continue;
            }

            slugsInFile[slug] = row;
            var owner = cities.FirstOrDefault(c => c.Slug == slug);
            if (owner is not null && owner != existing)
            {
                problems.Add(new CsvProblem(row, "slug", $"The slug '{slug}' already belongs to {owner.Name}, {owner.Country}; give this city another slug."));
                continue;
            }

            var membership = ReadMembership(record, columns, problems);
            var contacts = ReadContacts(record, columns, problems);
            if (problems.Count > before)
            {
                continue;
            }

            planned.Add(new PlannedRow(row, name, country, region, slugText.Length > 0 ? slugText : null, population, existing)
            {
                UclgMember = membership.Member,
                RegionalSection = membership.Section,
                Contacts = contacts,
            });
        }

        if (records.Count == 1)
        {
            problems.Add(new CsvProblem(null, null, "The file has a header but no cities."));
        }

        return planned;
    }

    private static (bool? Member, (string?, bool) Section) ReadMembership(CsvRecords.Record record, Dictionary<string, int> columns, List<CsvProblem> problems)
    {
        bool? member = null;
        if (columns.ContainsKey("uclg_member"))
        {
            var text = Cell(record, columns, "uclg_member");
            member = text.ToLowerInvariant() switch
            {
                "yes" or "y" or "true" or "1" or "sí" or "si" or "oui" => true,
                "" or "no" or "n" or "false" or "0" or "non" => false,
                _ => null,
            };
            if (member is null)
            {
                problems.Add(new CsvProblem(record.Row, "uclg_member", $"'{text}' is not yes or no."));
            }
        }

        (string?, bool) section = (null, false);
        if (columns.ContainsKey("regional_section"))
        {
            var text = Cell(record, columns, "regional_section");
            if (text.Length > City.MaxRegionalSectionLength)
            {
                problems.Add(new CsvProblem(record.Row, "regional_section", $"The regional section is longer than {City.MaxRegionalSectionLength} characters."));
            }

            section = (text.Length == 0 ? null : text, true);
        }

        return (member, section);
    }

    /// <summary>The row's contacts (empty groups skipped), or null when the file has no contact columns.</summary>
    private static List<ContactInput>? ReadContacts(CsvRecords.Record record, Dictionary<string, int> columns, List<CsvProblem> problems)
    {
        if (!columns.Keys.Any(c => c.StartsWith("contact", StringComparison.Ordinal)))
        {
            return null;
        }

        var contacts = new List<ContactInput>();
        var emails = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var n = 1; n <= CityContact.MaxPerCity; n++)
        {
            var cells = ContactFields.Select(f => Cell(record, columns, ContactColumn(n, f))).ToArray();
            if (cells.All(c => c.Length == 0))
            {
                continue;
            }

            var group = n;
            var input = new ContactInput(cells[0], cells[1], cells[2].Length == 0 ? "en" : cells[2], cells[3].Length == 0 ? null : cells[3]);
            var checkedContact = CityContactsText.Check([input], (_, field, message) => problems.Add(new CsvProblem(record.Row, ContactColumn(group, field), message)));
            if (checkedContact.Count == 1)
            {
                var email = checkedContact[0].Email;
                if (emails.TryGetValue(email, out var first))
                {
                    problems.Add(new CsvProblem(record.Row, ContactColumn(n, "email"), $"{email} is already in {ContactColumn(first, "email")}."));
                    continue;
                }

                emails[email] = n;
                contacts.Add(checkedContact[0]);
            }
        }

        return contacts;
    }

    private static Dictionary<string, int> ReadHeader(CsvRecords.Record header, List<CsvProblem> problems)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        if (header.Fields.Count == 1 && header.Fields[0].Contains(';', StringComparison.Ordinal))
        {
            problems.Add(new CsvProblem(header.Row, null, "The columns are separated by ';'. Save the file with commas between columns (CSV UTF-8)."));
            return columns;
        }

        for (var i = 0; i < header.Fields.Count; i++)
        {
            var name = header.Fields[i].Trim().TrimStart('\uFEFF').ToLowerInvariant();
            if (!KnownColumns.Contains(name))
            {
                problems.Add(new CsvProblem(header.Row, header.Fields[i].Trim(), $"Unknown column; the columns are {string.Join(", ", Columns)}, optionally {string.Join(", ", MembershipColumns)} and contact1_name, contact1_email, contact1_language, contact1_role… up to contact{CityContact.MaxPerCity}."));
            }
            else if (!columns.TryAdd(name, i))
            {
                problems.Add(new CsvProblem(header.Row, name, "The column appears twice."));
            }
        }

        foreach (var required in RequiredColumns.Where(c => !columns.ContainsKey(c)))
        {
            problems.Add(new CsvProblem(header.Row, required, "This column is required."));
        }

        return columns;
    }

    private static string Cell(CsvRecords.Record record, Dictionary<string, int> columns, string column) =>
        columns.TryGetValue(column, out var index) && index < record.Fields.Count ? Unneutralise(record.Fields[index].Trim()) : string.Empty;

    /// <summary>Undoes the apostrophe our exports put before a cell a spreadsheet would run as a formula ("'=x" → "=x").</summary>
    private static string Unneutralise(string cell) =>
        cell.Length > 1 && cell[0] == '\'' && "=+-@".Contains(cell[1], StringComparison.Ordinal) ? cell[1..] : cell;

    private static string Id(City city) => city.Id.ToString(CultureInfo.InvariantCulture);
}
