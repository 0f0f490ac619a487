namespace QuoteExtraction.Text;

/// <summary>
/// A paragraph (one non-blank line of unwrapped text, trimmed): character range [<paramref name="Start"/>, <paramref name="End"/>)
/// and sentence range [<paramref name="FirstSentence"/>, <paramref name="EndSentence"/>), both half-open.
/// </summary>
/// <param name="Start">Start offset of the first token.</param>
/// <param name="End">End offset of the last token.</param>
/// <param name="FirstSentence">Index of the first sentence.</param>
/// <param name="EndSentence">Index just past the last sentence.</param>
public readonly record struct ParagraphSpan(int Start, int End, int FirstSentence, int EndSentence)
{
    /// <summary>Number of UTF-16 code units covered.</summary>
    public int Length => End - Start;

    /// <summary>Number of sentences in the paragraph.</summary>
    public int SentenceCount => EndSentence - FirstSentence;
}
