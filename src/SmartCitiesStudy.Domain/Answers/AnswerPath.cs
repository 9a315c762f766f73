using System.Text.RegularExpressions;

namespace SmartCitiesStudy.Domain.Answers;

/// <summary>
/// Where an answer sits: a top-level question (<c>ss_strategy</c>) or a field of one item of a group
/// (<c>good_practices/k3f9a2/title</c>). Item ids are short random tokens, so two officers adding items at once
/// never collide and reordering never renames answers.
/// </summary>
public static partial class AnswerPath
{
    public static string Field(string groupCode, string itemId, string fieldCode) => $"{groupCode}/{itemId}/{fieldCode}";

    public static bool TryParseField(string path, out string groupCode, out string itemId, out string fieldCode)
    {
        var parts = path.Split('/');
        if (parts.Length == 3)
        {
            (groupCode, itemId, fieldCode) = (parts[0], parts[1], parts[2]);
            return true;
        }

        groupCode = itemId = fieldCode = string.Empty;
        return false;
    }

    /// <summary>The top-level question code a path belongs to.</summary>
    public static string QuestionCode(string path)
    {
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? path : path[..slash];
    }

    public static string NewItemId() => Guid.NewGuid().ToString("N")[..10];

    public static bool IsValidItemId(string? id) => id is not null && ItemIdPattern().IsMatch(id);

    [GeneratedRegex("^[a-z0-9]{4,32}$")]
    private static partial Regex ItemIdPattern();
}
