using QuoteExtraction.Cli.Jsonl;
using Spectre.Console;

namespace QuoteExtraction.Cli;

/// <summary>
/// The stderr progress bar. Kept in its own class so Spectre.Console is only loaded (and JIT-compiled) when
/// stderr is a terminal; piped and batch runs pay nothing for it.
/// </summary>
internal static class ProgressDisplay
{
    /// <summary>Runs <paramref name="work"/> while showing a progress bar of bytes read on stderr.</summary>
    /// <param name="totalBytes">The input size, or -1 when unknown (stdin).</param>
    /// <param name="work">The work; it gets a callback to report the bytes read so far.</param>
    /// <returns>What the work returned.</returns>
    public static JsonlStats Run(long totalBytes, Func<Action<long>, JsonlStats> work)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("extract", maxValue: totalBytes > 0 ? totalBytes : 1);
                task.IsIndeterminate = totalBytes <= 0;
                var stats = work(bytes => task.Value = totalBytes > 0 ? bytes : 0);
                task.IsIndeterminate = false;
                task.Value = task.MaxValue;
                return stats;
            });
    }
}
