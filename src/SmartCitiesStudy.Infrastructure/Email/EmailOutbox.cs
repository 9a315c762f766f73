using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Domain.Email;

namespace SmartCitiesStudy.Infrastructure.Email;

/// <summary>Adds the e-mail to the outbox table of the caller's context; it is stored by the caller's save.</summary>
internal sealed class EmailOutbox(TimeProvider clock) : IEmailOutbox
{
    public void Enqueue(IStudyDbContext db, OutgoingEmail email)
    {
        var message = new OutboxMessage(email.To, email.Subject, email.TextBody, email.HtmlBody, clock.GetUtcNow());
        foreach (var file in email.Attachments)
        {
            message.Attach(OutboxAttachment.ToRender(file.FileName, file.ContentType, file.Kind, file.Key));
        }

        db.OutboxMessages.Add(message);
    }
}
