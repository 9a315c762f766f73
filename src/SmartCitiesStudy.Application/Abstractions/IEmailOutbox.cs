namespace SmartCitiesStudy.Application.Abstractions;

/// <summary>
/// Queues e-mail in the caller's unit of work: the message is stored by the same <c>SaveChanges</c> as the change
/// it announces (an invitation, a returned response), and sent later by the background sender.
/// </summary>
public interface IEmailOutbox
{
    void Enqueue(IStudyDbContext db, OutgoingEmail email);
}
