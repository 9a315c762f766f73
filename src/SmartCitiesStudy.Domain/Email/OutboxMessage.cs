using SmartCitiesStudy.Domain.Common;

namespace SmartCitiesStudy.Domain.Email;

/// <summary>
/// An e-mail waiting to be sent (or sent). Written in the same transaction as the change it announces, sent later by
/// the background sender, which claims it with <see cref="LockedUntil"/> so that two senders never send it twice.
/// </summary>
public sealed class OutboxMessage
{
    public const int MaxAddressLength = 256;
    public const int MaxSubjectLength = 300;
    public const int MaxErrorLength = 2000;
    private readonly List<OutboxAttachment> _attachments = [];

    private OutboxMessage()
    {
        To = string.Empty;
        Subject = string.Empty;
        TextBody = string.Empty;
    }

    public OutboxMessage(string to, string subject, string textBody, string? htmlBody, DateTimeOffset now)
        : this()
    {
        To = to;
        Subject = subject.Length > MaxSubjectLength ? subject[..MaxSubjectLength] : subject;
        TextBody = textBody;
        HtmlBody = htmlBody;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    public long Id { get; private set; }

    public string To { get; private set; }

    public string Subject { get; private set; }

    public string TextBody { get; private set; }

    public string? HtmlBody { get; private set; }

    [EventTime]
    public DateTimeOffset CreatedAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    [EventTime]
    public DateTimeOffset? SentAt { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>A sender that claimed the message owns it until then; null when nobody holds it.</summary>
    public DateTimeOffset? LockedUntil { get; private set; }

    /// <summary>Which sender holds the claim (a random id per claim).</summary>
    public string? LockedBy { get; private set; }

    /// <summary>Files sent with the message (a receipt's answers as PDF); it is not sent until each has content.</summary>
    public IReadOnlyList<OutboxAttachment> Attachments => _attachments;

    public void Attach(OutboxAttachment attachment) => _attachments.Add(attachment);

    /// <summary>Wait before the next attempt after <paramref name="attempts"/> failures: 1, 2, 4 … minutes, at most 6 hours.</summary>
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromMinutes(Math.Min(360, Math.Pow(2, Math.Clamp(attempts - 1, 0, 16))));
}
