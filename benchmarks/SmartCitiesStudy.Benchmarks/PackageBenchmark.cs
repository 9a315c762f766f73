using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Application.Features.DataPackages;

namespace SmartCitiesStudy.Benchmarks;

/// <summary>
/// The data package (ADR 0029) of a published edition of many cities (default 10,000 approved responses × 50
/// questions), written to a stream that only counts bytes, as the API streams it. Reports time (goal under 15 s),
/// then the live managed heap's peak above the level before, which stays flat when responses are streamed.
/// </summary>
internal static class PackageBenchmark
{
    public static async Task RunAsync(ResultTable table, IServiceProvider provider, int cities, int questions)
    {
        var generate = Stopwatch.StartNew();
        var code = await SyntheticStudy.CreateAsync(provider, cities, questions);
        await PublishAsync(provider, code);
        table.Note($"package: generate {cities:N0} responses × {questions} questions", $"{generate.Elapsed.TotalSeconds:0.0} s");
        var build = provider.GetRequiredService<BuildDataPackage>();

        async Task<(long Size, DataPackageCounts Counts)> WriteAsync()
        {
            var output = new CountingStream();
            var counts = await DataPackageZip.WriteAsync((await build.PrepareAsync(code, new Uri("https://study.example.org/editions/" + code)))!, output);
            return (output.Length, counts);
        }

        var watch = Stopwatch.StartNew();
        var (size, counts) = await WriteAsync();
        watch.Stop();
        table.Note("package: rows (responses / indicators / questions / cities)", $"{counts.Responses:N0} / {counts.Indicators:N0} / {counts.Questions:N0} / {counts.Cities:N0}");
        table.Add($"package: {cities:N0} cities to ZIP", watch.Elapsed.TotalMilliseconds, 15_000);

        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var peak = baseline;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
                await Task.Delay(100, CancellationToken.None);
            }
        });
        await WriteAsync();
        await stop.CancelAsync();
        await sampler;
        table.Note(
            "package: ZIP size / live heap peak above baseline",
            string.Create(CultureInfo.InvariantCulture, $"{size / 1048576.0:0.0} MiB / {(peak - baseline) / 1048576.0:0.0} MiB"));
    }

    private static async Task PublishAsync(IServiceProvider provider, string code)
    {
        await using var db = await provider.GetRequiredService<IStudyDbContextFactory>().CreateAsync();
        var edition = await db.Editions.SingleAsync(e => e.Code == code);
        var now = DateTimeOffset.UtcNow;
        edition.Open(now);
        edition.Close(now);
        edition.Publish(now);
        await db.SaveChangesAsync();
    }

    private sealed class CountingStream : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Position;

        public override long Position { get; set; }

        public override void Write(byte[] buffer, int offset, int count) => Position += count;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Position += buffer.Length;
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
