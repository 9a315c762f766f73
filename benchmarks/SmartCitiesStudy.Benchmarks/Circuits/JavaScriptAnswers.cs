namespace SmartCitiesStudy.Benchmarks.Circuits;

/// <summary>
/// What the load generator answers to the page's JavaScript calls, as a browser would for a fresh profile: the
/// answer backup has nothing pending and no remembered section; everything else returns nothing.
/// </summary>
internal static class JavaScriptAnswers
{
    /// <summary>Set SCS_CIRCUITS_TRACE=1 to print every call the server makes (to see what a new page needs).</summary>
    public static readonly bool Trace = Environment.GetEnvironmentVariable("SCS_CIRCUITS_TRACE") == "1";

    public static object? For(string identifier)
    {
        if (Trace)
        {
            Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} JS call: {identifier}");
        }

        return identifier switch
        {
            "pending" => Array.Empty<object>(),
            _ => null,
        };
    }
}
