using System.Text;
using FluentAssertions;
using NUnit.Framework;
using QuoteExtraction.Cli.Jsonl;

namespace QuoteExtraction.Cli.Tests;

[TestFixture]
public sealed class JsonlPipelineTests
{
    private static (string Output, string Errors, JsonlStats Stats) RunPipeline(string input, int threads, int batchBytes)
    {
        using var stdin = new MemoryStream(Encoding.UTF8.GetBytes(input));
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();
        var stats = new JsonlPipeline(QuoteExtractor.Default, threads, stderr, batchBytes).Run(stdin, stdout);
        return (Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString(), stats);
    }

    [TestCase(1, 16)]
    [TestCase(3, 16)]
    [TestCase(4, 64)]
    [TestCase(2, 1 << 20)]
    public void Run_TinyBatches_KeepsOrderAndLineNumbers(int threads, int batchBytes)
    {
        var input = new StringBuilder();
        var expected = new StringBuilder();
        for (var i = 1; i <= 500; i++)
        {
            if (i % 7 == 0)
            {
                input.Append("broken\n");
            }
            else
            {
                // Some lines far longer than the batch, so the buffer must grow mid-line.
                input.Append("{\"text\":\"").Append('y', i % 5 == 0 ? 300 : 3).Append("\"}\n");
                expected.Append("{\"id\":").Append(i).Append(",\"quotes\":[],\"entities\":[],\"claims\":[],\"warnings\":[]}\n");
            }
        }

        var (output, errors, stats) = RunPipeline(input.ToString(), threads, batchBytes);

        output.Should().Be(expected.ToString());
        var errorLines = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        errorLines.Should().HaveCount(500 / 7);
        errorLines[0].Should().StartWith("line 7: ");
        errorLines[^1].Should().StartWith("line 497: ");
        stats.MalformedLines.Should().Be(500 / 7);
        stats.Documents.Should().Be(500 - (500 / 7));
    }

    [Test]
    public void Run_TwoMegabyteLine_IsProcessed()
    {
        var input = "{\"id\":\"big\",\"text\":\"" + new string('z', 2_000_000) + "\"}\n{\"id\":\"small\",\"text\":\"a\"}";

        var (output, errors, stats) = RunPipeline(input, 2, 1 << 16);

        errors.Should().BeEmpty();
        output.Should().Be("{\"id\":\"big\",\"quotes\":[],\"entities\":[],\"claims\":[],\"warnings\":[]}\n{\"id\":\"small\",\"quotes\":[],\"entities\":[],\"claims\":[],\"warnings\":[]}\n");
        stats.TextChars.Should().Be(2_000_001);
    }

    [Test]
    public void UnescapeLenient_AllEscapes_Decoded()
    {
        var raw = Encoding.UTF8.GetBytes("a\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud800\\uDC00\\q caf\u00E9");

        JsonlLineParser.UnescapeLenient(raw).Should().Be("a\"\\/\b\f\n\r\t\u00E9\uD800\uDC00\uFFFD caf\u00E9");
    }
}
