using System.CommandLine;
using System.Globalization;
using QuoteExtraction.Attribution;
using QuoteExtraction.Corpora;

namespace QuoteExtraction.Cli.Commands;

/// <summary><c>quotex train</c>: trains a speaker-attribution model from PolNeAR or a JSONL corpus.</summary>
internal static class TrainCommand
{
    /// <summary>Builds the command.</summary>
    /// <param name="context">The streams to use.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        var polnear = new Option<string?>("--polnear") { Description = "A PolNeAR split folder (text/ and attributions/).", HelpName = "DIR" };
        var corpus = new Option<string?>("--corpus") { Description = "A JSONL training corpus (format in README).", HelpName = "FILE.jsonl" };
        var output = new Option<string>("--output", "-o") { Description = "Where to write the model.", HelpName = "MODEL.zip", Required = true };
        var seed = new Option<int>("--seed") { Description = "Random seed (same seed, same model).", DefaultValueFactory = _ => 13 };
        var learner = new Option<AttributionLearner>("--learner") { Description = "LightGbm or FastTree.", DefaultValueFactory = _ => AttributionLearner.LightGbm };
        var holdout = new Option<double>("--holdout") { Description = "Share of documents held back for the reported metrics (0 uses all).", DefaultValueFactory = _ => 0.1 };
        var defaults = new AttributionTrainingOptions();
        var trees = new Option<int>("--trees") { Description = "Boosting iterations.", DefaultValueFactory = _ => defaults.Trees };
        var rate = new Option<double>("--learning-rate") { Description = "Boosting learning rate.", DefaultValueFactory = _ => defaults.LearningRate };
        var leaves = new Option<int>("--leaves") { Description = "Leaves per tree.", DefaultValueFactory = _ => defaults.Leaves };
        var command = new Command("train", "Train a speaker-attribution model.") { polnear, corpus, output, seed, learner, holdout, trees, rate, leaves };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(polnear) is null) == (result.GetValue(corpus) is null))
            {
                result.AddError("Give exactly one of --polnear DIR or --corpus FILE.jsonl.");
            }
        });
        command.SetAction(parseResult => Run(
            context,
            parseResult.GetValue(polnear),
            parseResult.GetValue(corpus),
            parseResult.GetValue(output)!,
            new AttributionTrainingOptions
            {
                Seed = parseResult.GetValue(seed),
                Learner = parseResult.GetValue(learner),
                HoldOutFraction = parseResult.GetValue(holdout),
                Trees = parseResult.GetValue(trees),
                LearningRate = parseResult.GetValue(rate),
                Leaves = parseResult.GetValue(leaves),
            }));
        return command;
    }

    private static int Run(CliContext context, string? polnear, string? corpus, string output, AttributionTrainingOptions options)
    {
        var log = context.Error;
        IReadOnlyList<AnnotatedDocument> documents;
        string description;
        try
        {
            if (polnear is not null)
            {
                documents = PolNear.ReadSplit(polnear);
                description = $"PolNeAR {Path.GetFileName(Path.GetFullPath(polnear).TrimEnd('/'))} ({documents.Count} documents)";
            }
            else
            {
                documents = JsonlCorpus.Read(corpus!);
                description = $"{Path.GetFileName(corpus)} ({documents.Count} documents)";
            }
        }
        catch (Exception ex) when (Inputs.IsInputError(ex))
        {
            log.WriteLine($"quotex train: {ex.Message}");
            return ExitCodes.UsageError;
        }

        log.WriteLine($"quotex train: {description}");
        AttributionTrainingResult result;
        try
        {
            result = AttributionTrainer.Train(documents, options with { CorpusDescription = description }, line => log.WriteLine($"  {line}"));
        }
        catch (ArgumentException ex)
        {
            log.WriteLine($"quotex train: {ex.Message}");
            return ExitCodes.UsageError;
        }

        try
        {
            result.Model.Save(output);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            log.WriteLine($"quotex train: cannot write '{output}': {ex.Message}");
            return ExitCodes.UsageError;
        }

        var o = context.OutText;
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"model: {Path.GetFullPath(output)}"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"trainer: {result.Model.Manifest.Trainer}, seed {options.Seed}"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"documents: {result.TrainingDocuments} trained, {result.HeldOutDocuments} held back; {result.Examples} quotations, {result.Candidates} candidates"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"time: {result.Elapsed.TotalSeconds:0.0} s"));
        if (result.HeldOut is { } report)
        {
            o.WriteLine("held-back documents:");
            o.Write(report.Format());
        }

        o.Flush();
        return ExitCodes.Success;
    }
}
