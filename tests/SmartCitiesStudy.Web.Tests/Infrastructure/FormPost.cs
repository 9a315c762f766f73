using System.Net;
using System.Text.RegularExpressions;

namespace SmartCitiesStudy.Web.Tests.Infrastructure;

/// <summary>Fills in and posts a server-rendered form the way a browser without JavaScript would.</summary>
public static partial class FormPost
{
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string pageUrl, IReadOnlyDictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(new Uri(pageUrl, UriKind.Relative));
        var values = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = Hidden(page, "__RequestVerificationToken"),
            ["_handler"] = Hidden(page, "_handler"),
        };
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(new Uri(pageUrl, UriKind.Relative), content);
    }

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password)
    {
        var response = await SubmitAsync(client, "/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        return response;
    }

    public static string Hidden(string html, string name)
    {
        var match = HiddenInput().Matches(html).FirstOrDefault(m => m.Groups["name"].Value == name)
            ?? throw new InvalidOperationException($"No hidden input '{name}' in the page.");
        return WebUtility.HtmlDecode(match.Groups["value"].Value);
    }

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*name=\"(?<name>[^\"]+)\"[^>]*value=\"(?<value>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenInput();
}
