using System.Globalization;
using System.Text;
using System.Text.Json;

namespace QuoteExtraction.Claims;

/// <summary>One labelled sentence for check-worthiness training.</summary>
/// <param name="Id">An identifier (ClaimBuster <c>sentence_id</c>, or CLEF <c>file_name:line_number</c>).</param>
/// <param name="Text">The sentence.</param>
/// <param name="Label"><see langword="true"/> when the sentence is a check-worthy factual claim.</param>
/// <param name="Group">The transcript the sentence comes from (CLEF <c>file_name</c>), or <c>null</c> when unknown.</param>
/// <param name="Speaker">The speaker, when the data set names one (CLEF); not used as a model feature.</param>
public sealed record ClaimSentence(string Id, string Text, bool Label, string? Group = null, string? Speaker = null);

/// <summary>Thrown when a claims data file is malformed.</summary>
public sealed class ClaimDataFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="inner">The underlying error, if any.</param>
    public ClaimDataFormatException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}

/// <summary>Readers for the check-worthiness data sets: ClaimBuster JSON and CLEF CheckThat! 2019 task 1 CSV.</summary>
public static class ClaimDatasets
{
    /// <summary>Reads a ClaimBuster JSON file: an array of <c>{"sentence_id", "label", "text"}</c> (label 1 = check-worthy).</summary>
    /// <param name="path">The file path.</param>
    /// <returns>The sentences in file order.</returns>
    /// <exception cref="ClaimDataFormatException">The file is not such an array.</exception>
    public static IReadOnlyList<ClaimSentence> ReadClaimBuster(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.OpenRead(path);
        return ReadClaimBuster(stream);
    }

    /// <summary>Reads ClaimBuster JSON from a stream.</summary>
    /// <param name="stream">A readable stream.</param>
    /// <returns>The sentences in order.</returns>
    /// <exception cref="ClaimDataFormatException">The data is not an array of labelled sentences.</exception>
    public static IReadOnlyList<ClaimSentence> ReadClaimBuster(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(stream);
        }
        catch (JsonException ex)
        {
            throw new ClaimDataFormatException($"Not JSON: {ex.Message}", ex);
        }

        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new ClaimDataFormatException("ClaimBuster data must be a JSON array.");
            }

            var result = new List<ClaimSentence>(doc.RootElement.GetArrayLength());
            int index = 0;
            foreach (var item in doc.RootElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object
                    || !item.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String
                    || !item.TryGetProperty("label", out var label) || label.ValueKind != JsonValueKind.Number)
                {
                    throw new ClaimDataFormatException($"Item {index} needs a string \"text\" and a numeric \"label\".");
                }

                string id = item.TryGetProperty("sentence_id", out var sid) ? sid.ToString() : index.ToString(CultureInfo.InvariantCulture);
                result.Add(new ClaimSentence(id, text.GetString()!, label.GetDouble() > 0.5));
                index++;
            }

            return result;
        }
    }

    /// <summary>Reads a CLEF 2019 task 1 CSV file with a header <c>line_number,speaker,text,label,file_name</c>.</summary>
    /// <param name="path">The file path.</param>
    /// <returns>The sentences in file order, grouped by <c>file_name</c>.</returns>
    /// <exception cref="ClaimDataFormatException">A column is missing or a row is malformed.</exception>
    public static IReadOnlyList<ClaimSentence> ReadClef(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new StreamReader(path, Encoding.UTF8);
        return ReadClef(reader);
    }

    /// <summary>Reads CLEF 2019 task 1 CSV from a reader (RFC 4180: quoted fields may hold commas, line breaks and doubled quotes).</summary>
    /// <param name="reader">The CSV text.</param>
    /// <returns>The sentences in order.</returns>
    /// <exception cref="ClaimDataFormatException">A column is missing or a row is malformed.</exception>
    public static IReadOnlyList<ClaimSentence> ReadClef(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        using var rows = ReadCsv(reader).GetEnumerator();
        if (!rows.MoveNext())
        {
            throw new ClaimDataFormatException("The CSV file is empty.");
        }

        var header = rows.Current.Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
        int Col(string name) => header.IndexOf(name) is var i and >= 0 ? i : throw new ClaimDataFormatException($"The CSV header has no '{name}' column.");
        int line = Col("line_number"), text = Col("text"), label = Col("label"), file = Col("file_name");
        int speaker = header.IndexOf("speaker");
        int width = header.Count;
        var result = new List<ClaimSentence>();
        int row = 1;
        while (rows.MoveNext())
        {
            row++;
            var f = rows.Current;
            if (f.Count == 1 && f[0].Length == 0)
            {
                continue; // blank line
            }

            if (f.Count != width)
            {
                throw new ClaimDataFormatException($"CSV record {row} has {f.Count} fields; the header has {width}.");
            }

            if (!int.TryParse(f[label].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int l) || l is < 0 or > 1)
            {
                throw new ClaimDataFormatException($"CSV record {row} has label '{f[label]}' (expected 0 or 1).");
            }

            result.Add(new ClaimSentence($"{f[file]}:{f[line]}", f[text], l == 1, f[file], speaker >= 0 ? f[speaker] : null));
        }

        return result;
    }

    /// <summary>Splits CSV text into records of fields (RFC 4180).</summary>
    /// <param name="reader">The CSV text.</param>
    /// <returns>The records.</returns>
    /// <exception cref="ClaimDataFormatException">A quoted field is not closed.</exception>
    public static IEnumerable<IReadOnlyList<string>> ReadCsv(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var field = new StringBuilder();
        var fields = new List<string>();
        bool quoted = false, any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            any = true;
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append((char)c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && reader.Peek() == '\n')
                {
                    reader.Read();
                }

                fields.Add(field.ToString());
                field.Clear();
                yield return fields;
                fields = [];
                any = false;
            }
            else
            {
                field.Append((char)c);
            }
        }

        if (quoted)
        {
            throw new ClaimDataFormatException("The CSV data ends inside a quoted field.");
        }

        if (any)
        {
            fields.Add(field.ToString());
            yield return fields;
        }
    }
}
