using System.Buffers;

namespace QuoteExtraction.Text;

/// <summary>
/// An analysed text: the original string plus flat arrays of tokens, sentences and paragraphs that refer to it by
/// UTF-16 offsets (half-open ranges). Immutable and thread-safe once built.
/// </summary>
/// <remarks>
/// The text is treated as unwrapped news: every line break (\r\n, \r, \n, U+0085, U+2028, U+2029, form feed, vertical tab)
/// ends a paragraph, and lines without tokens are not paragraphs. Sentences never cross paragraphs, and every token
/// belongs to exactly one sentence.
/// </remarks>
public sealed class TextDocument
{
    private static readonly SearchValues<char> LineBreaks = SearchValues.Create("\r\n\u0085\u2028\u2029\f\v");

    // Per-thread scratch buffers: analysis then allocates only the three exactly-sized result arrays.
    [ThreadStatic] private static Token[]? s_tokens;
    [ThreadStatic] private static SentenceSpan[]? s_sentences;
    [ThreadStatic] private static ParagraphSpan[]? s_paragraphs;

    private const int MaxRetainedScratch = 1 << 16;

    private readonly Token[] _tokens;
    private readonly SentenceSpan[] _sentences;
    private readonly ParagraphSpan[] _paragraphs;

    private TextDocument(string text, Token[] tokens, SentenceSpan[] sentences, ParagraphSpan[] paragraphs)
    {
        Text = text;
        _tokens = tokens;
        _sentences = sentences;
        _paragraphs = paragraphs;
    }

    /// <summary>The analysed text; all offsets refer to it.</summary>
    public string Text { get; }

    /// <summary>All tokens in text order; non-overlapping and never containing whitespace.</summary>
    public ReadOnlySpan<Token> Tokens => _tokens;

    /// <summary>All sentences in text order; they partition <see cref="Tokens"/>.</summary>
    public ReadOnlySpan<SentenceSpan> Sentences => _sentences;

    /// <summary>All paragraphs in text order; they partition <see cref="Sentences"/>.</summary>
    public ReadOnlySpan<ParagraphSpan> Paragraphs => _paragraphs;

    /// <summary>Tokenizes <paramref name="text"/> and splits it into sentences and paragraphs.</summary>
    /// <param name="text">Unwrapped text: one paragraph per line.</param>
    /// <returns>The analysed document.</returns>
    public static TextDocument Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = s_tokens ?? new Token[256];
        var sentences = s_sentences ?? new SentenceSpan[32];
        var paragraphs = s_paragraphs ?? new ParagraphSpan[16];
        int tokenCount = 0, sentenceCount = 0, paragraphCount = 0;

        var pos = 0;
        while (pos < text.Length)
        {
            var lineBreak = text.AsSpan(pos).IndexOfAny(LineBreaks);
            var lineEnd = lineBreak < 0 ? text.Length : pos + lineBreak;
            if (lineEnd > pos)
            {
                var first = tokenCount;
                tokenCount = Tokenizer.Tokenize(text, pos, lineEnd, ref tokens, tokenCount);
                if (tokenCount > first)
                {
                    tokens[first] = tokens[first] with { Flags = tokens[first].Flags | TokenFlags.ParagraphStart };
                    var firstSentence = sentenceCount;
                    sentenceCount = SentenceSplitter.Split(text, tokens.AsSpan(first, tokenCount - first), first, paragraphCount, ref sentences, sentenceCount);
                    if (paragraphCount == paragraphs.Length)
                    {
                        Array.Resize(ref paragraphs, paragraphs.Length * 2);
                    }

                    paragraphs[paragraphCount++] = new ParagraphSpan(tokens[first].Start, tokens[tokenCount - 1].End, firstSentence, sentenceCount);
                }
            }

            pos = lineEnd + 1;
        }

        var document = new TextDocument(
            text,
            tokens.AsSpan(0, tokenCount).ToArray(),
            sentences.AsSpan(0, sentenceCount).ToArray(),
            paragraphs.AsSpan(0, paragraphCount).ToArray());

        // Keep moderately sized scratch buffers for the next call; let huge ones go.
        s_tokens = tokens.Length <= MaxRetainedScratch ? tokens : null;
        s_sentences = sentences.Length <= MaxRetainedScratch ? sentences : null;
        s_paragraphs = paragraphs.Length <= MaxRetainedScratch ? paragraphs : null;
        return document;
    }

    /// <summary>The text of a token.</summary>
    /// <param name="token">A token of this document.</param>
    /// <returns>The characters of the token.</returns>
    public ReadOnlySpan<char> GetText(in Token token) => Text.AsSpan(token.Start, token.End - token.Start);

    /// <summary>The text of a sentence.</summary>
    /// <param name="sentence">A sentence of this document.</param>
    /// <returns>The characters from the sentence's first token to its last.</returns>
    public ReadOnlySpan<char> GetText(in SentenceSpan sentence) => Text.AsSpan(sentence.Start, sentence.End - sentence.Start);

    /// <summary>The text of a paragraph.</summary>
    /// <param name="paragraph">A paragraph of this document.</param>
    /// <returns>The characters from the paragraph's first token to its last.</returns>
    public ReadOnlySpan<char> GetText(in ParagraphSpan paragraph) => Text.AsSpan(paragraph.Start, paragraph.End - paragraph.Start);

    /// <summary>The tokens of a sentence.</summary>
    /// <param name="sentence">A sentence of this document.</param>
    /// <returns>The sentence's slice of <see cref="Tokens"/>.</returns>
    public ReadOnlySpan<Token> GetTokens(in SentenceSpan sentence) => _tokens.AsSpan(sentence.FirstToken, sentence.EndToken - sentence.FirstToken);

    /// <summary>Index of the token containing <paramref name="offset"/>, or of the first token starting after it.</summary>
    /// <param name="offset">A character offset.</param>
    /// <returns>A token index, or <c>Tokens.Length</c> if no token contains or follows the offset.</returns>
    public int TokenIndexAt(int offset)
    {
        // First token whose End is past the offset (tokens are ascending and non-overlapping).
        int lo = 0, hi = _tokens.Length;
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (_tokens[mid].End <= offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>Index of the sentence containing <paramref name="offset"/>, or of the nearest sentence following it.</summary>
    /// <param name="offset">A character offset.</param>
    /// <returns>A sentence index, or -1 if there are no sentences or none contains or follows the offset.</returns>
    public int SentenceIndexAt(int offset)
    {
        int lo = 0, hi = _sentences.Length;
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (_sentences[mid].End <= offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo < _sentences.Length ? lo : -1;
    }

    /// <summary>Index of the paragraph containing <paramref name="offset"/>, or of the nearest paragraph following it.</summary>
    /// <param name="offset">A character offset.</param>
    /// <returns>A paragraph index, or -1 if there are no paragraphs or none contains or follows the offset.</returns>
    public int ParagraphIndexAt(int offset)
    {
        int lo = 0, hi = _paragraphs.Length;
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (_paragraphs[mid].End <= offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo < _paragraphs.Length ? lo : -1;
    }
}
