using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using QuoteExtraction.Text;

namespace QuoteExtraction.Claims;

/// <summary>
/// Finds the next number word ("five", "Million", "thirds") that starts a word, and with <see cref="Cursor"/> the next
/// ASCII digit too: the candidates of <see cref="QuantityParser"/>. A word counts when its letters,
/// ASCII case-insensitively, are a key of <see cref="QuantityWords.Numbers"/>, <see cref="QuantityWords.Denominators"/>,
/// <see cref="QuantityWords.VaguePlurals"/> or <see cref="QuantityWords.Ordinals"/> that begins with one of
/// <see cref="Triggers"/>.
/// </summary>
/// <remarks>
/// A string search for the triggers spends most of its time verifying false starts: "for" (forty), "thi" (third),
/// "tho" (thousand) and "mil" (million) begin very common words, and "ten" and "one" hide inside "often" and "money".
/// Here an AVX2 pass reads 32 chars at once, narrowed to bytes, and keeps the positions after a non-letter whose first
/// three letters may begin a number word: each letter's low four bits (the same in both cases) selects, by byte
/// shuffle, the groups of number-word prefixes that allow it there, and a position passes when one group allows all
/// three. That coarse test costs a few instructions per 32 chars; its survivors (about one position in 120) then
/// pass a bitmap test of their first four chars, case folded, before the word look-up.
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

    // Whether a number word starts with these four letters (the fourth may be the word's end), hashed to 16 bits:
    // "for", "this" and "those" begin far more words than "forty", "third" and "thousand".
    private static readonly ulong[] PrefixBits = new ulong[(1 << 16) / 64];

    // For the first, second and third letter, 16 bytes each: by the letter's low four bits, the groups that allow it.
    private static readonly byte[] NibbleGroups = new byte[48];

#pragma warning disable CA1810 // one pass over the word lists fills every field
    static NumberWordSearch()
#pragma warning restore CA1810
    {
        // Plain loops, no LINQ over value types: this runs on every start, where generic code over them is JIT-compiled.
        var words = new List<string>();
        foreach (var keys in new[] { QuantityWords.Numbers.Words.ToArray(), QuantityWords.Denominators.Words.ToArray(), QuantityWords.VaguePlurals.Words.ToArray(), QuantityWords.Ordinals.Words.ToArray() })
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

        foreach (var word in words)
        {
            var bit = PrefixBit(Prefix(word[0], word[1], word[2]), word.Length > 3 ? word[3] : ' ');
            PrefixBits[bit >> 6] |= 1UL << bit;
        }

        var prefixKeys = prefixes.AsSpan(0, distinct);

        // Eight groups of prefixes, each allowing the product of its letters' nibble sets; every prefix joins the group
        // whose product grows least, so few other letter triples slip through.
        Span<int> first = stackalloc int[8], second = stackalloc int[8], third = stackalloc int[8];
        foreach (var prefix in prefixKeys)
        {
            int a = 1 << ((prefix >> 10) & 15), b = 1 << ((prefix >> 5) & 15), c = 1 << (prefix & 15);
            var best = 0;
            var bestGrowth = int.MaxValue;
            for (var g = 0; g < 8; g++)
            {
                var growth = (BitOperations.PopCount((uint)(first[g] | a)) * BitOperations.PopCount((uint)(second[g] | b)) * BitOperations.PopCount((uint)(third[g] | c)))
                    - (BitOperations.PopCount((uint)first[g]) * BitOperations.PopCount((uint)second[g]) * BitOperations.PopCount((uint)third[g]));
                if (growth < bestGrowth)
                {
                    best = g;
                    bestGrowth = growth;
                }
            }

            first[best] |= a;
            second[best] |= b;
            third[best] |= c;
        }

        for (var g = 0; g < 8; g++)
        {
            for (var n = 0; n < 16; n++)
            {
                NibbleGroups[n] |= (byte)(((first[g] >> n) & 1) << g);
                NibbleGroups[16 + n] |= (byte)(((second[g] >> n) & 1) << g);
                NibbleGroups[32 + n] |= (byte)(((third[g] >> n) & 1) << g);
            }
        }

    }

    /// <summary>The first number word that starts in [<paramref name="pos"/>, <paramref name="end"/>), or <paramref name="end"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="pos">Where to start looking.</param>
    /// <param name="end">Where to stop; words are cut at <paramref name="end"/>.</param>
    /// <returns>The offset of the word.</returns>
    internal static int IndexOf(string text, int pos, int end) => new Cursor(text, end, digits: false).Next(pos);

    /// <summary>
    /// The first ASCII digit or number word that starts in [<paramref name="pos"/>, <paramref name="end"/>), or
    /// <paramref name="end"/>: the candidates of the quantity grammar.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="pos">Where to start looking.</param>
    /// <param name="end">Where to stop; words are cut at <paramref name="end"/>.</param>
    /// <returns>The offset of the digit or word.</returns>
    internal static int IndexOfDigitOrWord(string text, int pos, int end) => new Cursor(text, end, digits: true).Next(pos);

    /// <summary>
    /// Walks the candidates of one text forward: it keeps the candidate mask of the last 32-char block, so a scan that
    /// asks again a few chars further on (the next digit of "2,019") costs a bit test, not another vector pass.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="end">Where to stop; words are cut at <paramref name="end"/>.</param>
    /// <param name="digits">Whether ASCII digits are candidates too.</param>
    internal struct Cursor(string text, int end, bool digits)
    {
        private readonly string _text = text;
        private readonly int _end = end;
        private readonly bool _digits = digits;
        private int _block = -64; // the 32 chars whose candidates _mask holds; unverified: a word bit passed the vector test only
        private uint _mask;

        /// <summary>The first candidate at or after <paramref name="pos"/> (which never moves back), or the end.</summary>
        /// <param name="pos">Where to start looking.</param>
        /// <returns>The offset of the candidate.</returns>
        [MethodImpl(MethodImplOptions.NoInlining)] // inlined into the parser's loop, its registers spill to the stack
        public int Next(int pos)
        {
            var text = _text;
            var end = _end;
            var i = pos;
            if (i == 0 && i < end)
            {
                if ((_digits && char.IsAsciiDigit(text[0])) || IsNumberWordAt(text, 0, end))
                {
                    return 0;
                }

                i = 1;
            }

            if (Avx2.IsSupported)
            {
                ref var chars = ref Unsafe.As<char, short>(ref MemoryMarshal.GetReference(text.AsSpan()));
                while (true)
                {
                    var offset = i - _block;
                    if (offset >= 32)
                    {
                        // Each block reads its 32 chars, the char before each and the two after each: i - 1 .. i + 33.
                        if (i + 34 > end)
                        {
                            break;
                        }

                        _block = i;
                        _mask = BlockMask(ref chars, i, _digits);
                        offset = 0;
                    }

                    var mask = _mask & (uint.MaxValue << offset);
                    while (mask != 0)
                    {
                        var at = _block + BitOperations.TrailingZeroCount(mask);
                        if ((_digits && char.IsAsciiDigit(text[at])) || (IsPrefixAt(text, at, end) && IsNumberWordAt(text, at, end)))
                        {
                            _mask = mask;
                            return at;
                        }

                        mask &= mask - 1;
                    }

                    _mask = 0;
                    i = _block + 32;
                }
            }

            // The tail, and every text without vectors: only a word start with a number word's first three letters is
            // worth the look-up (words are three letters or more).
            for (; i < end; i++)
            {
                var c = text[i];
                if (_digits && char.IsAsciiDigit(c))
                {
                    return i;
                }

                if (i + 2 < end && char.IsAsciiLetter(c) && !char.IsAsciiLetter(text[i - 1]) && IsPrefixAt(text, i, end) && IsNumberWordAt(text, i, end))
                {
                    return i;
                }
            }

            return end;
        }
    }

    // The candidates among the 32 chars at i, one bit each in text order: ASCII digits when asked for, and the word
    // starts whose three letters pass the nibble-group test.
    private static uint BlockMask(ref short chars, int i, bool digits)
    {
        var lowNibble = Vector256.Create((byte)15);
        var current = Narrow(ref chars, i);
        var groupsOfAll = Avx2.Shuffle(Lanes.FirstGroups, current & lowNibble)
            & Avx2.Shuffle(Lanes.SecondGroups, Narrow(ref chars, i + 1) & lowNibble)
            & Avx2.Shuffle(Lanes.ThirdGroups, Narrow(ref chars, i + 2) & lowNibble);
        var previousIsLetter = Vector256.LessThan((Narrow(ref chars, i - 1) | Vector256.Create((byte)0x20)) - Vector256.Create((byte)'a'), Vector256.Create((byte)26));
        var candidates = ~(Vector256.Equals(groupsOfAll, Vector256<byte>.Zero) | previousIsLetter);
        if (digits)
        {
            candidates |= Vector256.LessThan(current - Vector256.Create((byte)'0'), Vector256.Create((byte)10));
        }

        // Narrow packs each 128-bit half on its own (bytes 8-15 hold chars 16-23, bytes 16-23 chars 8-15): swap back.
        return Avx2.Permute4x64(candidates.AsUInt64(), 0b11_01_10_00).AsByte().ExtractMostSignificantBits();
    }

    // Five bits per letter, case folded ('A' & 31 == 'a' & 31): equal for the same three letters in any case. Other
    // chars can collide with a prefix, so a match is only a candidate.
    private static ushort Prefix(char a, char b, char c) => (ushort)(((a & 31) << 10) | ((b & 31) << 5) | (c & 31));

    // The nibble tables in both halves of a vector, for the shuffles: static readonly, so optimised code embeds them.
    // A class of their own, as code touching 256-bit vectors is compiled at run time: the word lists' set-up above stays
    // precompiled.
    private static class Lanes
    {
        internal static readonly Vector256<byte> FirstGroups = Vector256.Create(Vector128.Create(NibbleGroups.AsSpan(0, 16)));
        internal static readonly Vector256<byte> SecondGroups = Vector256.Create(Vector128.Create(NibbleGroups.AsSpan(16, 16)));
        internal static readonly Vector256<byte> ThirdGroups = Vector256.Create(Vector128.Create(NibbleGroups.AsSpan(32, 16)));
    }

    // 32 chars from at as bytes, saturated: a char above 0xFF (or 0x7FFF, read as signed) becomes no ASCII letter.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> Narrow(ref short chars, int at) =>
        Avx2.PackUnsignedSaturate(Vector256.LoadUnsafe(ref chars, (nuint)at), Vector256.LoadUnsafe(ref chars, (nuint)(at + 16)));

    // Whether the three chars at at (all before the end) are, case folded, those of a number word.
    private static bool IsPrefixAt(string text, int at, int end)
    {
        var bit = PrefixBit(Prefix(text[at], text[at + 1], text[at + 2]), at + 3 < end ? text[at + 3] : ' ');
        return (PrefixBits[bit >> 6] & (1UL << bit)) != 0;
    }

    // The bit of three letters' Prefix and the char after them: an ASCII letter by its five bits, any other letter as
    // 27 (no number word goes on so), anything else as the word's end, 0.
    private static int PrefixBit(ushort prefix, char fourth)
    {
        var code = char.IsAsciiLetter(fourth) ? fourth & 31 : char.IsLetter(fourth) ? 27 : 0;
        return (int)((uint)((prefix << 5) | code) * 0x9E3779B1u >> 16);
    }

    /// <summary>Whether a number word starts at <paramref name="at"/>: the letters from there are one and a letter does not come before.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // rare next to the vector pass; keeps the loop small
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
