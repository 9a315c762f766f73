namespace SmartCitiesStudy.Application.Features.Outbox;

/// <summary>A queued or sent e-mail, as the development outbox page shows it.</summary>
public sealed record OutboxRow(long Id, string To, string Subject, string TextBody, DateTimeOffset CreatedAt, int Attempts, DateTimeOffset? SentAt, string? LastError, IReadOnlyList<OutboxFile>? Attachments = null);

/// <summary>An attached file: its name and size, or no size while it is still being rendered.</summary>
public sealed record OutboxFile(string FileName, int? Bytes);
