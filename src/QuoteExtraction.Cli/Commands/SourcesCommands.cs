using System.CommandLine;
using QuoteExtraction.Corpora;
using QuoteExtraction.Sources;

namespace QuoteExtraction.Cli.Commands;

/// <summary><c>quotex train-sources</c> and <c>quotex evaluate-sources</c>: the medium classifier of source attribution.</summary>
internal static class SourcesCommands
{
    /// <summary>Builds <c>train-sources</c>.</summary>
    /// <param name="context">The streams.</param>
    /// <returns>The command.</returns>
    public static Command CreateTrain(CliContext context)
    {
        var examples = new Option<string>("--examples") { Description = "Source-annotated passages (models/sources/venue-examples.jsonl format).", HelpName = "FILE.jsonl", Required = true };
        var polnear = new Option<string?>("--polnear") { Description = "A PolNeAR split for silver labels derived from cues (optional).", HelpName = "DIR" };
        var output = new Option<string>("--output", "-o") { Description = "Where to write the model.", HelpName = "MODEL.zip", Required = true };
        var seed = new Option<int>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 13 };
        var command = new Command("train-sources", "Train the source-medium classifier; prints scores on the dev split.") { examples, polnear, output, seed };
        command.SetAction(parseResult =>
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            if (!TryRead(context, parseResult.GetValue(examples)!, out var data))
            {
                return ExitCodes.UsageError;
            }

            IReadOnlyList<AnnotatedDocument> docs = [];
            if (parseResult.GetValue(polnear) is { } dir && !Inputs.TryLoad(context, "quotex train-sources", () => PolNear.ReadSplit(dir), out docs))
            {
                return ExitCodes.UsageError;
            }

            var model = SourceTraining.Train(data, docs, parseResult.GetValue(seed), line => context.Error.WriteLine($"  {line}"));
            var path = parseResult.GetValue(output)!;
            using (var stream = File.Create(path))
            {
                model.Save(stream);
            }

            var o = context.OutText;
            o.WriteLine($"model: {Path.GetFullPath(path)}");
            o.WriteLine($"trainer: {model.Manifest.Trainer}, seed {model.Manifest.Seed}");
            o.WriteLine($"corpus: {model.Manifest.Corpus}");
            o.WriteLine($"time: {clock.Elapsed.TotalSeconds:0.0} s");
            o.WriteLine("dev split (kept apart from training):");
            o.Write(SourceTraining.Evaluate(data.Where(d => d.Split == "dev"), QuoteExtractor.Create(new QuoteExtractorOptions { MediumModel = model })).Format());
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Builds <c>evaluate-sources</c>.</summary>
    /// <param name="context">The streams.</param>
    /// <returns>The command.</returns>
    public static Command CreateEvaluate(CliContext context)
    {
        var examples = new Option<string>("--examples") { Description = "Source-annotated passages.", HelpName = "FILE.jsonl", Required = true };
        var split = new Option<string>("--split") { Description = "Which split to score: dev, train or all.", DefaultValueFactory = _ => "dev" };
        var errors = new Option<bool>("--show-errors") { Description = "List each quotation with a wrong field." };
        var rulesOnly = new Option<bool>("--rules-only") { Description = "Score the rules without the medium classifier (the baseline)." };
        var command = new Command("evaluate-sources", "Score medium, outlet, event and reportedBy against annotated passages.") { examples, split, errors, rulesOnly };
        command.SetAction(parseResult =>
        {
            if (!TryRead(context, parseResult.GetValue(examples)!, out var data))
            {
                return ExitCodes.UsageError;
            }

            var which = parseResult.GetValue(split)!;
            var selected = which == "all" ? data : data.Where(d => d.Split == which).ToList();
            var extractor = parseResult.GetValue(rulesOnly)
                ? QuoteExtractor.Create(new QuoteExtractorOptions { UseMediumClassifier = false })
                : QuoteExtractor.Default;
            var lines = parseResult.GetValue(errors) ? new List<string>() : null;
            var report = SourceTraining.Evaluate(selected, extractor, lines);
            context.OutText.WriteLine($"split: {which} ({selected.Count} passages); medium model: {(parseResult.GetValue(rulesOnly) ? "rules only" : MediumModel.Default?.Manifest.Trainer ?? "rules only")}");
            context.OutText.Write(report.Format());
            foreach (var line in lines ?? [])
            {
                context.OutText.WriteLine($"ERROR {line}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static bool TryRead(CliContext context, string path, out IReadOnlyList<SourceExample> data) =>
        Inputs.TryLoad(context, "quotex", () => SourceExamples.Read(path), out data);
}
