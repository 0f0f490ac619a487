using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace QuoteExtraction.Text;

/// <summary>
/// Words numbered in the order they were added, looked up by span, ordinally or ignoring case exactly like
/// <see cref="StringComparer.OrdinalIgnoreCase"/>. A plain chained hash table: unlike a frozen set it costs next to
/// nothing to build and, being our own non-generic code, is precompiled, so the few dozen word lists built at start-up
/// no longer cost a millisecond or more each (frozen collections analyse their keys and JIT-compile their generic
/// instantiations on first use). Not thread-safe while words are added; read-only use afterwards is.
/// </summary>
internal sealed class WordIndex
{
    private readonly bool _ignoreCase;
    private int[] _buckets = new int[16]; // per bucket: 1 + index of its first word, 0 when empty
    private int[] _next = new int[8];     // per word: 1 + index of the next word in its bucket, 0 at the end
    private uint[] _hashes = new uint[8];
    private string[] _words = new string[8];

    // Ignoring case, a word with a non-ASCII char may equal a word of other chars ("ſ" equals "s"): such words are
    // kept out of the hash table and compared one by one (English lexicons have none or very few).
    private string[] _odd = [];
    private int[] _oddIndex = [];

    // Most words asked about are not in the index: the length range and a bitmap over (length, first char, last char)
    // turn most of them away before the hash reads every char.
    private ulong[] _filter = new ulong[MinFilterBits / 64];
    private int _filterShift = 32 - 12; // log2 of the filter's bits, as a shift of the 32-bit mix
    private int _minLength = int.MaxValue;
    private int _maxLength = -1;
    private const int MinFilterBits = 4096; // grows to 16 bits per bucket: about one word in 40 passes a full filter

    /// <summary>Creates an empty index.</summary>
    /// <param name="ignoreCase">Whether words match ignoring case (<see cref="StringComparer.OrdinalIgnoreCase"/>) or ordinally.</param>
    public WordIndex(bool ignoreCase) => _ignoreCase = ignoreCase;

    /// <summary>Creates an index of <paramref name="words"/>.</summary>
    /// <param name="ignoreCase">Whether words match ignoring case (<see cref="StringComparer.OrdinalIgnoreCase"/>) or ordinally.</param>
    /// <param name="words">The words (repeats are kept once).</param>
    public WordIndex(bool ignoreCase, params string[] words)
        : this(ignoreCase)
    {
        foreach (var word in words)
        {
            Add(word);
        }
    }

    /// <summary>The number of words.</summary>
    public int Count { get; private set; }

    /// <summary>Whether words match ignoring case.</summary>
    public bool IgnoreCase => _ignoreCase;

    /// <summary>The word with number <paramref name="index"/>, as first added.</summary>
    /// <param name="index">The word's number.</param>
    public string this[int index] => index < Count ? _words[index] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>The words, numbered as added.</summary>
    /// <returns>A new array of the words.</returns>
    public string[] ToArray() => _words.AsSpan(0, Count).ToArray();

    /// <summary>Adds a word unless an equal one is there.</summary>
    /// <param name="word">The word.</param>
    /// <returns>The number of the word, new or found.</returns>
    public int Add(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        int found = IndexOf(word);
        if (found >= 0)
        {
            return found;
        }

        if (Count == _words.Length)
        {
            Array.Resize(ref _words, Count * 2);
            Array.Resize(ref _hashes, Count * 2);
            Array.Resize(ref _next, Count * 2);
        }

        int index = Count++;
        _words[index] = word;
        _minLength = Math.Min(_minLength, word.Length);
        _maxLength = Math.Max(_maxLength, word.Length);
        Mark(word);
        if (!TryHash(word, out uint hash))
        {
            _odd = [.. _odd, word];
            _oddIndex = [.. _oddIndex, index];
            return index;
        }

        _hashes[index] = hash;
        if (Count > _buckets.Length / 2)
        {
            Rehash(_buckets.Length * 2);
        }
        else
        {
            Link(index, hash);
        }

        return index;
    }

    /// <summary>Whether an equal word is in the index.</summary>
    /// <param name="word">The word.</param>
    /// <returns>Whether it is there.</returns>
    public bool Contains(ReadOnlySpan<char> word) => IndexOf(word) >= 0;

    /// <summary>The number of the word equal to <paramref name="word"/>, or -1.</summary>
    /// <param name="word">The word.</param>
    /// <returns>Its number or -1.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int IndexOf(ReadOnlySpan<char> word)
    {
        // Most words asked about are not in the index and end here, inlined at the caller, without hashing.
        int n = word.Length;
        if ((uint)(n - _minLength) > (uint)(_maxLength - _minLength))
        {
            return -1;
        }

        if (n > 0)
        {
            int bit = FilterBit(n, word[0], n > 1 ? word[1] : '\0', word[n - 1], _filterShift);
            if ((_filter[bit >> 6] & (1UL << bit)) == 0)
            {
                return -1;
            }
        }

        return Find(word);
    }

    private int Find(ReadOnlySpan<char> word)
    {
        if (TryHash(word, out uint hash))
        {
            for (int i = _buckets[(int)(hash & (uint)(_buckets.Length - 1))] - 1; i >= 0; i = _next[i] - 1)
            {
                if (_hashes[i] == hash && Matches(word, _words[i]))
                {
                    return i;
                }
            }

            for (int k = 0; k < _odd.Length; k++)
            {
                if (Matches(word, _odd[k]))
                {
                    return _oddIndex[k];
                }
            }

            return -1;
        }

        // A word with non-ASCII chars, ignoring case: compared with every word of its length.
        for (int i = 0; i < Count; i++)
        {
            if (_words[i].Length == word.Length && Matches(word, _words[i]))
            {
                return i;
            }
        }

        return -1;
    }

    // A bit for (length, first, second and last char). ASCII letters fold to one case and every non-ASCII char counts
    // alike: OrdinalIgnoreCase never equates a non-ASCII char with an ASCII one, so words equal under the index's
    // comparison (either comparison) share a bit.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int FilterBit(int length, uint first, uint second, uint last, int shift)
    {
        uint h = ((uint)length * 0x9E3779B1u) ^ (Fold(first) * 0x85EBCA6Bu) ^ (Fold(second) * 0xC2B2AE35u) ^ (Fold(last) * 0x27D4EB2Fu);
        return (int)((h * 0x165667B1u) >> shift);
    }

    private void Mark(string word)
    {
        if (word.Length > 0)
        {
            int bit = FilterBit(word.Length, word[0], word.Length > 1 ? word[1] : '\0', word[^1], _filterShift);
            _filter[bit >> 6] |= 1UL << bit;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Fold(uint c) => c < 0x80 ? (c - 'A' <= 'Z' - 'A' ? c | 0x20 : c) : 0x80u;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Matches(ReadOnlySpan<char> word, string candidate) =>
        _ignoreCase ? word.Equals(candidate, StringComparison.OrdinalIgnoreCase) : word.SequenceEqual(candidate);

    /// <summary>
    /// The hash of a word: of its chars, or ignoring case of its chars folded to lower case; false (no hash) when case is
    /// ignored and a char is not ASCII.
    /// </summary>
    private bool TryHash(ReadOnlySpan<char> word, out uint hash)
    {
        uint h = 2166136261u ^ (uint)word.Length;
        if (_ignoreCase)
        {
            foreach (char ch in word)
            {
                uint c = ch;
                if (c > 0x7F)
                {
                    hash = 0;
                    return false;
                }

                h = (h ^ (c - 'A' <= 'Z' - 'A' ? c | 0x20 : c)) * 16777619u;
            }
        }
        else
        {
            foreach (char ch in word)
            {
                h = (h ^ ch) * 16777619u;
            }
        }

        hash = h ^ (h >> 15);
        return true;
    }

    private void Rehash(int buckets)
    {
        _buckets = new int[buckets];
        int filterBits = Math.Max(MinFilterBits, buckets * 16);
        if (filterBits != _filter.Length * 64)
        {
            _filter = new ulong[filterBits / 64];
            _filterShift = 32 - System.Numerics.BitOperations.Log2((uint)filterBits);
            for (int i = 0; i < Count; i++)
            {
                Mark(_words[i]);
            }
        }

        for (int i = 0; i < Count; i++)
        {
            _next[i] = 0;
        }

        for (int i = 0; i < Count; i++)
        {
            if (!IsOdd(i))
            {
                Link(i, _hashes[i]);
            }
        }
    }

    private bool IsOdd(int index) => Array.IndexOf(_oddIndex, index) >= 0;

    // Appends to the end of the chain, so equal hashes are compared in the order the words were added.
    private void Link(int index, uint hash)
    {
        ref int slot = ref _buckets[(int)(hash & (uint)(_buckets.Length - 1))];
        while (slot != 0)
        {
            slot = ref _next[slot - 1];
        }

        slot = index + 1;
    }
}

/// <summary>A <see cref="WordIndex"/> with a value per word: a cheap-to-build word dictionary looked up by span.</summary>
/// <typeparam name="TValue">The value type.</typeparam>
internal sealed class WordIndex<TValue>
{
    private readonly WordIndex _index;
    private TValue[] _values = new TValue[8];

    /// <summary>Creates an empty dictionary.</summary>
    /// <param name="ignoreCase">Whether words match ignoring case (<see cref="StringComparer.OrdinalIgnoreCase"/>) or ordinally.</param>
    public WordIndex(bool ignoreCase) => _index = new WordIndex(ignoreCase);

    /// <summary>The words, numbered in the order they were added.</summary>
    public WordIndex Words => _index;

    /// <summary>The number of words.</summary>
    public int Count => _index.Count;

    /// <summary>Sets the value of a word, adding the word if it is new (like a dictionary's indexer: the last value wins).</summary>
    /// <param name="word">The word.</param>
    public TValue this[string word]
    {
        set
        {
            int i = _index.Add(word);
            if (i >= _values.Length)
            {
                Array.Resize(ref _values, Math.Max(i + 1, _values.Length * 2));
            }

            _values[i] = value;
        }
    }

    /// <summary>Adds <paramref name="word"/> with <paramref name="value"/> unless the word is there already (the first value wins).</summary>
    /// <param name="word">The word.</param>
    /// <param name="value">Its value.</param>
    /// <returns>Whether it was added.</returns>
    public bool TryAdd(string word, TValue value)
    {
        int count = Count;
        int i = _index.Add(word);
        if (i < count)
        {
            return false;
        }

        if (i >= _values.Length)
        {
            Array.Resize(ref _values, Math.Max(i + 1, _values.Length * 2));
        }

        _values[i] = value;
        return true;
    }

    /// <summary>The value of the word with number <paramref name="index"/>.</summary>
    /// <param name="index">The word's number in <see cref="Words"/>.</param>
    /// <returns>Its value.</returns>
    public TValue ValueAt(int index) => index < Count ? _values[index] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>Whether the dictionary holds <paramref name="word"/>.</summary>
    /// <param name="word">The word.</param>
    /// <returns>Whether it is a key.</returns>
    public bool ContainsKey(ReadOnlySpan<char> word) => _index.IndexOf(word) >= 0;

    /// <summary>Looks up <paramref name="word"/>.</summary>
    /// <param name="word">The word.</param>
    /// <param name="value">Its value, when found.</param>
    /// <returns>Whether it is a key.</returns>
    public bool TryGetValue(ReadOnlySpan<char> word, [MaybeNullWhen(false)] out TValue value)
    {
        int i = _index.IndexOf(word);
        if (i >= 0)
        {
            value = _values[i];
            return true;
        }

        value = default;
        return false;
    }
}
