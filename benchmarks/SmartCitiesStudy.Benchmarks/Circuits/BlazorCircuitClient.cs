using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace SmartCitiesStudy.Benchmarks.Circuits;

/// <summary>
/// One officer's browser, without a browser: signs in over HTTP, loads the response form, opens its Blazor circuit on
/// <c>/_blazor</c> as blazor.web.js does (StartCircuit, UpdateRootComponents with the page's prerendered markers,
/// every render batch acknowledged, every JavaScript call answered) and answers yes/no questions by dispatching the
/// radio input's event, timing each until the form's save indicator comes back to "saved".
/// </summary>
internal sealed partial class BlazorCircuitClient : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly Uri _baseUri;
    private readonly CookieContainer _cookies = new();
    private readonly HttpClient _http;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<(string? Value, string Event, ulong Id)>> _radios = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<long> _rendererInterop = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private HubConnection? _hub;
    private string? _circuitId;
    private TaskCompletionSource? _saved;
    private string? _savingCall;
    private bool _dispatched;
    private string _status = "saved";
    private long _nextJsObject;
    private long _nextCall;

    public BlazorCircuitClient(Uri baseUri)
    {
        _baseUri = baseUri;
        _http = new HttpClient(new SocketsHttpHandler { CookieContainer = _cookies, UseCookies = true }) { BaseAddress = baseUri, Timeout = Timeout };
    }

    /// <summary>Errors the server reported on the circuit (JS.Error, failed event dispatches).</summary>
    public List<string> Errors { get; } = [];

    /// <summary>Signs in through the login form (antiforgery token and form handler taken from the page).</summary>
    public async Task SignInAsync(string email, string password)
    {
        var page = await _http.GetStringAsync(new Uri("Account/Login", UriKind.Relative));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Hidden(page, "__RequestVerificationToken"),
            ["_handler"] = Hidden(page, "_handler"),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        using var response = await _http.PostAsync(new Uri("Account/Login", UriKind.Relative), form);
        if (!_cookies.GetCookies(_baseUri).Any(c => c.Name == "scs.auth"))
        {
            throw new InvalidOperationException($"Sign-in of {email} failed ({(int)response.StatusCode}).");
        }
    }

    /// <summary>Loads the page and starts its circuit; returns when the form is interactive (its backup attached).</summary>
    public async Task OpenAsync(string pagePath)
    {
        var pageUri = new Uri(_baseUri, pagePath);
        var html = await _http.GetStringAsync(pageUri);
        var markers = ServerMarker().Matches(html).Select(m => m.Groups["json"].Value).Where(j => j.Contains("\"type\":\"server\"", StringComparison.Ordinal)).ToList();
        if (markers.Count == 0)
        {
            throw new InvalidOperationException($"No interactive server component in {pagePath}.");
        }

        var state = ComponentState().Match(html) is { Success: true } s ? s.Groups["state"].Value : string.Empty;
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(_baseUri, "_blazor"), HttpTransportType.WebSockets, o =>
            {
                o.Cookies = _cookies;
                o.SkipNegotiation = true;
                o.ApplicationMaxBufferSize = 16 * 1024 * 1024;
                o.TransportMaxBufferSize = 16 * 1024 * 1024;
            });
        builder.Services.AddSingleton<IHubProtocol, BlazorPackProtocol>();
        _hub = builder.Build();
        _hub.ServerTimeout = Timeout;
        _hub.On<long, byte[]>("JS.RenderBatch", OnRenderBatch);
        _hub.On<long, string, string, int, long, int>("JS.BeginInvokeJS", OnBeginInvokeJS);
        _hub.On<string, bool, string?>("JS.EndInvokeDotNet", OnEndInvokeDotNet);
        _hub.On<string>("JS.Error", error => Fail("JS.Error: " + error));
        await _hub.StartAsync();

        _circuitId = await _hub.InvokeAsync<string?>("StartCircuit", _baseUri.ToString(), pageUri.ToString(), "[]", state);
        if (string.IsNullOrEmpty(_circuitId))
        {
            throw new InvalidOperationException("The server refused to start the circuit.");
        }

        var operations = string.Join(',', markers.Select((marker, i) => $$"""{"type":"add","ssrComponentId":{{i + 1}},"marker":{{marker}}}"""));
        await _hub.SendAsync("UpdateRootComponents", $$"""{"batchId":1,"operations":[{{operations}}]}""", state);
        await _ready.Task.WaitAsync(Timeout);
    }

    /// <summary>Answers a yes/no question and returns the time until the form shows it saved.</summary>
    public async Task<TimeSpan> AnswerYesNoAsync(string path, bool yes)
    {
        var hub = _hub ?? throw new InvalidOperationException("Not open.");
        var interop = await _rendererInterop.Task.WaitAsync(Timeout);
        (string? Value, string Event, ulong Id) radio;
        string call;
        var saved = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            var radios = _radios.GetValueOrDefault(path) ?? throw new InvalidOperationException($"No radio buttons for {path} in the form.");
            radio = radios.FirstOrDefault(r => string.Equals(r.Value, yes ? "true" : "false", StringComparison.OrdinalIgnoreCase));
            if (radio.Id == 0)
            {
                radio = radios[yes ? 0 : 1];
            }

            _saved = saved;
            _dispatched = false;
            _savingCall = (++_nextCall).ToString(CultureInfo.InvariantCulture);
            call = _savingCall;
        }

        var eventName = radio.Event[2..];
        object eventArgs = eventName == "change"
            ? new { value = radio.Value ?? "on" }
            : new { type = eventName, detail = 1, button = 0, buttons = 0, ctrlKey = false, shiftKey = false, altKey = false, metaKey = false };
        var descriptor = new { eventHandlerId = radio.Id, eventName, eventFieldInfo = (object?)null };
        var started = Stopwatch.GetTimestamp();
        if (JavaScriptAnswers.Trace)
        {
            Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} dispatch {eventName} to {radio.Id} for {path}");
        }

        await hub.SendAsync("BeginInvokeDotNetFromJS", call, null, "DispatchEventAsync", interop, JsonSerializer.Serialize(new[] { descriptor, eventArgs }));
        await saved.Task.WaitAsync(Timeout);
        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>Closes the circuit as a leaving page does (the disconnect beacon), so the server frees it at once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_circuitId is not null)
        {
            using var form = new MultipartFormDataContent { { new StringContent(_circuitId), "circuitId" } };
            using var response = await _http.PostAsync(new Uri("_blazor/disconnect", UriKind.Relative), form);
        }

        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }

        _http.Dispose();
    }

    private static string Hidden(string html, string name) =>
        HiddenInput().Matches(html).Where(m => m.Groups["name"].Value == name).Select(m => WebUtility.HtmlDecode(m.Groups["value"].Value)).FirstOrDefault()
        ?? throw new InvalidOperationException($"No hidden field {name} on the login page.");

    private void OnRenderBatch(long batchId, byte[] batch)
    {
        var frames = RenderBatchReader.ReferenceFrames(batch);
        if (JavaScriptAnswers.Trace)
        {
            Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} batch {batchId}: {batch.Length} bytes, {frames.Count} frames " +
                string.Join(' ', frames.Where(f => f.Type == BatchFrameType.Attribute && f.Name!.StartsWith("data-", StringComparison.Ordinal)).Select(f => f.Name + "=" + f.Value).Distinct().Take(8)));
        }

        var disposed = RenderBatchReader.DisposedEventHandlerIds(batch);
        lock (_gate)
        {
            // A radio whose handler the server dropped (its component re-created) is forgotten until it is rendered again.
            foreach (var gone in _radios.Where(r => r.Value.Exists(radio => disposed.Contains(radio.Id))).Select(r => r.Key).ToList())
            {
                _radios.Remove(gone);
            }

            foreach (var element in RenderBatchReader.Elements(frames))
            {
                if (element.Name == "input" && element.Attributes.GetValueOrDefault("type") == "radio" && element.Attributes.GetValueOrDefault("name") is { } name
                    && element.Events.FirstOrDefault(e => e.Key is "onchange" or "onclick") is { Value: not 0 } handler)
                {
                    if (!_radios.TryGetValue(name, out var list) || list.Count >= 2)
                    {
                        _radios[name] = list = [];
                    }

                    list.Add((element.Attributes.GetValueOrDefault("value"), handler.Key, handler.Value));
                }
            }

            foreach (var frame in frames.Where(f => f.Type == BatchFrameType.Attribute))
            {
                switch (frame.Name, frame.Value)
                {
                    case ("data-ready", "true"):
                        _ready.TrySetResult();
                        break;
                    case ("data-save-status", { } status):
                        _status = status;
                        break;
                }
            }

            CheckSaved();
        }

        _ = _hub!.SendAsync("OnRenderCompleted", batchId, null);
    }

    private void OnBeginInvokeJS(long asyncHandle, string identifier, string argsJson, int resultType, long targetInstanceId, int callType)
    {
        object? result = null;
        if (identifier.EndsWith("attachWebRendererInterop", StringComparison.Ordinal))
        {
            using var args = JsonDocument.Parse(argsJson);
            _rendererInterop.TrySetResult(args.RootElement[1].GetProperty("__dotNetObject").GetInt64());
        }
        else if (resultType == 1)
        {
            result = new Dictionary<string, long> { ["__jsObjectId"] = Interlocked.Increment(ref _nextJsObject) };
        }
        else
        {
            result = JavaScriptAnswers.For(identifier);
        }

        if (asyncHandle != 0)
        {
            var reply = JsonSerializer.Serialize(new[] { asyncHandle, true, result });
            _ = _hub!.SendAsync("EndInvokeJSFromDotNet", asyncHandle, true, reply);
        }
    }

    private void OnEndInvokeDotNet(string callId, bool success, string? result)
    {
        if (!success)
        {
            Fail($"Dispatch {callId} failed: {result}");
            return;
        }

        lock (_gate)
        {
            _dispatched |= callId == _savingCall;
            CheckSaved();
        }
    }

    // Saved when the event's handler has finished on the server and the indicator (as last rendered) says "saved". A
    // save that waits for the database renders "saving" before its handler finishes (the renderer sends pending
    // batches before the dispatch's reply), so the indicator has to come back; one that completes synchronously
    // (SQLite) never leaves "saved".
    private void CheckSaved()
    {
        if (_saved is null)
        {
            return;
        }

        if (_status is "offline" or "conflict")
        {
            _saved.TrySetException(new InvalidOperationException("The form says " + _status));
        }
        else if (_dispatched && _status == "saved")
        {
            _saved.TrySetResult();
        }
    }

    private void Fail(string error)
    {
        lock (_gate)
        {
            Errors.Add(error);
            _saved?.TrySetException(new InvalidOperationException(error));
        }
    }

    [GeneratedRegex("<!--Blazor:(?<json>\\{.*?\\})-->", RegexOptions.Singleline)]
    private static partial Regex ServerMarker();

    [GeneratedRegex("<!--Blazor-Server-Component-State:(?<state>[A-Za-z0-9+/=]+)-->")]
    private static partial Regex ComponentState();

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*name=\"(?<name>[^\"]+)\"[^>]*value=\"(?<value>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenInput();
}
