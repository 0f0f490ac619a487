using System.Text;
using FluentAssertions;
using NUnit.Framework;
using QuoteExtraction.Text;

namespace QuoteExtraction.Tests.Text;

[TestFixture]
public class TextDocumentTests
{
    private static string[] ParagraphTexts(TextDocument doc)
    {
        var result = new string[doc.Paragraphs.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = doc.GetText(doc.Paragraphs[i]).ToString();
        }

        return result;
    }

    [Test]
    public void Analyze_LineBreaksOfEveryKind_EndParagraphs()
    {
        var doc = TextDocument.Analyze("One.\r\nTwo.\rThree.\nFour.\u2028Five.\u2029Six.");
        ParagraphTexts(doc).Should().Equal("One.", "Two.", "Three.", "Four.", "Five.", "Six.");
    }

    [Test]
    public void Analyze_BlankAndWhitespaceLines_AreNotParagraphs()
    {
        var doc = TextDocument.Analyze("\r\n  Title here  \r\n\r\n \t \r\nFirst para. Second sentence.\n\n\nLast one.\n");
        ParagraphTexts(doc).Should().Equal("Title here", "First para. Second sentence.", "Last one.");
        doc.Paragraphs[1].FirstSentence.Should().Be(1);
        doc.Paragraphs[1].EndSentence.Should().Be(3);
        doc.Tokens[doc.Sentences[1].FirstToken].Flags.Should().HaveFlag(TokenFlags.ParagraphStart);
        doc.Tokens[doc.Sentences[2].FirstToken].Flags.Should().NotHaveFlag(TokenFlags.ParagraphStart);
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("\r\n\r\n\t\u2029")]
    public void Analyze_EmptyOrWhitespace_GivesEmptyDocument(string text)
    {
        var doc = TextDocument.Analyze(text);
        doc.Tokens.IsEmpty.Should().BeTrue();
        doc.Sentences.IsEmpty.Should().BeTrue();
        doc.Paragraphs.IsEmpty.Should().BeTrue();
        doc.TokenIndexAt(0).Should().Be(0);
        doc.SentenceIndexAt(0).Should().Be(-1);
        doc.ParagraphIndexAt(0).Should().Be(-1);
    }

    [Test]
    public void Analyze_KeepsTheOriginalString()
    {
        const string text = "Same string.";
        TextDocument.Analyze(text).Text.Should().BeSameAs(text);
    }

    [Test]
    public void IndexAt_OffsetsInsideAndBetween_FindContainingOrNext()
    {
        // Offsets: "Ab cd." 0..6, "Ef gh." 8..14, "Ij." 15..18.
        var doc = TextDocument.Analyze("Ab cd.\n\nEf gh. Ij.");
        doc.TokenIndexAt(0).Should().Be(0);
        doc.TokenIndexAt(1).Should().Be(0);
        doc.TokenIndexAt(2).Should().Be(1); // the space: next token "cd"
        doc.TokenIndexAt(5).Should().Be(2); // "."
        doc.TokenIndexAt(6).Should().Be(3); // line break: next token "Ef"
        doc.TokenIndexAt(100).Should().Be(doc.Tokens.Length);
        doc.TokenIndexAt(-5).Should().Be(0);

        doc.SentenceIndexAt(3).Should().Be(0);
        doc.SentenceIndexAt(7).Should().Be(1);
        doc.SentenceIndexAt(15).Should().Be(2);
        doc.SentenceIndexAt(17).Should().Be(2);
        doc.SentenceIndexAt(18).Should().Be(-1);

        doc.ParagraphIndexAt(0).Should().Be(0);
        doc.ParagraphIndexAt(6).Should().Be(1);
        doc.ParagraphIndexAt(17).Should().Be(1);
        doc.ParagraphIndexAt(18).Should().Be(-1);
    }

    [Test]
    public void GetTokens_ReturnsTheSentenceSlice()
    {
        var doc = TextDocument.Analyze("A b. C d e.");
        doc.GetTokens(doc.Sentences[1]).Length.Should().Be(4);
        doc.GetText(doc.GetTokens(doc.Sentences[1])[0]).ToString().Should().Be("C");
    }

    [Test]
    public void Analyze_HugeLineWithoutSpaces_DoesNotThrow()
    {
        var text = new string('x', 2_000_000);
        var doc = TextDocument.Analyze(text);
        doc.Tokens.Length.Should().Be(1);
        AssertInvariants(doc);

        var dotted = string.Concat(Enumerable.Repeat("a.", 1_000_000));
        AssertInvariants(TextDocument.Analyze(dotted));
        AssertInvariants(TextDocument.Analyze(string.Concat(Enumerable.Repeat("U.", 1_000_000))));
        AssertInvariants(TextDocument.Analyze(string.Concat(Enumerable.Repeat("1,", 1_000_000))));
        AssertInvariants(TextDocument.Analyze("http://" + text));
    }

    [Test]
    public void Analyze_ManyQuoteMarks_DoesNotThrow()
    {
        foreach (var q in new[] { "\"", "'", "’", "“", "``", "' " })
        {
            var text = string.Concat(Enumerable.Repeat(q, 200_000));
            AssertInvariants(TextDocument.Analyze(text));
        }
    }

    [Test]
    public void Analyze_OddCharacters_DoNotThrow()
    {
        foreach (var text in new[] { "\0", "\uD800", "\uDC00", "a\uD800b", "\uDC00\uD800", "\u0301abc", "😀\u200D", "\u200D", "'", "'n", "''", "``", "a'", "Mr.", "U.S", "x@", "@x.y", "http://", "www.", "3.", "3,", "...", "—" })
        {
            AssertInvariants(TextDocument.Analyze(text));
        }
    }

    [Test]
    public void Analyze_RandomStrings_KeepInvariants()
    {
        const string alphabet = "aAbZsn'’‘\"“”«»`.,!?…;:-()[] \t\n\r\u2028\0 0123456789%$£@/U.S.Mr.https://www.";
        var random = new Random(12345);
        var builder = new StringBuilder();
        for (var round = 0; round < 5000; round++)
        {
            builder.Clear();
            var length = random.Next(0, 80);
            for (var k = 0; k < length; k++)
            {
                switch (random.Next(12))
                {
                    case 0:
                        builder.Append((char)random.Next(0xD800, 0xE000)); // lone surrogate
                        break;
                    case 1:
                        builder.Append(char.ConvertFromUtf32(random.Next(0x1F300, 0x1F6FF))); // emoji pair
                        break;
                    case 2:
                        builder.Append((char)random.Next(0, 0x3000));
                        break;
                    default:
                        builder.Append(alphabet[random.Next(alphabet.Length)]);
                        break;
                }
            }

            var text = builder.ToString();
            TextDocument doc = null!;
            var act = () => doc = TextDocument.Analyze(text);
            act.Should().NotThrow("input {0}", Escape(text));
            AssertInvariants(doc, text);
        }
    }

    private static string Escape(string s) => string.Concat(s.Select(c => c < 128 && !char.IsControl(c) ? c.ToString() : $"\\u{(int)c:X4}"));

    // Plain checks (not FluentAssertions) because this runs per token on million-token inputs.
    private static void Fail(string what, string because) => Assert.Fail($"Invariant violated: {what} (input: {because})");

    private static void AssertInvariants(TextDocument doc, string? label = null)
    {
        var text = doc.Text;
        var because = label is null ? "<large input>" : Escape(label);
        var tokens = doc.Tokens;
        var previousEnd = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            if (t.Start < previousEnd)
            {
                Fail($"token {i} overlaps the previous one", because);
            }

            if (!(t.End > t.Start && t.End <= text.Length))
            {
                Fail($"token {i} is empty or out of range", because);
            }

            for (var k = t.Start; k < t.End; k++)
            {
                if (char.IsWhiteSpace(text[k]))
                {
                    Fail($"token {i} contains whitespace", because);
                }
            }

            if (t.Start > 0 && char.IsLowSurrogate(text[t.Start]) && char.IsHighSurrogate(text[t.Start - 1]))
            {
                Fail($"token {i} cuts a surrogate pair at its start", because);
            }

            if (t.End < text.Length && char.IsLowSurrogate(text[t.End]) && char.IsHighSurrogate(text[t.End - 1]))
            {
                Fail($"token {i} cuts a surrogate pair at its end", because);
            }

            if (!(doc.TokenIndexAt(t.Start) == i && doc.TokenIndexAt(t.End - 1) == i))
            {
                Fail($"TokenIndexAt finds token {i}", because);
            }

            previousEnd = t.End;
        }

        // Sentences partition the tokens; paragraphs partition the sentences.
        var sentences = doc.Sentences;
        var nextToken = 0;
        for (var s = 0; s < sentences.Length; s++)
        {
            var sentence = sentences[s];
            if (!(sentence.FirstToken == nextToken && sentence.EndToken > sentence.FirstToken))
            {
                Fail($"sentence {s} continues the token partition", because);
            }

            if (!(sentence.Start == tokens[sentence.FirstToken].Start && sentence.End == tokens[sentence.EndToken - 1].End))
            {
                Fail($"sentence {s} offsets match its tokens", because);
            }

            if (!((tokens[sentence.FirstToken].Flags & TokenFlags.SentenceStart) != 0))
            {
                Fail($"sentence {s} start flag", because);
            }

            if (!(doc.SentenceIndexAt(sentence.Start) == s))
            {
                Fail($"SentenceIndexAt finds sentence {s}", because);
            }

            var paragraph = doc.Paragraphs[sentence.Paragraph];
            if (!(sentence.Start >= paragraph.Start && sentence.End <= paragraph.End))
            {
                Fail($"sentence {s} lies in its paragraph", because);
            }

            nextToken = sentence.EndToken;
        }

        if (!(nextToken == tokens.Length))
        {
            Fail("sentences cover all tokens", because);
        }

        var paragraphs = doc.Paragraphs;
        var nextSentence = 0;
        var previousParagraphEnd = -1;
        for (var p = 0; p < paragraphs.Length; p++)
        {
            var paragraph = paragraphs[p];
            if (!(paragraph.FirstSentence == nextSentence && paragraph.EndSentence > paragraph.FirstSentence))
            {
                Fail($"paragraph {p} continues the sentence partition", because);
            }

            if (!(paragraph.Start > previousParagraphEnd))
            {
                Fail($"paragraph {p} follows the previous one", because);
            }

            if (!(text.AsSpan(paragraph.Start, paragraph.Length).IndexOfAny("\r\n\u2028\u2029") < 0))
            {
                Fail($"paragraph {p} has no line break", because);
            }

            if (!(doc.ParagraphIndexAt(paragraph.Start) == p))
            {
                Fail($"ParagraphIndexAt finds paragraph {p}", because);
            }

            nextSentence = paragraph.EndSentence;
            previousParagraphEnd = paragraph.End;
        }

        if (!(nextSentence == sentences.Length))
        {
            Fail("paragraphs cover all sentences", because);
        }
    }
}
