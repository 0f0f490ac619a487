namespace QuoteExtraction.Text;

/// <summary>
/// A sentence: character range [<paramref name="Start"/>, <paramref name="End"/>) and token range
/// [<paramref name="FirstToken"/>, <paramref name="EndToken"/>), both half-open.
/// </summary>
/// <param name="Start">Start offset of the first token.</param>
/// <param name="End">End offset of the last token.</param>
/// <param name="FirstToken">Index of the first token.</param>
/// <param name="EndToken">Index just past the last token.</param>
/// <param name="Paragraph">Index of the paragraph containing the sentence.</param>
public readonly record struct SentenceSpan(int Start, int End, int FirstToken, int EndToken, int Paragraph)
{
    /// <summary>Number of UTF-16 code units covered.</summary>
    public int Length => End - Start;

    /// <summary>Number of tokens in the sentence.</summary>
    public int TokenCount => EndToken - FirstToken;
}
