using System.CommandLine;
using System.Globalization;
using QuoteExtraction.Claims;

namespace QuoteExtraction.Cli.Commands;

/// <summary><c>quotex train-claims</c>: cross-validates and trains a check-worthiness model from ClaimBuster JSON and CLEF-2019 CSV.</summary>
internal static class TrainClaimsCommand
{
    /// <summary>Builds the command.</summary>
    /// <param name="context">The streams to use.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        var defaults = new CheckWorthinessTrainingOptions();
        var claimBuster = new Option<string?>("--claimbuster") { Description = "ClaimBuster JSON: an array of {sentence_id, label, text}.", HelpName = "FILE.json" };
        var clef = new Option<string?>("--clef") { Description = "CLEF-2019 task 1 CSV: line_number,speaker,text,label,file_name.", HelpName = "FILE.csv" };
        var output = new Option<string>("--output", "-o") { Description = "Where to write the model.", HelpName = "MODEL.zip", Required = true };
        var seed = new Option<int>("--seed") { Description = "Random seed (same seed, same model and figures).", DefaultValueFactory = _ => defaults.Seed };
        var folds = new Option<int>("--folds") { Description = "ClaimBuster cross-validation folds.", DefaultValueFactory = _ => defaults.Folds };
        var learner = new Option<CheckWorthinessLearner>("--learner") { Description = "Linear or Stacked (linear, then LightGBM over dense cues and the linear score).", DefaultValueFactory = _ => defaults.Learner };
        var l2 = new Option<float>("--l2") { Description = "L2 regularisation of the logistic regression.", DefaultValueFactory = _ => defaults.L2 };
        var l1 = new Option<float>("--l1") { Description = "L1 regularisation of the logistic regression.", DefaultValueFactory = _ => defaults.L1 };
        var clefWeight = new Option<float>("--clef-weight") { Description = "Example weight of CLEF sentences relative to ClaimBuster.", DefaultValueFactory = _ => defaults.GroupedWeight };
        var trees = new Option<int>("--trees") { Description = "Boosting iterations (Stacked).", DefaultValueFactory = _ => defaults.Trees };
        var noCv = new Option<bool>("--no-cv") { Description = "Skip cross-validation; only train the model." };
        var command = new Command("train-claims", "Train a check-worthiness (claim detection) model and print cross-validated figures.")
        {
            claimBuster, clef, output, seed, folds, learner, l2, l1, clefWeight, trees, noCv,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(claimBuster) is null && result.GetValue(clef) is null)
            {
                result.AddError("Give --claimbuster FILE, --clef FILE, or both.");
            }
        });
        command.SetAction(parseResult => Run(
            context,
            parseResult.GetValue(claimBuster),
            parseResult.GetValue(clef),
            parseResult.GetValue(output)!,
            parseResult.GetValue(noCv),
            new CheckWorthinessTrainingOptions
            {
                Seed = parseResult.GetValue(seed),
                Folds = parseResult.GetValue(folds),
                Learner = parseResult.GetValue(learner),
                L2 = parseResult.GetValue(l2),
                L1 = parseResult.GetValue(l1),
                GroupedWeight = parseResult.GetValue(clefWeight),
                Trees = parseResult.GetValue(trees),
            }));
        return command;
    }

    private static int Run(CliContext context, string? claimBusterPath, string? clefPath, string output, bool noCv, CheckWorthinessTrainingOptions options)
    {
        var log = context.Error;
        const string Name = "quotex train-claims";
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            log.WriteLine($"{Name}: {string.Join(" ", errors)}");
            return ExitCodes.UsageError;
        }

        IReadOnlyList<ClaimSentence> claimBuster = [], clef = [];
        try
        {
            if (claimBusterPath is not null)
            {
                claimBuster = ClaimDatasets.ReadClaimBuster(claimBusterPath);
            }

            if (clefPath is not null)
            {
                clef = ClaimDatasets.ReadClef(clefPath);
            }
        }
        catch (Exception ex) when (Inputs.IsInputError(ex))
        {
            log.WriteLine($"{Name}: {ex.Message}");
            return ExitCodes.UsageError;
        }

        var parts = new List<string>();
        if (claimBusterPath is not null)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"ClaimBuster {Path.GetFileName(claimBusterPath)} ({claimBuster.Count} sentences, {claimBuster.Count(s => s.Label)} check-worthy)"));
        }

        if (clefPath is not null)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"CLEF {Path.GetFileName(clefPath)} ({clef.Count} sentences, {clef.Count(s => s.Label)} check-worthy, {clef.Select(s => s.Group).Distinct().Count()} transcripts)"));
        }

        string description = string.Join(" + ", parts);
        log.WriteLine($"{Name}: {description}");
        var o = context.OutText;
        try
        {
            Dictionary<string, double>? metrics = null;
            if (!noCv)
            {
                var report = CheckWorthinessTrainer.CrossValidate(claimBuster, clef, options, line => log.WriteLine($"  {line}"));
                o.Write(report.Format());
                o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cross-validation time: {report.Elapsed.TotalSeconds:0.0} s"));
                metrics = report.ToMetrics();
            }

            var model = CheckWorthinessTrainer.Train([.. claimBuster, .. clef], options with { CorpusDescription = description }, metrics);
            model.Save(output);
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"model: {Path.GetFullPath(output)}"));
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"trainer: {model.Manifest.Trainer}, seed {options.Seed}"));
        }
        catch (ArgumentException ex)
        {
            log.WriteLine($"{Name}: {ex.Message}");
            return ExitCodes.UsageError;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            log.WriteLine($"{Name}: cannot write '{output}': {ex.Message}");
            return ExitCodes.UsageError;
        }

        o.Flush();
        return ExitCodes.Success;
    }
}
