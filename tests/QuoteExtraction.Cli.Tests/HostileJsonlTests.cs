using System.Text;
using System.Text.Json;
using FluentAssertions;
using NUnit.Framework;
using QuoteExtraction.Tests.Robustness;

namespace QuoteExtraction.Cli.Tests;

/// <summary>Hostile documents, with malformed lines mixed in, through the CLI's JSONL path.</summary>
[TestFixture]
public sealed class HostileJsonlTests
{
    private static readonly string[] MalformedLines =
    [
        "{\"id\":\"bad\",\"text\":\"\\ud800", // unterminated string
        "{\"id\":\"bad\"",
        "\"just a string\"",
        "{\"id\":\"bad\",\"text\":[\"array\"]}",
        "{\"id\":\"bad\",\"text\":\"ok\"}}",
        "\u0000",
        "{\"id\":\"bad\",\"text\":\"bad escape \\x\"}",
    ];

    [TestCase(1)]
    [TestCase(4)]
    public void Extract_HostileJsonl_EveryValidLineAnsweredInOrderWithValidOffsets(int threads)
    {
        var docs = HostileCorpus.Generate(10_000, seed: 7 + threads);
        var random = new Random(99);
        var input = new StringBuilder();
        var expectedIds = new List<string>();
        var textsById = new Dictionary<string, string>();
        var expectedMalformed = new List<int>();
        var lineNumber = 0;
        for (var i = 0; i < docs.Count; i++)
        {
            if (random.Next(200) == 0)
            {
                lineNumber++;
                input.Append(MalformedLines[random.Next(MalformedLines.Length)]).Append('\n');
                expectedMalformed.Add(lineNumber);
            }

            lineNumber++;
            var id = "h" + i;
            expectedIds.Add(id);
            textsById[id] = docs[i];
            input.Append("{\"id\":\"").Append(id).Append("\",\"text\":").Append(HostileCorpus.JsonString(docs[i])).Append(",\"n\":").Append(i).Append("}\n");
        }

        var inPath = Path.Combine(Path.GetTempPath(), $"quotex-hostile-{Guid.NewGuid():N}.jsonl");
        var outPath = inPath + ".out";
        try
        {
            File.WriteAllText(inPath, input.ToString(), new UTF8Encoding(false));

            var run = CliRunner.Run("extract", "--input", inPath, "--output", outPath, "--threads", threads.ToString(System.Globalization.CultureInfo.InvariantCulture));

            expectedMalformed.Should().NotBeEmpty();
            run.ExitCode.Should().Be(1, run.Stderr.Length > 2000 ? run.Stderr[..2000] : run.Stderr);
            var reported = run.Stderr.Split('\n')
                .Where(l => l.StartsWith("line ", StringComparison.Ordinal))
                .Select(l => int.Parse(l[5..l.IndexOf(':', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture))
                .ToList();
            reported.Should().Equal(expectedMalformed);

            var ids = new List<string>(expectedIds.Count);
            foreach (var line in File.ReadLines(outPath, Encoding.UTF8))
            {
                using var json = JsonDocument.Parse(line);
                var id = json.RootElement.GetProperty("id").GetString()!;
                ids.Add(id);
                var sanitized = HostileCorpus.Sanitize(textsById[id]);
                foreach (var quote in json.RootElement.GetProperty("quotes").EnumerateArray())
                {
                    AssertSpan(sanitized, quote, id);
                    if (quote.GetProperty("cue").ValueKind == JsonValueKind.Object)
                    {
                        AssertSpan(sanitized, quote.GetProperty("cue"), id);
                    }

                    var speaker = quote.GetProperty("speaker");
                    if (speaker.ValueKind == JsonValueKind.Object && speaker.GetProperty("mention").ValueKind == JsonValueKind.Object)
                    {
                        AssertSpan(sanitized, speaker.GetProperty("mention"), id);
                    }
                }
            }

            ids.Should().Equal(expectedIds);
        }
        finally
        {
            File.Delete(inPath);
            File.Delete(outPath);
        }
    }

    private static void AssertSpan(string text, JsonElement span, string id)
    {
        var start = span.GetProperty("start").GetInt32();
        var end = span.GetProperty("end").GetInt32();
        if (start < 0 || start > end || end > text.Length)
        {
            Assert.Fail($"{id}: bad span [{start}, {end}) for text of length {text.Length}");
        }

        span.GetProperty("text").GetString().Should().Be(text[start..end], id);
    }
}
