using System.Globalization;
using SmartCitiesStudy.Application.Abstractions;

namespace SmartCitiesStudy.Application.Features.Notices;

/// <summary>
/// The submission receipt's attachment: the city's answers as PDF (the response's print view, printed), in the
/// officer's language. Queued with the receipt and rendered by the outbox's background job.
/// </summary>
public static class ReceiptAttachment
{
    public const string Kind = "response-answers";

    public static AttachmentToRender For(int responseId, string language, string editionCode) =>
        new(string.Create(CultureInfo.InvariantCulture, $"answers-{editionCode}.pdf"), "application/pdf", Kind, string.Create(CultureInfo.InvariantCulture, $"{responseId}/{language}"));

    public static bool TryParseKey(string key, out int responseId, out string language)
    {
        language = "en";
        var parts = (key ?? string.Empty).Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out responseId))
        {
            responseId = 0;
            return false;
        }

        language = parts[1];
        return true;
    }
}
