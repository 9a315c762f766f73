using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SmartCitiesStudy.Reports.Texts;

/// <summary>
/// Editorial Markdown to HTML for the PDF, the reader site and the editor's preview: headings, emphasis, lists,
/// links and tables. Raw HTML is shown as text, never passed through, and links keep only http(s), mailto and
/// in-page targets.
/// </summary>
public static class TextMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    public static string ToHtml(string? markdown)
    {
        var document = Markdown.Parse(markdown ?? string.Empty, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafe(link.Url))
            {
                link.Url = "#";
            }
        }

        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            // Block headings sit under the chapter's own h1/h2: "#" in a text is the first level inside it.
            heading.Level = Math.Min(6, heading.Level + 2);
        }

        using var writer = new StringWriter();
        var renderer = new Markdig.Renderers.HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        return writer.ToString();
    }

    private static bool IsSafe(string? url) =>
        url is null
        || url.StartsWith('#')
        || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);
}
