using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Exports;

namespace SmartCitiesStudy.Benchmarks;

/// <summary>
/// Export of a large edition (default 100,000 approved responses × 50 questions) to CSV and XLSX, written to a stream
/// that only counts bytes, as the API streams to a client. Reports time, then (in a second pass) the live managed
/// heap's peak above the level before the export, which stays flat when rows are streamed rather than collected.
/// </summary>
internal static class ExportBenchmark
{
    public static async Task RunAsync(ResultTable table, IServiceProvider provider, int responses, int questions)
    {
        var generate = Stopwatch.StartNew();
        var code = await SyntheticStudy.CreateAsync(provider, responses, questions);
        table.Note($"export: generate {responses:N0} responses × {questions} questions", $"{generate.Elapsed.TotalSeconds:0.0} s");
        var export = provider.GetRequiredService<ExportApprovedResponses>();

        await MeasureAsync(table, "CSV", responses, async output => await ResponseTableCsv.WriteAsync((await export.ExecuteAsync(code))!, output));
        await MeasureAsync(table, "XLSX", responses, async output => await ResponseTableXlsx.WriteAsync((await export.ExecuteAsync(code))!, output));
    }

    private static async Task MeasureAsync(ResultTable table, string format, int responses, Func<Stream, Task> write)
    {
        // First pass: time alone.
        var output = new CountingStream();
        var watch = Stopwatch.StartNew();
        await write(output);
        watch.Stop();
        table.Add($"export: {responses:N0} responses to {format}", watch.Elapsed.TotalMilliseconds, 10_000);

        // Second pass: the live heap (after a full collection, every 100 ms) against the level before, so garbage
        // waiting for the next collection does not count: flat means rows are streamed, not collected.
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
        await write(new CountingStream());
        await stop.CancelAsync();
        await sampler;
        table.Note($"export: {format} size / live heap peak above baseline",
            string.Create(CultureInfo.InvariantCulture, $"{output.Length / 1048576.0:0.0} MiB / {(peak - baseline) / 1048576.0:0.0} MiB"));
    }

    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
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
