namespace SmartCitiesStudy.Application.Abstractions;

/// <summary>An e-mail to queue: one recipient, a plain-text body, optionally an HTML one and files to attach.</summary>
public sealed record OutgoingEmail(string To, string Subject, string TextBody, string? HtmlBody = null)
{
    /// <summary>Files rendered in the background before the message goes (see <see cref="IAttachmentRenderer"/>).</summary>
    public IReadOnlyList<AttachmentToRender> Attachments { get; init; } = [];
}

/// <summary>A file to attach once the renderer of <paramref name="Kind"/> has made it from <paramref name="Key"/>.</summary>
public sealed record AttachmentToRender(string FileName, string ContentType, string Kind, string Key);

/// <summary>
/// Makes the content of queued attachments of one kind, in the background (outbox job), never on a request or a
/// circuit: a PDF takes seconds.
/// </summary>
public interface IAttachmentRenderer
{
    /// <summary>The <see cref="AttachmentToRender.Kind"/> this renderer makes.</summary>
    string Kind { get; }

    /// <returns>The file's bytes, or null when what it was about no longer exists (the message goes without it).</returns>
    Task<byte[]?> RenderAsync(string key, CancellationToken cancellationToken);
}
