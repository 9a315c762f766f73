namespace SmartCitiesStudy.Web.Tests.People;

/// <summary>A clock that stands still until a test moves it on.</summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset _now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
