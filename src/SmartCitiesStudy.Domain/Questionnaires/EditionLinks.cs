namespace SmartCitiesStudy.Domain.Questionnaires;

/// <summary>
/// Which questions and options of different editions mean the same: those joined by <c>sameAs</c> (either way, and
/// through a third edition), and those with the same code (a question repeated under its code, or an option of such
/// a question). <see cref="Concept(string, string, string?)"/> gives every member of a group the same key.
/// </summary>
public sealed class EditionLinks
{
    private readonly Dictionary<string, string> _parent = new(StringComparer.Ordinal);

    private EditionLinks()
    {
    }

    public static EditionLinks Build(IEnumerable<QuestionnaireDefinition> definitions)
    {
        var links = new EditionLinks();
        var firstByCode = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            foreach (var question in definition.Questions)
            {
                var node = Node(definition.Edition, question.Code, null);
                links.Add(node);
                if (!firstByCode.TryAdd(question.Code, definition.Edition))
                {
                    links.Union(node, Node(firstByCode[question.Code], question.Code, null));
                }

                if (question.SameAs is { } value && SameAsLink.TryParse(value, out var link) && link.Option is null)
                {
                    links.Union(node, Node(link.Edition, link.Question, null));
                }

                foreach (var option in question.Options)
                {
                    var optionNode = Node(definition.Edition, question.Code, option.Code);
                    links.Add(optionNode);
                    if (firstByCode[question.Code] != definition.Edition)
                    {
                        links.Union(optionNode, Node(firstByCode[question.Code], question.Code, option.Code));
                    }

                    if (option.SameAs is { } optionValue && SameAsLink.TryParse(optionValue, out var optionLink) && optionLink.Option is not null)
                    {
                        links.Union(optionNode, Node(optionLink.Edition, optionLink.Question, optionLink.Option));
                    }
                }
            }
        }

        return links;
    }

    /// <summary>The key shared by everything that means the same as this question (or option) of this edition.</summary>
    public string Concept(string edition, string question, string? option = null) => Find(Node(edition, question, option));

    private static string Node(string edition, string question, string? option) =>
        option is null ? $"{edition}:{question}" : $"{edition}:{question}/{option}";

    private void Add(string node) => _parent.TryAdd(node, node);

    private string Find(string node)
    {
        Add(node);
        while (_parent[node] != node)
        {
            _parent[node] = _parent[_parent[node]];
            node = _parent[node];
        }

        return node;
    }

    private void Union(string a, string b)
    {
        var (ra, rb) = (Find(a), Find(b));
        if (ra != rb)
        {
            // The lexically smaller root stays, so the key does not depend on the order of the links.
            if (string.CompareOrdinal(ra, rb) < 0)
            {
                _parent[rb] = ra;
            }
            else
            {
                _parent[ra] = rb;
            }
        }
    }
}
