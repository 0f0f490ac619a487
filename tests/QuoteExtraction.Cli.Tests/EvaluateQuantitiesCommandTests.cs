using FluentAssertions;
using NUnit.Framework;

namespace QuoteExtraction.Cli.Tests;

public class EvaluateQuantitiesCommandTests
{
    [Test]
    public void EvaluateQuantities_TinyFile_PrintsTableWithPaperNumbers()
    {
        var file = Path.Combine(Path.GetTempPath(), $"quotex-newsquant-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(file, """
                [
                  {"text": "Sales rose 5% to $2 million.", "quantities": [
                    {"change": "up", "value": "5.0", "unit": "%", "normalized_unit": "percentage", "referred_concepts": "-"},
                    {"change": "=", "value": "2000000.0", "unit": "$", "normalized_unit": "dollar", "referred_concepts": "-"}]},
                  {"text": "It opened in 2023.", "quantities": []}
                ]
                """);

            var run = CliRunner.Run("evaluate-quantities", "--newsquant", file);

            run.ExitCode.Should().Be(0, run.Stderr);
            run.Stdout.Should().Contain("value+unit");
            run.Stdout.Should().Contain("value+change");
            run.Stdout.Should().MatchRegex(@"value\s+2\s+100\.0\s+100\.0\s+100\.0");
            run.Stdout.Should().Contain("85.6");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void EvaluateQuantities_MissingFile_ExitsWithUsageError()
    {
        var run = CliRunner.Run("evaluate-quantities", "--newsquant", "/no/such/newsquant.json");

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("evaluate-quantities");
    }
}
