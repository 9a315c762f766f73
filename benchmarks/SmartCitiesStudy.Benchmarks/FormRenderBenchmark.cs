using System.Diagnostics;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.JSInterop;
using MudBlazor.Services;
using SmartCitiesStudy.Domain.Answers;
using SmartCitiesStudy.Web.Features.Questionnaires.Form;

namespace SmartCitiesStudy.Benchmarks;

/// <summary>Server-side render time of the officer form showing a 200-question section (the largest a city meets).</summary>
internal static class FormRenderBenchmark
{
    public static async Task RunAsync(ResultTable table)
    {
        var definition = SyntheticQuestionnaire.Create("bench", 200);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMudServices();
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddSingleton<IJSRuntime, NoJavaScript>();
        services.AddSingleton<NavigationManager, StaticNavigation>();
        await using var provider = services.BuildServiceProvider();
        await using var renderer = new HtmlRenderer(provider, NullLoggerFactory.Instance);

        var answers = definition.Questions.Where((_, i) => i % 2 == 0)
            .ToDictionary(q => q.Code, q => q.Type == Domain.Questionnaires.QuestionType.YesNo ? AnswerValue.Yes : AnswerValue.Empty);

        async Task<(double Ms, int Length)> RenderOnceAsync()
        {
            var state = new FormState(definition, "en", readOnly: false);
            state.Load(answers);
            var watch = Stopwatch.StartNew();
            var html = await renderer.Dispatcher.InvokeAsync(async () =>
                (await renderer.RenderComponentAsync<QuestionnaireForm>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["State"] = state }))).ToHtmlString());
            return (watch.Elapsed.TotalMilliseconds, html.Length);
        }

        var (cold, length) = await RenderOnceAsync();
        var warm = new List<double>();
        for (var i = 0; i < 30; i++)
        {
            warm.Add((await RenderOnceAsync()).Ms);
        }

        warm.Sort();
        table.Add("form: 200-question section, first render", cold, 1000);
        table.Add("form: 200-question section, warm p50", ResultTable.Percentile(warm, 50), 1000);
        table.Add("form: 200-question section, warm p95", ResultTable.Percentile(warm, 95), 1000);
        table.Note("form: HTML size of the section", $"{length / 1024} KiB");
    }

    private sealed class NoJavaScript : IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => ValueTask.FromResult(default(TValue)!);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) => ValueTask.FromResult(default(TValue)!);
    }

    private sealed class StaticNavigation : NavigationManager
    {
        public StaticNavigation() => Initialize("http://localhost/", "http://localhost/portal/editions/bench/response");
    }
}
