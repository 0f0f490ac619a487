using System.Text;

namespace QuoteExtraction.Tests.Robustness;

/// <summary>
/// Generates hostile documents (seeded, so failures reproduce): random quote marks of every style, lone surrogates,
/// U+0000, a 2 MB line without spaces, a document with 200,000 quotation pairs, empty and whitespace-only text.
/// Shared with the CLI tests (linked into that project).
/// </summary>
internal static class HostileCorpus
{
    private static readonly string[] Pieces =
    [
        "\u201C", "\u201D", "\u2018", "\u2019", "\"", "'", "\u00AB", "\u00BB", "``", "''", "\u201E", "\u2039", "\u203A",
        "\uD800", "\uDC00", "\uDBFF", "\uDFFF", "\uD83D\uDE00", "\0", "\r", "\n", "\n\n", "\t", "\u2028", "\u00A0", "\uFEFF",
        " ", " ", " ", "said", "told", "according to", "he", "She", "the minister", ",", ".", "!", "?", ":", "\u2014", "...",
        "word", "Smith", "caf\u00E9", "\u05E9\u05DC\u05D5\u05DD", "\u4E2D\u6587", "\\", "{", "}", "\u0301", "\uFFFF", "\uFFFE",
    ];

    /// <summary>The special documents, followed by <paramref name="randomCount"/> random ones.</summary>
    public static List<string> Generate(int randomCount, int seed = 20261125)
    {
        var random = new Random(seed);
        var docs = new List<string>
        {
            string.Empty,
            "   \t  \n\n  \r\n ",
            "\0",
            "\uD800",
            "\uDC00\"\uD800\"",
            "\"",
            "\u201C",
            "He said, \"We will win.\"",
            "\"unclosed quote at the end",
            new string('x', 2_000_000), // a 2 MB line without spaces
            BuildManyPairs(200_000),
            new string('"', 100_001),
            string.Concat(Enumerable.Repeat("\u201C\u2018\u00AB", 20_000)), // deep nesting, never closed
        };

        for (var i = 0; i < randomCount; i++)
        {
            var length = random.Next(0, 60);
            var sb = new StringBuilder();
            for (var j = 0; j < length; j++)
            {
                sb.Append(Pieces[random.Next(Pieces.Length)]);
                if (random.Next(4) == 0)
                {
                    sb.Append(' ');
                }
            }

            if (random.Next(50) == 0)
            {
                sb.Append((char)random.Next(0, 0x10000)); // any UTF-16 code unit at all
            }

            docs.Add(sb.ToString());
        }

        return docs;
    }

    /// <summary>Escapes a string as a JSON string literal, writing every surrogate as <c>\uXXXX</c> (so lone ones survive).</summary>
    public static string JsonString(string value)
    {
        var sb = new StringBuilder(value.Length + 2);
        sb.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20 || char.IsSurrogate(c))
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    /// <summary>Replaces lone surrogates with U+FFFD: what the JSON writer does to strings (offsets unchanged).</summary>
    public static string Sanitize(string value)
    {
        var chars = value.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }

    private static string BuildManyPairs(int pairs)
    {
        var sb = new StringBuilder(pairs * 8);
        for (var i = 0; i < pairs; i++)
        {
            sb.Append(i % 2 == 0 ? "\"ab\" " : "\u201Ccd\u201D ");
        }

        return sb.ToString();
    }
}
