using FluentAssertions;
using NUnit.Framework;
using QuoteExtraction.Sources;

namespace QuoteExtraction.Tests.Sources;

/// <summary>The hand-annotated source passages that ship in models/sources (our own text).</summary>
public class SourceExamplesAcceptanceTests
{
    private static string ExamplesPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "models", "sources", "venue-examples.jsonl");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException("models/sources/venue-examples.jsonl not found above the test folder.");
    }

    [Test]
    public void Read_AllPassages_QuotesFoundInTheirText()
    {
        var examples = SourceExamples.Read(ExamplesPath());

        examples.Should().HaveCountGreaterThan(200);
        examples.Should().Contain(e => e.Split == "dev").And.Contain(e => e.Split == "train");
        examples.SelectMany(e => e.Quotes).Should().OnlyContain(q => q.Medium == null || Media.IndexOf(q.Medium) >= 0);
    }

    [Test]
    public void Evaluate_DevSplit_MeetsSourceTargets()
    {
        var dev = SourceExamples.Read(ExamplesPath()).Where(e => e.Split == "dev").ToList();

        var report = SourceTraining.Evaluate(dev, QuoteExtractor.Default);

        TestContext.Out.WriteLine(report.Format());
        report.MediumAccuracy.Should().BeGreaterThanOrEqualTo(0.8);
        report.InventedRate.Should().BeLessThanOrEqualTo(0.2);
        SourceReport.F1(report.Outlet).Should().BeGreaterThanOrEqualTo(0.75);
        SourceReport.F1(report.Event).Should().BeGreaterThanOrEqualTo(0.6);
        SourceReport.F1(report.ReportedBy).Should().BeGreaterThanOrEqualTo(0.6);
    }
}
