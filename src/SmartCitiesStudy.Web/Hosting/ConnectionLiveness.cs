namespace SmartCitiesStudy.Web.Hosting;

/// <summary>
/// How soon each side of a Blazor connection decides the other is gone. SignalR's defaults (a ping every 15 s, 30 s
/// of silence) left an officer typing for half a minute on a dead connection before the reconnect notice showed.
/// The browser's side is in wwwroot/js/blazor-start.js and must match: its keep-alive below
/// <see cref="ClientTimeout"/> / 2, its server timeout above 2 × <see cref="KeepAlive"/>.
/// </summary>
public static class ConnectionLiveness
{
    /// <summary>How often the server pings an idle connection.</summary>
    public static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(3);

    /// <summary>How long the server waits for a word from the browser (which pings every 3 s) before closing.</summary>
    public static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(20);

    /// <summary>How long the browser waits for a word from the server before it reconnects (blazor-start.js).</summary>
    public static readonly TimeSpan ServerTimeout = TimeSpan.FromSeconds(10);
}
