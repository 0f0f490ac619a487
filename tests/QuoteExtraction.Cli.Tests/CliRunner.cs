namespace QuoteExtraction.Cli.Tests;

/// <summary>Runs quotex in-process and captures what it printed.</summary>
internal static class CliRunner
{
    public static CliRun RunWithStdin(string stdin, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = Program.Run(args, new StringReader(stdin), stdout, stderr);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    public static CliRun Run(params string[] args) => RunWithStdin(string.Empty, args);

    public static string[] OutputLines(string stdout) => stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

internal sealed record CliRun(int ExitCode, string Stdout, string Stderr);
