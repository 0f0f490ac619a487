using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace QuoteExtraction.Claims;

/// <summary>
/// Finds the next number word ("five", "Million", "thirds") that starts a word. A word counts when its letters,
/// ASCII case-insensitively, are a key of <see cref="QuantityWords.Numbers"/>, <see cref="QuantityWords.Denominators"/>,
/// <see cref="QuantityWords.VaguePlurals"/> or <see cref="QuantityWords.Ordinals"/> that begins with one of
/// <see cref="Triggers"/>.
/// </summary>
/// <remarks>
/// A string search for the triggers spends most of its time verifying false starts: "for" (forty), "thi" (third),
/// "tho" (thousand) and "mil" (million) begin very common words, and "ten" and "one" hide inside "often" and "money".
/// Here a vector pass compares the first three letters of every position, case folded, with those of the number words
/// and keeps the ones that follow a non-letter; only about one position in 160 survives to the word look-up.
/// </remarks>
internal static class NumberWordSearch
{
    /// <summary>What a number word starts with (case-insensitive); "first", "second", "zero", "scores", "ninth" do not qualify.</summary>
    internal static readonly string[] Triggers =
    [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
        "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand",
        "million", "billion", "trillion", "dozen", "half", "third", "quarter", "fourth", "fifth",
    ];

    private static readonly WordIndex Words;
    private static readonly int MinLength;
    private static readonly int MaxLength;

    // The distinct three-letter prefixes of the words as Prefix keys, one vector of each.
    private static readonly Vector256<ushort>[] PrefixKeys;

#pragma warning disable CA1810 // one pass over the word lists fills every field
    static NumberWordSearch()
#pragma warning restore CA1810
    {
        // Plain loops, no LINQ over value types: this runs on every start, where generic code over them is JIT-compiled.
        var words = new List<string>();
        foreach (var keys in new[] { QuantityWords.Numbers.Keys, QuantityWords.Denominators.Keys, QuantityWords.VaguePlurals.Keys, QuantityWords.Ordinals.Keys })
        {
            foreach (var word in keys)
            {
                foreach (var trigger in Triggers)
                {
                    if (word.StartsWith(trigger, StringComparison.OrdinalIgnoreCase))
                    {
                        words.Add(word);
                        break;
                    }
                }
            }
        }

        Words = new WordIndex(ignoreCase: true, [.. words]);
        var prefixes = new ushort[words.Count];
        var distinct = 0;
        MinLength = int.MaxValue;
        foreach (var word in words)
        {
            // The prefix keys assume ASCII words of three letters or more.
            if (word.Length < 3)
            {
                throw new InvalidOperationException("number words must be ASCII words of three letters or more");
            }

            foreach (var c in word)
            {
                if (!char.IsAsciiLetter(c))
                {
                    throw new InvalidOperationException("number words must be ASCII words of three letters or more");
                }
            }

            MinLength = Math.Min(MinLength, word.Length);
            MaxLength = Math.Max(MaxLength, word.Length);
            var prefix = Prefix(word[0], word[1], word[2]);
            if (!prefixes.AsSpan(0, distinct).Contains(prefix))
            {
                prefixes[distinct++] = prefix;
            }
        }

        PrefixKeys = new Vector256<ushort>[distinct];
        for (var i = 0; i < distinct; i++)
        {
            PrefixKeys[i] = Vector256.Create(prefixes[i]);
        }
    }

    /// <summary>The first number word that starts in [<paramref name="pos"/>, <paramref name="end"/>), or <paramref name="end"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="pos">Where to start looking.</param>
    /// <param name="end">Where to stop; words are cut at <paramref name="end"/>.</param>
    /// <returns>The offset of the word.</returns>
    internal static int IndexOf(string text, int pos, int end)
    {
        var i = pos;
        if (i == 0 && i < end)
        {
            if (IsNumberWordAt(text, 0, end))
            {
                return 0;
            }

            i = 1;
        }

        // Each step reads the 16 chars at i.., the char before each and the two after each: i - 1 .. i + 17.
        if (Vector256.IsHardwareAccelerated)
        {
            ReadOnlySpan<Vector256<ushort>> keys = PrefixKeys;
            ref var chars = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text.AsSpan()));
            for (; i + Vector256<ushort>.Count + 2 <= end; i += Vector256<ushort>.Count)
            {
                var prefix = Prefix(Vector256.LoadUnsafe(ref chars, (nuint)i), Vector256.LoadUnsafe(ref chars, (nuint)(i + 1)), Vector256.LoadUnsafe(ref chars, (nuint)(i + 2)));
                var isPrefix = Vector256<ushort>.Zero;
                foreach (var key in keys)
                {
                    isPrefix |= Vector256.Equals(prefix, key);
                }

                var previous = Vector256.LoadUnsafe(ref chars, (nuint)(i - 1)) | Vector256.Create((ushort)0x20);
                var previousIsLetter = Vector256.LessThan(previous - Vector256.Create((ushort)'a'), Vector256.Create((ushort)26));
                var mask = Vector256.AndNot(isPrefix, previousIsLetter).ExtractMostSignificantBits();
                while (mask != 0)
                {
                    var at = i + BitOperations.TrailingZeroCount(mask);
                    if (IsNumberWordAt(text, at, end))
                    {
                        return at;
                    }

                    mask &= mask - 1;
                }
            }
        }

        for (; i < end; i++)
        {
            if (char.IsAsciiLetter(text[i]) && IsNumberWordAt(text, i, end))
            {
                return i;
            }
        }

        return end;
    }

    // Five bits per letter, case folded ('A' & 31 == 'a' & 31): equal for the same three letters in any case. Other
    // chars can collide with a prefix, so a match is only a candidate.
    private static ushort Prefix(char a, char b, char c) => (ushort)(((a & 31) << 10) | ((b & 31) << 5) | (c & 31));

    private static Vector256<ushort> Prefix(Vector256<ushort> a, Vector256<ushort> b, Vector256<ushort> c)
    {
        var low5 = Vector256.Create((ushort)31);
        return ((a & low5) << 10) | ((b & low5) << 5) | (c & low5);
    }

    /// <summary>Whether a number word starts at <paramref name="at"/>: the letters from there are one and a letter does not come before.</summary>
    private static bool IsNumberWordAt(string text, int at, int end)
    {
        if (at + MinLength > end || (at > 0 && char.IsLetter(text[at - 1])))
        {
            return false;
        }

        var e = at;
        while (e < end && char.IsLetter(text[e]))
        {
            if (++e - at > MaxLength)
            {
                return false;
            }
        }

        return Words.Contains(text.AsSpan(at, e - at));
    }
}
