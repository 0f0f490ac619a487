namespace QuoteExtraction.Quotes;

/// <summary>A quotation span found by pairing quote marks, before it is classified.</summary>
/// <param name="Start">The opening mark.</param>
/// <param name="End">One past the closing mark (or the trimmed paragraph end when unclosed).</param>
/// <param name="InnerStart">One past the opening mark.</param>
/// <param name="InnerEnd">The closing mark (or <paramref name="End"/> when unclosed).</param>
/// <param name="Unclosed">Whether no closing mark was found.</param>
/// <param name="Family">The family of its marks.</param>
/// <param name="ContinuesNext">The quotation runs on into the next paragraph (this piece ends at its paragraph end).</param>
/// <param name="ContinuesPrevious">This piece continues a quotation from the paragraph before.</param>
internal readonly record struct RawQuote(int Start, int End, int InnerStart, int InnerEnd, bool Unclosed, QuoteFamily Family, bool ContinuesNext = false, bool ContinuesPrevious = false);

/// <summary>
/// Finds quotation spans delimited by quote marks in one pass over the text, paragraph by paragraph.
/// Stateless after construction and thread-safe: all scan state lives on the stack or in pooled arrays.
/// </summary>
/// <remarks>
/// Rules, in order of precedence:
/// <list type="bullet">
/// <item>A closing mark closes the nearest open mark of its own family (double: " “ ” „ « » `` ''; single: ' ‘ ’ ` ‹ ›).</item>
/// <item>Straight marks take their direction from their neighbours (an opener follows space or an opening bracket and precedes text; a closer follows text and precedes space or punctuation); when that is undecided, a straight double mark closes an open double quotation, else opens one.</item>
/// <item>A single mark between two letters is an apostrophe (don't, Starmer's); a leading elision ('90s, 'em, 'n') never opens; a trailing single mark only closes when a single quotation is open (the Joneses' house otherwise).</item>
/// <item>A paragraph that ends inside a double quotation continues into the next paragraph when that one starts with an opening mark of the same style (the news convention) or when its first double mark closes; each paragraph is then its own piece, linked by <see cref="RawQuote.ContinuesNext"/> and <see cref="RawQuote.ContinuesPrevious"/>, as corpora such as PolNeAR annotate them. Otherwise the quotation is closed at its paragraph end with an <see cref="WarningCodes.UnclosedQuote"/> warning.</item>
/// <item>Single quotations left open at a paragraph end were apostrophes and are dropped silently.</item>
/// </list>
/// </remarks>
internal sealed class QuoteScanner
{
    private readonly QuoteExtractorOptions _options;

    public QuoteScanner(QuoteExtractorOptions options) => _options = options;

    /// <summary>Scans and classifies <paramref name="text"/>.</summary>
    public QuoteExtractionResult Extract(string text)
    {
        var warnings = new List<ExtractionWarning>();
        int limit = text.Length;
        if (limit > _options.MaxDocumentLength)
        {
            limit = _options.MaxDocumentLength;

            // Never cut a surrogate pair in half.
            if (limit > 0 && char.IsHighSurrogate(text[limit - 1]))
            {
                limit--;
            }

            warnings.Add(new ExtractionWarning(
                WarningCodes.DocumentTruncated,
                $"The document has {text.Length} characters; only the first {limit} were read (MaxDocumentLength).",
                limit));
        }

        CheckSurrogates(text.AsSpan(0, limit), warnings);

        var raw = new RawQuoteList();
        try
        {
            Scan(text.AsSpan(0, limit), ref raw, warnings);
            var quotes = QuoteClassifier.Build(text, raw.AsSpan(), _options, warnings);
            return new QuoteExtractionResult(text, quotes, warnings.Count == 0 ? [] : warnings);
        }
        finally
        {
            raw.Dispose();
        }
    }

    /// <summary>Finds the raw spans; public for the benchmarks and tests through <see cref="ScanRaw"/>.</summary>
    internal static RawQuote[] ScanRaw(string text, QuoteExtractorOptions? options = null)
    {
        var raw = new RawQuoteList();
        try
        {
            var scanner = new ScanContext(options ?? QuoteExtractorOptions.Default);
            scanner.Run(text.AsSpan(), ref raw, []);
            var result = raw.AsSpan().ToArray();
            Array.Sort(result, static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
            return result;
        }
        finally
        {
            raw.Dispose();
        }
    }

    private void Scan(ReadOnlySpan<char> text, ref RawQuoteList raw, List<ExtractionWarning> warnings)
    {
        var context = new ScanContext(_options);
        context.Run(text, ref raw, warnings);
        raw.SortByStart();
    }

    private static void CheckSurrogates(ReadOnlySpan<char> text, List<ExtractionWarning> warnings)
    {
        int i = text.IndexOfAnyInRange('\uD800', '\uDFFF');
        while (i >= 0)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                int next = text[(i + 2)..].IndexOfAnyInRange('\uD800', '\uDFFF');
                i = next < 0 ? -1 : i + 2 + next;
                continue;
            }

            warnings.Add(new ExtractionWarning(
                WarningCodes.InvalidCharacter,
                "The text holds a lone UTF-16 surrogate; it was read as an ordinary character.",
                i));
            return; // One warning per document is enough to flag the problem.
        }
    }

    /// <summary>An open mark on the pairing stack.</summary>
    private struct OpenMark
    {
        public int Start;
        public int InnerStart;
        public int Paragraphs;
        public QuoteFamily Family;
        public bool ContinuesPrevious;

        /// <summary>The first character of the opening mark, so that a continuation re-opens in the same style.</summary>
        public char Style;
    }

    /// <summary>The per-call scan state. A ref struct would not hold the pooled stack across calls, so it is a plain struct used once.</summary>
    private struct ScanContext
    {
        private const int MaxDepth = 64;

        private readonly QuoteExtractorOptions _options;
        private OpenMark[] _stack;
        private int _depth;
        private bool _hasPending;
        private OpenMark _pending;
        private int _pendingEnd;
        private int _unclosedWarnings;
        private int _unopenedWarnings;
        private bool _depthWarned;

        public ScanContext(QuoteExtractorOptions options)
        {
            _options = options;
            _stack = [];
            _depth = 0;
            _hasPending = false;
            _pending = default;
            _pendingEnd = 0;
            _unclosedWarnings = 0;
            _unopenedWarnings = 0;
            _depthWarned = false;
        }

        public void Run(ReadOnlySpan<char> text, ref RawQuoteList raw, List<ExtractionWarning> warnings)
        {
            _stack = ScratchArray<OpenMark>.Rent(MaxDepth);
            try
            {
                RunCore(text, ref raw, warnings);
            }
            finally
            {
                ScratchArray<OpenMark>.Return(_stack);
            }
        }

        private void RunCore(ReadOnlySpan<char> text, ref RawQuoteList raw, List<ExtractionWarning> warnings)
        {
            int i = 0;
            int paraStart = 0;
            bool paraSawDouble = false;
            int limit = text.Length;
            while (i < limit)
            {
                int rel = text[i..].IndexOfAny(QuoteMarks.MarksAndBreaks);
                if (rel < 0)
                {
                    break;
                }

                int j = i + rel;
                char c = text[j];
                if (QuoteMarks.IsLineBreak(c))
                {
                    // Blank lines do not end a paragraph's continuation; only lines with content count.
                    if (!text[paraStart..j].IsWhiteSpace())
                    {
                        EndParagraph(text, paraStart, j, paraSawDouble, ref raw, warnings);
                        paraSawDouble = false;
                    }

                    i = j + 1;
                    paraStart = i;
                    continue;
                }

                int len = QuoteMarks.Classify(text, j, out var family, out var role);

                // Three apostrophes closing a single quotation inside a typewriter double one: the single mark comes first.
                if (len == 2 && c == '\'' && j + 2 < limit && text[j + 2] == '\'' && _depth > 0 && _stack[_depth - 1].Family == QuoteFamily.Single)
                {
                    len = 1;
                    family = QuoteFamily.Single;
                    role = MarkRole.Either;
                }

                i = j + len;
                char prev = j > 0 ? text[j - 1] : '\n';
                char next = j + len < limit ? text[j + len] : '\n';
                if (family == QuoteFamily.Double)
                {
                    bool first = !paraSawDouble;
                    paraSawDouble = true;
                    HandleDouble(text, j, len, role, prev, next, first, paraStart, ref raw, warnings);
                }
                else
                {
                    HandleSingle(text, j, len, role, prev, next, ref raw);
                }
            }

            if (!text[paraStart..limit].IsWhiteSpace())
            {
                EndParagraph(text, paraStart, limit, paraSawDouble, ref raw, warnings);
            }

            if (_hasPending)
            {
                EmitUnclosed(_pending, _pendingEnd, ref raw, warnings);
                _hasPending = false;
            }
        }

        private void HandleDouble(
            ReadOnlySpan<char> text, int j, int len, MarkRole role, char prev, char next, bool firstInParagraph, int paraStart,
            ref RawQuoteList raw, List<ExtractionWarning> warnings)
        {
            bool leftFlank = (QuoteMarks.IsOpeningContext(prev) || QuoteMarks.IsQuoteChar(prev)) && !char.IsWhiteSpace(next);
            bool rightFlank = !char.IsWhiteSpace(prev) && (QuoteMarks.IsClosingContext(next) || QuoteMarks.IsQuoteChar(next));

            // A continuation decision is due at the first double mark of a paragraph after one that ended inside a quotation.
            if (firstInParagraph && _hasPending)
            {
                bool atParagraphStart = text[paraStart..j].IsWhiteSpace();
                bool opens = role == MarkRole.Open || (role == MarkRole.Either && !rightFlank) || (role == MarkRole.Close && leftFlank && !rightFlank);
                if (opens && atParagraphStart && SameStyle(_pending.Style, text[j]))
                {
                    // The news convention: each paragraph of a long quotation re-opens it and only the last closes.
                    EmitPiece(_pending, _pendingEnd, ref raw);
                    Push(new OpenMark { Start = j, InnerStart = j + len, Paragraphs = _pending.Paragraphs + 1, Family = QuoteFamily.Double, Style = _pending.Style, ContinuesPrevious = true });
                    _hasPending = false;
                    return;
                }

                if (!opens)
                {
                    // The quotation ran on without a re-opening mark and closes here: its second piece starts with the paragraph.
                    EmitPiece(_pending, _pendingEnd, ref raw);
                    int contentStart = paraStart;
                    while (contentStart < j && char.IsWhiteSpace(text[contentStart]))
                    {
                        contentStart++;
                    }

                    Push(new OpenMark { Start = contentStart, InnerStart = contentStart, Paragraphs = _pending.Paragraphs + 1, Family = QuoteFamily.Double, Style = _pending.Style, ContinuesPrevious = true });
                    _hasPending = false;
                }
                else
                {
                    EmitUnclosed(_pending, _pendingEnd, ref raw, warnings);
                    _hasPending = false;
                }
            }

            bool hasOpen = FindOpen(QuoteFamily.Double) >= 0;
            bool open = role switch
            {
                MarkRole.Open => !(rightFlank && !leftFlank && hasOpen),
                MarkRole.Close => leftFlank && !rightFlank && !hasOpen,
                _ => leftFlank != rightFlank ? leftFlank : !hasOpen,
            };

            if (open)
            {
                Push(new OpenMark { Start = j, InnerStart = j + len, Paragraphs = 1, Family = QuoteFamily.Double, Style = text[j] }, warnings);
                return;
            }

            int k = FindOpen(QuoteFamily.Double);
            if (k < 0)
            {
                if (_unopenedWarnings++ < 8)
                {
                    warnings.Add(new ExtractionWarning(WarningCodes.UnopenedQuote, "A closing quote mark has no opening mark; it was ignored.", j));
                }

                return;
            }

            CloseAt(k, j, j + len, ref raw, warnings);
        }

        private void HandleSingle(ReadOnlySpan<char> text, int j, int len, MarkRole role, char prev, char next, ref RawQuoteList raw)
        {
            bool prevWord = QuoteMarks.IsWordChar(prev);
            bool nextWord = QuoteMarks.IsWordChar(next);
            switch (role)
            {
                case MarkRole.Open:
                    Push(new OpenMark { Start = j, InnerStart = j + len, Paragraphs = 1, Family = QuoteFamily.Single });
                    return;
                case MarkRole.Close:
                    CloseSingle(j, len, ref raw);
                    return;
                case MarkRole.OpenOrElision:
                    if (prevWord || char.IsWhiteSpace(next) || QuoteMarks.IsLeadingElision(text, j + len))
                    {
                        return;
                    }

                    Push(new OpenMark { Start = j, InnerStart = j + len, Paragraphs = 1, Family = QuoteFamily.Single });
                    return;
                case MarkRole.CloseOrApostrophe:
                    if (prevWord && nextWord)
                    {
                        return; // don’t, Starmer’s
                    }

                    if (!char.IsWhiteSpace(prev) && !nextWord)
                    {
                        CloseSingle(j, len, ref raw);
                    }

                    return;
                default:
                    if (prevWord && nextWord)
                    {
                        return; // don't, O'Neill
                    }

                    bool leftFlank = (QuoteMarks.IsOpeningContext(prev) || QuoteMarks.IsQuoteChar(prev)) && !char.IsWhiteSpace(next);
                    if (leftFlank && !prevWord)
                    {
                        if (!QuoteMarks.IsLeadingElision(text, j + len))
                        {
                            Push(new OpenMark { Start = j, InnerStart = j + len, Paragraphs = 1, Family = QuoteFamily.Single });
                        }

                        return;
                    }

                    if (!char.IsWhiteSpace(prev) && !nextWord)
                    {
                        CloseSingle(j, len, ref raw);
                    }

                    return;
            }
        }

        /// <summary>Closes the innermost open single quotation, but only when no double quotation was opened inside it.</summary>
        private void CloseSingle(int j, int len, ref RawQuoteList raw)
        {
            for (int k = _depth - 1; k >= 0; k--)
            {
                if (_stack[k].Family == QuoteFamily.Double)
                {
                    return; // A single mark cannot close across an open double quotation: it is an apostrophe.
                }

                if (_stack[k].Family == QuoteFamily.Single)
                {
                    CloseAt(k, j, j + len, ref raw, null);
                    return;
                }
            }
        }

        private void CloseAt(int k, int closeStart, int closeEnd, ref RawQuoteList raw, List<ExtractionWarning>? warnings)
        {
            var mark = _stack[k];

            // Marks opened inside and never closed: singles were apostrophes; doubles are reported.
            for (int m = k + 1; m < _depth; m++)
            {
                if (_stack[m].Family == QuoteFamily.Double && warnings is not null && _unclosedWarnings++ < 8)
                {
                    warnings.Add(new ExtractionWarning(WarningCodes.UnclosedQuote, "An opening quote mark inside a quotation has no closing mark; it was ignored.", _stack[m].Start));
                }
            }

            _depth = k;
            raw.Add(new RawQuote(mark.Start, closeEnd, mark.InnerStart, closeStart, false, mark.Family, ContinuesPrevious: mark.ContinuesPrevious));
        }

        private static void EmitPiece(OpenMark mark, int end, ref RawQuoteList raw)
        {
            if (end > mark.InnerStart)
            {
                raw.Add(new RawQuote(mark.Start, end, mark.InnerStart, end, false, mark.Family, ContinuesNext: true, ContinuesPrevious: mark.ContinuesPrevious));
            }
        }

        private void EndParagraph(ReadOnlySpan<char> text, int paraStart, int paraEnd, bool sawDouble, ref RawQuoteList raw, List<ExtractionWarning> warnings)
        {
            int end = paraEnd;
            while (end > paraStart && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }

            // A pending quotation whose next paragraph had no double mark at all is closed at its own end.
            if (_hasPending && !sawDouble)
            {
                EmitUnclosed(_pending, _pendingEnd, ref raw, warnings);
                _hasPending = false;
            }

            int bottom = -1;
            for (int m = 0; m < _depth; m++)
            {
                if (_stack[m].Family != QuoteFamily.Double)
                {
                    continue;
                }

                if (bottom < 0)
                {
                    bottom = m;
                }
                else if (_unclosedWarnings++ < 8)
                {
                    warnings.Add(new ExtractionWarning(WarningCodes.UnclosedQuote, "An opening quote mark inside a quotation has no closing mark; it was ignored.", _stack[m].Start));
                }
            }

            if (bottom >= 0)
            {
                var candidate = _stack[bottom];
                if (candidate.Paragraphs >= _options.MaxQuotationParagraphs || end - candidate.Start > _options.MaxQuotationLength)
                {
                    EmitUnclosed(candidate, end, ref raw, warnings);
                }
                else
                {
                    _hasPending = true;
                    _pending = candidate;
                    _pendingEnd = end;
                }
            }

            _depth = 0;
        }

        private void EmitUnclosed(OpenMark mark, int end, ref RawQuoteList raw, List<ExtractionWarning> warnings)
        {
            if (_unclosedWarnings++ < 8)
            {
                warnings.Add(new ExtractionWarning(WarningCodes.UnclosedQuote, "An opening quote mark has no closing mark; the quotation was closed at the end of its paragraph.", mark.Start));
            }

            if (end > mark.InnerStart)
            {
                raw.Add(new RawQuote(mark.Start, end, mark.InnerStart, end, true, mark.Family, ContinuesPrevious: mark.ContinuesPrevious));
            }
        }

        /// <summary>Writers re-open a continued quotation with the mark they opened it with; a different style is a new quotation.</summary>
        private static bool SameStyle(char opened, char reopened) =>
            opened == reopened
            || (opened is '\u201C' or '\u201E' or '\u201F' && reopened is '\u201C' or '\u201E' or '\u201F')
            || (opened is '\'' or '`' && reopened is '\'' or '`');

        private readonly int FindOpen(QuoteFamily family)
        {
            for (int k = _depth - 1; k >= 0; k--)
            {
                if (_stack[k].Family == family)
                {
                    return k;
                }
            }

            return -1;
        }

        private void Push(OpenMark mark, List<ExtractionWarning>? warnings = null)
        {
            if (_depth == MaxDepth)
            {
                if (!_depthWarned && warnings is not null)
                {
                    _depthWarned = true;
                    warnings.Add(new ExtractionWarning(WarningCodes.NestingTooDeep, $"Quote marks nest deeper than {MaxDepth} levels; the innermost were ignored.", mark.Start));
                }

                return;
            }

            _stack[_depth++] = mark;
        }
    }
}

/// <summary>A growable list of <see cref="RawQuote"/> over a reused array.</summary>
internal struct RawQuoteList : IDisposable
{
    private RawQuote[]? _items;
    private int _count;

    public readonly int Count => _count;

    public void Add(RawQuote item)
    {
        if (_items is null)
        {
            _items = ScratchArray<RawQuote>.Rent(16);
        }
        else if (_count == _items.Length)
        {
            var bigger = new RawQuote[_items.Length * 2];
            _items.AsSpan(0, _count).CopyTo(bigger);
            ScratchArray<RawQuote>.Return(_items);
            _items = bigger;
        }

        _items[_count++] = item;
    }

    public readonly Span<RawQuote> AsSpan() => _items is null ? [] : _items.AsSpan(0, _count);

    public readonly void SortByStart()
    {
        // Closers arrive innermost first; callers want document order with outer spans before the ones they contain.
        AsSpan().Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
    }

    public void Dispose()
    {
        if (_items is not null)
        {
            ScratchArray<RawQuote>.Return(_items);
            _items = null;
        }

        _count = 0;
    }
}

/// <summary>
/// One reusable scratch array per thread and element type: what <c>ArrayPool.Shared</c> gave here, without its
/// generic instantiations over our structs, which are JIT-compiled at start-up (about twenty methods). Contents are
/// not cleared; users write before they read.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
internal static class ScratchArray<T>
{
    [ThreadStatic] private static T[]? t_cached;

    /// <summary>An array of at least <paramref name="minimumLength"/> elements: the thread's cached one when long enough.</summary>
    /// <param name="minimumLength">The least length needed.</param>
    /// <returns>The array, now owned by the caller until <see cref="Return"/>.</returns>
    public static T[] Rent(int minimumLength)
    {
        var cached = t_cached;
        if (cached is not null && cached.Length >= minimumLength)
        {
            t_cached = null;
            return cached;
        }

        return new T[minimumLength];
    }

    /// <summary>Gives an array back for the thread's next <see cref="Rent"/>; the longer of it and the cached one is kept.</summary>
    /// <param name="array">The array, no longer used by the caller.</param>
    public static void Return(T[] array)
    {
        if (t_cached is null || t_cached.Length < array.Length)
        {
            t_cached = array;
        }
    }
}
