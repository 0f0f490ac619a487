using System.Numerics;
using QuoteExtraction.Text;
using System.Runtime.CompilerServices;

namespace QuoteExtraction.Claims;

/// <summary>
/// Turns a sentence into the check-worthiness feature vector: a few dense cues (numbers, quantities, comparatives, named
/// entities, tense, modality, hedges, pronouns, questions, length) followed by hashed unigrams and bigrams of lower-cased
/// words (numbers folded to shape tokens). Features come from the tokens of an analysed <see cref="TextDocument"/>, the
/// same tokens in training and at inference, so a claim is scored from the document's tokens without tokenising it again.
/// </summary>
internal static class CheckWorthinessFeatures
{
    /// <summary>Bits of the hashed n-gram space.</summary>
    public const int HashBits = 18;

    /// <summary>Size of the hashed n-gram space.</summary>
    public const int HashSize = 1 << HashBits;

    /// <summary>The longest word (in characters) that is looked up and hashed as a whole; longer ones are truncated.</summary>
    private const int MaxWord = 32;

    /// <summary>The dense features, in order.</summary>
    public static readonly string[] DenseNames =
    [
        "logTokens", "veryShort", "numbers", "hasNumber", "year", "percent", "money", "scaleWord", "numberWord",
        "comparatives", "erEstWords", "than", "capitalisedInner", "allCaps", "pastEd", "pastAux", "futureModal",
        "opinion", "hedge", "iThink", "firstSingular", "firstPlural", "secondPerson", "question", "exclamation",
        "courtesy", "negation", "temporal", "questionWordStart", "quoteMark", "quantityNoun", "longWords",
    ];

    /// <summary>The number of dense features.</summary>
    public static int DenseCount => DenseNames.Length;

    /// <summary>The width of the full vector (dense then hashed).</summary>
    public static int Width => DenseCount + HashSize;

    /// <summary>The feature schema written to model manifests.</summary>
    public static IReadOnlyList<string> Schema { get; } = [.. DenseNames, $"hashed-unigram-bigram:tokens:fnv1a:{HashBits}"];

    [Flags]
    private enum Cat
    {
        None = 0,
        NumberWord = 1,
        Percent = 2,
        Money = 4,
        Scale = 8,
        Comparative = 16,
        PastAux = 32,
        FutureModal = 64,
        Opinion = 128,
        Hedge = 256,
        FirstSingular = 512,
        FirstPlural = 1024,
        Second = 2048,
        Courtesy = 4096,
        Negation = 8192,
        Temporal = 16384,
        QuestionWord = 32768,
        Stop = 65536,
        QuantityNoun = 131072,

        // Single words the features test for by name.
        Than = 1 << 18,
        Cent = 1 << 19,
        Per = 1 << 20,
        I = 1 << 21,
    }


    private static Dictionary<string, Cat> BuildLexicon()
    {
        var d = new Dictionary<string, Cat>(StringComparer.Ordinal);
        void Add(Cat c, string words)
        {
            foreach (var w in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                d[w] = d.GetValueOrDefault(w) | c;
            }
        }

        Add(Cat.NumberWord, "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands million millions billion billions trillion trillions half quarter third dozen dozens twice once");
        Add(Cat.Percent, "percent per cent percentage");
        Add(Cat.Money, "dollar dollars $ cents pounds euros £ € budget deficit debt tax taxes spending spent wage wages income salary");
        Add(Cat.Scale, "thousand thousands million millions billion billions trillion trillions hundred hundreds");
        Add(Cat.Comparative, "more less fewer most least than higher lower larger smaller bigger better worse best worst greater increase increased increases increasing decrease decreased decreases rise rose risen rising fell fall fallen falling cut cuts double doubled triple tripled quadrupled grew grown growth reduce reduced raise raised drop dropped dropping highest lowest largest biggest record only almost nearly over under since");
        Add(Cat.PastAux, "was were had did been");
        Add(Cat.FutureModal, "will would 'll going gonna could should might may must can shall");
        Add(Cat.Opinion, "think believe feel hope want wish guess opinion like love hate agree disagree great wonderful terrible tremendous fantastic beautiful horrible sad amazing proud");
        Add(Cat.Hedge, "maybe perhaps probably possibly seems seem kind sort frankly honestly really");
        Add(Cat.FirstSingular, "i me my mine myself i'm i've i'd i'll");
        Add(Cat.FirstPlural, "we us our ours ourselves we're we've we'll");
        Add(Cat.Second, "you your yours yourself you're you've");
        Add(Cat.Courtesy, "thank thanks welcome applause laughter crosstalk congratulations please tonight evening okay ok hello goodbye bless appreciate");
        Add(Cat.Negation, "not no never n't nobody nothing none neither nor don't doesn't didn't won't can't isn't wasn't");
        Add(Cat.Temporal, "year years yesterday today last ago since month months week weeks decade decades january february march april may june july august september october november december");
        Add(Cat.QuestionWord, "what why how who when where which");
        Add(Cat.QuantityNoun, "jobs rate rates number numbers average total percent people americans unemployment population deaths cases votes voted law bill billion million country countries");
        Add(Cat.Stop, "the a an and or but of to in on at for with by from as is are be it this that these those there here so if then just also very well oh yes");
        Add(Cat.Than, "than");
        Add(Cat.Cent, "cent");
        Add(Cat.Per, "per");
        Add(Cat.I, "i");
        return d;
    }

    /// <summary>Extracts the features of <paramref name="text"/> (analysed as one document).</summary>
    /// <param name="text">The sentence.</param>
    /// <param name="dense">Receives the <see cref="DenseCount"/> dense values (overwritten).</param>
    /// <param name="hashes">Receives the hashed n-gram indices (0-based within the hashed space; may repeat).</param>
    public static void Extract(string text, Span<float> dense, List<int> hashes)
    {
        var doc = TextDocument.Analyze(text);
        var scratch = new Scratch(hashes);
        Scan(doc, 0, doc.Tokens.Length, ref scratch);
        scratch.Finish(dense);
    }

    /// <summary>
    /// The raw linear score of the tokens <c>[firstToken, endToken)</c> of an analysed document: bias + dense·w + Σ w[hash]
    /// over the n-grams. Reads the document's tokens, so claims are scored without tokenising their text again.
    /// </summary>
    /// <param name="doc">The analysed document.</param>
    /// <param name="firstToken">The first token of the sentence or clause.</param>
    /// <param name="endToken">The token just past it.</param>
    /// <param name="denseWeights">The <see cref="DenseCount"/> dense weights.</param>
    /// <param name="hashedWeights">The weights of the hashed n-gram buckets.</param>
    /// <param name="bias">The bias.</param>
    /// <param name="dense">Receives the dense features (for a second-stage model), <see cref="DenseCount"/> values.</param>
    /// <returns>The linear score.</returns>
    public static double LinearScore(
        TextDocument doc, int firstToken, int endToken, ReadOnlySpan<float> denseWeights, HashedWeights hashedWeights, double bias, Span<float> dense)
    {
        var scratch = new Scratch(hashedWeights, bias);
        Scan(doc, firstToken, endToken, ref scratch);
        scratch.Finish(dense);
        double sum = scratch.Sum;
        for (int i = 0; i < DenseCount; i++)
        {
            sum += dense[i] * denseWeights[i];
        }

        return sum;
    }

    private static void Scan(TextDocument doc, int firstToken, int endToken, ref Scratch s)
    {
        Span<char> word = stackalloc char[MaxWord];
        // The text as a span once: ReadyToRun code calls String.GetRawStringData for every string-to-span conversion.
        ReadOnlySpan<char> text = doc.Text;
        var tokens = doc.Tokens[firstToken..endToken];
        for (int t = 0; t < tokens.Length; t++)
        {
            ref readonly var token = ref tokens[t];
            var raw = text.Slice(token.Start, token.End - token.Start);
            if (token.Kind is TokenKind.Word or TokenKind.Url)
            {
                int len = LowerHash(raw, word, out uint hash);
                s.Word(word[..len], raw[0], t == 0, token.Has(TokenFlags.AllCaps), hash);
                continue;
            }

            if (token.Kind == TokenKind.Number)
            {
                // "4.5bn", "21st", "1990s", "4.5%": the digits, a letter suffix, then any symbols.
                int d = 1;
                while (d < raw.Length && (char.IsAsciiDigit(raw[d]) || (raw[d] is ',' or '.' or ':' && d + 1 < raw.Length && char.IsAsciiDigit(raw[d + 1]))))
                {
                    d++;
                }

                int l = d;
                while (l < raw.Length && char.IsLetter(raw[l]))
                {
                    l++;
                }

                s.Number(raw[..d], raw[d..l]);
                raw = raw[l..];
            }

            foreach (char c in raw)
            {
                s.Symbol(c);
            }
        }
    }

    // Lower-cases a word (dropping the periods of "U.S.", folding the curly apostrophe) into `lower` and hashes it in one
    // pass; words longer than MaxWord are cut. A method of its own so the loop keeps its state in registers: inlined into
    // the token loop, with the counters around it, the hash and length were spilled to the stack on every char.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int LowerHash(ReadOnlySpan<char> raw, Span<char> lower, out uint hash)
    {
        int n = Math.Min(raw.Length, Math.Min(lower.Length, MaxWord));
        int len = 0;
        uint h = Fnv.Offset;
        for (int k = 0; k < n; k++)
        {
            char ch = raw[k];
            if (!char.IsAsciiLetterLower(ch))
            {
                if (ch == '.')
                {
                    continue;
                }

                ch = ch == '\u2019' ? '\'' : char.IsAsciiLetterUpper(ch) ? (char)(ch | 0x20) : ch < 128 ? ch : char.ToLowerInvariant(ch);
            }

            lower[len++] = ch;
            h = Fnv.Step(h, ch);
        }

        hash = h;
        return len;
    }

    /// <summary>Accumulates counts and n-gram hashes while scanning; either collects hashes or sums weights.</summary>
    private ref struct Scratch
    {
        private readonly List<int>? _hashes;
        private readonly HashedWeights? _weights;
        private uint _previous;
        private int _tokens, _numbers, _year, _percent, _money, _scale, _numberWord, _comparative, _erEst, _than, _capInner, _allCaps,
            _pastEd, _pastAux, _future, _opinion, _hedge, _iThink, _first, _firstPlural, _second, _question, _exclamation, _courtesy,
            _negation, _temporal, _questionStart, _quote, _quantity, _long;
        private bool _lastWasI, _lastWasPer;

        public Scratch(List<int> hashes)
        {
            _hashes = hashes;
            _weights = null;
            _previous = Hash("<s>");
            Sum = 0;
        }

        public Scratch(HashedWeights weights, double bias)
        {
            _hashes = null;
            _weights = weights;
            _previous = Hash("<s>");
            Sum = bias;
        }

        public double Sum { get; private set; }

        public void Word(scoped ReadOnlySpan<char> lower, char rawFirst, bool first, bool allCaps, uint hash)
        {
            _tokens++;
            Cat cat = Lexicon.Find(lower, hash);
            int n = lower.Length;
            if (n >= 9)
            {
                _long++;
            }

            if (!first && char.IsUpper(rawFirst) && (cat & (Cat.I | Cat.Stop | Cat.FirstSingular)) == 0)
            {
                _capInner++;
            }

            if (allCaps)
            {
                _allCaps++;
            }

            // Suffixes by their last chars: a span EndsWith call per suffix cost more than the rest of the word.
            char last = n > 0 ? lower[n - 1] : '\0';
            char second = n > 1 ? lower[n - 2] : '\0';
            char third = n > 2 ? lower[n - 3] : '\0';
            if (cat == Cat.None)
            {
                if (n >= 5)
                {
                    if ((last == 'r' && second == 'e') || (last == 't' && second == 's' && third == 'e'))
                    {
                        _erEst++;
                    }

                    if (last == 'd' && second == 'e')
                    {
                        _pastEd++;
                    }
                }

                if (last == 'l' && second == 'l' && third == '\'')
                {
                    _future++;
                }

                if (last == 't' && second == '\'' && third == 'n')
                {
                    _negation++;
                }
            }
            else if (cat != Cat.Stop)
            {
                // A stop word ("the", "of") counts nothing: none ends in "'ll" or "n't".
                Known(cat, first, last == 'l' && second == 'l' && third == '\'', last == 't' && second == '\'' && third == 'n');
                Emit(hash);
                return;
            }

            _lastWasI = _lastWasPer = false;
            Emit(hash);
        }

        // The counts of a word in the lexicon other than a plain stop word.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private void Known(Cat cat, bool first, bool endsWithWill, bool endsWithNot)
        {
            if ((cat & Cat.NumberWord) != 0)
            {
                _numberWord++;
            }

            if ((cat & Cat.Percent) != 0 || (_lastWasPer && (cat & Cat.Cent) != 0))
            {
                _percent++;
            }

            if ((cat & Cat.Money) != 0)
            {
                _money++;
            }

            if ((cat & Cat.Scale) != 0)
            {
                _scale++;
            }

            if ((cat & Cat.Comparative) != 0)
            {
                _comparative++;
            }

            if ((cat & Cat.Than) != 0)
            {
                _than++;
            }

            if ((cat & Cat.PastAux) != 0)
            {
                _pastAux++;
            }

            if ((cat & Cat.FutureModal) != 0 || endsWithWill)
            {
                _future++;
            }

            if ((cat & Cat.Opinion) != 0)
            {
                _opinion++;
                if (_lastWasI)
                {
                    _iThink++;
                }
            }

            if ((cat & Cat.Hedge) != 0)
            {
                _hedge++;
            }

            if ((cat & Cat.FirstSingular) != 0)
            {
                _first++;
            }

            if ((cat & Cat.FirstPlural) != 0)
            {
                _firstPlural++;
            }

            if ((cat & Cat.Second) != 0)
            {
                _second++;
            }

            if ((cat & Cat.Courtesy) != 0)
            {
                _courtesy++;
            }

            if ((cat & Cat.Negation) != 0 || endsWithNot)
            {
                _negation++;
            }

            if ((cat & Cat.Temporal) != 0)
            {
                _temporal++;
            }

            if ((cat & Cat.QuantityNoun) != 0)
            {
                _quantity++;
            }

            if (first && (cat & Cat.QuestionWord) != 0)
            {
                _questionStart++;
            }

            _lastWasI = (cat & Cat.I) != 0;
            _lastWasPer = (cat & Cat.Per) != 0;
        }

        public void Number(scoped ReadOnlySpan<char> digits, scoped ReadOnlySpan<char> suffix)
        {
            _tokens++;
            _numbers++;
            _lastWasI = _lastWasPer = false;
            bool isYear = digits.Length == 4 && (digits.StartsWith("19") || digits.StartsWith("20"));
            if (isYear)
            {
                _year++;
            }

            Span<char> shape = stackalloc char[8];
            int len = 0;
            shape[len++] = '<';
            shape[len++] = isYear ? 'y' : digits.Contains('.') ? 'd' : digits.Length <= 2 ? 's' : 'n';
            if (suffix.Length > 0)
            {
                shape[len++] = char.ToLowerInvariant(suffix[0]);
            }

            shape[len++] = '>';
            Emit(Hash(shape[..len]));
        }

        public void Symbol(char c)
        {
            _lastWasI = _lastWasPer = false;
            switch (c)
            {
                case '%':
                    _percent++;
                    break;
                case '$' or '£' or '€':
                    _money++;
                    break;
                case '?':
                    _question++;
                    break;
                case '!':
                    _exclamation++;
                    break;
                case '"' or '\u201C' or '\u201D':
                    _quote++;
                    break;
            }

            if (c is '%' or '$' or '£' or '€' or '?' or '!')
            {
                Span<char> one = [c];
                Emit(Hash(one));
            }
        }

        public void Finish(Span<float> d)
        {
            Emit(Hash("</s>"));
            int k = 0;
            d[k++] = (float)(Math.Log(1 + _tokens) / 4.0);
            d[k++] = _tokens <= 4 ? 1 : 0;
            d[k++] = Cap(_numbers, 4);
            d[k++] = _numbers > 0 ? 1 : 0;
            d[k++] = Cap(_year, 2);
            d[k++] = Cap(_percent, 2);
            d[k++] = Cap(_money, 3);
            d[k++] = Cap(_scale, 2);
            d[k++] = Cap(_numberWord, 3);
            d[k++] = Cap(_comparative, 3);
            d[k++] = Cap(_erEst, 3);
            d[k++] = Cap(_than, 1);
            d[k++] = Cap(_capInner, 5);
            d[k++] = Cap(_allCaps, 2);
            d[k++] = Cap(_pastEd, 3);
            d[k++] = Cap(_pastAux, 3);
            d[k++] = Cap(_future, 3);
            d[k++] = Cap(_opinion, 3);
            d[k++] = Cap(_hedge, 2);
            d[k++] = Cap(_iThink, 1);
            d[k++] = Ratio(_first);
            d[k++] = Ratio(_firstPlural);
            d[k++] = Ratio(_second);
            d[k++] = Cap(_question, 1);
            d[k++] = Cap(_exclamation, 1);
            d[k++] = Cap(_courtesy, 2);
            d[k++] = Cap(_negation, 2);
            d[k++] = Cap(_temporal, 3);
            d[k++] = Cap(_questionStart, 1);
            d[k++] = Cap(_quote, 2);
            d[k++] = Cap(_quantity, 3);
            d[k++] = Cap(_long, 4);
        }

        private readonly float Ratio(int count) => _tokens == 0 ? 0 : Math.Min(1f, 4f * count / _tokens);

        private static float Cap(int count, int max) => Math.Min(count, max) / (float)max;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Emit(uint h)
        {
            int unigram = (int)(Mix(h) & (HashSize - 1));
            int bigram = (int)(Mix((_previous * Fnv.Prime) ^ h ^ 0x9E3779B9u) & (HashSize - 1));
            _previous = h;
            if (_hashes is not null)
            {
                _hashes.Add(unigram);
                _hashes.Add(bigram);
            }
            else
            {
                Sum += _weights![unigram] + _weights[bigram];
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static uint Mix(uint h)
        {
            h ^= h >> 16;
            h *= 0x85EBCA6B;
            h ^= h >> 13;
            h *= 0xC2B2AE35;
            h ^= h >> 16;
            return h;
        }

        private static uint Hash(ReadOnlySpan<char> s)
        {
            uint h = Fnv.Offset;
            foreach (char ch in s)
            {
                h = Fnv.Step(h, ch);
            }

            return h;
        }
    }

    /// <summary>FNV-1a over UTF-16 units: the n-gram hash (part of the model format: changing it needs a retrain).</summary>
    private static class Fnv
    {
        public const uint Offset = 2166136261;
        public const uint Prime = 16777619;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static uint Step(uint h, char c) => (h ^ c) * Prime;
    }

    /// <summary>
    /// The word categories keyed by the FNV hash the scanner computes anyway, so each word costs one probe of a small
    /// open-addressing table instead of a second hash and a dictionary look-up.
    /// </summary>
    /// <remarks>
    /// Static read-only arrays rather than an instance: optimised code takes their addresses and the mask as constants,
    /// where the instance cost two dependent loads (the table, then its array) on the way to every probe.
    /// </remarks>
    private static class Lexicon
    {
        // Hash and category packed in one long (0 = empty slot; every listed word has a category), the words beside them
        // for the final comparison: the probed array takes 8 KB and stays in the first-level cache.
        private static readonly ulong[] Slots;
        private static readonly string[] Words;
        private static readonly int Mask;

        static Lexicon()
        {
            var words = BuildLexicon();
            int size = (int)BitOperations.RoundUpToPowerOf2((uint)words.Count * 3);
            Slots = new ulong[size];
            Words = new string[size];
            Mask = size - 1;
            foreach (var (word, cat) in words)
            {
                uint h = Offset(word);
                int slot = (int)(h & (uint)Mask);
                while (Slots[slot] != 0)
                {
                    slot = (slot + 1) & Mask;
                }

                Slots[slot] = ((ulong)h << 32) | (uint)cat;
                Words[slot] = word;
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Cat Find(ReadOnlySpan<char> word, uint hash)
        {
            var slots = Slots;
            int slot = (int)(hash & (uint)Mask);
            while (true)
            {
                ulong entry = slots[slot];
                if (entry == 0)
                {
                    return Cat.None;
                }

                if ((uint)(entry >> 32) == hash && word.SequenceEqual(Words[slot]))
                {
                    return (Cat)(uint)entry;
                }

                slot = (slot + 1) & Mask;
            }
        }

        private static uint Offset(string word)
        {
            uint h = Fnv.Offset;
            foreach (char c in word)
            {
                h = Fnv.Step(h, c);
            }

            return h;
        }
    }
}
