// Starts Blazor (blazor.web.js is loaded with autostart="false"). The server pings every 3 s
// (Hosting/ConnectionLiveness.cs): 10 s without a word means the connection is gone, and the reconnect notice shows
// then rather than after SignalR's default 30 s.
Blazor.start({
    circuit: {
        configureSignalR: (builder) => {
            builder.withServerTimeout(10000).withKeepAliveInterval(3000);
        },
    },
});
