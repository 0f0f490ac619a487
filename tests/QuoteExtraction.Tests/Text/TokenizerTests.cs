using FluentAssertions;
using NUnit.Framework;
using QuoteExtraction.Text;

namespace QuoteExtraction.Tests.Text;

[TestFixture]
public class TokenizerTests
{
    private static string[] Texts(string text) => Tokenizer.Tokenize(text).Select(t => text[t.Start..t.End]).ToArray();

    private static Token Single(string text, string tokenText)
    {
        var tokens = Tokenizer.Tokenize(text);
        return tokens.Single(t => text[t.Start..t.End] == tokenText);
    }

    [Test]
    public void Tokenize_SimpleSentence_SplitsWordsAndPunctuation()
    {
        Texts("The cat sat, then left.").Should().Equal("The", "cat", "sat", ",", "then", "left", ".");
    }

    [Test]
    public void Tokenize_LowerCaseRunsOfEveryLength_EndAtTheRangeOrTheNextNonLetter()
    {
        // Lower-case runs are scanned eight chars at a time: cover lengths around block sizes and range ends.
        for (var length = 1; length <= 20; length++)
        {
            var word = new string('x', length);
            foreach (var text in new[] { word, "A" + word, word + "Q", word + " end", word + "-like" })
            {
                var tokens = Tokenizer.Tokenize(text);
                tokens.Should().HaveCount(text.EndsWith(" end", StringComparison.Ordinal) ? 2 : 1, text);
                tokens[0].Start.Should().Be(0);
                tokens[0].End.Should().Be(text.EndsWith(" end", StringComparison.Ordinal) ? length : text.Length, text);
                (tokens[0].Flags & ~TokenFlags.SpaceAfter).Should().Be(text[0] == 'A' ? TokenFlags.Capitalized : TokenFlags.None, text);
            }

            var buffer = new Token[1];
            var count = Tokenizer.Tokenize(word + "yyyy", 0, length, ref buffer, 0);
            count.Should().Be(1);
            buffer[0].End.Should().Be(length, "a token never crosses the end of its range");
        }
    }

    [TestCase("don't", new[] { "do", "n't" })]
    [TestCase("don’t", new[] { "do", "n’t" })]
    [TestCase("can't", new[] { "ca", "n't" })]
    [TestCase("Starmer's", new[] { "Starmer", "'s" })]
    [TestCase("Starmer’s", new[] { "Starmer", "’s" })]
    [TestCase("we're", new[] { "we", "'re" })]
    [TestCase("they’ve", new[] { "they", "’ve" })]
    [TestCase("I'm", new[] { "I", "'m" })]
    [TestCase("she'll", new[] { "she", "'ll" })]
    [TestCase("he'd", new[] { "he", "'d" })]
    [TestCase("DON'T", new[] { "DO", "N'T" })]
    [TestCase("O'Neill", new[] { "O'Neill" })]
    [TestCase("O’Neill's", new[] { "O’Neill", "'s" })]
    [TestCase("rock 'n' roll", new[] { "rock", "'n'", "roll" })]
    [TestCase("rock ‘n’ roll", new[] { "rock", "‘n’", "roll" })]
    [TestCase("wait 'til dawn", new[] { "wait", "'til", "dawn" })]
    [TestCase("the '90s", new[] { "the", "'90s" })]
    [TestCase("the ’90s", new[] { "the", "’90s" })]
    [TestCase("the ‘90s", new[] { "the", "‘90s" })]
    [TestCase("get 'em", new[] { "get", "'em" })]
    [TestCase("the 1990's", new[] { "the", "1990", "'s" })]
    public void Tokenize_Apostrophes_FollowWordConventions(string text, string[] expected)
    {
        Texts(text).Should().Equal(expected);
    }

    [Test]
    public void Tokenize_Clitic_HasCliticFlag()
    {
        Single("Starmer's plan", "'s").Flags.Should().HaveFlag(TokenFlags.Clitic);
        Single("we don't know", "n't").Flags.Should().HaveFlag(TokenFlags.Clitic);
    }

    [Test]
    public void Tokenize_PossessiveAfterS_IsCliticNotQuote()
    {
        var text = "the Joneses' house";
        Texts(text).Should().Equal("the", "Joneses", "'", "house");
        var apostrophe = Single(text, "'");
        apostrophe.Kind.Should().Be(TokenKind.Word);
        apostrophe.Flags.Should().HaveFlag(TokenFlags.Clitic);
    }

    [Test]
    public void Tokenize_SingleQuotedSpan_GivesOpeningAndClosingQuoteMarks()
    {
        var text = "She called it 'a total disaster' on air.";
        var tokens = Tokenizer.Tokenize(text);
        var quotes = tokens.Where(t => t.Kind == TokenKind.QuoteMark).ToArray();
        quotes.Should().HaveCount(2);
        quotes[0].Flags.Should().HaveFlag(TokenFlags.OpenQuote);
        quotes[1].Flags.Should().HaveFlag(TokenFlags.CloseQuote);
        Texts(text).Should().Contain("a").And.Contain("disaster");
    }

    [Test]
    public void Tokenize_SingleQuotedSpanEndingInS_ClosesTheQuote()
    {
        var text = "He called them 'the real bosses' yesterday.";
        var quotes = Tokenizer.Tokenize(text).Where(t => t.Kind == TokenKind.QuoteMark).ToArray();
        quotes.Should().HaveCount(2);
        quotes[1].Flags.Should().HaveFlag(TokenFlags.CloseQuote);
    }

    [Test]
    public void Tokenize_PossessiveInsideSingleQuote_IsCliticWhenAnotherCloserFollows()
    {
        var text = "She said 'the bosses' fault' loudly.";
        var marks = Tokenizer.Tokenize(text).Where(t => text[t.Start] == '\'').ToArray();
        marks.Select(t => t.Kind).Should().Equal(TokenKind.QuoteMark, TokenKind.Word, TokenKind.QuoteMark);
        marks[1].Flags.Should().HaveFlag(TokenFlags.Clitic);
    }

    [Test]
    public void Tokenize_TwoSingleQuotedSpansEndingInS_AreBothClosed()
    {
        var text = "He praised 'the workers' and 'the bosses' too.";
        var marks = Tokenizer.Tokenize(text).Where(t => text[t.Start] == '\'').ToArray();
        marks.Select(t => t.Kind).Should().AllBeEquivalentTo(TokenKind.QuoteMark);
        marks.Select(t => t.Flags & (TokenFlags.OpenQuote | TokenFlags.CloseQuote))
            .Should().Equal(TokenFlags.OpenQuote, TokenFlags.CloseQuote, TokenFlags.OpenQuote, TokenFlags.CloseQuote);
    }

    [Test]
    public void Tokenize_CurlySingleQuotes_AreQuoteMarks()
    {
        var text = "She said ‘never again’ twice.";
        Texts(text).Should().Equal("She", "said", "‘", "never", "again", "’", "twice", ".");
        Tokenizer.Tokenize(text).Count(t => t.Kind == TokenKind.QuoteMark).Should().Be(2);
    }

    [TestCase("\"Yes\"", "\"")]
    [TestCase("“Yes”", "“")]
    [TestCase("«Yes»", "«")]
    [TestCase("„Yes“", "„")]
    [TestCase("‹Yes›", "‹")]
    public void Tokenize_DoubleQuoteGlyphs_AreSeparateQuoteMarks(string text, string open)
    {
        var tokens = Tokenizer.Tokenize(text);
        tokens.Should().HaveCount(3);
        text[tokens[0].Start..tokens[0].End].Should().Be(open);
        tokens[0].Kind.Should().Be(TokenKind.QuoteMark);
        tokens[0].Flags.Should().HaveFlag(TokenFlags.OpenQuote);
        tokens[2].Kind.Should().Be(TokenKind.QuoteMark);
    }

    [Test]
    public void Tokenize_TwoCharacterQuoteForms_AreOneTokenEach()
    {
        var text = "He said ``we won'' today.";
        Texts(text).Should().Equal("He", "said", "``", "we", "won", "''", "today", ".");
        var tokens = Tokenizer.Tokenize(text);
        tokens[2].Kind.Should().Be(TokenKind.QuoteMark);
        tokens[2].Flags.Should().HaveFlag(TokenFlags.OpenQuote);
        tokens[5].Kind.Should().Be(TokenKind.QuoteMark);
        tokens[5].Flags.Should().HaveFlag(TokenFlags.CloseQuote);
    }

    [Test]
    public void Tokenize_StraightDoubleQuotes_GetDirectionFromContext()
    {
        var tokens = Tokenizer.Tokenize("He said \"we won\" today.");
        var quotes = tokens.Where(t => t.Kind == TokenKind.QuoteMark).ToArray();
        quotes[0].Flags.Should().HaveFlag(TokenFlags.OpenQuote);
        quotes[1].Flags.Should().HaveFlag(TokenFlags.CloseQuote);
    }

    [TestCase("Mr.")]
    [TestCase("Mrs.")]
    [TestCase("Dr.")]
    [TestCase("Sen.")]
    [TestCase("Gov.")]
    [TestCase("Lt.")]
    [TestCase("Col.")]
    [TestCase("St.")]
    [TestCase("Jr.")]
    [TestCase("Inc.")]
    [TestCase("Corp.")]
    [TestCase("vs.")]
    [TestCase("etc.")]
    [TestCase("e.g.")]
    [TestCase("i.e.")]
    [TestCase("U.S.")]
    [TestCase("U.K.")]
    [TestCase("U.N.")]
    [TestCase("D.C.")]
    [TestCase("a.m.")]
    [TestCase("p.m.")]
    [TestCase("Sept.")]
    [TestCase("Ph.D.")]
    public void Tokenize_KnownAbbreviation_IsOneTokenWithFlag(string abbreviation)
    {
        var text = $"see {abbreviation} here";
        Texts(text).Should().Equal("see", abbreviation, "here");
        Single(text, abbreviation).Flags.Should().HaveFlag(TokenFlags.Abbreviation);
    }

    [Test]
    public void Tokenize_UnlistedDottedAcronym_IsOneAbbreviation()
    {
        Texts("the N.Y.P.D. said").Should().Equal("the", "N.Y.P.D.", "said");
    }

    [Test]
    public void Tokenize_NoBeforeNumber_IsAbbreviation_OtherwiseWord()
    {
        Texts("No. 10 Downing Street").Should().Equal("No.", "10", "Downing", "Street");
        Texts("He said No. Then he left.").Should().Equal("He", "said", "No", ".", "Then", "he", "left", ".");
    }

    [Test]
    public void Tokenize_Initials_KeepTheirPeriod()
    {
        Texts("J. K. Rowling met George W. Bush").Should().Equal("J.", "K.", "Rowling", "met", "George", "W.", "Bush");
        Single("George W. Bush", "W.").Flags.Should().HaveFlag(TokenFlags.Initial | TokenFlags.Abbreviation);
    }

    [Test]
    public void Tokenize_OrdinaryWordBeforePeriod_SplitsPeriod()
    {
        Texts("It ended.").Should().Equal("It", "ended", ".");
    }

    [TestCase("1,234.56")]
    [TestCase("3.5")]
    [TestCase("4.5%")]
    [TestCase("1,000,000")]
    [TestCase("10:30")]
    [TestCase("21st")]
    [TestCase("1990s")]
    public void Tokenize_Number_IsOneNumberToken(string number)
    {
        var text = $"about {number} now";
        Texts(text).Should().Equal("about", number, "now");
        Single(text, number).Kind.Should().Be(TokenKind.Number);
    }

    [Test]
    public void Tokenize_NumberBeforeSentencePeriod_SplitsPeriod()
    {
        Texts("It rose in 2019.").Should().Equal("It", "rose", "in", "2019", ".");
        Texts("It fell 3.5.").Should().Equal("It", "fell", "3.5", ".");
    }

    [TestCase("£3.5bn", "£", "3.5bn")]
    [TestCase("$1.13bn", "$", "1.13bn")]
    [TestCase("€20m", "€", "20m")]
    [TestCase("$639", "$", "639")]
    public void Tokenize_Currency_IsSymbolThenNumber(string text, string symbol, string number)
    {
        var tokens = Tokenizer.Tokenize(text);
        Texts(text).Should().Equal(symbol, number);
        tokens[0].Kind.Should().Be(TokenKind.Symbol);
        tokens[1].Kind.Should().Be(TokenKind.Number);
    }

    [Test]
    public void Tokenize_HyphenatedWords_StayWhole()
    {
        Texts("a well-known COVID-19 case").Should().Equal("a", "well-known", "COVID-19", "case");
    }

    [Test]
    public void Tokenize_PunctuationRuns_AreOneToken()
    {
        Texts("Really?! Wait... no -- yes…").Should().Equal("Really", "?!", "Wait", "...", "no", "--", "yes", "…");
    }

    [TestCase("Read https://example.com/a/b?c=1. Then", "https://example.com/a/b?c=1")]
    [TestCase("Read http://example.org, then", "http://example.org")]
    [TestCase("Go to www.example.co.uk/news now", "www.example.co.uk/news")]
    [TestCase("Write to jane.doe@example.com today", "jane.doe@example.com")]
    [TestCase("Shop at Amazon.com today", "Amazon.com")]
    [TestCase("(see https://en.example.org/wiki/A_(b))", "https://en.example.org/wiki/A_(b)")]
    public void Tokenize_UrlOrEmail_IsOneUrlToken(string text, string url)
    {
        Single(text, url).Kind.Should().Be(TokenKind.Url);
    }

    [Test]
    public void Tokenize_CaseFlags_AreSet()
    {
        Single("the NATO plan", "NATO").Flags.Should().HaveFlag(TokenFlags.AllCaps | TokenFlags.Capitalized);
        Single("the Nato plan", "Nato").Flags.Should().HaveFlag(TokenFlags.Capitalized).And.NotHaveFlag(TokenFlags.AllCaps);
        Single("the nato plan", "nato").Flags.Should().NotHaveFlag(TokenFlags.Capitalized);
    }

    [Test]
    public void Tokenize_SpaceFlags_ReflectWhitespace()
    {
        var tokens = Tokenizer.Tokenize("a (b)");
        tokens[0].Flags.Should().HaveFlag(TokenFlags.SpaceAfter).And.NotHaveFlag(TokenFlags.SpaceBefore);
        tokens[1].Flags.Should().HaveFlag(TokenFlags.SpaceBefore);
        tokens[2].Flags.Should().NotHaveFlag(TokenFlags.SpaceBefore);
        tokens[3].Flags.Should().NotHaveFlag(TokenFlags.SpaceBefore).And.NotHaveFlag(TokenFlags.SpaceAfter);
    }

    [Test]
    public void Tokenize_SurrogatePairs_StayInsideOneToken()
    {
        var text = "fun 😀 and 𝐀𝐁 words 👍🏽";
        var tokens = Tokenizer.Tokenize(text);
        Texts(text).Should().Equal("fun", "😀", "and", "𝐀𝐁", "words", "👍🏽");
        tokens[1].Kind.Should().Be(TokenKind.Symbol);
        tokens[3].Kind.Should().Be(TokenKind.Word);
    }

    [Test]
    public void Tokenize_Range_AppendsIntoBufferWithinRange()
    {
        const string text = "one two | three four";
        var buffer = new Token[1];
        var count = Tokenizer.Tokenize(text, 0, 7, ref buffer, 0);
        count = Tokenizer.Tokenize(text, 10, text.Length, ref buffer, count);
        count.Should().Be(4);
        buffer.Take(count).Select(t => text[t.Start..t.End]).Should().Equal("one", "two", "three", "four");
    }

    [Test]
    public void Tokenize_ControlAndInvisibleCharacters_AreSeparators()
    {
        Texts("a\0b\u200Bc\uFEFFd").Should().Equal("a", "b", "c", "d");
    }
}
