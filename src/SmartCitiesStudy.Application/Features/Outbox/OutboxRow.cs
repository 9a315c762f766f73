namespace SmartCitiesStudy.Application.Features.Outbox;

/// <summary>A queued or sent e-mail, as the development outbox page shows it.</summary>
public sealed record OutboxRow(long Id, string To, string Subject, string TextBody, DateTimeOffset CreatedAt, int Attempts, DateTimeOffset? SentAt, string? LastError);
