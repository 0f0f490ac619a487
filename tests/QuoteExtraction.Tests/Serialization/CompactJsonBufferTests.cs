using System.Buffers;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using NUnit.Framework;
using QuoteExtraction.Serialization;

namespace QuoteExtraction.Tests.Serialization;

/// <summary>
/// <see cref="CompactJsonBuffer"/> must write every value byte for byte as <see cref="Utf8JsonWriter"/> does with
/// <see cref="QuoteJson.CompactOptions"/>: each test compares the two.
/// </summary>
[TestFixture]
public sealed class CompactJsonBufferTests
{
    private static string Expected(Action<Utf8JsonWriter> write)
    {
        var output = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(output, QuoteJson.CompactOptions))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    private static string Actual(Action<CompactJsonBuffer> write, int capacity = 4096)
    {
        var buffer = new CompactJsonBuffer(capacity);
        write(buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void ShouldMatchWriter(string? value, int capacity = 4096) =>
        Actual(b => b.WriteString(value), capacity).Should().Be(Expected(w => QuoteJson.WriteSafeString(w, value)), "for {0}", Describe(value));

    private static void ShouldMatchWriter(double value) =>
        Actual(b => b.WriteNumber(value)).Should().Be(Expected(w => w.WriteNumberValue(value)), "for {0:R}", value);

    private static string Describe(string? value) =>
        value is null ? "null" : string.Join(' ', value.Take(40).Select(c => ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)));

    [Test]
    public void WriteString_EveryBmpCharacterAlone_MatchesWriter()
    {
        // Lone surrogates included: both sides write U+FFFD for them.
        for (var c = 0; c <= char.MaxValue; c++)
        {
            ShouldMatchWriter(((char)c).ToString());
        }
    }

    [Test]
    public void WriteString_EveryBmpCharacterInsideAsciiText_MatchesWriter()
    {
        for (var c = 0; c <= char.MaxValue; c++)
        {
            ShouldMatchWriter("The vote was " + (char)c + " tight, \"he said\".");
        }
    }

    // In code rather than as test cases: lone surrogates and NUL do not survive test names in result files.
    private static readonly string[] SpecialTexts =
    [
        "",
        "Plain words, numbers 1-2 and marks like <>&'+`~!@#$%^*()[]{}|;:/?=.",
        "\"We will win,\" she said.",
        "A back\\slash and \"quotes\" twice \\\"",
        "Controls \b \t \n \f \r \u0000 \u0001 \u001F \u007F end",
        "\"",
        "\\",
        "\u201CCurly quotes\u201D, caf\u00E9, \u00A3300m, an em dash \u2014 and Chinese \u4E2D\u6587",
        "Non-breaking\u00A0space and a soft\u00ADhyphen with \"quotes\"",
        "Line\u2028separator and paragraph\u2029separator",
        "Emoji \uD83D\uDE00 and a pair at the end \uD83D\uDE00",
        "\uD800",
        "\uDC00 starts low",
        "ends high \uD83D",
        "two highs \uD83D\uD83D\uDE00 then a pair",
        "lone \uD800 and \"quote\" and caf\u00E9",
        "\uFFFD\uFFFE\uFFFF",
    ];

    [Test]
    public void WriteString_SpecialText_MatchesWriter()
    {
        foreach (var value in SpecialTexts)
        {
            ShouldMatchWriter(value);
        }
    }

    [Test]
    public void NarrowPlainAscii_OneCharacterAtEachPositionOfEachLength_StopsThereOrCopiesAll()
    {
        // Lengths around the vector width (16 UTF-16 code units) and its multiples, where the last block overlaps.
        char[] others = ['"', '\\', '\u001F', '\u007F', '\u0080', '\u00E9', '\uD800', '\uFFFF', '\0', ' ', '~', '!'];
        for (var length = 0; length <= 70; length++)
        {
            var plain = Enumerable.Range(0, length).Select(i => (char)('a' + (i % 26))).ToArray();
            for (var at = 0; at < length; at++)
            {
                foreach (var other in others)
                {
                    var chars = (char[])plain.Clone();
                    chars[at] = other;
                    var expected = other is ' ' or '~' or '!' ? length : at;
                    var destination = new byte[length];

                    var count = CompactJsonBuffer.NarrowPlainAscii(chars, destination);

                    count.Should().Be(expected, "for U+{0:X4} at {1} of {2}", (int)other, at, length);
                    Encoding.ASCII.GetString(destination, 0, count).Should().Be(new string(chars, 0, count));
                }
            }

            var all = new byte[length];
            CompactJsonBuffer.NarrowPlainAscii(plain, all).Should().Be(length);
            Encoding.ASCII.GetString(all).Should().Be(new string(plain));
        }
    }

    [Test]
    public void NarrowPlainAscii_ShortDestination_Throws()
    {
        var act = () => CompactJsonBuffer.NarrowPlainAscii("abc", new byte[2]);

        act.Should().Throw<ArgumentException>();
    }

    [Test]
    public void WriteString_Null_WritesNull()
    {
        Actual(b => b.WriteString((string?)null)).Should().Be("null");
    }

    [Test]
    public void WriteString_LongEscapedTextFromSmallBuffer_GrowsAndMatchesWriter()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < 3000; i++)
        {
            sb.Append("\"Quote ").Append(i).Append("\"\\\n");
        }

        ShouldMatchWriter(sb.ToString(), capacity: 64);
        ShouldMatchWriter(new string('"', 5000), capacity: 64);
        ShouldMatchWriter(new string('\u0001', 5000), capacity: 64);
        ShouldMatchWriter(new string('\u00E9', 5000), capacity: 64);
        ShouldMatchWriter(new string('\u00A0', 5000), capacity: 64);
        ShouldMatchWriter(string.Concat(Enumerable.Repeat("\uD83D\uDE00\uD800", 2000)), capacity: 64);
    }

    [Test]
    public void WriteString_RandomText_MatchesWriter()
    {
        // Text mixing plain ASCII with every kind of character the writer treats differently.
        char[] pool = ['a', 'Z', ' ', '0', '"', '\\', '\n', '\u0007', '\u007F', '\u00E9', '\u00A0', '\u2019', '\u4E2D', '\uD83D', '\uDE00', '\uFFFD', '<', '&'];
        var random = new Random(20260101);
        for (var n = 0; n < 20000; n++)
        {
            var chars = new char[random.Next(0, 80)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = random.Next(3) == 0 ? pool[random.Next(pool.Length)] : (char)random.Next(0x20, 0x7F);
            }

            ShouldMatchWriter(new string(chars));
        }
    }

    [Test]
    public void WriteNumber_AllThousandthsUpToTwoThousand_MatchWriter()
    {
        for (var k = -2_000_000; k <= 2_000_000; k++)
        {
            ShouldMatchWriter(k / 1000.0);
        }
    }

    [Test]
    public void WriteNumber_PowersAndNeighbours_MatchWriter()
    {
        for (var exponent = -30; exponent <= 30; exponent++)
        {
            var power = Math.Pow(10, exponent);
            foreach (var value in new[] { power, power * 1.5, power * 4.5, power - 1, power + 1, power * 0.999, Math.BitDecrement(power), Math.BitIncrement(power) })
            {
                ShouldMatchWriter(value);
                ShouldMatchWriter(-value);
            }
        }
    }

    [TestCase(0.0)]
    [TestCase(-0.0)]
    [TestCase(1130000000.0)]
    [TestCase(11100000000.0)]
    [TestCase(999999999999999.0)]
    [TestCase(999999999999999.9)]
    [TestCase(1e15)]
    [TestCase(1e15 + 2)]
    [TestCase(1e16)]
    [TestCase(4.5e21)]
    [TestCase(9007199254740993.0)]
    [TestCase(-9.2233720368547758E+18)]
    [TestCase(9.2233720368547758E+18)]
    [TestCase(1.7976931348623157E+308)]
    [TestCase(double.Epsilon)]
    [TestCase(0.0005)]
    [TestCase(0.0009999)]
    [TestCase(0.30000000000000004)]
    [TestCase(0.1)]
    [TestCase(0.7865)]
    [TestCase(123456789012.345)]
    [TestCase(999999999999.999)]
    [TestCase(1e12 + 0.5)]
    [TestCase(-4.5)]
    [TestCase(-0.25)]
    public void WriteNumber_EdgeValues_MatchWriter(double value) => ShouldMatchWriter(value);

    [Test]
    public void WriteNumber_RandomDoubles_MatchWriter()
    {
        var random = new Random(42);
        Span<byte> bits = stackalloc byte[8];
        for (var n = 0; n < 200000; n++)
        {
            double value;
            switch (n % 4)
            {
                case 0:
                    random.NextBytes(bits);
                    value = BitConverter.ToDouble(bits);
                    if (!double.IsFinite(value))
                    {
                        continue;
                    }

                    break;
                case 1:
                    value = Math.Round(random.NextDouble() * Math.Pow(10, random.Next(0, 17)));
                    break;
                case 2:
                    value = Math.Round(random.NextDouble() * Math.Pow(10, random.Next(0, 13)), random.Next(1, 4));
                    break;
                default:
                    value = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-8, 22));
                    break;
            }

            ShouldMatchWriter(value);
        }
    }

    [TestCase(0L)]
    [TestCase(-1L)]
    [TestCase(int.MaxValue)]
    [TestCase(int.MinValue)]
    [TestCase(long.MaxValue)]
    [TestCase(long.MinValue)]
    public void WriteNumber_Integers_MatchWriter(long value) =>
        Actual(b => b.WriteNumber(value)).Should().Be(Expected(w => w.WriteNumberValue(value)));

    [Test]
    public void WriteRaw_ManySmallWritesFromSmallBuffer_KeepsEverything()
    {
        var text = Actual(
            b =>
            {
                for (var i = 0; i < 1000; i++)
                {
                    b.WriteRaw("[true,"u8);
                    b.WriteBoolean(false);
                    b.WriteRaw(","u8);
                    b.WriteNull();
                    b.WriteRaw("]"u8);
                }
            },
            capacity: 1);

        text.Should().Be(string.Concat(Enumerable.Repeat("[true,false,null]", 1000)));
    }

    [Test]
    public void Clear_AfterWrites_StartsOverKeepingNothing()
    {
        var buffer = new CompactJsonBuffer();
        buffer.WriteString("first");
        buffer.Clear();
        buffer.WriteNumber(7);

        buffer.Count.Should().Be(1);
        Encoding.UTF8.GetString(buffer.WrittenSpan).Should().Be("7");
    }
}
