namespace QuoteExtraction.Cli;

/// <summary>The entry point of the quotex command (placeholder until the CLI lands).</summary>
public static class Program
{
    /// <summary>Runs quotex.</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <returns>The exit code.</returns>
    public static int Main(string[] args) => args.Length >= 0 ? 0 : 1;
}
