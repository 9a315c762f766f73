using SmartCitiesStudy.Domain.Cities;

namespace SmartCitiesStudy.Application.Features.Cities;

/// <summary>How a city's membership and contacts are written in the audit trail, and checked.</summary>
internal static class CityContactsText
{
    public static string Describe(bool member, string? section, IEnumerable<ContactInput> contacts)
    {
        var list = string.Join("; ", contacts.Select(c => $"{c.Name} <{c.Email}> {c.Language}" + (c.Role is null ? string.Empty : $", {c.Role}")));
        return (member ? "UCLG member" : "not a UCLG member") + (section is null ? string.Empty : $" ({section})") + "; contacts: " + (list.Length > 0 ? list : "none");
    }

    public static ContactInput Of(CityContact contact) => new(contact.Name, contact.Email, contact.Language, contact.Role);

    /// <summary>
    /// Checks contacts with the domain's rules; each problem names the contact's place (1-based) and field.
    /// Returns the contacts as they will be stored (trimmed, e-mail lower-case).
    /// </summary>
    public static List<ContactInput> Check(IReadOnlyList<ContactInput> contacts, Action<int, string, string> problem)
    {
        var checkedContacts = new List<ContactInput>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        if (contacts.Count > CityContact.MaxPerCity)
        {
            problem(contacts.Count, "contacts", $"A city can have at most {CityContact.MaxPerCity} contacts.");
        }

        for (var i = 0; i < contacts.Count; i++)
        {
            var input = contacts[i];
            var errors = 0;
            string? name = null, email = null, language = null, role = null;
            Try(() => name = string.IsNullOrWhiteSpace(input.Name) ? throw new Domain.Common.DomainRuleException("contact.name", "The contact's name is required.") : new CityContact(0, input.Name, "a@b.c", "en", null).Name, "name");
            Try(() => email = CityContact.NormalizeEmail(input.Email), "email");
            Try(() => language = CityContact.NormalizeLanguage(input.Language), "language");
            Try(() => role = new CityContact(0, "x", "a@b.c", "en", input.Role).Role, "role");
            if (email is not null && seen.TryGetValue(email, out var first))
            {
                problem(i + 1, "email", $"{email} is already contact {first}.");
                errors++;
            }
            else if (email is not null)
            {
                seen[email] = i + 1;
            }

            if (errors == 0)
            {
                checkedContacts.Add(new ContactInput(name!, email!, language!, role));
            }

            void Try(Action action, string field)
            {
                try
                {
                    action();
                }
                catch (Domain.Common.DomainRuleException ex)
                {
                    problem(i + 1, field, ex.Message);
                    errors++;
                }
            }
        }

        return checkedContacts;
    }
}
