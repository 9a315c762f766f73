namespace SmartCitiesStudy.Application.Abstractions;

/// <summary>An e-mail to queue: one recipient, a plain-text body and optionally an HTML one.</summary>
public sealed record OutgoingEmail(string To, string Subject, string TextBody, string? HtmlBody = null);
