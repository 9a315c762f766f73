using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.Notices;
using SmartCitiesStudy.Application.Features.Reports;
using SmartCitiesStudy.Application.Features.Responses;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Web.Localization;

namespace SmartCitiesStudy.Web.Features.Responses;

/// <summary>
/// Prints a response's answers (the print view's component, <see cref="ResponseAnswersDocument"/>) to PDF in a
/// language, for the submission receipt. Called by the outbox's background job, never on a circuit.
/// </summary>
public sealed class ResponseAnswersPdf(OpenResponse openResponse, IPdfPrinter printer, IServiceScopeFactory scopes, ILoggerFactory loggerFactory, TimeProvider clock) : IAttachmentRenderer
{
    public string Kind => ReceiptAttachment.Kind;

    public async Task<byte[]?> RenderAsync(string key, CancellationToken cancellationToken)
    {
        if (!ReceiptAttachment.TryParseKey(key, out var responseId, out var language))
        {
            return null;
        }

        var session = await openResponse.ByIdAsync(StudyUser.System, responseId, cancellationToken);
        if (session is null)
        {
            return null;
        }

        var culture = CultureInfo.GetCultureInfo(StudyCultures.IsSupported(language) ? language : StudyCultures.Default);
        var html = await RenderHtmlAsync(session, culture);
        return await printer.PrintAsync(html, PdfPrintOptions.Default, cancellationToken);
    }

    private async Task<string> RenderHtmlAsync(ResponseSession session, CultureInfo culture)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggerFactory);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            // The localizer and the dates follow the current culture: the recipient's language for this render.
            var (ui, formats) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = culture;
            try
            {
                var output = await renderer.RenderComponentAsync<ResponseAnswersDocument>(ParameterView.FromDictionary(new Dictionary<string, object?>
                {
                    [nameof(ResponseAnswersDocument.Session)] = session,
                    [nameof(ResponseAnswersDocument.Language)] = culture.TwoLetterISOLanguageName,
                    [nameof(ResponseAnswersDocument.PrintedAt)] = clock.GetUtcNow(),
                }));
                return output.ToHtmlString();
            }
            finally
            {
                (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, formats);
            }
        });
    }
}
