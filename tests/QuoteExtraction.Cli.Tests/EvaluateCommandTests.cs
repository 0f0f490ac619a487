using FluentAssertions;
using NUnit.Framework;

namespace QuoteExtraction.Cli.Tests;

public class EvaluateCommandTests
{
    [Test]
    public void Evaluate_SmallBratCorpus_PrintsRecallAndPrecision()
    {
        var dir = Directory.CreateTempSubdirectory("quotex-eval-");
        try
        {
            Directory.CreateDirectory(Path.Combine(dir.FullName, "text"));
            Directory.CreateDirectory(Path.Combine(dir.FullName, "attributions"));
            const string text = "\"We will win,\" the coach said. Fans chanted \"go team\" all night.";
            File.WriteAllText(Path.Combine(dir.FullName, "text", "doc1.txt"), text);
            File.WriteAllLines(Path.Combine(dir.FullName, "attributions", "doc1_abcd.ann"),
            [
                "T1\tContent 0 14\t\"We will win,\"",
                "T2\tSource 15 24\tthe coach",
                "T3\tCue 25 29\tsaid",
                "E1\tAttribution:T3 Content:T1 Cue:T3 Source:T2",
            ]);

            var run = CliRunner.Run("evaluate", "--polnear", dir.FullName, "--show-misses");

            run.ExitCode.Should().Be(0, run.Stderr);
            run.Stdout.Should().Contain("found at exact offsets:       1  recall 1.0000");
            run.Stdout.Should().Contain("speech spans emitted:           2");
            run.Stdout.Should().Contain("OUTSIDE doc1: [Partial] \"go team\"");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Test]
    public void Evaluate_MissingFolder_ExitsWithUsageError()
    {
        var run = CliRunner.Run("evaluate", "--polnear", "/no/such/polnear");

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("No PolNeAR text folder");
    }
}
