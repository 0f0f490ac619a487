using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using QuoteExtraction.Corpora;
using QuoteExtraction.Evaluation;

namespace QuoteExtraction.Cli.Commands;

/// <summary><c>quotex evaluate</c>: scores the extractor against an annotated corpus (PolNeAR brat standoff).</summary>
internal static class EvaluateCommand
{
    /// <summary>Builds the command.</summary>
    /// <param name="context">The streams to use.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        var polnear = new Option<string>("--polnear")
        {
            Description = "A PolNeAR split folder holding text/ and attributions/ (for example ../shared/data/polnear/data/dev).",
            HelpName = "DIR",
            Required = true,
        };
        var misses = new Option<bool>("--show-misses")
        {
            Description = "List the gold quotations not found and the emitted quotations outside every gold attribution.",
        };
        var command = new Command("evaluate", "Score quotation spans against an annotated corpus.") { polnear, misses };
        command.SetAction(parseResult => Run(context, parseResult.GetValue(polnear)!, parseResult.GetValue(misses)));
        return command;
    }

    private static int Run(CliContext context, string directory, bool showMisses)
    {
        IReadOnlyList<AnnotatedDocument> documents;
        try
        {
            documents = PolNear.ReadSplit(directory);
        }
        catch (Exception ex) when (ex is DirectoryNotFoundException or CorpusFormatException or IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"quotex evaluate: {ex.Message}");
            return ExitCodes.UsageError;
        }

        var clock = Stopwatch.StartNew();
        var report = QuoteSpanEvaluator.Evaluate(documents, QuoteExtractor.Default);
        var output = context.OutText;
        output.WriteLine($"corpus: {Path.GetFullPath(directory)}");
        output.Write(report.Format());
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"time: {clock.Elapsed.TotalSeconds:0.00} s"));
        if (showMisses)
        {
            foreach (var miss in report.Misses)
            {
                output.WriteLine($"MISS {miss}");
            }

            foreach (var outside in report.Outside)
            {
                output.WriteLine($"OUTSIDE {outside}");
            }
        }

        output.Flush();
        return ExitCodes.Success;
    }
}
