using System.Text.Json;
using FluentAssertions;
using NUnit.Framework;

namespace QuoteExtraction.Cli.Tests;

public class ClaimsCommandTests
{
    [Test]
    public void Claims_Jsonl_WritesOneLinePerUnitInOrder()
    {
        var run = CliRunner.RunWithStdin(
            "{\"id\":\"a\",\"text\":\"The council spent £3.5m on road repairs.\"}\nnot json\n{\"id\":\"b\",\"text\":\"Thank you all for coming.\"}\n",
            "claims", "--input", "-", "--threads", "2", "-q");
        run.ExitCode.Should().Be(1);
        var lines = CliRunner.OutputLines(run.Stdout);
        lines.Should().HaveCount(2);
        using var first = JsonDocument.Parse(lines[0]);
        first.RootElement.GetProperty("id").GetString().Should().Be("a");
        first.RootElement.GetProperty("checkWorthiness").GetDouble().Should().BeInRange(0, 1);
        first.RootElement.GetProperty("quantities")[0].GetProperty("value").GetDouble().Should().Be(3_500_000);
        first.RootElement.GetProperty("claims")[0].GetProperty("type").GetString().Should().Be("statistic");
        first.RootElement.GetProperty("claims")[0].GetProperty("assertedBy").GetProperty("kind").GetString().Should().Be("reporter");
        using var second = JsonDocument.Parse(lines[1]);
        second.RootElement.GetProperty("claims").GetArrayLength().Should().Be(0);
        run.Stderr.Should().Contain("line 2:");
    }

    [Test]
    public void Claims_File_PrintsIndentedJson()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "\"Prices will rise by 4% next year,\" Tom Reed said.");
            var run = CliRunner.Run("claims", path);
            run.ExitCode.Should().Be(0);
            using var doc = JsonDocument.Parse(run.Stdout);
            var claim = doc.RootElement.GetProperty("claims")[0];
            claim.GetProperty("assertedBy").GetProperty("name").GetString().Should().Be("Tom Reed");
            claim.GetProperty("time").GetProperty("value").GetString().Should().Be("next-year");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Claims_NoInput_IsUsageError() => CliRunner.Run("claims").ExitCode.Should().Be(2);
}
