using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SmartCitiesStudy.Application.Features.Reports;
using SmartCitiesStudy.Reports.Factsheet;
using SmartCitiesStudy.Reports.Study;

namespace SmartCitiesStudy.Reports;

/// <summary>Renders the report components to HTML strings with Blazor's <see cref="HtmlRenderer"/> (a few milliseconds).</summary>
public sealed class ReportHtml(IServiceScopeFactory scopes, ILoggerFactory loggerFactory) : IReportHtml
{
    public Task<string> StudyAsync(StudyReportModel model, ReportHtmlOptions options) =>
        RenderAsync<StudyReport>(new Dictionary<string, object?> { [nameof(StudyReport.Model)] = model, [nameof(StudyReport.Options)] = options });

    public Task<string> FactsheetAsync(CityFactsheetModel model) =>
        RenderAsync<CityFactsheet>(new Dictionary<string, object?> { [nameof(CityFactsheet.Model)] = model });

    private async Task<string> RenderAsync<TComponent>(Dictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        // A scope per render: the renderer resolves scoped services (the web app validates scopes).
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggerFactory);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters));
            return output.ToHtmlString();
        });
    }
}
