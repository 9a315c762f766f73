using System.Collections.Concurrent;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Domain.Email;
using SmartCitiesStudy.Infrastructure.Email;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Infrastructure.Tests.Email;

/// <summary>
/// Attachments (the receipt's answers as PDF) are rendered by the outbox's background round, and a message is sent
/// only once its attachments exist, with them; a render that keeps failing lets the message go without it.
/// </summary>
public sealed class OutboxAttachmentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class RecordingTransport : IEmailTransport
    {
        public ConcurrentDictionary<string, IReadOnlyList<(string Name, string Type, byte[]? Content)>> Sent { get; } = new();

        public bool IsConfigured => true;

        public Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            Sent[message.To] = [.. message.Attachments.Select(a => (a.FileName, a.ContentType, a.Content))];
            return Task.CompletedTask;
        }
    }

    private sealed class FakePdf(bool fail) : IAttachmentRenderer
    {
        public int Calls;

        public string Kind => "answers";

        public Task<byte[]?> RenderAsync(string key, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Calls);
            return fail ? throw new InvalidOperationException("Chromium is gone") : Task.FromResult<byte[]?>(Encoding.ASCII.GetBytes("%PDF " + key));
        }
    }

    private static async Task QueueAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var receipt = new OutboxMessage("ane@bilbao.example", "Receipt", "Body", null, DateTimeOffset.UtcNow.AddSeconds(-1));
        receipt.Attach(OutboxAttachment.ToRender("answers-2026.pdf", "application/pdf", "answers", "42/es"));
        db.OutboxMessages.Add(receipt);
        db.OutboxMessages.Add(new OutboxMessage("jon@bilbao.example", "Plain", "Body", null, DateTimeOffset.UtcNow.AddSeconds(-1)));
        await db.SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task A_message_waits_for_its_pdf_which_the_background_round_renders_then_goes_with_it()
    {
        await using var database = await TestDatabase.CreateAsync();
        var transport = new RecordingTransport();
        var pdf = new FakePdf(fail: false);
        await using var services = database.CreateServices(s => s.AddSingleton<IEmailTransport>(transport).AddSingleton<IAttachmentRenderer>(pdf));
        await QueueAsync(database);
        var sender = services.GetRequiredService<OutboxSender>();
        var renderer = services.GetRequiredService<OutboxAttachmentRenderer>();

        Assert.Equal(1, await sender.SendDueAsync(Ct)); // the plain one; the receipt waits for its PDF
        Assert.Equal(["jon@bilbao.example"], transport.Sent.Keys);

        Assert.Equal(1, await renderer.RenderDueAsync(Ct));
        Assert.Equal(0, await renderer.RenderDueAsync(Ct)); // rendered once
        Assert.Equal(1, await sender.SendDueAsync(Ct));
        var (name, type, content) = Assert.Single(transport.Sent["ane@bilbao.example"]);
        Assert.Equal(("answers-2026.pdf", "application/pdf", "%PDF 42/es"), (name, type, Encoding.ASCII.GetString(content!)));
        Assert.Equal(1, pdf.Calls);
    }

    [Fact]
    public async Task A_render_that_keeps_failing_is_dropped_and_the_message_goes_without_it()
    {
        await using var database = await TestDatabase.CreateAsync();
        var transport = new RecordingTransport();
        var pdf = new FakePdf(fail: true);
        await using var services = database.CreateServices(s => s.AddSingleton<IEmailTransport>(transport).AddSingleton<IAttachmentRenderer>(pdf));
        await QueueAsync(database);
        var sender = services.GetRequiredService<OutboxSender>();
        var renderer = services.GetRequiredService<OutboxAttachmentRenderer>();

        for (var round = 1; round <= OutboxAttachment.MaxRenderAttempts; round++)
        {
            Assert.Equal(0, await renderer.RenderDueAsync(Ct));
            Assert.False(transport.Sent.ContainsKey("ane@bilbao.example") && round < OutboxAttachment.MaxRenderAttempts);
            await sender.SendDueAsync(Ct);
        }

        Assert.Equal(OutboxAttachment.MaxRenderAttempts, pdf.Calls);
        Assert.Empty(transport.Sent["ane@bilbao.example"]);
        await using var db = database.CreateContext();
        Assert.False(await db.Set<OutboxAttachment>().AnyAsync(Ct));
    }
}
