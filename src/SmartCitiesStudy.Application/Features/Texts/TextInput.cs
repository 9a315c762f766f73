namespace SmartCitiesStudy.Application.Features.Texts;

/// <summary>A block's new content, from the editor, the CLI or an import file.</summary>
public sealed record TextInput(string Block, string Language, string Markdown, string? SignatoryName = null, string? SignatoryTitle = null);
