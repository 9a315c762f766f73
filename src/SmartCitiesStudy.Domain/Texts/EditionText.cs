using SmartCitiesStudy.Domain.Common;

namespace SmartCitiesStudy.Domain.Texts;

/// <summary>
/// One editorial block of an edition in one language, written in Markdown by the secretariat (the foreword, a
/// chapter's text, a field's introduction…). Changes are checked against <see cref="Version"/> like answers; each
/// one is also an audit entry, which is the block's history.
/// </summary>
public sealed class EditionText : IHasVersion
{
    public const int MaxMarkdownLength = 40_000;
    public const int MaxSignatoryLength = 200;

    private EditionText()
    {
        Block = string.Empty;
        Language = string.Empty;
        Markdown = string.Empty;
    }

    public EditionText(int editionId, string block, string language)
        : this()
    {
        EditionId = editionId;
        Block = TextBlocks.Validate(block);
        Language = TextLanguages.Validate(language);
        Version = 1; // 0 stands for "no text yet" in the editor's version check
    }

    public long Id { get; private set; }

    public int EditionId { get; private set; }

    /// <summary>A name from <see cref="TextBlocks"/>.</summary>
    public string Block { get; private set; }

    public string Language { get; private set; }

    public string Markdown { get; private set; }

    /// <summary>Who signs the foreword (other blocks have none).</summary>
    public string? SignatoryName { get; private set; }

    public string? SignatoryTitle { get; private set; }

    /// <summary>Copied from the edition this one was created from and not yet reviewed ("copied — review").</summary>
    public bool NeedsReview { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public string? UpdatedBy { get; private set; }

    public int Version { get; set; }

    /// <summary>Replaces the text; a person's save marks a copied block as reviewed.</summary>
    public void Write(string? markdown, string? signatoryName, string? signatoryTitle, DateTimeOffset now, string? by, bool needsReview = false)
    {
        var text = (markdown ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (text.Length > MaxMarkdownLength)
        {
            throw new DomainRuleException("text.too_long", $"Block {Block} ({Language}) is longer than {MaxMarkdownLength:N0} characters.");
        }

        Markdown = text;
        SignatoryName = Optional(signatoryName, "signatory name");
        SignatoryTitle = Optional(signatoryTitle, "signatory title");
        NeedsReview = needsReview;
        UpdatedAt = now;
        UpdatedBy = by;
    }

    private string? Optional(string? value, string what)
    {
        value = value?.Trim();
        if (value is { Length: > MaxSignatoryLength })
        {
            throw new DomainRuleException("text.signatory", $"The {what} of block {Block} ({Language}) is longer than {MaxSignatoryLength} characters.");
        }

        return string.IsNullOrEmpty(value) ? null : value;
    }
}
