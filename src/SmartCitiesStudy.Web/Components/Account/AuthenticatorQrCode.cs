using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Components;
using QRCoder;

namespace SmartCitiesStudy.Web.Components.Account;

/// <summary>
/// The QR code an authenticator app scans, drawn on the server as inline SVG: the shared key never leaves the site
/// (no CDN, no script) and the strict content security policy needs no exception.
/// </summary>
public static class AuthenticatorQrCode
{
    /// <summary>The <c>otpauth://</c> address authenticator apps understand (issuer, account, key, 6 digits).</summary>
    public static string Uri(string issuer, string account, string key) =>
        string.Create(CultureInfo.InvariantCulture, $"otpauth://totp/{System.Uri.EscapeDataString(issuer)}:{System.Uri.EscapeDataString(account)}?secret={key}&issuer={System.Uri.EscapeDataString(issuer)}&digits=6");

    /// <summary>One SVG path of dark modules over a white square, with <paramref name="label"/> as its accessible name.</summary>
    public static MarkupString Svg(string uri, string label)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var size = data.ModuleMatrix.Count; // includes the quiet zone
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                if (data.ModuleMatrix[y][x])
                {
                    path.Append(CultureInfo.InvariantCulture, $"M{x} {y}h1v1h-1z");
                }
            }
        }

        return new MarkupString(string.Create(CultureInfo.InvariantCulture,
            $"""<svg class="qr-code" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" width="220" height="220" role="img" aria-label="{WebUtility.HtmlEncode(label)}" shape-rendering="crispEdges"><rect width="{size}" height="{size}" fill="#fff"/><path d="{path}" fill="#000"/></svg>"""));
    }

    /// <summary>The key in groups of four letters, easier to type into an app by hand.</summary>
    public static string Grouped(string key) =>
        string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
}
