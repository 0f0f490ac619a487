using System.Text.Json;

namespace QuoteExtraction.Corpora;

/// <summary>
/// Reads JSON Lines files of objects: one rule for line numbers, blank lines and malformed lines, so every reader of a
/// JSONL format reports errors the same way (<see cref="CorpusFormatException"/> with the file and line).
/// </summary>
internal static class JsonLines
{
    /// <summary>Parses each non-blank line of <paramref name="reader"/> with <paramref name="parse"/>, in order.</summary>
    /// <param name="reader">The JSONL text.</param>
    /// <param name="name">The file name for error messages.</param>
    /// <param name="parse">Turns a line's root element and 1-based line number into an item; throws <see cref="FormatException"/>,
    /// <see cref="KeyNotFoundException"/> or <see cref="InvalidOperationException"/> for a malformed line.</param>
    /// <returns>The items.</returns>
    /// <exception cref="CorpusFormatException">A line is not valid JSON or <paramref name="parse"/> rejects it.</exception>
    public static List<T> Read<T>(TextReader reader, string name, Func<JsonElement, int, T> parse)
    {
        var items = new List<T>();
        int lineNo = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var json = JsonDocument.Parse(line);
                items.Add(parse(json.RootElement, lineNo));
            }
            catch (JsonException ex)
            {
                throw new CorpusFormatException(name, lineNo, $"not valid JSON: {ex.Message}");
            }
            catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or FormatException && ex is not CorpusFormatException)
            {
                throw new CorpusFormatException(name, lineNo, ex.Message);
            }
        }

        return items;
    }

    /// <summary>Reads a JSONL file; see <see cref="Read{T}(TextReader, string, Func{JsonElement, int, T})"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="parse">Turns a line's root element and line number into an item.</param>
    /// <returns>The items.</returns>
    public static List<T> Read<T>(string path, Func<JsonElement, int, T> parse)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8);
        return Read(reader, path, parse);
    }
}
