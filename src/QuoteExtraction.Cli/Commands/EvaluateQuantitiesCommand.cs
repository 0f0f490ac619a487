using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using QuoteExtraction.Evaluation;

namespace QuoteExtraction.Cli.Commands;

/// <summary><c>quotex evaluate-quantities</c>: scores the quantity parser against NewsQuant-style JSON.</summary>
internal static class EvaluateQuantitiesCommand
{
    /// <summary>Builds the command.</summary>
    /// <param name="context">The streams to use.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        var newsquant = new Option<string>("--newsquant")
        {
            Description = "A NewsQuant JSON file: an array of {\"text\", \"quantities\": [{\"change\", \"value\", \"unit\", \"normalized_unit\"}]}.",
            HelpName = "FILE",
            Required = true,
        };
        var errors = new Option<bool>("--show-errors")
        {
            Description = "List every sentence with a missed gold quantity or a spurious prediction (value criterion).",
        };
        var command = new Command("evaluate-quantities", "Score quantity extraction (value, value+unit, value+change) against NewsQuant.") { newsquant, errors };
        command.SetAction(parseResult => Run(context, parseResult.GetValue(newsquant)!, parseResult.GetValue(errors)));
        return command;
    }

    private static int Run(CliContext context, string file, bool showErrors)
    {
        if (!Inputs.TryLoad(context, "quotex evaluate-quantities", () => QuantityEvaluator.ReadNewsQuant(file), out var sentences))
        {
            return ExitCodes.UsageError;
        }

        var clock = Stopwatch.StartNew();
        var report = QuantityEvaluator.Evaluate(sentences);
        var output = context.OutText;
        output.WriteLine($"corpus: {Path.GetFullPath(file)}");
        output.WriteLine();
        output.Write(report.Format());
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"time: {clock.Elapsed.TotalSeconds:0.00} s"));
        if (showErrors)
        {
            foreach (var error in report.Errors)
            {
                output.WriteLine();
                output.WriteLine(error);
            }
        }

        output.Flush();
        return ExitCodes.Success;
    }
}
