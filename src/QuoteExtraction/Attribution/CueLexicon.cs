using QuoteExtraction.Text;

namespace QuoteExtraction.Attribution;

/// <summary>The broad class of a speech cue, a feature of the attribution model (and later of the source medium).</summary>
public enum CueClass : byte
{
    /// <summary>Not a cue.</summary>
    None,

    /// <summary>said, added, warned, told ...</summary>
    Neutral,

    /// <summary>wrote, tweeted, posted ...</summary>
    Write,

    /// <summary>spoke, addressed ...</summary>
    Speak,

    /// <summary>according to.</summary>
    According,

    /// <summary>in a statement.</summary>
    Statement,

    /// <summary>in an interview.</summary>
    Interview,

    /// <summary>thinks, believes ...</summary>
    Belief,

    /// <summary>A colon that introduces a quotation with no verb ("Trump on Monday: ...").</summary>
    Colon,
}

/// <summary>One cue found in a document: a token range and what it is.</summary>
/// <param name="FirstToken">The first token of the cue.</param>
/// <param name="EndToken">One past the last token of the cue.</param>
/// <param name="Start">The first code unit.</param>
/// <param name="End">One past the last code unit.</param>
/// <param name="Lemma">The cue's lemma ("say", "point out").</param>
/// <param name="Class">Its class.</param>
/// <param name="LemmaRank">The lemma's rank in the lexicon's frequency order (0 = say), a model feature.</param>
/// <param name="Form">How the cue is inflected: 0 base, 1 third person, 2 past, 3 -ing, 4 other.</param>
public readonly record struct CueMatch(int FirstToken, int EndToken, int Start, int End, string Lemma, CueClass Class, int LemmaRank, int Form);

/// <summary>
/// The speech-cue lexicon (<c>models/lexicons/cues.tsv</c>, embedded): lemmas, classes and inflected forms,
/// British and American spellings, multi-word cues. Matching is on tokens with span look-ups, no regex.
/// </summary>
public sealed class CueLexicon
{
    private static readonly Lazy<CueLexicon> LazyDefault = new(() => Parse(EmbeddedLexicon.ReadText("cues.tsv")), LazyThreadSafetyMode.ExecutionAndPublication);

    // First word (ignoring case) -> entries starting with it, longest first; the filter rules out most words unhashed.
    private readonly WordIndex<Entry[]> _byFirstWord = new(ignoreCase: true);

    private CueLexicon(Dictionary<string, List<Entry>> byFirstWord, int count)
    {
        foreach (var (word, entries) in byFirstWord)
        {
            _byFirstWord[word] = Sorted.StableDescending(entries, e => e.Words.Length);
        }

        Count = count;
    }

    /// <summary>The lexicon that ships with the library.</summary>
    public static CueLexicon Default => LazyDefault.Value;

    /// <summary>The number of surface forms.</summary>
    public int Count { get; }

    /// <summary>Parses a lexicon in the <c>cues.tsv</c> format: <c>lemma TAB class TAB form|form|...</c>, <c>#</c> comments.</summary>
    /// <param name="content">The file content.</param>
    /// <returns>The lexicon.</returns>
    /// <exception cref="FormatException">A line is malformed; the message names it.</exception>
    public static CueLexicon Parse(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var map = new Dictionary<string, List<Entry>>(StringComparer.OrdinalIgnoreCase);
        int rank = 0, count = 0, lineNo = 0;
        foreach (var raw in content.Split('\n'))
        {
            lineNo++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length != 3 || !TryParseClass(parts[1], out var cls))
            {
                throw new FormatException($"cues.tsv line {lineNo}: expected 'lemma<TAB>class<TAB>forms', got '{line}'.");
            }

            var forms = parts[2].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            for (int f = 0; f < forms.Length; f++)
            {
                var words = forms[f].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var entry = new Entry(words, parts[0], cls, rank, FormOf(forms[f], parts[0], f));
                if (!map.TryGetValue(words[0], out var list))
                {
                    map[words[0]] = list = [];
                }

                list.Add(entry);
                count++;
            }

            rank++;
        }

        return new CueLexicon(map, count);
    }

    // The class names as cues.tsv writes them, without Enum.TryParse's generic instantiation (JIT-compiled at start-up);
    // anything else (other casing, numbers) goes to Enum.TryParse as before.
    private static bool TryParseClass(string name, out CueClass cls)
    {
        cls = name switch
        {
            "neutral" => CueClass.Neutral,
            "write" => CueClass.Write,
            "belief" => CueClass.Belief,
            "speak" => CueClass.Speak,
            "according" => CueClass.According,
            "statement" => CueClass.Statement,
            "interview" => CueClass.Interview,
            _ => CueClass.None,
        };
        return cls != CueClass.None || Enum.TryParse(name, ignoreCase: true, out cls);
    }

    /// <summary>
    /// Finds every cue in the document, in order, longest match first, never overlapping: lexicon words and
    /// punctuation cues (a colon after a short name at the start of a sentence, "Trump: ...", and a dash after a
    /// closing quote mark, "... ” ― Jane Doe").
    /// </summary>
    /// <param name="document">The analysed text.</param>
    /// <returns>The cues.</returns>
    public List<CueMatch> FindAll(TextDocument document) => FindAll(document, (bool[]?)null);

    /// <summary>Finds the cues, looking only at tokens where <paramref name="near"/> is set (all when <c>null</c>).</summary>
    /// <param name="document">The analysed text.</param>
    /// <param name="near">Per token: whether to look there (the sentences around quotations), or <c>null</c>.</param>
    /// <returns>The cues.</returns>
    public List<CueMatch> FindAll(TextDocument document, bool[]? near)
    {
        ArgumentNullException.ThrowIfNull(document);
        var result = new List<CueMatch>();
        var tokens = document.Tokens;
        var text = document.Text;
        ReadOnlySpan<char> span = text;
        int sentenceStart = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            if (token.Has(TokenFlags.SentenceStart))
            {
                sentenceStart = i;
            }

            if (near is not null && !near[i])
            {
                continue;
            }

            if (TryMatch(span, tokens, i, out var match))
            {
                result.Add(match);
                i = match.EndToken - 1;
                continue;
            }

            if (token.Kind == TokenKind.Punctuation && i > 0)
            {
                AddPunctuationCue(tokens, text, i, sentenceStart, result);
            }
        }

        return result;
    }

    /// <summary>
    /// Finds the cues starting in the given token ranges: the same cues as <see cref="FindAll(TextDocument, bool[])"/>
    /// with those tokens marked, without visiting the tokens between the ranges (most of a long article).
    /// </summary>
    /// <param name="document">The analysed text.</param>
    /// <param name="ranges">Token ranges [First, End), ascending and not overlapping.</param>
    /// <returns>The cues.</returns>
    internal List<CueMatch> FindAll(TextDocument document, ReadOnlySpan<(int First, int End)> ranges)
    {
        var result = new List<CueMatch>();
        var tokens = document.Tokens;
        var text = document.Text;
        ReadOnlySpan<char> span = text;
        int sentenceStart = 0;
        int scanned = 0; // tokens below this were visited (or skipped inside a match) by the full scan's rules
        foreach (var (first, end) in ranges)
        {
            // The full scan would have seen the sentence starts between the ranges: the latest one is all it keeps.
            for (int t = first - 1; t >= scanned; t--)
            {
                if (tokens[t].Has(TokenFlags.SentenceStart))
                {
                    sentenceStart = t;
                    break;
                }
            }

            int i = Math.Max(first, scanned);
            for (; i < end; i++)
            {
                var token = tokens[i];
                if (token.Has(TokenFlags.SentenceStart))
                {
                    sentenceStart = i;
                }

                if (TryMatch(span, tokens, i, out var match))
                {
                    result.Add(match);
                    i = match.EndToken - 1;
                    continue;
                }

                if (token.Kind == TokenKind.Punctuation && i > 0)
                {
                    AddPunctuationCue(tokens, text, i, sentenceStart, result);
                }
            }

            scanned = Math.Max(i, first);
        }

        return result;
    }

    /// <summary>Adds the punctuation cue at token <paramref name="i"/> (a punctuation token after the first), if it is one.</summary>
    private static void AddPunctuationCue(ReadOnlySpan<Token> tokens, string text, int i, int sentenceStart, List<CueMatch> result)
    {
        var token = tokens[i];
        char c = text[token.Start];
        if (c == ':' && i - sentenceStart is >= 1 and <= 6 && (tokens[i - 1].Has(TokenFlags.Capitalized) || tokens[i - 1].Has(TokenFlags.AllCaps)))
        {
            result.Add(new CueMatch(i, i + 1, token.Start, token.End, ":", CueClass.Colon, 1000, 4));
        }
        else if (c is '\u2015' or '\u2014' or '-' && (tokens[i - 1].Kind == TokenKind.QuoteMark || (i > 1 && tokens[i - 2].Kind == TokenKind.QuoteMark && text[tokens[i - 1].Start] is '-' or '\u2014'))
            && i + 1 < tokens.Length && tokens[i + 1].Has(TokenFlags.Capitalized))
        {
            result.Add(new CueMatch(i, i + 1, token.Start, token.End, "\u2015", CueClass.Colon, 1001, 4));
        }
    }

    /// <summary>Tries to match a cue starting at token <paramref name="i"/>.</summary>
    /// <param name="document">The analysed text.</param>
    /// <param name="i">The token index.</param>
    /// <param name="match">The cue, when found.</param>
    /// <returns>Whether a cue starts there.</returns>
    public bool TryMatch(TextDocument document, int i, out CueMatch match)
    {
        ArgumentNullException.ThrowIfNull(document);
        return TryMatch(document.Text, document.Tokens, i, out match);
    }

    /// <summary><see cref="TryMatch(TextDocument, int, out CueMatch)"/> on a document's text and tokens.</summary>
    /// <remarks>
    /// Scans take the text as a span once and slice it per token: converting the string per token is a call in
    /// ReadyToRun code, which runs until the background JIT replaces it.
    /// </remarks>
    internal bool TryMatch(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int i, out CueMatch match)
    {
        match = default;
        // A capitalised word inside a sentence is part of a name ("Acme Rail said"), not a speech verb.
        if (tokens[i].Kind != TokenKind.Word
            || (tokens[i].Has(TokenFlags.Capitalized) && !tokens[i].Has(TokenFlags.SentenceStart) && i > 0 && tokens[i - 1].Kind != TokenKind.QuoteMark)
            || !_byFirstWord.TryGetValue(text.Slice(tokens[i].Start, tokens[i].End - tokens[i].Start), out var entries))
        {
            return false;
        }

        foreach (var entry in entries)
        {
            int n = entry.Words.Length;
            if (i + n > tokens.Length)
            {
                continue;
            }

            bool ok = true;
            for (int k = 1; k < n && ok; k++)
            {
                ok = text.Slice(tokens[i + k].Start, tokens[i + k].End - tokens[i + k].Start).Equals(entry.Words[k], StringComparison.OrdinalIgnoreCase);
            }

            if (ok)
            {
                match = new CueMatch(i, i + n, tokens[i].Start, tokens[i + n - 1].End, entry.Lemma, entry.Class, entry.Rank, entry.Form);
                return true;
            }
        }

        return false;
    }

    private static int FormOf(string form, string lemma, int index)
    {
        if (form.Equals(lemma, StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        var head = form.Split(' ')[0];
        if (head.EndsWith("ing", StringComparison.OrdinalIgnoreCase))
        {
            return 3;
        }

        if (head.EndsWith('s') && index == 1)
        {
            return 1;
        }

        return index == 2 ? 2 : 4;
    }

    private sealed record Entry(string[] Words, string Lemma, CueClass Class, int Rank, int Form);
}
