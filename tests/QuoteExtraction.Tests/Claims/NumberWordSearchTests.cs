using FluentAssertions;
using NUnit.Framework;
using QuoteExtraction.Claims;

namespace QuoteExtraction.Tests.Claims;

public class NumberWordSearchTests
{
    private static readonly string[] Words = new[] { QuantityWords.Numbers, QuantityWords.Denominators, QuantityWords.VaguePlurals, QuantityWords.Ordinals }
        .SelectMany(d => d.Words.ToArray())
        .Where(w => NumberWordSearch.Triggers.Any(t => w.StartsWith(t, StringComparison.OrdinalIgnoreCase)))
        .ToArray();

    // The definition: a word start whose letters (up to end) are a number word, ASCII case-insensitively.
    private static int Reference(string text, int pos, int end)
    {
        for (var at = pos; at < end; at++)
        {
            if (!char.IsLetter(text[at]) || (at > 0 && char.IsLetter(text[at - 1])))
            {
                continue;
            }

            var e = at;
            while (e < end && char.IsLetter(text[e]))
            {
                e++;
            }

            if (Words.Contains(text[at..e], StringComparer.OrdinalIgnoreCase))
            {
                return at;
            }
        }

        return end;
    }

    [TestCase("five")]
    [TestCase("often money, tender; the Forty-TWO, half")]
    [TestCase("  \"Thousands\" of dozens, 5million, thirds—quarterly quarters x1one ſix fıve")]
    [TestCase("éone one\u00e9 “seven” sevens Seventh 'ninth' twentieth ninety-nine")]
    public void IndexOf_EveryStartAndEnd_MatchesTheDefinition(string sample)
    {
        // Repeat with a growing prefix so every word lands on every offset of a 32-char vector block.
        for (var pad = 0; pad < 36; pad++)
        {
            var text = new string('x', pad) + " " + sample + " " + sample;
            for (var end = text.Length - 8; end <= text.Length; end++)
            {
                for (var pos = 0; pos < end; pos++)
                {
                    NumberWordSearch.IndexOf(text, pos, end).Should().Be(Reference(text, pos, end), $"pos {pos}, end {end} in \"{text}\"");
                }
            }
        }
    }

    [TestCase("five 5 fifty-5 x9 ten10 2,000")]
    [TestCase("often money 7; the Forty-TWO, 1/2 half")]
    [TestCase("١٢ ninety-nine 99 éone 0")]
    public void IndexOfDigitOrWord_EveryStartAndEnd_IsTheFirstDigitOrWord(string sample)
    {
        for (var pad = 0; pad < 36; pad++)
        {
            var text = new string('x', pad) + " " + sample + " " + sample;
            for (var end = text.Length - 8; end <= text.Length; end++)
            {
                for (var pos = 0; pos < end; pos++)
                {
                    var digit = text.AsSpan(pos, end - pos).IndexOfAnyInRange('0', '9');
                    var expected = Math.Min(digit < 0 ? end : pos + digit, Reference(text, pos, end));
                    NumberWordSearch.IndexOfDigitOrWord(text, pos, end).Should().Be(expected, $"pos {pos}, end {end} in \"{text}\"");
                }
            }
        }
    }

    [Test]
    public void IndexOf_WordAtTextStart_IsFound()
    {
        NumberWordSearch.IndexOf("Twelve angry men", 0, 16).Should().Be(0);
        NumberWordSearch.IndexOf("Twelve", 0, 5).Should().Be(5, "the word is cut at the end of the range");
    }
}
