using BenchmarkDotNet.Running;
using QuoteExtraction.Benchmarks.Infrastructure;

namespace QuoteExtraction.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/QuoteExtraction.Benchmarks -- --filter '*'</c> runs BenchmarkDotNet
/// (any of its options work); <c>-- --quick [--rounds N]</c> times every benchmark with a Stopwatch instead.
/// </summary>
internal static class Program
{
    private static readonly string[] InfoOptions = ["--list", "-h", "--help", "-?", "--version", "--info"];

    private static int Main(string[] args)
    {
        if (args.Contains("--quick"))
        {
            return QuickRun.Run(args);
        }

        if (!args.Any(a => InfoOptions.Contains(a, StringComparer.OrdinalIgnoreCase)))
        {
            // Fail fast, before BenchmarkDotNet builds and launches anything.
            try
            {
                Console.WriteLine($"News corpus: {NewsCorpus.Locate()}");
            }
            catch (FileNotFoundException ex)
            {
                Console.Error.WriteLine($"error: {ex.Message}");
                return 2;
            }
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
