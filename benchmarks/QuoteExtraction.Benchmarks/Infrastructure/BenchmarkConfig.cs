using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace QuoteExtraction.Benchmarks.Infrastructure;

/// <summary>
/// Short runs for a shared 2-core machine: one launch, one warm-up and five measured iterations of about 200 ms or one
/// operation, whichever is longer (each operation processes the whole 23.9 MB corpus); plus the MB/s column, the ratio
/// to the baseline and allocations.
/// </summary>
internal sealed class BenchmarkConfig : ManualConfig
{
    public BenchmarkConfig()
    {
        AddJob(Job.Default
            .WithId("Short")
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(5)
            .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(200))
            .WithUnrollFactor(1)); // Slow operations (up to ~1 s) run once per iteration; fast ones are repeated up to ~200 ms.
        AddColumn(ThroughputColumn.Instance);
        AddDiagnoser(MemoryDiagnoser.Default);
        HideColumns(Column.Error, Column.StdDev, Column.RatioSD, Column.Gen0, Column.Gen1, Column.Gen2);
        Orderer = new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared);
    }
}
