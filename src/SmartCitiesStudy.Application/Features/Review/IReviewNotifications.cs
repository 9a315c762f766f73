namespace SmartCitiesStudy.Application.Features.Review;

/// <summary>Tells a city's officers about the review (by e-mail through the outbox, where one is configured).</summary>
public interface IReviewNotifications
{
    Task ResponseReturnedAsync(int responseId, string? message, CancellationToken cancellationToken);
}

/// <summary>Until the e-mail outbox is wired in: officers see the returned status and comments in the portal.</summary>
public sealed class NoReviewNotifications : IReviewNotifications
{
    public Task ResponseReturnedAsync(int responseId, string? message, CancellationToken cancellationToken) => Task.CompletedTask;
}
