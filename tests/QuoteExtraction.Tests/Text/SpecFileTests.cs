using FluentAssertions;
using NUnit.Framework;
using QuoteExtraction.Text;

namespace QuoteExtraction.Tests.Text;

/// <summary>Runs the human-readable example files in Text/Specs as tests.</summary>
[TestFixture]
public class SpecFileTests
{
    private sealed record SpecCase(int Line, string Input, string[] Expected)
    {
        public override string ToString() => $"line {Line}";
    }

    private static string SpecPath(string name) => Path.Combine(AppContext.BaseDirectory, "Text", "Specs", name);

    /// <summary>Parses a spec file: blank-line separated cases, first line = input (\n escapes), rest = expected lines.</summary>
    private static IEnumerable<SpecCase> ReadCases(string name)
    {
        var lines = File.ReadAllLines(SpecPath(name));
        var block = new List<string>();
        var blockLine = 0;
        for (var i = 0; i <= lines.Length; i++)
        {
            var line = i < lines.Length ? lines[i] : string.Empty;
            if (line.StartsWith('#'))
            {
                continue;
            }

            if (line.Length == 0)
            {
                if (block.Count > 0)
                {
                    yield return new SpecCase(blockLine, block[0].Replace("\\n", "\n", StringComparison.Ordinal), block.Skip(1).ToArray());
                    block.Clear();
                }

                continue;
            }

            if (block.Count == 0)
            {
                blockLine = i + 1;
            }

            block.Add(line);
        }
    }

    private static IEnumerable<TestCaseData> SentenceCases() =>
        ReadCases("sentences.txt").Select(c => new TestCaseData(c).SetName($"Sentences_SpecFile_Line{c.Line:D3}"));

    private static IEnumerable<TestCaseData> TokenCases() =>
        ReadCases("tokens.txt").Select(c => new TestCaseData(c).SetName($"Tokens_SpecFile_Line{c.Line:D3}"));

    [TestCaseSource(nameof(SentenceCases))]
    public void Sentences_SpecFile(object spec)
    {
        var c = (SpecCase)spec;
        var doc = TextDocument.Analyze(c.Input);
        var actual = new List<string>();
        foreach (var sentence in doc.Sentences)
        {
            actual.Add(doc.GetText(sentence).ToString());
        }

        actual.Should().Equal(c.Expected, "input: {0}", c.Input);
    }

    [TestCaseSource(nameof(TokenCases))]
    public void Tokens_SpecFile(object spec)
    {
        var c = (SpecCase)spec;
        c.Expected.Should().HaveCount(1, "a token case has exactly one expected line");
        var doc = TextDocument.Analyze(c.Input);
        var actual = new List<string>();
        foreach (var token in doc.Tokens)
        {
            actual.Add(doc.GetText(token).ToString());
        }

        actual.Should().Equal(c.Expected[0].Split(' '), "input: {0}", c.Input);
    }

    [Test]
    public void SpecFiles_HaveCases()
    {
        ReadCases("sentences.txt").Should().HaveCountGreaterThan(20);
        ReadCases("tokens.txt").Should().HaveCountGreaterThan(5);
    }
}
