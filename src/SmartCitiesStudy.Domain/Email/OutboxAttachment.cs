namespace SmartCitiesStudy.Domain.Email;

/// <summary>
/// A file sent with an outbox message. Stored with the message; a document that takes long to make (a PDF) is
/// queued as what to render (<see cref="RenderKind"/>, <see cref="RenderKey"/>) and its <see cref="Content"/> is
/// filled in by the background job, never by the request that queued it. The message waits until every attachment
/// has content.
/// </summary>
public sealed class OutboxAttachment
{
    public const int MaxFileNameLength = 200;
    public const int MaxContentTypeLength = 100;
    public const int MaxRenderKindLength = 64;
    public const int MaxRenderKeyLength = 200;

    /// <summary>After this many failed renders the message goes without the attachment (its text still says where to find it).</summary>
    public const int MaxRenderAttempts = 3;

    private OutboxAttachment()
    {
        FileName = string.Empty;
        ContentType = string.Empty;
    }

    public long Id { get; private set; }

    public long OutboxMessageId { get; private set; }

    public string FileName { get; private set; }

    public string ContentType { get; private set; }

    /// <summary>Null while waiting to be rendered.</summary>
    public byte[]? Content { get; private set; }

    /// <summary>What makes the content (e.g. "response-answers"), or null for a file given as it is.</summary>
    public string? RenderKind { get; private set; }

    /// <summary>What to render, for the renderer of <see cref="RenderKind"/> (e.g. "42/es": a response and a language).</summary>
    public string? RenderKey { get; private set; }

    public int RenderAttempts { get; private set; }

    public static OutboxAttachment ToRender(string fileName, string contentType, string renderKind, string renderKey) =>
        new() { FileName = Truncate(fileName, MaxFileNameLength), ContentType = contentType, RenderKind = renderKind, RenderKey = renderKey };

    private static string Truncate(string text, int length) => text.Length > length ? text[..length] : text;
}
