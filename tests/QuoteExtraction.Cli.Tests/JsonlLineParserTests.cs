using System.Text;
using FluentAssertions;
using NUnit.Framework;
using QuoteExtraction.Cli.Jsonl;

namespace QuoteExtraction.Cli.Tests;

/// <summary>
/// The flat-line scanner (<see cref="JsonlLineParser.TryParseFlat"/>) must accept only lines the
/// <see cref="System.Text.Json.Utf8JsonReader"/> path accepts, and give the same id bytes and text.
/// </summary>
[TestFixture]
public sealed class JsonlLineParserTests
{
    private static readonly string[] Lines =
    [
        "{\"id\": \"doc-1\", \"source\": \"wire\", \"text\": \"The council said \\\"no\\\".\\n\\nIt will meet again in May.\"}",
        "{\"text\":\"Plain text\",\"id\":\"x\"}",
        "  {\"text\" : \"Spaces around\" , \"id\" : \"a\\\"b\\\\c\\u00e9\" }  \r",
        "{\"id\":\"caf\u00E9\",\"text\":\"Caf\u00E9 \u201Cquotes\u201D and \\u2019 and \\ud83d\\ude00 and \\uD800 alone\"}",
        "{\"text\":\"all escapes \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u0041\\u00E9\\uFFFF\"}",
        "{\"text\":\"\"}",
        "{\"category\":\"sport\",\"date\":\"2004-05-01\",\"text\":\"Tabs\\tand\\r\\nbreaks\"}",
    ];

    private static void ShouldAgreeWithReader(byte[] line)
    {
        var reader = JsonlLineParser.TryParseWithReader(line, out var expected, out _);
        if (JsonlLineParser.TryParseFlat(line, out var flat))
        {
            reader.Should().BeTrue("the reader must accept what the scanner accepts: {0}", Describe(line));
            Encoding.UTF8.GetString(flat.RawId).Should().Be(Encoding.UTF8.GetString(expected.RawId), Describe(line));
            flat.RawId.SequenceEqual(expected.RawId).Should().BeTrue(Describe(line));
            flat.Text.Should().Be(expected.Text, Describe(line));
        }
    }

    private static string Describe(byte[] line) => Convert.ToHexString(line.AsSpan(0, Math.Min(line.Length, 120)));

    [Test]
    public void TryParseFlat_UsualLines_AcceptedAndAgreeWithReader()
    {
        foreach (var line in Lines)
        {
            var bytes = Encoding.UTF8.GetBytes(line);
            JsonlLineParser.TryParseFlat(bytes, out _).Should().BeTrue(line);
            ShouldAgreeWithReader(bytes);
        }
    }

    [Test]
    public void TryParseFlat_IdWithEscapes_KeepsTheRawToken()
    {
        JsonlLineParser.TryParseFlat("{\"id\":\"a\\\"b\\u00e9\",\"text\":\"t\"}"u8, out var parsed).Should().BeTrue();

        Encoding.UTF8.GetString(parsed.RawId).Should().Be("\"a\\\"b\\u00e9\"");
    }

    [Test]
    public void TryParseFlat_LoneSurrogateEscapeAndInvalidUtf8_DecodedLenientlyLikeReaderPath()
    {
        byte[] line = [.. "{\"text\":\"a\\ud800b "u8, 0xFF, 0xC3, (byte)' ', 0xC3, 0xA9, .. "\"}"u8];

        JsonlLineParser.TryParseFlat(line, out var parsed).Should().BeTrue();

        parsed.Text.Should().Be("a\uD800b \uFFFD\uFFFD \u00E9");
        ShouldAgreeWithReader(line);
    }

    [Test]
    public void TryParseFlat_InvalidUtf8InId_DropsTheIdLikeReaderPath()
    {
        byte[] line = [.. "{\"id\":\"a"u8, 0xFF, .. "\",\"text\":\"t\"}"u8];

        JsonlLineParser.TryParseFlat(line, out var parsed).Should().BeTrue();

        parsed.RawId.IsEmpty.Should().BeTrue();
        ShouldAgreeWithReader(line);
    }

    [TestCase("{\"id\":7,\"text\":\"number id\"}")]
    [TestCase("{\"text\":\"nested\",\"meta\":{\"a\":1}}")]
    [TestCase("{\"text\":\"first\",\"text\":\"second\"}")]
    [TestCase("{\"id\":\"a\",\"id\":\"b\",\"text\":\"t\"}")]
    [TestCase("{\"te\\u0078t\":\"escaped key\"}")]
    [TestCase("{\"text\":\"bad escape \\x\"}")]
    [TestCase("{\"text\":\"short unicode \\u12\"}")]
    [TestCase("{\"text\":\"unterminated}")]
    [TestCase("{\"text\":\"trailing\"} x")]
    [TestCase("{\"text\":\"trailing comma\",}")]
    [TestCase("{}")]
    [TestCase("{\"id\":\"no text\"}")]
    [TestCase("[\"text\"]")]
    [TestCase("{\"text\":null}")]
    [TestCase("")]
    public void TryParseFlat_OtherShapesAndMalformedLines_LeftToTheReader(string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line);

        JsonlLineParser.TryParseFlat(bytes, out _).Should().BeFalse();
        JsonlLineParser.TryParse(bytes, out var parsed, out var error).Should().Be(JsonlLineParser.TryParseWithReader(bytes, out var expected, out var expectedError));
        error.Should().Be(expectedError);
        if (error is null)
        {
            parsed.Text.Should().Be(expected.Text);
        }
    }

    [Test]
    public void TryParseFlat_RawControlCharacterInString_LeftToTheReader()
    {
        byte[] line = [.. "{\"text\":\"tab"u8, 0x09, .. "inside\"}"u8];

        JsonlLineParser.TryParseFlat(line, out _).Should().BeFalse();
        JsonlLineParser.TryParse(line, out _, out var error).Should().BeFalse();
        error.Should().StartWith("invalid JSON");
    }

    [Test]
    public void TryParseFlat_RandomlyDamagedLines_NeverDisagreeWithReader()
    {
        // Bytes that matter to JSON syntax, escapes and UTF-8, put in random places of valid lines.
        byte[] pool = [.. "\"\\{}:, tnu0aDd8/\r\n"u8, 0x00, 0x1F, 0x7F, 0x80, 0xC3, 0xA9, 0xED, 0xA0, 0xFF];
        var random = new Random(31);
        var accepted = 0;
        for (var n = 0; n < 30000; n++)
        {
            var line = Encoding.UTF8.GetBytes(Lines[random.Next(Lines.Length)]).ToList();
            var edits = random.Next(1, 4);
            for (var e = 0; e < edits && line.Count > 0; e++)
            {
                var at = random.Next(line.Count);
                switch (random.Next(3))
                {
                    case 0:
                        line[at] = pool[random.Next(pool.Length)];
                        break;
                    case 1:
                        line.Insert(at, pool[random.Next(pool.Length)]);
                        break;
                    default:
                        line.RemoveAt(at);
                        break;
                }
            }

            var bytes = line.ToArray();
            ShouldAgreeWithReader(bytes);
            accepted += JsonlLineParser.TryParseFlat(bytes, out _) ? 1 : 0;
        }

        accepted.Should().BeGreaterThan(3000, "the damage should leave many lines readable, or the test checks little");
    }

    [Test]
    public void TryParseFlat_LongRunsAroundEscapesAndNonAscii_AgreeWithReader()
    {
        // Runs longer than a vector block, with escapes and non-ASCII (valid and not) at offsets across and between blocks.
        var run = new string('a', 70);
        string[] stops = ["\\n", "\\\"", "\\u00e9", "\\ud800", "\u00E9", "\u201C", "\U0001F600"];
        foreach (var stop in stops)
        {
            for (var at = 0; at < 70; at += 7)
            {
                var text = run[..at] + stop + run[at..] + stop + stop + run[..(70 - at)];
                var line = Encoding.UTF8.GetBytes("{\"text\":\"" + text + "\"}");
                JsonlLineParser.TryParseFlat(line, out _).Should().BeTrue(text);
                ShouldAgreeWithReader(line);
            }
        }

        var invalid = new List<byte>(Encoding.UTF8.GetBytes("{\"text\":\"" + run));
        invalid.AddRange([0xC3, 0x28, 0xE2, 0x80]);
        invalid.AddRange(Encoding.UTF8.GetBytes("\\n" + run + "\"}"));
        ShouldAgreeWithReader([.. invalid]);
    }

    [Test]
    public void TryParseFlat_NewsCorpus_AcceptsEveryLineAndAgreesWithReader()
    {
        string? path = null;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null && path is null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "QuoteExtraction.sln")))
            {
                path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "news", "news-all.jsonl"));
            }
        }

        if (path is null || !File.Exists(path))
        {
            Assert.Ignore("The news corpus (../shared/data/news/news-all.jsonl beside the repository) is not here.");
        }

        var lines = 0;
        foreach (var line in File.ReadLines(path!))
        {
            var bytes = Encoding.UTF8.GetBytes(line);
            JsonlLineParser.TryParseFlat(bytes, out _).Should().BeTrue("line {0}", lines + 1);
            ShouldAgreeWithReader(bytes);
            lines++;
        }

        lines.Should().BeGreaterThan(1000);
    }
}
