namespace SmartCitiesStudy.Domain.Notices;

/// <summary>
/// A scheduled notice that was sent (a reminder to a city, the secretariat's digest, an automatic close): one row
/// per key and UTC day, unique, so that a notice goes out at most once a day even when several instances run the
/// schedule. Keys: <c>reminder/{edition}/{city}</c>, <c>digest</c>, <c>auto-close/{edition}</c>.
/// </summary>
public sealed class ScheduledNotice
{
    public const int MaxKeyLength = 100;

    private ScheduledNotice()
    {
        Key = string.Empty;
    }

    public ScheduledNotice(string key, DateOnly day, DateTimeOffset sentAt)
        : this()
    {
        Key = key.Length <= MaxKeyLength ? key : throw new ArgumentException($"Notice key longer than {MaxKeyLength}.", nameof(key));
        Day = day;
        SentAt = sentAt;
    }

    public long Id { get; private set; }

    public string Key { get; private set; }

    public DateOnly Day { get; private set; }

    public DateTimeOffset SentAt { get; private set; }

    public static string Reminder(int editionId, int cityId) => $"reminder/{editionId}/{cityId}";

    public const string Digest = "digest";

    public static string AutoClose(int editionId) => $"auto-close/{editionId}";
}
