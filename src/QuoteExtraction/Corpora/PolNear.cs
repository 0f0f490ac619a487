using System.Globalization;
using System.Text;

namespace QuoteExtraction.Corpora;

/// <summary>The role of an annotated span in an attribution relation.</summary>
public enum AttributionRole
{
    /// <summary>Who is quoted (PolNeAR "Source").</summary>
    Source,

    /// <summary>The cue that links source and content ("said").</summary>
    Cue,

    /// <summary>What was said (PolNeAR "Content").</summary>
    Content,
}

/// <summary>One annotated attribution: its content, cue and source, each possibly made of several fragments.</summary>
/// <param name="Id">The relation's identifier in its annotation file.</param>
/// <param name="Content">The content fragments, in document order (half-open UTF-16 spans).</param>
/// <param name="Cue">The cue fragments.</param>
/// <param name="Source">The source fragments; empty when the annotation has no source.</param>
public sealed record AnnotatedAttribution(
    string Id,
    IReadOnlyList<TextSpan> Content,
    IReadOnlyList<TextSpan> Cue,
    IReadOnlyList<TextSpan> Source)
{
    /// <summary>The first code unit of the content, or -1 when it has none.</summary>
    public int ContentStart => Content.Count == 0 ? -1 : Content[0].Start;

    /// <summary>One past the last code unit of the content, or -1 when it has none.</summary>
    public int ContentEnd => Content.Count == 0 ? -1 : Content[^1].End;
}

/// <summary>An annotated document: its text and attributions.</summary>
/// <param name="Name">The document name (file name without extension).</param>
/// <param name="Text">The text all spans refer to.</param>
/// <param name="Attributions">The attributions, in annotation order.</param>
public sealed record AnnotatedDocument(string Name, string Text, IReadOnlyList<AnnotatedAttribution> Attributions);

/// <summary>Thrown when an annotation file cannot be read; says where.</summary>
public sealed class CorpusFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The file.</param>
    /// <param name="line">The 1-based line number.</param>
    /// <param name="message">What is wrong.</param>
    public CorpusFormatException(string path, int line, string message)
        : base($"{path}({line}): {message}")
    {
        Path = path;
        Line = line;
    }

    /// <summary>The file that is malformed.</summary>
    public string Path { get; }

    /// <summary>The 1-based line number of the problem.</summary>
    public int Line { get; }
}

/// <summary>
/// Reads the PolNeAR corpus (Newell, Margolin and Ruths, LREC 2018): <c>text/NAME.txt</c> and
/// <c>attributions/NAME_ANNOTATOR.ann</c> brat standoff files.
/// </summary>
/// <remarks>
/// brat offsets count Unicode code points of the UTF-8 text; they are converted to UTF-16 code units here.
/// Where an article was annotated by several annotators, the first annotation file in ordinal order is used.
/// </remarks>
public static class PolNear
{
    /// <summary>Reads every annotated document of one split folder (the one holding <c>text/</c> and <c>attributions/</c>).</summary>
    /// <param name="splitDirectory">For example <c>../shared/data/polnear/data/dev</c>.</param>
    /// <returns>The documents in file-name order; texts without an annotation file are skipped.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder or its <c>text</c> sub-folder does not exist.</exception>
    /// <exception cref="CorpusFormatException">An annotation line is malformed.</exception>
    public static IReadOnlyList<AnnotatedDocument> ReadSplit(string splitDirectory)
    {
        ArgumentNullException.ThrowIfNull(splitDirectory);
        string textDir = System.IO.Path.Combine(splitDirectory, "text");
        string annDir = System.IO.Path.Combine(splitDirectory, "attributions");
        if (!Directory.Exists(textDir))
        {
            throw new DirectoryNotFoundException($"No PolNeAR text folder at '{textDir}'. Pass a split folder such as data/polnear/data/dev.");
        }

        var annotations = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Directory.Exists(annDir))
        {
            foreach (var ann in Directory.GetFiles(annDir, "*.ann").Order(StringComparer.Ordinal))
            {
                var fileName = System.IO.Path.GetFileNameWithoutExtension(ann);
                int cut = fileName.LastIndexOf('_');
                var name = cut > 0 ? fileName[..cut] : fileName;
                annotations.TryAdd(name, ann);
            }
        }

        var docs = new List<AnnotatedDocument>();
        foreach (var txt in Directory.GetFiles(textDir, "*.txt").Order(StringComparer.Ordinal))
        {
            var name = System.IO.Path.GetFileNameWithoutExtension(txt);
            if (!annotations.TryGetValue(name, out var annPath))
            {
                continue;
            }

            var text = File.ReadAllText(txt, Encoding.UTF8);
            docs.Add(new AnnotatedDocument(name, text, ReadAnnotations(annPath, File.ReadAllLines(annPath, Encoding.UTF8), text)));
        }

        return docs;
    }

    /// <summary>Parses brat standoff lines against <paramref name="text"/>.</summary>
    /// <param name="path">The file name, for error messages.</param>
    /// <param name="lines">The lines of the .ann file.</param>
    /// <param name="text">The document text.</param>
    /// <returns>The attributions that have at least a content or a cue.</returns>
    /// <exception cref="CorpusFormatException">A line is malformed or a span lies outside the text.</exception>
    public static IReadOnlyList<AnnotatedAttribution> ReadAnnotations(string path, IReadOnlyList<string> lines, string text)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(text);
        var map = CodePointMap.Create(text);
        var spans = new Dictionary<string, (string Type, List<TextSpan> Spans)>(StringComparer.Ordinal);
        var relations = new List<(string Id, Dictionary<string, string> Args)>();
        for (int n = 0; n < lines.Count; n++)
        {
            var line = lines[n];
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split('\t');
            if (line[0] == 'T')
            {
                // T12<TAB>Type START END[;START END]*<TAB>text
                if (parts.Length < 2)
                {
                    continue; // A type without a span (brat note); nothing to read.
                }

                var head = parts[1];
                int space = head.IndexOf(' ');
                if (space < 0)
                {
                    continue;
                }

                var type = head[..space];
                var list = new List<TextSpan>();
                foreach (var range in head[(space + 1)..].Split(';'))
                {
                    var se = range.Trim().Split(' ');
                    if (se.Length != 2
                        || !int.TryParse(se[0], NumberStyles.None, CultureInfo.InvariantCulture, out int s)
                        || !int.TryParse(se[1], NumberStyles.None, CultureInfo.InvariantCulture, out int e)
                        || e < s)
                    {
                        throw new CorpusFormatException(path, n + 1, $"Bad span '{range}'.");
                    }

                    int us = map.ToUtf16(s);
                    int ue = map.ToUtf16(e);
                    if (us < 0 || ue < 0)
                    {
                        throw new CorpusFormatException(path, n + 1, $"Span {s}-{e} lies outside the text ({map.CodePointCount} code points).");
                    }

                    list.Add(new TextSpan(us, ue, text[us..ue]));
                }

                list.Sort((a, b) => a.Start.CompareTo(b.Start));
                spans[parts[0]] = (type, list);
            }
            else if (line[0] == 'E' && parts.Length >= 2)
            {
                var args = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var arg in parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    int colon = arg.IndexOf(':');
                    if (colon > 0)
                    {
                        args[arg[..colon]] = arg[(colon + 1)..];
                    }
                }

                relations.Add((parts[0], args));
            }
        }

        var result = new List<AnnotatedAttribution>(relations.Count);
        foreach (var (id, args) in relations)
        {
            var content = Get(spans, args, "Content");
            var cue = Get(spans, args, "Cue");
            var source = Get(spans, args, "Source");
            if (content.Count > 0 || cue.Count > 0)
            {
                result.Add(new AnnotatedAttribution(id, content, cue, source));
            }
        }

        return result;
    }

    private static IReadOnlyList<TextSpan> Get(Dictionary<string, (string Type, List<TextSpan> Spans)> spans, Dictionary<string, string> args, string role) =>
        args.TryGetValue(role, out var tid) && spans.TryGetValue(tid, out var s) ? s.Spans : [];

    /// <summary>Maps code-point offsets to UTF-16 offsets; the identity when the text has no surrogate pairs.</summary>
    private sealed class CodePointMap
    {
        private readonly int[]? _map;
        private readonly int _length;

        private CodePointMap(int[]? map, int length, int codePoints)
        {
            _map = map;
            _length = length;
            CodePointCount = codePoints;
        }

        public int CodePointCount { get; }

        public static CodePointMap Create(string text)
        {
            if (text.AsSpan().IndexOfAnyInRange('\uD800', '\uDBFF') < 0)
            {
                return new CodePointMap(null, text.Length, text.Length);
            }

            var map = new List<int>(text.Length + 1);
            for (int i = 0; i < text.Length; i++)
            {
                map.Add(i);
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                }
            }

            map.Add(text.Length);
            return new CodePointMap([.. map], text.Length, map.Count - 1);
        }

        public int ToUtf16(int codePoint)
        {
            if (_map is null)
            {
                return codePoint >= 0 && codePoint <= _length ? codePoint : -1;
            }

            return codePoint >= 0 && codePoint < _map.Length ? _map[codePoint] : -1;
        }
    }
}
