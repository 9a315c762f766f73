namespace SmartCitiesStudy.Domain.Common;

/// <summary>
/// Marks a timestamp that records when something happened (created, submitted, approved, sent…), as opposed to one
/// that schedules something (a deadline, an expiry, the next attempt). Whatever happened cannot have happened later
/// than now: <see cref="EventTimes.EnsureNotLater"/> refuses such a time, and the database layer applies it to every
/// marked property of what it stores.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class EventTimeAttribute : Attribute
{
}
