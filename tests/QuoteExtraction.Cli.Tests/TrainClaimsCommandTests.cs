using System.Globalization;
using System.Text;
using FluentAssertions;
using NUnit.Framework;
using QuoteExtraction.Claims;

namespace QuoteExtraction.Cli.Tests;

public class TrainClaimsCommandTests
{
    private static readonly string[] Claims =
    [
        "Unemployment fell to {0} percent in {1}.", "We cut taxes for {0} million families since {1}.", "The deficit rose by ${0} billion last year.",
        "Crime went up {0} percent in Chicago in {1}.",
    ];

    private static readonly string[] Others = ["Thank you all for coming tonight.", "I think we can do better, together.", "What would you say to \"those\" voters?", "Good evening and welcome."];

    private static (string ClaimBuster, string Clef) WriteData(string dir)
    {
        var random = new Random(1);
        string Sentence(bool label) => label
            ? string.Format(CultureInfo.InvariantCulture, Claims[random.Next(Claims.Length)], random.Next(2, 60), random.Next(1990, 2020))
            : Others[random.Next(Others.Length)];

        var json = new StringBuilder("[");
        for (int i = 0; i < 80; i++)
        {
            bool label = i % 3 == 0;
            json.Append(i == 0 ? string.Empty : ",").Append(CultureInfo.InvariantCulture, $"{{\"sentence_id\": {i}, \"label\": {(label ? 1 : 0)}, \"text\": {System.Text.Json.JsonSerializer.Serialize(Sentence(label))}}}");
        }

        json.Append(']');
        var csv = new StringBuilder("line_number,speaker,text,label,file_name\n");
        for (int i = 0; i < 60; i++)
        {
            bool label = i % 3 == 0;
            csv.Append(CultureInfo.InvariantCulture, $"{i + 1},SPEAKER,\"{Sentence(label).Replace("\"", "\"\"", StringComparison.Ordinal)}\",{(label ? 1 : 0)},debate{i % 2}.tsv\n");
        }

        var cb = Path.Combine(dir, "cb.json");
        var clef = Path.Combine(dir, "clef.csv");
        File.WriteAllText(cb, json.ToString());
        File.WriteAllText(clef, csv.ToString());
        return (cb, clef);
    }

    [Test]
    public void TrainClaims_TinyFiles_PrintsFiguresAndWritesLoadableModel()
    {
        var dir = Directory.CreateTempSubdirectory("quotex-claims-");
        try
        {
            var (cb, clef) = WriteData(dir.FullName);
            var model = Path.Combine(dir.FullName, "cw.zip");

            var run = CliRunner.Run("train-claims", "--claimbuster", cb, "--clef", clef, "--output", model, "--seed", "4", "--folds", "2");

            run.ExitCode.Should().Be(0, run.Stderr);
            run.Stdout.Should().Contain("ClaimBuster 2-fold CV").And.Contain("F1").And.Contain("CLEF-2019 transcript-wise CV: MAP").And.Contain("debate1.tsv").And.Contain("seed 4");
            var loaded = CheckWorthinessModel.Load(model);
            loaded.Manifest.Metrics.Should().ContainKeys("claimBusterCvF1", "clefTranscriptCvMap");
            loaded.Manifest.Corpus.Should().Contain("80 sentences").And.Contain("2 transcripts");
            loaded.Score("Unemployment fell to 7 percent in 2001.").Should().BeGreaterThan(loaded.Score("Thank you all for coming tonight."));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Test]
    public void TrainClaims_NoDataOrMissingFile_IsUsageError()
    {
        CliRunner.Run("train-claims", "--output", "x.zip").ExitCode.Should().Be(2);
        var missing = CliRunner.Run("train-claims", "--clef", "/nonexistent/clef.csv", "--output", "x.zip");
        missing.ExitCode.Should().Be(2);
        missing.Stderr.Should().Contain("train-claims");
    }
}
