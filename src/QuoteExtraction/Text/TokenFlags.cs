namespace QuoteExtraction.Text;

/// <summary>Orthographic and structural properties of a <see cref="Token"/>.</summary>
[Flags]
public enum TokenFlags : ushort
{
    /// <summary>No flags.</summary>
    None = 0,

    /// <summary>The first character is an upper-case letter.</summary>
    Capitalized = 1,

    /// <summary>The token has at least two letters and all of them are upper case ("NATO", "U.S.").</summary>
    AllCaps = 2,

    /// <summary>The token is the first token of a sentence.</summary>
    SentenceStart = 4,

    /// <summary>The token is the first token of a paragraph.</summary>
    ParagraphStart = 8,

    /// <summary>The token is an abbreviation or initial that keeps its period ("Mr.", "U.S.", "J.").</summary>
    Abbreviation = 16,

    /// <summary>The token is preceded by whitespace or a line break.</summary>
    SpaceBefore = 32,

    /// <summary>The token is a clitic split off a word: "'s", "n't", "'re", "'ll", "'ve", "'d", "'m", or a possessive "'" after s.</summary>
    Clitic = 64,

    /// <summary>The token is a single capital letter with its period, as in "J. K. Rowling" (also has <see cref="Abbreviation"/>).</summary>
    Initial = 128,

    /// <summary>For <see cref="TokenKind.QuoteMark"/>: the mark looks like it opens a quotation (by its glyph or by its context).</summary>
    OpenQuote = 256,

    /// <summary>For <see cref="TokenKind.QuoteMark"/>: the mark looks like it closes a quotation (by its glyph or by its context).</summary>
    CloseQuote = 512,

    /// <summary>The token is the last token of a sentence.</summary>
    SentenceEnd = 1024,

    /// <summary>The token is followed by whitespace or a line break.</summary>
    SpaceAfter = 2048,
}
