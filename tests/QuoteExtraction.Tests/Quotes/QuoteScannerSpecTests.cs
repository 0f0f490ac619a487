using NUnit.Framework;
using FluentAssertions;
using QuoteExtraction.Tests.Support;

namespace QuoteExtraction.Tests.Quotes;

/// <summary>Runs every example of <c>Specs/quotes.txt</c> through the default extractor.</summary>
public class QuoteScannerSpecTests
{
    private static IEnumerable<TestCaseData> Cases() =>
        SpecFile.Read(Path.Combine("Quotes", "Specs", "quotes.txt")).Select(c => new TestCaseData(c).SetName($"ExtractQuotes_Spec_{c.Line:000}"));

    [TestCaseSource(nameof(Cases))]
    public void ExtractQuotes_SpecExample(SpecCase spec)
    {
        var result = QuoteExtractor.Default.ExtractQuotes(spec.Input);

        var actual = result.Quotes.Select(q => $"{q.Kind.ToString().ToLowerInvariant()}: {q.Text.Replace("\n\n", "\n", StringComparison.Ordinal)}").ToList();
        var expected = spec.Expected.SequenceEqual(["(none)"]) ? [] : spec.Expected.ToList();
        actual.Should().Equal(expected, because: spec.Title);
        foreach (var q in result.Quotes)
        {
            spec.Input[q.Start..q.End].Should().Be(q.Text);
        }
    }

    [Test]
    public void SpecFile_HasCases()
    {
        Cases().Count().Should().BeGreaterThan(20);
    }
}
