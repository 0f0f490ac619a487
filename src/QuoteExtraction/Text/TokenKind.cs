namespace QuoteExtraction.Text;

/// <summary>Coarse lexical class of a <see cref="Token"/>.</summary>
public enum TokenKind : byte
{
    /// <summary>A word, including hyphenated words, abbreviations ("Mr.", "U.S."), elisions ("'90s") and split clitics ("'s", "n't").</summary>
    Word,

    /// <summary>A token starting with a digit: "1,234.56", "4.5%", "3.5bn", "21st", "10:30".</summary>
    Number,

    /// <summary>Punctuation other than quote marks: ". , ; : ! ? … ( ) - —". Runs such as "...", "?!" and "--" are one token.</summary>
    Punctuation,

    /// <summary>A quotation mark: " “ ” ‘ ’ ' « » „ ‹ › ` and the two-character forms `` and ''.</summary>
    QuoteMark,

    /// <summary>A symbol: currency signs, math symbols, emoji, and any other character that is not a letter, digit or punctuation.</summary>
    Symbol,

    /// <summary>A URL ("https://…", "www.…", "example.com") or an e-mail address.</summary>
    Url,
}
