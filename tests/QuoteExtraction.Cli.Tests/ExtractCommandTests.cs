using System.Text;
using System.Text.Json;
using FluentAssertions;
using NUnit.Framework;

namespace QuoteExtraction.Cli.Tests;

[TestFixture]
public sealed class ExtractCommandTests
{
    private string _dir = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = Path.Combine(Path.GetTempPath(), "quotex-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void Extract_SingleFile_PrintsOneIndentedDocument()
    {
        var path = Path.Combine(_dir, "doc.txt");
        File.WriteAllText(path, "He said, \"We will win.\"");

        var run = CliRunner.Run("extract", path);

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Contain("\n  \"quotes\": [");
        using var json = JsonDocument.Parse(run.Stdout);
        json.RootElement.GetProperty("quotes").ValueKind.Should().Be(JsonValueKind.Array);
        json.RootElement.GetProperty("warnings").ValueKind.Should().Be(JsonValueKind.Array);
    }

    [Test]
    public void Extract_Stdin_ReadsDocumentFromStdin()
    {
        var run = CliRunner.RunWithStdin("She told reporters: \u201CNo comment.\u201D", "extract", "-");

        run.ExitCode.Should().Be(0, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        json.RootElement.GetProperty("quotes").ValueKind.Should().Be(JsonValueKind.Array);
    }

    [Test]
    public void Extract_SingleFileWithOutput_WritesFile()
    {
        var path = Path.Combine(_dir, "doc.txt");
        var output = Path.Combine(_dir, "doc.json");
        File.WriteAllText(path, "text");

        var run = CliRunner.Run("extract", path, "--output", output);

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().BeEmpty();
        using var json = JsonDocument.Parse(File.ReadAllText(output));
    }

    [Test]
    public void Extract_MissingFile_ExitsWithTwoAndClearMessage()
    {
        var missing = Path.Combine(_dir, "nope.txt");

        var run = CliRunner.Run("extract", missing);

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("file not found").And.Contain(missing);
        run.Stdout.Should().BeEmpty();
    }

    [Test]
    public void Extract_MissingJsonlInput_ExitsWithTwo()
    {
        var missing = Path.Combine(_dir, "nope.jsonl");

        var run = CliRunner.Run("extract", "--input", missing, "--output", Path.Combine(_dir, "out.jsonl"));

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("file not found");
        File.Exists(Path.Combine(_dir, "out.jsonl")).Should().BeFalse();
    }

    [Test]
    public void Extract_OutputInMissingDirectory_ExitsWithTwo()
    {
        var inPath = Path.Combine(_dir, "in.jsonl");
        File.WriteAllText(inPath, "{\"text\":\"a\"}\n");

        var run = CliRunner.Run("extract", "--input", inPath, "--output", Path.Combine(_dir, "no", "such", "dir", "out.jsonl"));

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().StartWith("quotex: ");
    }

    [TestCase("")]
    [TestCase("extract")]
    [TestCase("extract a.txt --input b.jsonl")]
    [TestCase("extract --input - --threads 0")]
    [TestCase("extract --no-such-option")]
    [TestCase("frobnicate")]
    public void Run_BadArguments_ExitsWithTwo(string commandLine)
    {
        var run = CliRunner.Run(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().NotBeEmpty();
        run.Stdout.Should().BeEmpty();
    }

    [Test]
    public void Run_Help_PrintsUsageToStdout()
    {
        var run = CliRunner.Run("extract", "--help");

        run.ExitCode.Should().Be(0);
        run.Stdout.Should().Contain("--input").And.Contain("--threads");
    }

    [TestCase(1)]
    [TestCase(4)]
    public void Extract_Jsonl_PreservesInputOrder(int threads)
    {
        // ~3 MB so the input spans several 1 MB batches and the parallel path really reorders work.
        var input = new StringBuilder();
        for (var i = 0; i < 6000; i++)
        {
            input.Append("{\"id\":\"doc-").Append(i).Append("\",\"text\":\"").Append('x', i % 997).Append(" said \\\"hi\\\".\"}\n");
        }

        var inPath = Path.Combine(_dir, "in.jsonl");
        var outPath = Path.Combine(_dir, "out.jsonl");
        File.WriteAllText(inPath, input.ToString());

        var run = CliRunner.Run("extract", "--input", inPath, "--output", outPath, "--threads", threads.ToString(System.Globalization.CultureInfo.InvariantCulture));

        run.ExitCode.Should().Be(0, run.Stderr);
        var lines = File.ReadAllLines(outPath);
        lines.Should().HaveCount(6000);
        for (var i = 0; i < lines.Length; i++)
        {
            using var json = JsonDocument.Parse(lines[i]);
            json.RootElement.GetProperty("id").GetString().Should().Be($"doc-{i}");
        }

        run.Stderr.Should().Contain("6000 documents").And.Contain("0 malformed lines skipped");
    }

    [Test]
    public void Extract_JsonlFromStdinToStdout_WritesOneLinePerDocument()
    {
        var run = CliRunner.RunWithStdin("{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\",\"text\":\"y\"}", "extract", "--input", "-", "--output", "-");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Be("{\"id\":\"a\",\"quotes\":[],\"entities\":[],\"claims\":[],\"warnings\":[]}\n{\"id\":\"b\",\"quotes\":[],\"entities\":[],\"claims\":[],\"warnings\":[]}\n");
    }

    [TestCase(1)]
    [TestCase(4)]
    public void Extract_MalformedLines_ReportedSkippedAndExitOne(int threads)
    {
        var input = string.Join('\n',
            "{\"id\":\"a\",\"text\":\"one\"}",
            "not json",
            "",
            "   ",
            "{\"id\":\"b\"}",
            "{\"id\":\"c\",\"text\":42}",
            "{\"id\":\"d\",\"text\":\"unterminated",
            "[1,2,3]",
            "{\"id\":\"e\",\"text\":\"ok\"} trailing",
            "{\"id\":\"f\",\"text\":null}",
            "{\"id\":\"g\",\"text\":\"two\",\"extra\":{\"nested\":[1,{\"x\":\"y\"}]}}",
            "{\"text\":\"no id\"}",
            "{\"id\":12.5e1,\"text\":\"number id\"}",
            "{\"id\":\"esc\\u00e9\\\"\",\"text\":\"escaped id\"}");

        var run = CliRunner.RunWithStdin(input, "extract", "-i", "-", "-t", threads.ToString(System.Globalization.CultureInfo.InvariantCulture));

        run.ExitCode.Should().Be(1);
        var lines = CliRunner.OutputLines(run.Stdout);
        lines.Should().Equal(
            "{\"id\":\"a\",\"quotes\":[],\"entities\":[],\"claims\":[],\"warnings\":[]}",
            "{\"id\":\"g\",\"quotes\":[],\"entities\":[],\"claims\":[],\"warnings\":[]}",
            "{\"id\":12,\"quotes\":[],\"entities\":[],\"claims\":[],\"warnings\":[]}",
            "{\"id\":12.5e1,\"quotes\":[],\"entities\":[],\"claims\":[],\"warnings\":[]}",
            "{\"id\":\"esc\\u00e9\\\"\",\"quotes\":[],\"entities\":[],\"claims\":[],\"warnings\":[]}");
        var errors = run.Stderr.Split('\n').Where(l => l.StartsWith("line ", StringComparison.Ordinal)).ToList();
        errors.Select(e => e[..e.IndexOf(':', StringComparison.Ordinal)]).Should().Equal("line 2", "line 5", "line 6", "line 7", "line 8", "line 9", "line 10");
        errors[1].Should().Contain("missing \"text\"");
        errors[2].Should().Contain("not a string");
        run.Stderr.Should().Contain("5 documents").And.Contain("7 malformed lines skipped");
    }

    [Test]
    public void Extract_CrLfBomAndNoFinalNewline_AllHandled()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("{\"id\":1,\"text\":\"a\"}\r\n{\"id\":2,\"text\":\"b\"}")).ToArray();
        var inPath = Path.Combine(_dir, "in.jsonl");
        File.WriteAllBytes(inPath, bytes);

        var run = CliRunner.Run("extract", "--input", inPath);

        run.ExitCode.Should().Be(0, run.Stderr);
        CliRunner.OutputLines(run.Stdout).Should().Equal("{\"id\":1,\"quotes\":[],\"entities\":[],\"claims\":[],\"warnings\":[]}", "{\"id\":2,\"quotes\":[],\"entities\":[],\"claims\":[],\"warnings\":[]}");
    }

    [Test]
    public void Extract_EscapedLoneSurrogateInText_IsAccepted()
    {
        var run = CliRunner.RunWithStdin("{\"id\":\"s\",\"text\":\"a \\ud800 b \\udc00 \\ud83d\\ude00\"}\n", "extract", "-i", "-");

        run.ExitCode.Should().Be(0, run.Stderr);
        var line = CliRunner.OutputLines(run.Stdout).Should().ContainSingle().Subject;
        line.Should().StartWith("{\"id\":\"s\",\"quotes\":[],\"entities\":[],\"claims\":[],\"warnings\":[{\"code\":\"invalid-character\"");
        line.Should().Contain("\"position\":2");
    }

    [Test]
    public void Extract_EmptyInput_WritesNothing()
    {
        var run = CliRunner.RunWithStdin(string.Empty, "extract", "-i", "-");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().BeEmpty();
        run.Stderr.Should().Contain("0 documents");
    }

    [Test]
    public void Extract_Quiet_PrintsNoSummary()
    {
        var run = CliRunner.RunWithStdin("{\"text\":\"a\"}\n", "extract", "-i", "-", "--quiet");

        run.ExitCode.Should().Be(0);
        run.Stderr.Should().BeEmpty();
    }
}
