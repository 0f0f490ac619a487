namespace QuoteExtraction.Cli.Commands;

/// <summary>Loading a command's input files: one rule for what counts as a bad input (exit code 2, a message on stderr).</summary>
internal static class Inputs
{
    /// <summary>Whether an exception means the input cannot be used: missing or unreadable (I/O), or malformed (every corpus, data and model format error is a <see cref="FormatException"/>).</summary>
    /// <param name="ex">The exception.</param>
    /// <returns><c>true</c> for an input error.</returns>
    public static bool IsInputError(Exception ex) => ex is IOException or UnauthorizedAccessException or FormatException;

    /// <summary>Runs <paramref name="load"/>; on an input error prints "<paramref name="command"/>: message" to stderr.</summary>
    /// <typeparam name="T">What is loaded.</typeparam>
    /// <param name="context">The streams.</param>
    /// <param name="command">The command name for the message ("quotex train").</param>
    /// <param name="load">Reads the input.</param>
    /// <param name="value">The loaded value, or the default on failure.</param>
    /// <returns>Whether the input could be loaded.</returns>
    public static bool TryLoad<T>(CliContext context, string command, Func<T> load, out T value)
    {
        try
        {
            value = load();
            return true;
        }
        catch (Exception ex) when (IsInputError(ex))
        {
            context.Error.WriteLine($"{command}: {ex.Message}");
            value = default!;
            return false;
        }
    }
}
