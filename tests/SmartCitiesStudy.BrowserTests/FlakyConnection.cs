using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SmartCitiesStudy.BrowserTests;

/// <summary>
/// Sits between a page and the Blazor hub (Playwright's WebSocket routing) so a test can fail the connection the way
/// a bad network does: what the page sends is lost, the socket drops, reconnection attempts (WebSocket or SignalR's
/// HTTP fallbacks) fail until <see cref="Restore"/>. Set it up before the page opens its circuit.
/// </summary>
internal sealed partial class FlakyConnection
{
    private readonly List<IWebSocketRoute> _open = [];
    private volatile bool _down;
    private volatile bool _repliesLost;
    private readonly List<(IWebSocketFrame Frame, IWebSocketRoute To)> _held = [];
    private bool _holding;

    public static async Task<FlakyConnection> AttachAsync(IPage page)
    {
        var connection = new FlakyConnection();
        await page.RouteWebSocketAsync(BlazorHub(), connection.Route);

        // While down, SignalR's fallbacks over HTTP (negotiate, server-sent events, long polling) fail too.
        await page.RouteAsync(BlazorHub(), route => connection._down ? route.AbortAsync("internetdisconnected") : route.ContinueAsync());
        return connection;
    }

    /// <summary>From now on nothing the page sends reaches the server (the socket still looks open to the page).</summary>
    public void LoseMessages() => _down = true;

    /// <summary>From now on nothing the server sends reaches the page (what the page sends still arrives).</summary>
    public void LoseReplies() => _repliesLost = true;

    /// <summary>Drops the open sockets; the page sees the connection go and starts reconnecting, in vain until restored.</summary>
    public async Task DropAsync()
    {
        _down = true;
        IWebSocketRoute[] open;
        lock (_open)
        {
            open = [.. _open];
            _open.Clear();
        }

        foreach (var socket in open)
        {
            await socket.CloseAsync(new() { Code = 4000, Reason = "network lost (test)" });
        }
    }

    /// <summary>
    /// From now on what the server sends waits (in order) until <see cref="ReleaseReplies"/>, as on a slow link: the
    /// page's circuit connects but its first render does not arrive.
    /// </summary>
    public void HoldReplies()
    {
        lock (_held)
        {
            _holding = true;
        }
    }

    /// <summary>Delivers what the server sent while held, in order, and lets the rest through.</summary>
    public void ReleaseReplies()
    {
        lock (_held)
        {
            _holding = false;
            foreach (var (frame, to) in _held)
            {
                Forward(frame, to);
            }

            _held.Clear();
        }
    }

    /// <summary>The network is back: the next reconnection attempt goes through.</summary>
    public void Restore()
    {
        _down = false;
        _repliesLost = false;
    }

    private void Route(IWebSocketRoute page)
    {
        if (_down)
        {
            _ = page.CloseAsync(new() { Code = 4000, Reason = "network still down (test)" });
            return;
        }

        var server = page.ConnectToServer();
        lock (_open)
        {
            _open.Add(page);
        }

        page.OnMessage(frame =>
        {
            if (!_down)
            {
                Forward(frame, server);
            }
        });
        server.OnMessage(frame =>
        {
            if (_repliesLost)
            {
                return;
            }

            lock (_held)
            {
                if (_holding)
                {
                    _held.Add((frame, page));
                    return;
                }
            }

            Forward(frame, page);
        });
    }

    private static void Forward(IWebSocketFrame frame, IWebSocketRoute to)
    {
        if (frame.Binary is { } binary)
        {
            to.Send(binary);
        }
        else
        {
            to.Send(frame.Text ?? string.Empty);
        }
    }

    [GeneratedRegex("/_blazor")]
    private static partial Regex BlazorHub();
}
