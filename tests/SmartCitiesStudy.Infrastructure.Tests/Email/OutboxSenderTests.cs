using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Domain.Email;
using SmartCitiesStudy.Infrastructure.Email;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Infrastructure.Tests.Email;

public sealed class OutboxSenderTests
{
    /// <summary>Records what it was asked to send; refuses addresses at fail.example.</summary>
    private sealed class FakeTransport : IEmailTransport
    {
        public ConcurrentBag<long> Sent { get; } = [];

        public bool IsConfigured { get; init; } = true;

        public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            await Task.Delay(5, cancellationToken);
            if (message.To.EndsWith("@fail.example", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("550 mailbox unavailable");
            }

            Sent.Add(message.Id);
        }
    }

    private static async Task QueueAsync(TestDatabase database, int count, string domain = "example.org")
    {
        await using var db = database.CreateContext();
        for (var i = 0; i < count; i++)
        {
            db.OutboxMessages.Add(new OutboxMessage($"person{i}@{domain}", "Subject", "Body", null, DateTimeOffset.UtcNow.AddSeconds(-1)));
        }

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Two_senders_running_at_once_send_each_message_exactly_once()
    {
        await using var database = await TestDatabase.CreateAsync();
        var transport = new FakeTransport();
        await using var services = database.CreateServices(s => s.AddSingleton<IEmailTransport>(transport));
        await QueueAsync(database, 45);
        var first = ActivatorUtilities.CreateInstance<OutboxSender>(services);
        var second = ActivatorUtilities.CreateInstance<OutboxSender>(services);

        var total = 0;
        for (var round = 0; round < 10; round++)
        {
            var sent = await Task.WhenAll(first.SendDueAsync(TestContext.Current.CancellationToken), second.SendDueAsync(TestContext.Current.CancellationToken));
            total += sent.Sum();
        }

        Assert.Equal(45, total);
        Assert.Equal(45, transport.Sent.Count);
        Assert.Equal(45, transport.Sent.Distinct().Count());
        await using var db = database.CreateContext();
        Assert.True(await db.OutboxMessages.AllAsync(m => m.SentAt != null && m.Attempts == 1 && m.LockedBy == null, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_failure_is_recorded_and_retried_later_and_without_a_host_mail_stays_queued()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        var transport = new FakeTransport();
        await using var services = database.CreateServices(s => s.AddSingleton<IEmailTransport>(transport));
        await QueueAsync(database, 1, "fail.example");
        var sender = ActivatorUtilities.CreateInstance<OutboxSender>(services);

        Assert.Equal(0, await sender.SendDueAsync(ct));
        Assert.Equal(0, await sender.SendDueAsync(ct)); // not due again yet
        await using (var db = database.CreateContext())
        {
            var message = await db.OutboxMessages.SingleAsync(ct);
            Assert.Equal(1, message.Attempts);
            Assert.Null(message.SentAt);
            Assert.Equal("550 mailbox unavailable", message.LastError);
            Assert.True(message.NextAttemptAt > DateTimeOffset.UtcNow.AddSeconds(50));
        }

        var unconfigured = new FakeTransport { IsConfigured = false };
        await using var quiet = database.CreateServices(s => s.AddSingleton<IEmailTransport>(unconfigured));
        await QueueAsync(database, 2);
        Assert.Equal(0, await ActivatorUtilities.CreateInstance<OutboxSender>(quiet).SendDueAsync(ct));
        Assert.Empty(unconfigured.Sent);
    }
}
