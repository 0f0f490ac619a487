namespace QuoteExtraction.Text;

/// <summary>
/// A token: a half-open range [<paramref name="Start"/>, <paramref name="End"/>) of UTF-16 code units
/// into the analysed text. Tokens store offsets only, so the text is kept once.
/// </summary>
/// <param name="Start">Offset of the first character.</param>
/// <param name="End">Offset just past the last character.</param>
/// <param name="Kind">Lexical class.</param>
/// <param name="Flags">Orthographic and structural properties.</param>
public readonly record struct Token(int Start, int End, TokenKind Kind, TokenFlags Flags)
{
    /// <summary>Number of UTF-16 code units in the token.</summary>
    public int Length => End - Start;

    /// <summary>Whether all of the given <paramref name="flags"/> are set.</summary>
    /// <param name="flags">Flags to test.</param>
    /// <returns><see langword="true"/> if every flag in <paramref name="flags"/> is set.</returns>
    public bool Has(TokenFlags flags) => (Flags & flags) == flags;
}
