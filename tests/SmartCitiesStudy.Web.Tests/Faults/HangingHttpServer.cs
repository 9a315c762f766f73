using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SmartCitiesStudy.Web.Tests.Faults;

/// <summary>
/// A loopback HTTP server that holds every connection open without answering (so a page loading an image from it
/// never finishes loading) until <see cref="Release"/>; after that it answers 404 at once.
/// </summary>
internal sealed class HangingHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> _held = [];
    private readonly CancellationTokenSource _stop = new();
    private volatile bool _released;
    private int _accepted;

    public HangingHttpServer()
    {
        _listener.Start();
        _ = AcceptAsync();
    }

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/image.png");

    /// <summary>Connections accepted so far (a render in progress has asked for the image).</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    public void Release() => _released = true;

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                Interlocked.Increment(ref _accepted);
                if (_released)
                {
                    _ = AnswerNotFoundAsync(client);
                }
                else
                {
                    lock (_held)
                    {
                        _held.Add(client);
                    }
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopped.
        }
    }

    private static async Task AnswerNotFoundAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var buffer = new byte[4096];
                _ = await stream.ReadAsync(buffer);
                await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
            }
            catch (IOException)
            {
                // The browser went away.
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        lock (_held)
        {
            foreach (var client in _held)
            {
                client.Dispose();
            }
        }

        _stop.Dispose();
    }
}
