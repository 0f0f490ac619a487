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
        };
        var misses = new Option<bool>("--show-misses")
        {
            Description = "List the gold quotations not found and the emitted quotations outside every gold attribution.",
        };
        var corpus = new Option<string?>("--corpus")
        {
            Description = "A JSONL training corpus (see README: one {\"id\", \"text\", \"quotes\": [...]} per line) instead of --polnear.",
            HelpName = "FILE.jsonl",
        };
        var model = ModelOption.Create();
        var command = new Command("evaluate", "Score quotation spans, speakers and cues against an annotated corpus.") { polnear, corpus, model, misses };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(polnear) is null) == (result.GetValue(corpus) is null))
            {
                result.AddError("Give exactly one of --polnear DIR or --corpus FILE.jsonl.");
            }
        });
        command.SetAction(parseResult =>
            ModelOption.TryCreateExtractor(context, parseResult.GetValue(model), out var extractor)
                ? Run(context, parseResult.GetValue(polnear), parseResult.GetValue(corpus), extractor, parseResult.GetValue(misses))
                : ExitCodes.UsageError);
        return command;
    }

    private static int Run(CliContext context, string? directory, string? corpusFile, QuoteExtractor extractor, bool showMisses)
    {
        if (!Inputs.TryLoad(context, "quotex evaluate", () => directory is not null ? PolNear.ReadSplit(directory) : JsonlCorpus.Read(corpusFile!), out var documents))
        {
            return ExitCodes.UsageError;
        }

        var clock = Stopwatch.StartNew();
        var report = QuoteSpanEvaluator.Evaluate(documents, extractor);
        var attribution = AttributionEvaluator.Evaluate(documents, extractor);
        var output = context.OutText;
        output.WriteLine($"corpus: {Path.GetFullPath(directory ?? corpusFile!)}");
        output.WriteLine($"model: {DescribeModel(extractor)}");
        output.WriteLine();
        output.WriteLine("quotation spans");
        output.Write(report.Format());
        output.WriteLine();
        output.WriteLine("attribution (quotations in quote marks matched to a gold attribution)");
        output.Write(attribution.Format());
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

    private static string DescribeModel(QuoteExtractor extractor)
    {
        var model = extractor.Options.AttributionModel ?? Attribution.AttributionModel.Default;
        return model is null ? "none" : $"{model.Manifest.Trainer}, seed {model.Manifest.Seed}, trained on {model.Manifest.Corpus}";
    }
}
