using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace QuoteExtraction.Benchmarks.Infrastructure;

/// <summary>
/// "MB/s": corpus UTF-16 code units / 1e6 / mean seconds per operation. Every benchmark processes the whole corpus
/// once per operation, so this is the rate at which that stage alone gets through news text.
/// </summary>
internal sealed class ThroughputColumn : IColumn
{
    public static readonly ThroughputColumn Instance = new();

    public string Id => nameof(ThroughputColumn);

    public string ColumnName => "MB/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Statistics;

    public int PriorityInCategory => 100;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Corpus throughput: UTF-16 chars of the whole news corpus / 1e6 / mean seconds per operation";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        if (mean is not > 0)
        {
            return "NA";
        }

        // Computed in the host process, which loads the corpus only to count it (the benchmarks run in a child process).
        var rate = NewsCorpus.Shared.MegaChars / (mean.Value / 1e9);
        return rate.ToString(rate >= 100 ? "N0" : "N1", CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public override string ToString() => ColumnName;
}
