using SmartCitiesStudy.Domain.Common;
using SmartCitiesStudy.Domain.Editions;

namespace SmartCitiesStudy.Domain.Tests.Editions;

public sealed class EditionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_edition_starts_as_draft_and_moves_open_closed_published()
    {
        var edition = new Edition("2026", "Smart Cities Study 2026", "ECONOMY", 2026);
        Assert.Equal(EditionStatus.Draft, edition.Status);
        Assert.False(edition.AcceptsAnswers);

        edition.Open(Now);
        Assert.Equal(EditionStatus.Open, edition.Status);
        Assert.True(edition.AcceptsAnswers);

        edition.Close(Now.AddDays(30));
        Assert.Equal(EditionStatus.Closed, edition.Status);
        Assert.False(edition.AcceptsAnswers);

        edition.Publish(Now.AddDays(60));
        Assert.Equal(EditionStatus.Published, edition.Status);
        Assert.True(edition.IsPublic);
        Assert.Equal(Now.AddDays(60), edition.PublishedAt);
    }

    [Theory]
    [InlineData(EditionStatus.Draft, EditionStatus.Open, true)]
    [InlineData(EditionStatus.Open, EditionStatus.Closed, true)]
    [InlineData(EditionStatus.Closed, EditionStatus.Published, true)]
    [InlineData(EditionStatus.Closed, EditionStatus.Open, true)]
    [InlineData(EditionStatus.Published, EditionStatus.Closed, true)]
    [InlineData(EditionStatus.Draft, EditionStatus.Closed, false)]
    [InlineData(EditionStatus.Draft, EditionStatus.Published, false)]
    [InlineData(EditionStatus.Open, EditionStatus.Published, false)]
    [InlineData(EditionStatus.Open, EditionStatus.Draft, false)]
    [InlineData(EditionStatus.Published, EditionStatus.Open, false)]
    [InlineData(EditionStatus.Published, EditionStatus.Draft, false)]
    public void Transition_table(EditionStatus from, EditionStatus to, bool allowed) =>
        Assert.Equal(allowed, Edition.CanMove(from, to));

    [Fact]
    public void Publishing_requires_a_closed_edition()
    {
        var edition = new Edition("2026", "Study", "ECONOMY", 2026);
        edition.Open(Now);
        var ex = Assert.Throws<DomainRuleException>(() => edition.Publish(Now));
        Assert.Contains("Open", ex.Message, StringComparison.Ordinal);
        Assert.Equal(EditionStatus.Open, edition.Status);
    }

    [Fact]
    public void Opening_twice_is_refused()
    {
        var edition = new Edition("2026", "Study", "ECONOMY", 2026);
        edition.Open(Now);
        Assert.Throws<DomainRuleException>(() => edition.Open(Now));
    }

    [Fact]
    public void Reopening_needs_a_reason_and_goes_back_one_step()
    {
        var edition = new Edition("2026", "Study", "ECONOMY", 2026);
        edition.Open(Now);
        edition.Close(Now);
        Assert.Throws<DomainRuleException>(() => edition.Reopen(" ", Now));
        Assert.Equal(EditionStatus.Closed, edition.Status);

        edition.Reopen("Two cities asked for one more week", Now);
        Assert.Equal(EditionStatus.Open, edition.Status);
        Assert.Null(edition.ClosedAt);

        edition.Close(Now);
        edition.Publish(Now);
        edition.Reopen("A figure must be corrected", Now);
        Assert.Equal(EditionStatus.Closed, edition.Status);
        Assert.Null(edition.PublishedAt);
    }

    [Fact]
    public void A_draft_cannot_be_reopened()
    {
        var edition = new Edition("2026", "Study", "ECONOMY", 2026);
        Assert.Throws<DomainRuleException>(() => edition.Reopen("why not", Now));
    }

    [Theory]
    [InlineData("")]
    [InlineData("20 17")]
    [InlineData("2017/2018")]
    [InlineData("a-very-long-edition-code")]
    public void Bad_codes_are_refused(string code) =>
        Assert.Throws<DomainRuleException>(() => new Edition(code, "Study", "THEME", 2017));

    [Fact]
    public void Title_and_theme_are_required_and_bounded()
    {
        Assert.Throws<DomainRuleException>(() => new Edition("2017", " ", "ECONOMY", 2017));
        Assert.Throws<DomainRuleException>(() => new Edition("2017", "Study", new string('x', 101), 2017));
        Assert.Throws<DomainRuleException>(() => new Edition("2017", "Study", "ECONOMY", 1999));
    }
}
