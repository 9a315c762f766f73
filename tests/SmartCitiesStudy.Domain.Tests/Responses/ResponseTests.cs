using SmartCitiesStudy.Domain.Common;
using SmartCitiesStudy.Domain.Responses;

namespace SmartCitiesStudy.Domain.Tests.Responses;

public sealed class ResponseTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static Response NewResponse() => new(editionId: 1, cityId: 1, questionnaireVersion: 1, Now);

    [Theory]
    [InlineData(ResponseStatus.Draft, ResponseStatus.Submitted, true)]
    [InlineData(ResponseStatus.Submitted, ResponseStatus.Returned, true)]
    [InlineData(ResponseStatus.Submitted, ResponseStatus.Approved, true)]
    [InlineData(ResponseStatus.Returned, ResponseStatus.Submitted, true)]
    [InlineData(ResponseStatus.Approved, ResponseStatus.Returned, true)]
    [InlineData(ResponseStatus.Draft, ResponseStatus.Approved, false)]
    [InlineData(ResponseStatus.Draft, ResponseStatus.Returned, false)]
    [InlineData(ResponseStatus.Submitted, ResponseStatus.Draft, false)]
    [InlineData(ResponseStatus.Returned, ResponseStatus.Approved, false)]
    [InlineData(ResponseStatus.Approved, ResponseStatus.Submitted, false)]
    [InlineData(ResponseStatus.Approved, ResponseStatus.Draft, false)]
    public void Transition_table(ResponseStatus from, ResponseStatus to, bool allowed) =>
        Assert.Equal(allowed, Response.CanMove(from, to));

    [Fact]
    public void The_review_loop_submit_return_resubmit_approve()
    {
        var response = NewResponse();
        Assert.True(response.IsEditableByCity);

        response.Submit(Now.AddDays(1));
        Assert.Equal(ResponseStatus.Submitted, response.Status);
        Assert.False(response.IsEditableByCity);

        response.ReturnToCity(Now.AddDays(2));
        Assert.Equal(ResponseStatus.Returned, response.Status);
        Assert.True(response.IsEditableByCity);

        response.Submit(Now.AddDays(3));
        response.Approve(Now.AddDays(4));
        Assert.Equal(ResponseStatus.Approved, response.Status);
        Assert.True(response.IsCounted);
        Assert.Equal(Now.AddDays(4), response.ApprovedAt);
        Assert.Equal(Now.AddDays(4), response.LastActivityAt);
    }

    [Fact]
    public void A_draft_cannot_be_approved_and_stays_a_draft()
    {
        var response = NewResponse();
        var ex = Assert.Throws<DomainRuleException>(() => response.Approve(Now));
        Assert.Equal("response.transition", ex.Code);
        Assert.Contains("draft", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ResponseStatus.Draft, response.Status);
        Assert.False(response.IsCounted);
    }

    [Fact]
    public void Withdrawing_an_approval_returns_the_response_and_stops_counting_it()
    {
        var response = NewResponse();
        response.Submit(Now);
        response.Approve(Now);
        response.ReturnToCity(Now.AddDays(1));
        Assert.False(response.IsCounted);
        Assert.Null(response.ApprovedAt);
    }

    [Fact]
    public void Activity_never_goes_back_in_time()
    {
        var response = NewResponse();
        response.Touch(Now.AddHours(2));
        response.Touch(Now.AddHours(1));
        Assert.Equal(Now.AddHours(2), response.LastActivityAt);
    }

    [Theory]
    [InlineData(ResponseStatus.Draft, false, true)]
    [InlineData(ResponseStatus.Submitted, false, false)]
    [InlineData(ResponseStatus.Returned, false, true)]
    [InlineData(ResponseStatus.Approved, true, false)]
    public void The_query_expressions_say_what_the_properties_say(ResponseStatus status, bool counted, bool editable)
    {
        var response = NewResponse();
        response.ForceStatus(status, Now);

        Assert.Equal(counted, response.IsCounted);
        Assert.Equal(response.IsCounted, Response.IsCountedExpression.Compile()(response));
        Assert.Equal(editable, response.IsEditableByCity);
        Assert.Equal(response.IsEditableByCity, Response.IsEditableByCityExpression.Compile()(response));
    }

    [Fact]
    public void The_query_expressions_agree_with_the_properties_for_every_status()
    {
        foreach (var status in Enum.GetValues<ResponseStatus>())
        {
            var response = NewResponse();
            response.ForceStatus(status, Now);
            Assert.Equal(response.IsCounted, Response.IsCountedExpression.Compile()(response));
            Assert.Equal(response.IsEditableByCity, Response.IsEditableByCityExpression.Compile()(response));
        }
    }
}
