namespace QuoteExtraction.Text;

/// <summary>
/// The word lists that ship in <c>models/lexicons/</c>, embedded as <c>QuoteExtraction.Lexicons.&lt;file&gt;</c>, and small
/// word sets written in code. One place reads them, so every lexicon follows the same format: tab-separated rows,
/// blank lines and <c>#</c> comments ignored.
/// </summary>
internal static class EmbeddedLexicon
{
    /// <summary>The whole text of an embedded lexicon file.</summary>
    /// <param name="file">The file name, e.g. <c>cues.tsv</c>.</param>
    /// <returns>Its content.</returns>
    /// <exception cref="InvalidOperationException">The resource is missing from the assembly.</exception>
    public static string ReadText(string file)
    {
        var assembly = typeof(EmbeddedLexicon).Assembly;
        using var stream = assembly.GetManifestResourceStream("QuoteExtraction.Lexicons." + file)
            ?? throw new InvalidOperationException($"The embedded lexicon '{file}' is missing from {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The rows of an embedded lexicon file, each split on tabs; blank lines and <c>#</c> comments are skipped.</summary>
    /// <param name="file">The file name.</param>
    /// <returns>The rows, in file order.</returns>
    public static List<string[]> Rows(string file)
    {
        var rows = new List<string[]>();
        foreach (var raw in ReadText(file).Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (!string.IsNullOrWhiteSpace(line) && line[0] != '#')
            {
                rows.Add(line.Split('\t'));
            }
        }

        return rows;
    }
}
