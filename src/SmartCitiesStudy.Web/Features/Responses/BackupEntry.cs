using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Web.Features.Questionnaires.Form;

namespace SmartCitiesStudy.Web.Features.Responses;

/// <summary>
/// What the browser kept of one text box (wwwroot/js/answer-backup.js): the answer's path, which box (the answer's
/// text, a number, or the "other" text of a choice), what was typed and the stored version it was typed over.
/// </summary>
public sealed record BackupEntry(string Path, string Kind, string Text, int Base)
{
    public const string TextKind = "text";
    public const string NumberKind = "number";
    public const string OtherKind = "other";

    public static IReadOnlyList<string> Kinds { get; } = [TextKind, NumberKind, OtherKind];

    /// <summary>The answer the kept text stands for, given the current answer; null when it cannot be read.</summary>
    public AnswerValue? ToValue(AnswerValue current) => Kind switch
    {
        TextKind => string.IsNullOrEmpty(Text) ? AnswerValue.Empty : AnswerValue.OfText(Text),
        NumberKind when string.IsNullOrWhiteSpace(Text) => AnswerValue.Empty,
        NumberKind => NumberText.TryParse(Text, out var number) ? AnswerValue.OfNumber(number) : null,
        OtherKind => current.Codes is { Count: > 0 } ? current with { Other = string.IsNullOrEmpty(Text) ? null : Text } : null,
        _ => null,
    };

    /// <summary>The texts a stored value puts in its boxes, to drop the matching backups.</summary>
    public static IEnumerable<(string Kind, string Text)> TextsOf(AnswerValue value)
    {
        if (value.Text is { } text)
        {
            yield return (TextKind, text);
        }

        if (value.Number is { } number)
        {
            yield return (NumberKind, NumberText.Format(number, System.Globalization.CultureInfo.CurrentCulture));
        }

        if (value.Other is { } other)
        {
            yield return (OtherKind, other);
        }

        if (value.IsEmpty)
        {
            foreach (var kind in Kinds)
            {
                yield return (kind, string.Empty);
            }
        }
    }
}
