using SmartCitiesStudy.Domain.Texts;

namespace SmartCitiesStudy.Application.Features.Texts;

/// <summary>What a block shows in a language: its own text, or the English one with <see cref="IsFallback"/> set.</summary>
public sealed record ResolvedText(EditionTextRow Text, bool IsFallback);

/// <summary>An edition's editorial texts, every block and language; looks a block up with the English fallback.</summary>
public sealed record EditionTexts(IReadOnlyList<EditionTextRow> Rows)
{
    public static EditionTexts None { get; } = new([]);

    /// <returns>Null when the block has no text in the language nor in English.</returns>
    public ResolvedText? Get(string block, string language)
    {
        var own = Find(block, language);
        if (own is not null)
        {
            return new ResolvedText(own, IsFallback: false);
        }

        var english = Find(block, TextLanguages.English);
        return english is null ? null : new ResolvedText(english, IsFallback: language != TextLanguages.English);
    }

    public bool Has(string block, string language) => Get(block, language) is not null;

    private EditionTextRow? Find(string block, string language) =>
        Rows.FirstOrDefault(r => r.Block == block && r.Language == language && r.Markdown.Length > 0);
}
