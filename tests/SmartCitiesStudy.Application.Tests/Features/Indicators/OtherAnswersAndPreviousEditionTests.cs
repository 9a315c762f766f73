using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Indicators;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Domain.Indicators;
using SmartCitiesStudy.Domain.Responses;

namespace SmartCitiesStudy.Application.Tests.Features.Indicators;

/// <summary>The secretariat's list of "other" texts: approved responses only, per question, refused to others.</summary>
public sealed class ListOtherAnswersTests(DemoDatabase demo) : IClassFixture<DemoDatabase>
{
    private static readonly StudyUser Reviewer = new("rev-1", "Rui Reviewer", null, new HashSet<string> { StudyRoles.Reviewer });
    private static readonly StudyUser Officer = new("off-1", "Ane Officer", 1, new HashSet<string> { StudyRoles.CityOfficer });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Adds "other" with <paramref name="text"/> to the city's answer; returns the city name.</summary>
    private async Task<string> TypeOtherAsync(string edition, ResponseStatus status, string question, string text)
    {
        await using var db = demo.Database.CreateContext();
        var response = await (
                from e in db.Editions
                where e.Code == edition
                join r in db.Responses on e.Id equals r.EditionId
                where r.Status == status
                join c in db.Cities on r.CityId equals c.Id
                orderby c.Name
                select new { r.Id, c.Name, e.QuestionnaireVersion })
            .FirstAsync(Ct);
        var answer = await db.Answers.SingleOrDefaultAsync(a => a.ResponseId == response.Id && a.Path == question, Ct);
        var value = AnswerValue.OfChoices([.. answer?.Value.Codes?.Where(c => c != "other") ?? [], "other"], text);
        if (answer is null)
        {
            db.Answers.Add(new Answer(response.Id, question, value, response.QuestionnaireVersion, DateTimeOffset.UtcNow, null));
        }
        else
        {
            answer.Change(value, response.QuestionnaireVersion, DateTimeOffset.UtcNow, null);
        }

        await db.SaveChangesAsync(Ct);
        return response.Name;
    }

    [Fact]
    public async Task Reviewers_get_the_approved_cities_other_texts_per_question_and_officers_are_refused()
    {
        var city = await TypeOtherAsync("2017", ResponseStatus.Approved, "digital_barriers", "  Fibre stops at the ring road ");
        await TypeOtherAsync("2026", ResponseStatus.Draft, "digital_barriers", "A draft's words");
        var list = demo.Services.GetRequiredService<ListOtherAnswers>();

        var result = await list.ExecuteAsync("2017", Reviewer, Ct);
        Assert.Null(result.Error);
        var barriers = Assert.Single(result.Questions!, q => q.Code == "digital_barriers");
        var answer = Assert.Single(barriers.Answers);
        Assert.Equal((city, "Fibre stops at the ring road"), (answer.City, answer.Text));
        Assert.Contains(result.Questions!, q => q.Code == "general_barriers"); // allows "other": listed, even with no text
        Assert.DoesNotContain(result.Questions!, q => q.Code == "ss_strategy");

        var draft = await list.ExecuteAsync("2026", Reviewer, Ct);
        Assert.DoesNotContain(draft.Questions!.SelectMany(q => q.Answers), a => a.Text == "A draft's words");

        var refused = await list.ExecuteAsync("2017", Officer, Ct);
        Assert.Null(refused.Questions);
        Assert.Equal("Only the secretariat and reviewers can read the cities' \"other\" answers.", refused.Error);
        Assert.True((await list.ExecuteAsync("1999", Reviewer, Ct)).NotFound);
    }
}

/// <summary>The earlier edition's figure of each linked option, for the study's chapter 4.</summary>
public sealed class PreviousOptionsTests(DemoDatabase demo) : IClassFixture<DemoDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<OptionShare> OptionAsync(string edition, string question, string option) =>
        ((ChoiceIndicator)(await demo.Services.GetRequiredService<ComputeIndicators>().ExecuteAsync(edition, Ct))!.Indicators.Single(i => i.Id == question))
        .Options.Single(o => o.Code == option);

    [Fact]
    public async Task An_option_linked_by_sameAs_gets_the_newest_earlier_published_edition_s_figure()
    {
        var followed = demo.Services.GetRequiredService<ComputeFollowedFigures>();

        var of2017 = await followed.PreviousOptionsAsync("2017", Ct);
        var bureaucracy = of2017[("digital_barriers", "complex_bureaucracy")]; // sameAs 2012:governance_barriers/bureaucratic_complexity
        var in2012 = await OptionAsync("2012", "governance_barriers", "bureaucratic_complexity");
        Assert.Equal(("2012", 2012, in2012.Numerator, in2012.Percent), (bureaucracy.Edition, bureaucracy.Year, bureaucracy.Numerator, bureaucracy.Percent));
        Assert.False(of2017.ContainsKey(("general_barriers", "lack_international_contact"))); // not linked
        Assert.DoesNotContain(of2017.Keys, k => k.Option == "other");

        // 2019's legal framework is linked to 2012 and, through it, to 2017: the newest earlier one wins.
        var of2019 = await followed.PreviousOptionsAsync("2019", Ct);
        Assert.Equal("2017", of2019[("open_government_barriers", "outdated_legal_framework")].Edition);

        Assert.Empty(await followed.PreviousOptionsAsync("2012", Ct));
        Assert.Empty(await followed.PreviousOptionsAsync("1999", Ct));
    }
}
