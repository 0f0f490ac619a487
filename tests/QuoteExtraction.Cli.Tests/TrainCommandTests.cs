using FluentAssertions;
using NUnit.Framework;
using QuoteExtraction.Corpora;

namespace QuoteExtraction.Cli.Tests;

public class TrainCommandTests
{
    private static string WriteCorpus(string dir)
    {
        // Sentences written for this test, with their spans computed here.
        var docs = new List<AnnotatedDocument>();
        string[] names = ["Jane Porter", "Tom Okafor", "Maria Lindqvist", "David Chen"];
        for (int i = 0; i < 40; i++)
        {
            var name = names[i % names.Length];
            var text = $"The council met on Tuesday. \"We will fix road number {i},\" {name} said.";
            int qs = text.IndexOf('"'), qe = text.IndexOf(",\"", StringComparison.Ordinal) + 2;
            int ss = text.IndexOf(name, StringComparison.Ordinal), cs = text.IndexOf("said", StringComparison.Ordinal);
            docs.Add(new AnnotatedDocument($"d{i}", text,
            [
                new AnnotatedAttribution("E1", [new TextSpan(qs, qe, text[qs..qe])], [new TextSpan(cs, cs + 4, "said")], [new TextSpan(ss, ss + name.Length, name)]),
            ]));
        }

        var path = Path.Combine(dir, "corpus.jsonl");
        using var writer = new StreamWriter(path);
        JsonlCorpus.Write(writer, docs);
        return path;
    }

    [Test]
    public void Train_CorpusThenExtractAndEvaluateWithModel_Works()
    {
        var dir = Directory.CreateTempSubdirectory("quotex-train-");
        try
        {
            var corpus = WriteCorpus(dir.FullName);
            var model = Path.Combine(dir.FullName, "m.zip");

            var train = CliRunner.Run("train", "--corpus", corpus, "--output", model, "--seed", "3", "--trees", "20");

            train.ExitCode.Should().Be(0, train.Stderr);
            File.Exists(model).Should().BeTrue();
            train.Stdout.Should().Contain("seed 3").And.Contain("held-back documents");
            train.Stderr.Should().Contain("examples:");

            var doc = Path.Combine(dir.FullName, "doc.txt");
            File.WriteAllText(doc, "\"We will fix the bridge,\" Jane Porter said.");
            var extract = CliRunner.Run("extract", doc, "--model", model);
            extract.ExitCode.Should().Be(0, extract.Stderr);
            extract.Stdout.Should().Contain("\"text\": \"Jane Porter\"");

            var evaluate = CliRunner.Run("evaluate", "--corpus", corpus, "--model", model);
            evaluate.ExitCode.Should().Be(0, evaluate.Stderr);
            evaluate.Stdout.Should().Contain("speaker exact").And.Contain("seed 3");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Test]
    public void Train_NeitherSource_IsAUsageError()
    {
        var run = CliRunner.Run("train", "--output", "/tmp/never.zip");

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("--polnear");
    }

    [Test]
    public void Extract_BadModel_IsAUsageError()
    {
        var run = CliRunner.RunWithStdin("\"Hi,\" he said.", "extract", "-", "--model", "/no/such/model.zip");

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("cannot load model");
    }
}

public class ExtractSpeakerOptionTests
{
    [Test]
    public void Extract_NoSpeakers_LeavesSpeakerNull()
    {
        var run = CliRunner.RunWithStdin("\"We will win,\" the mayor said.", "extract", "-", "--no-speakers");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Contain("\"speaker\": null").And.Contain("\"cue\": null");
    }

    [Test]
    public void Extract_Default_HasSpeaker()
    {
        var run = CliRunner.RunWithStdin("\"We will win,\" the mayor said.", "extract", "-");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Contain("\"text\": \"the mayor\"").And.Contain("\"text\": \"said\"");
    }
}
