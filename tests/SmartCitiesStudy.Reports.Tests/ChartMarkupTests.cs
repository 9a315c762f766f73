using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SmartCitiesStudy.Domain.Indicators;
using SmartCitiesStudy.Domain.Questionnaires;
using SmartCitiesStudy.Reports.Charts;

namespace SmartCitiesStudy.Reports.Tests;

public sealed class ChartMarkupTests
{
    private static readonly ShareIndicator Share = new(
        "ss_strategy", 15, 20, 75m, 0,
        [new GroupShare("Europe", 10, 10, 100m), new GroupShare("Africa", 0, 1, 0m)],
        [new GroupShare("over-1m", 5, 7, 71.4m)]);

    // Decoded: the renderer writes non-ASCII characters as character references.
    private static async Task<string> RenderAsync<TChart>(Dictionary<string, object?> parameters)
        where TChart : IComponent
    {
        await using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
            System.Net.WebUtility.HtmlDecode((await renderer.RenderComponentAsync<TChart>(ParameterView.FromDictionary(parameters))).ToHtmlString()));
    }

    [Fact]
    public async Task A_share_chart_is_an_image_with_its_figure_as_title_and_an_optional_table()
    {
        var html = await RenderAsync<ShareDonut>(new() { ["Indicator"] = Share, ["Language"] = "fr", ["ShowTable"] = true });
        Assert.Contains("role=\"img\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-labelledby=\"chart-ss_strategy-donut-title\"", html, StringComparison.Ordinal);
        Assert.Contains("<title id=\"chart-ss_strategy-donut-title\">75\u00a0% — 15 sur 20</title>", html, StringComparison.Ordinal);
        Assert.Contains("<table class=\"chart-data\">", html, StringComparison.Ordinal);
        Assert.Contains("Oui", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Breakdowns_name_their_groups_in_the_language_and_coordinates_never_use_a_comma()
    {
        var html = await RenderAsync<GroupedBars>(new() { ["Indicator"] = Share, ["Language"] = "es", ["Breakdown"] = ChartBreakdown.Region });
        Assert.Contains("Por región: Europa 10 de 10; África 0 de 1", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("(x|y|width)=\"[0-9]+,[0-9]", html);
    }

    [Fact]
    public async Task A_choice_chart_has_one_bar_per_option_with_the_question_labels()
    {
        var question = new Question
        {
            Code = "investment_factors",
            Type = QuestionType.MultipleChoice,
            Title = new LocalizedText("Main factors"),
            Options = [new ChoiceOption("qualified_human_capital", new LocalizedText("Qualified human capital")), new ChoiceOption("tax_incentives", new LocalizedText("Tax incentives"))],
        };
        var choice = new ChoiceIndicator("investment_factors", 19, 1, [new OptionShare("qualified_human_capital", 11, 57.9m), new OptionShare("tax_incentives", 3, 15.8m)]);
        var html = await RenderAsync<ChoiceBars>(new() { ["Indicator"] = choice, ["Question"] = question, ["Language"] = "en" });
        Assert.Contains("Qualified human capital — 57.9% (11 of 19); Tax incentives — 15.8% (3 of 19)", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("<g ", StringSplitOptions.None).Length - 1);
    }
}
