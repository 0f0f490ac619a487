using QuoteExtraction.Text;

namespace QuoteExtraction.Entities;

/// <summary>
/// The people and organisations of one document: name mentions found from capitalisation, titles and word lists,
/// clustered into entities by shared surname or first name, plus rules that resolve any source-mention span
/// (name, pronoun, role nominal, organisation) to an entity.
/// </summary>
/// <remarks>
/// No statistical model: one linear pass over the tokens finds capitalised runs, a second pass clusters them.
/// <see cref="Resolve"/> returns <c>null</c> for anonymous sources ("a source", "sources", "officials") and for
/// indefinite role nominals ("a Twitter spokesman") that the document does not tie to a named person.
/// Instances are immutable after <see cref="Analyze"/> apart from a small locked cache, so they are thread-safe.
/// </remarks>
public sealed class DocumentEntities
{
    [ThreadStatic]
    private static List<RawMention>? t_raw;

    [ThreadStatic]
    private static List<RawMention>? t_chunkRuns;

    private readonly TextDocument _document;
    private readonly Info[] _infos;
    private readonly Placed[] _placed; // name mentions in text order
    private readonly Dictionary<string, List<int>>? _roles; // role key -> entity indices in order of introduction
    private readonly Entity?[] _entities; // made on first use (EntityAt)
    private Dictionary<string, Entity>? _extra; // entities made up by Resolve, created on first use

    private DocumentEntities(TextDocument document, Info[] infos, Placed[] placed, Dictionary<string, List<int>>? roles)
    {
        _document = document;
        _infos = infos;
        _placed = placed;
        _roles = roles;
        _entities = new Entity?[infos.Length];
    }

    /// <summary>The entities in order of first mention.</summary>
    public IReadOnlyList<Entity> Entities
    {
        get
        {
            for (var e = 0; e < _entities.Length; e++)
            {
                EntityAt(e);
            }

            return _entities!;
        }
    }

    /// <summary>
    /// Entity <paramref name="e"/>, made on first use: attribution resolves a few speakers per document, so the names of
    /// the other entities are never copied out of the text (thread-safe; every caller gets the same instance).
    /// </summary>
    private Entity EntityAt(int e) => Volatile.Read(ref _entities[e]) ?? CreateEntity(e);

    private Entity CreateEntity(int e)
    {
        ref readonly var info = ref _infos[e];
        var entity = new Entity(_document.Text.Substring(info.NameStart, info.NameEnd - info.NameStart), info.Kind, info.Gender)
        {
            Mentions = new MentionList(this, e),
            Roles = info.Roles is { } r ? r.ToArray() : [],
        };
        return Interlocked.CompareExchange(ref _entities[e], entity, null) ?? entity;
    }

    /// <summary>Finds the name mentions of <paramref name="document"/> and clusters them into entities.</summary>
    /// <param name="document">An analysed text.</param>
    /// <returns>The document's entities.</returns>
    public static DocumentEntities Analyze(TextDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var raw = t_raw ??= new List<RawMention>(64);
        raw.Clear();
        NameScanner.Scan(document, 0, document.Tokens.Length, raw);
        return new Builder(document, raw).Build();
    }

    /// <summary>Resolves a source-mention span (a whole noun phrase as PolNeAR marks it) to an entity.</summary>
    /// <param name="mentionStart">First UTF-16 code unit of the span.</param>
    /// <param name="mentionEnd">One past the last code unit of the span.</param>
    /// <returns>
    /// The person or organisation the span refers to; an entity outside <see cref="Entities"/> for an organisation or name
    /// the analysis did not list; <c>null</c> for anonymous sources and unresolvable spans.
    /// </returns>
    public Entity? Resolve(int mentionStart, int mentionEnd)
    {
        var doc = _document;
        if (!TrimSpan(doc, mentionStart, mentionEnd, out var a, out var b))
        {
            return null;
        }

        var tokens = doc.Tokens;
        if (b - a == 1 && PronounClass(doc.GetText(tokens[a])) is { } pronoun)
        {
            return ResolvePronoun(pronoun, tokens[a].Start);
        }

        var c = HeadChunkEnd(doc, a, b);
        var chunkStart = tokens[a].Start;
        var chunkEnd = tokens[c - 1].End;

        // The head name: the last mention in the head chunk that is not a modifier ("Clinton campaign chairman John Podesta").
        var lo = FirstPlacedAtOrAfter(chunkStart);
        var containing = lo > 0 && _placed[lo - 1].Start <= chunkStart && _placed[lo - 1].End >= chunkEnd ? lo - 1 : -1;
        if (containing >= 0)
        {
            return EntityAt(_placed[containing].Entity);
        }

        var head = -1;
        for (var p = lo; p < _placed.Length && _placed[p].Start < chunkEnd; p++)
        {
            if (_placed[p].End <= chunkEnd && !FollowedByNoun(doc, _placed[p].End, c))
            {
                head = p;
            }
        }

        if (head >= 0)
        {
            return EntityAt(_placed[head].Entity);
        }

        // "The opposition leader, Councillor Raj Patel,": a role head with the name in apposition after the comma.
        if (c + 1 < b && doc.GetText(tokens[c]) is ",")
        {
            var c2 = HeadChunkEnd(doc, c + 1, b);
            if (c2 > c + 1)
            {
                var appositionStart = tokens[c + 1].Start;
                var appositionEnd = tokens[c2 - 1].End;
                for (var p = FirstPlacedAtOrAfter(appositionStart); p < _placed.Length && _placed[p].Start < appositionEnd; p++)
                {
                    if (_placed[p].End <= appositionEnd && !FollowedByNoun(doc, _placed[p].End, c2))
                    {
                        head = p;
                    }
                }

                if (head >= 0)
                {
                    return EntityAt(_placed[head].Entity);
                }
            }
        }

        var kind = ClassifyChunk(doc, a, c, out var headWord);
        switch (kind)
        {
            case MentionKind.RoleNominal:
                return ResolveRole(doc, a, c, headWord, tokens[a].Start);
            case MentionKind.Organization:
                return Made(StripThe(doc, a, c), EntityKind.Organization);
            case MentionKind.Name:
                var last = doc.GetText(tokens[headWord]);
                return FindByName(last, tokens[a].Start) ?? Made(StripThe(doc, a, c), EntityKind.Person);
            default:
                return null;
        }
    }

    /// <summary>Says what kind of mention the span is, from its tokens and the word lists alone.</summary>
    /// <param name="document">The analysed text.</param>
    /// <param name="start">First UTF-16 code unit of the span.</param>
    /// <param name="end">One past the last code unit of the span.</param>
    /// <returns>The kind of the span's head noun phrase; <see cref="MentionKind.Other"/> for an empty span.</returns>
    public static MentionKind Classify(TextDocument document, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!TrimSpan(document, start, end, out var a, out var b))
        {
            return MentionKind.Other;
        }

        if (b - a == 1 && PronounClass(document.GetText(document.Tokens[a])) is not null)
        {
            return MentionKind.Pronoun;
        }

        return ClassifyChunk(document, a, HeadChunkEnd(document, a, b), out _);
    }

    // ---- span helpers ----

    private static bool TrimSpan(TextDocument doc, int start, int end, out int a, out int b)
    {
        var tokens = doc.Tokens;
        start = Math.Clamp(start, 0, doc.Text.Length);
        end = Math.Clamp(end, start, doc.Text.Length);
        a = doc.TokenIndexAt(start);
        b = a;
        while (b < tokens.Length && tokens[b].Start < end)
        {
            b++;
        }

        while (a < b && tokens[a].Kind is TokenKind.Punctuation or TokenKind.QuoteMark)
        {
            a++;
        }

        while (b > a && tokens[b - 1].Kind is TokenKind.Punctuation or TokenKind.QuoteMark)
        {
            b--;
        }

        return b > a;
    }

    /// <summary>End of the head noun phrase: the first comma, bracket, dash, relative pronoun or preposition that is not inside a name.</summary>
    private static int HeadChunkEnd(TextDocument doc, int a, int b)
    {
        var tokens = doc.Tokens;
        for (var i = a + 1; i < b; i++)
        {
            var t = tokens[i];
            var w = doc.GetText(t);
            if (t.Kind == TokenKind.Punctuation)
            {
                if (w is "." && (t.Flags & TokenFlags.SentenceEnd) == 0)
                {
                    continue;
                }

                return i;
            }

            if (t.Kind == TokenKind.Word && w is "who" or "which" or "that" or "whose" or "for" or "of" or "at" or "with" or "from" or "in"
                    or "on" or "to" or "by" or "about" or "and" or "or" or "whom" or "as")
            {
                // "Secretary of State", "Bank of England": a connector between capitalised words stays inside.
                if (w is "of" or "for" or "and" && i + 1 < b && NameScanner.IsCapitalWord(tokens[i - 1]) && NameScanner.IsCapitalWord(tokens[i + 1]))
                {
                    continue;
                }

                return i;
            }
        }

        return b;
    }

    /// <summary>Whether a lower-case word follows <paramref name="offset"/> inside the chunk, making the name a modifier.</summary>
    private bool FollowedByNoun(TextDocument doc, int offset, int chunkEndToken)
    {
        var tokens = doc.Tokens;
        for (var i = doc.TokenIndexAt(offset); i < chunkEndToken; i++)
        {
            var t = tokens[i];
            if (t.Kind == TokenKind.Word && (t.Flags & TokenFlags.Clitic) == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static MentionKind ClassifyChunk(TextDocument doc, int a, int c, out int headWord)
    {
        var tokens = doc.Tokens;
        var lex = EntityLexicons.Instance;
        headWord = c - 1;
        while (headWord > a && (tokens[headWord].Kind != TokenKind.Word || (tokens[headWord].Flags & TokenFlags.Clitic) != 0))
        {
            headWord--;
        }

        var h = tokens[headWord];
        var w = doc.GetText(h);
        if (h.Kind != TokenKind.Word)
        {
            return MentionKind.Other;
        }

        if (EntityLexicons.GenericNouns.Contains(w))
        {
            return MentionKind.Other;
        }

        var capital = (h.Flags & TokenFlags.Capitalized) != 0;
        var sentenceInitialOnly = headWord == a && (h.Flags & TokenFlags.SentenceStart) != 0;
        if (lex.Roles.ContainsKey(w) && (!capital || sentenceInitialOnly || TitleEndsAt(doc, a, headWord + 1)))
        {
            return MentionKind.RoleNominal;
        }

        if (TitleEndsAt(doc, a, headWord + 1))
        {
            return MentionKind.RoleNominal; // "the Home Secretary"
        }

        if (!capital)
        {
            return w is "campaign" or "administration" or "government" or "company" or "firm" or "group" or "committee" or "agency"
                or "ministry" or "department" or "party" or "team" or "office" or "newspaper" or "paper" or "network" or "spokespeople"
                ? MentionKind.Organization
                : MentionKind.Other;
        }

        var runs = t_chunkRuns ??= new List<RawMention>(4);
        runs.Clear();
        NameScanner.Scan(doc, a, c, runs);
        for (var r = runs.Count - 1; r >= 0; r--)
        {
            var m = runs[r];
            if (m.NameEnd - 1 == headWord || m.EndToken - 1 >= headWord)
            {
                return m.Kind == RunKind.Organization ? MentionKind.Organization : MentionKind.Name;
            }
        }

        return sentenceInitialOnly || Text.Lexicon.SentenceStarters.Contains(w) ? MentionKind.Other : MentionKind.Name;
    }

    /// <summary>Whether a title phrase ends exactly at token <paramref name="end"/> (searching starts from <paramref name="a"/>).</summary>
    private static bool TitleEndsAt(TextDocument doc, int a, int end)
    {
        var max = EntityLexicons.Instance.MaxTitleTokens;
        for (var s = Math.Max(a, end - max); s < end; s++)
        {
            if (NameScanner.MatchTitle(doc, s, end, out var entry) == end - s && !entry.IsModifier)
            {
                return true;
            }
        }

        return false;
    }

    private static string StripThe(TextDocument doc, int a, int c)
    {
        var tokens = doc.Tokens;
        if (c - a > 1 && doc.GetText(tokens[a]) is "the" or "The" or "a" or "A" or "an" or "An")
        {
            a++;
        }

        while (c > a + 1 && (tokens[c - 1].Flags & TokenFlags.Clitic) != 0)
        {
            c--;
        }

        return doc.Text[tokens[a].Start..tokens[c - 1].End];
    }

    private Entity Made(string name, EntityKind kind)
    {
        if (_extra is null)
        {
            Interlocked.CompareExchange(ref _extra, new Dictionary<string, Entity>(StringComparer.Ordinal), null);
        }

        lock (_extra)
        {
            var key = ((int)kind).ToString(System.Globalization.CultureInfo.InvariantCulture) + name;
            if (!_extra.TryGetValue(key, out var e))
            {
                for (var k = 0; k < _infos.Length; k++)
                {
                    if (_infos[k].Kind == kind && name.AsSpan().Equals(_infos[k].NameSpan(_document.Text), StringComparison.OrdinalIgnoreCase))
                    {
                        return EntityAt(k);
                    }
                }

                e = new Entity(name, kind, Gender.Unknown);
                _extra[key] = e;
            }

            return e;
        }
    }

    private int FirstPlacedAtOrAfter(int offset) => Sorted.FirstAtOrAfter<Placed>(_placed, offset, static p => p.Start);

    // ---- pronouns, roles, names ----

    private enum Pronoun { Male, Female, Plural, First, FirstPlural, Neuter, Relative }

    private static Pronoun? PronounClass(ReadOnlySpan<char> w)
    {
        Span<char> lower = stackalloc char[8];
        if (w.Length > lower.Length)
        {
            return null;
        }

        var n = w.ToLowerInvariant(lower);
        return lower[..n] switch
        {
            "he" or "him" or "his" or "himself" => Pronoun.Male,
            "she" or "her" or "hers" or "herself" => Pronoun.Female,
            "they" or "them" or "their" or "themselves" => Pronoun.Plural,
            "i" or "me" or "my" or "myself" => Pronoun.First,
            "we" or "us" or "our" or "ourselves" => Pronoun.FirstPlural,
            "it" or "its" or "itself" => Pronoun.Neuter,
            "who" or "which" or "that" or "whom" => Pronoun.Relative,
            _ => null,
        };
    }

    private double Compatible(int entity, Pronoun pronoun)
    {
        ref readonly var info = ref _infos[entity];
        return pronoun switch
        {
            Pronoun.Male => info.Kind == EntityKind.Person ? info.Gender switch { Gender.Male => 1, Gender.Unknown => 0.5, _ => 0 } : 0,
            Pronoun.Female => info.Kind == EntityKind.Person ? info.Gender switch { Gender.Female => 1, Gender.Unknown => 0.5, _ => 0 } : 0,
            Pronoun.First => info.Kind == EntityKind.Person ? 1 : 0,
            Pronoun.FirstPlural => info.Kind == EntityKind.Person ? 1 : info.Kind == EntityKind.Organization ? 0.8 : 0,
            Pronoun.Plural => info.Kind == EntityKind.Organization || info.Gender == Gender.Plural ? 1 : 0,
            Pronoun.Neuter => info.Kind == EntityKind.Organization ? 1 : 0,
            _ => info.Kind == EntityKind.Unknown ? 0.3 : 1,
        };
    }

    private Entity? ResolvePronoun(Pronoun pronoun, int offset)
    {
        var doc = _document;
        var sentence = doc.SentenceIndexAt(offset);
        var hi = FirstPlacedAtOrAfter(offset) - 1;
        if (pronoun == Pronoun.Relative)
        {
            // "Sen. Bernie Sanders (Vt.), who ...": the nearest name in the same sentence.
            return hi >= 0 && _placed[hi].Sentence == sentence ? EntityAt(_placed[hi].Entity) : null;
        }

        // Salience: recent mentions count more, subjects count double; a little document frequency breaks ties.
        var count = _infos.Length;
        var scores = count <= 256 ? stackalloc double[count] : new double[count];
        scores.Clear();
        var best = -1;
        for (var p = hi; p >= 0 && hi - p < 80; p--)
        {
            var m = _placed[p];
            var distance = sentence - m.Sentence;
            if (distance > 8)
            {
                break;
            }

            var fit = Compatible(m.Entity, pronoun);
            if (fit <= 0)
            {
                continue;
            }

            scores[m.Entity] += fit * (m.Subject ? 2.0 : 1.0) / (1 + distance);
        }

        for (var e = 0; e < scores.Length; e++)
        {
            if (scores[e] > 0)
            {
                scores[e] += 0.05 * Math.Min(_infos[e].MentionCount, 10);
                if (best < 0 || scores[e] > scores[best])
                {
                    best = e;
                }
            }
        }

        if (best < 0)
        {
            best = MostSalient(offset, Filter.Compatible, pronoun, Gender.Unknown, false);
        }

        return best < 0 ? null : EntityAt(best);
    }

    private enum Filter { Compatible, RoleGender, Person }

    /// <summary>Whether entity <paramref name="e"/> passes a <see cref="MostSalient"/> filter.</summary>
    private bool Passes(int e, Filter filter, Pronoun pronoun, Gender gender, bool titleRole)
    {
        ref readonly var info = ref _infos[e];
        return filter switch
        {
            Filter.Compatible => Compatible(e, pronoun) > 0.5,
            Filter.RoleGender => info.Kind == EntityKind.Person && (gender == Gender.Unknown || info.Gender != Opposite(gender)) && !(titleRole && info.HasTitle),
            _ => info.Kind == EntityKind.Person,
        };
    }

    /// <summary>The compatible entity with most mentions, preferring those mentioned before <paramref name="offset"/>.</summary>
    private int MostSalient(int offset, Filter filter, Pronoun pronoun, Gender gender, bool titleRole)
    {
        var best = -1;
        var bestScore = 0.0;
        for (var e = 0; e < _infos.Length; e++)
        {
            if (!Passes(e, filter, pronoun, gender, titleRole))
            {
                continue;
            }

            ref readonly var info = ref _infos[e];
            var score = info.MentionCount + (info.FirstMentionStart < offset ? 100 : 0);
            if (score > bestScore)
            {
                best = e;
                bestScore = score;
            }
        }

        return best;
    }

    private Entity? ResolveRole(TextDocument doc, int a, int c, int headWord, int offset)
    {
        var tokens = doc.Tokens;
        var first = doc.GetText(tokens[a]);
        var definite = first is "the" or "The";
        var s = definite ? a + 1 : a;
        if (first is "a" or "A" or "an" or "An" or "another" or "Another" or "one" or "One")
        {
            return null; // a new, unnamed person
        }

        // Longest role key first: "home secretary", then "secretary".
        Span<char> buffer = stackalloc char[128];
        for (var k = s; k <= headWord; k++)
        {
            var phrase = doc.Text.AsSpan(tokens[k].Start, tokens[headWord].End - tokens[k].Start);
            List<int>? list = null;
            if (_roles is not null)
            {
                var lookup = _roles.GetAlternateLookup<ReadOnlySpan<char>>();
                if (phrase.Length <= buffer.Length)
                {
                    var n = phrase.ToLowerInvariant(buffer);
                    lookup.TryGetValue(buffer[..n], out list);
                }
                else
                {
                    _roles.TryGetValue(phrase.ToString().ToLowerInvariant(), out list);
                }
            }

            if (list is not null)
            {
                var pick = list[0];
                foreach (var e in list)
                {
                    if (_infos[e].FirstMentionStart < offset)
                    {
                        pick = e; // the latest introduced before the mention
                    }
                }

                return EntityAt(pick);
            }

            if (k == s && !definite)
            {
                break; // "Clinton's spokesman": only an exact role introduced in the text
            }
        }

        if (!definite)
        {
            return null;
        }

        var gender = EntityLexicons.Instance.Roles.TryGetValue(doc.GetText(tokens[headWord]), out var g) ? g : Gender.Unknown;
        var titleRole = TitleEndsAt(doc, s, headWord + 1);

        // No one was introduced with that role: the most salient person, preferring people without a different title.
        var best = MostSalient(offset, Filter.RoleGender, Pronoun.Relative, gender, titleRole);
        if (best < 0)
        {
            best = MostSalient(offset, Filter.Person, Pronoun.Relative, gender, titleRole);
        }

        return best < 0 ? null : EntityAt(best);
    }

    // Equal names (ignoring case) hash alike, so a differing hash rules a name out without comparing characters.
    private static int NameHash(ReadOnlySpan<char> name) => string.GetHashCode(name, StringComparison.OrdinalIgnoreCase);

    private static Gender Opposite(Gender g) => g == Gender.Male ? Gender.Female : g == Gender.Female ? Gender.Male : Gender.Unknown;

    private Entity? FindByName(ReadOnlySpan<char> word, int offset)
    {
        var best = -1;
        var text = _document.Text;
        var wordHash = NameHash(word);
        for (var e = 0; e < _infos.Length; e++)
        {
            ref readonly var info = ref _infos[e];
            if (info.Kind == EntityKind.Person
                && ((info.HasLast && info.LastHash == wordHash && word.Equals(info.LastSpan(text), StringComparison.OrdinalIgnoreCase))
                    || (info.HasFirst && info.FirstHash == wordHash && word.Equals(info.FirstSpan(text), StringComparison.OrdinalIgnoreCase))))
            {
                best = best < 0 || info.MentionCount > _infos[best].MentionCount ? e : best;
            }
        }

        return best < 0 ? null : EntityAt(best);
    }

    // ---- model ----

    /// <summary>A name mention placed in the text with its entity; <see cref="Next"/> links the entity's mentions in text order.</summary>
    private struct Placed
    {
        public int Start;
        public int End;
        public int Entity;
        public int Sentence;
        public bool Subject;
        public int Next; // index of the entity's next mention in the placed array, or -1
    }

    /// <summary>
    /// What clustering knows about an entity. Names are kept as character ranges of the text (start -1 for none),
    /// so clustering compares spans and builds one string per entity at the end.
    /// </summary>
    private struct Info
    {
        public EntityKind Kind;
        public Gender Gender;
        public Gender HonorificGender;
        public bool HasTitle;
        public int NameStart;
        public int NameEnd;
        public int FirstStart; // -1: no first name
        public int FirstEnd;
        public int LastStart;  // -1: no last name
        public int LastEnd;
        public int FirstHash; // NameHash of the first name: comparing it first keeps look-ups by name cheap in long documents
        public int LastHash;
        public int NameTokens;
        public int MentionCount;
        public int FirstMention; // index into the placed array
        public int LastMention;
        public int FirstMentionStart;
        public List<string>? Roles;

        public readonly bool HasFirst => FirstStart >= 0;

        public readonly bool HasLast => LastStart >= 0;

        public readonly ReadOnlySpan<char> NameSpan(string text) => text.AsSpan(NameStart, NameEnd - NameStart);

        public readonly ReadOnlySpan<char> FirstSpan(string text) => FirstStart < 0 ? default : text.AsSpan(FirstStart, FirstEnd - FirstStart);

        public readonly ReadOnlySpan<char> LastSpan(string text) => LastStart < 0 ? default : text.AsSpan(LastStart, LastEnd - LastStart);
    }

    /// <summary>An entity's name mentions, made into <see cref="TextSpan"/>s on first use so analysis pays nothing for them.</summary>
    private sealed class MentionList(DocumentEntities owner, int entity) : IReadOnlyList<TextSpan>
    {
        private TextSpan[]? _items;

        public int Count => owner._infos[entity].MentionCount;

        public TextSpan this[int index] => Items[index];

        private TextSpan[] Items => _items ?? Materialize();

        public IEnumerator<TextSpan> GetEnumerator() => ((IEnumerable<TextSpan>)Items).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        private TextSpan[] Materialize()
        {
            ref readonly var info = ref owner._infos[entity];
            var items = new TextSpan[info.MentionCount];
            var text = owner._document.Text;
            for (int p = info.FirstMention, n = 0; p >= 0; p = owner._placed[p].Next, n++)
            {
                items[n] = TextSpan.Of(text, owner._placed[p].Start, owner._placed[p].End);
            }

            return Interlocked.CompareExchange(ref _items, items, null) ?? items;
        }
    }

    /// <summary>Clusters raw mentions into entities.</summary>
    private sealed class Builder(TextDocument document, List<RawMention> raw)
    {
        [ThreadStatic]
        private static int[]? t_entityOf;

        [ThreadStatic]
        private static Info[]? t_infos;

        [ThreadStatic]
        private static Placed[]? t_placed;

        [ThreadStatic]
        private static int[]? t_placedToken;

        private readonly string _text = document.Text;
        private int[] _entityOf = null!;
        private Info[] _infos = null!;
        private int _count;
        private Dictionary<string, List<int>>? _roles;

        // Entities by first-name and last-name hash, ids ascending: built once a document has many entities, so that
        // matching a one-word name costs its namesakes, not every entity (a book-length text has thousands).
        private const int NameIndexThreshold = 64;
        private Dictionary<int, List<int>>? _byFirstName;
        private Dictionary<int, List<int>>? _byLastName;

        // Each entity's latest raw mention below _swept (see LastBefore).
        private int[]? _lastSeen;
        private int _swept;

        public DocumentEntities Build()
        {
            var doc = document;
            var tokens = doc.Tokens;
            var rawMentions = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(raw);
            _entityOf = Rent(ref t_entityOf, rawMentions.Length);
            _entityOf.AsSpan(0, rawMentions.Length).Fill(-1);
            _infos = Rent(ref t_infos, 16);
            _count = 0;

            // 1. Full person names (two or more name words) and organisations.
            for (var r = 0; r < rawMentions.Length; r++)
            {
                ref readonly var m = ref rawMentions[r];
                if (m.Kind == RunKind.Organization)
                {
                    _entityOf[r] = OrgEntity(m);
                }
                else if (m.Kind == RunKind.Person && NameWords(m) >= 2)
                {
                    _entityOf[r] = PersonEntity(m);
                }
            }

            // 2. Unknown multi-word runs that repeat a person's full name.
            for (var r = 0; r < rawMentions.Length; r++)
            {
                ref readonly var m = ref rawMentions[r];
                if (m.Kind == RunKind.Unknown)
                {
                    _entityOf[r] = FindFull(m) is var e and >= 0 ? e : UnknownEntity(m);
                }
            }

            // 3. Short mentions: "Starmer", "Mr Starmer", "Sir Keir", "Keir", "WALLACE".
            for (var r = 0; r < rawMentions.Length; r++)
            {
                ref readonly var m = ref rawMentions[r];
                if (_entityOf[r] < 0 && m.Kind is RunKind.Person or RunKind.Single)
                {
                    _entityOf[r] = ShortEntity(r, m);
                }
            }

            var placed = Rent(ref t_placed, rawMentions.Length);
            var placedToken = Rent(ref t_placedToken, rawMentions.Length);
            var count = 0;
            var sentences = doc.Sentences;
            var s = 0;
            for (var r = 0; r < rawMentions.Length; r++)
            {
                var e = _entityOf[r];
                if (e < 0)
                {
                    continue;
                }

                ref readonly var m = ref rawMentions[r];
                var first = tokens[m.FirstToken];
                var start = first.Start;

                // Raw mentions come in text order, so the sentence index only moves forward (same result as SentenceIndexAt).
                while (s < sentences.Length && sentences[s].End <= start)
                {
                    s++;
                }

                ref var p = ref placed[count];
                p.Start = start;
                p.End = tokens[m.EndToken - 1].End;
                p.Entity = e;
                p.Sentence = s < sentences.Length ? s : -1;
                p.Subject = (first.Flags & TokenFlags.SentenceStart) != 0
                    || (m.EndToken < tokens.Length && EntityLexicons.SpeechVerbs.Contains(doc.GetText(tokens[m.EndToken])));
                p.Next = -1;

                ref var info = ref _infos[e];
                if (info.MentionCount++ == 0)
                {
                    info.FirstMention = count;
                    info.FirstMentionStart = start;
                }
                else
                {
                    placed[info.LastMention].Next = count;
                }

                info.LastMention = count;
                placedToken[count] = m.FirstToken;
                count++;
                AddRole(e, m.Role);
                AddRole(e, m.RolePhrase);
                info.HasTitle |= m.Titled && m.Role is not null;
            }

            var placedArray = placed.AsSpan(0, count).ToArray();
            AssignGenders(placedArray, placedToken);
            return new DocumentEntities(doc, _infos.AsSpan(0, _count).ToArray(), placedArray, _roles);
        }

        private static T[] Rent<T>(ref T[]? cache, int length)
        {
            if (cache is null || cache.Length < length)
            {
                cache = new T[Math.Max(length, cache is null ? 64 : cache.Length * 2)];
            }

            return cache;
        }

        private void AddRole(int e, string? role)
        {
            ref var info = ref _infos[e];
            if (role is null || info.Kind != EntityKind.Person)
            {
                return;
            }

            info.Roles ??= [];
            if (!info.Roles.Contains(role))
            {
                info.Roles.Add(role);
            }

            _roles ??= new Dictionary<string, List<int>>(StringComparer.Ordinal);
            if (!_roles.TryGetValue(role, out var list))
            {
                _roles[role] = list = [];
            }

            if (!list.Contains(e))
            {
                list.Add(e);
            }

            // "home secretary" also answers "the secretary".
            var space = role.LastIndexOf(' ');
            if (space > 0)
            {
                AddRole(e, role[(space + 1)..]);
            }
        }

        private int NameWords(in RawMention m)
        {
            var tokens = document.Tokens;
            var n = 0;
            for (var i = m.NameStart; i < m.NameEnd; i++)
            {
                var t = tokens[i];
                n += (t.Flags & TokenFlags.Initial) == 0 && (t.Flags & TokenFlags.Capitalized) != 0 ? 1 : 0;
            }

            return n;
        }

        /// <summary>Token index of the first name word that is not an initial (else the first name token).</summary>
        private int FirstWord(in RawMention m)
        {
            var tokens = document.Tokens;
            for (var i = m.NameStart; i < m.NameEnd; i++)
            {
                if ((tokens[i].Flags & TokenFlags.Initial) == 0)
                {
                    return i;
                }
            }

            return m.NameStart;
        }

        private ReadOnlySpan<char> Word(int token) => document.GetText(document.Tokens[token]);

        private ReadOnlySpan<char> NameText(in RawMention m)
        {
            var tokens = document.Tokens;
            return _text.AsSpan(tokens[m.NameStart].Start, tokens[m.NameEnd - 1].End - tokens[m.NameStart].Start);
        }

        private int NewEntity(in RawMention m, EntityKind kind)
        {
            if (_count == _infos.Length)
            {
                Array.Resize(ref _infos, _count * 2);
                t_infos = _infos;
            }

            var tokens = document.Tokens;
            _infos[_count] = new Info
            {
                Kind = kind,
                NameStart = tokens[m.NameStart].Start,
                NameEnd = tokens[m.NameEnd - 1].End,
                FirstStart = -1,
                LastStart = -1,
            };
            return _count++;
        }

        private void SetFirst(int e, int token)
        {
            var t = document.Tokens[token];
            _infos[e].FirstStart = t.Start;
            _infos[e].FirstEnd = t.End;
            _infos[e].FirstHash = NameHash(document.GetText(t));
            AddToNameIndex(_byFirstName, _infos[e].FirstHash, e);
        }

        private void SetLast(int e, int token)
        {
            var t = document.Tokens[token];
            _infos[e].LastStart = t.Start;
            _infos[e].LastEnd = t.End;
            _infos[e].LastHash = NameHash(document.GetText(t));
            AddToNameIndex(_byLastName, _infos[e].LastHash, e);
        }

        /// <summary>
        /// The entities that may have the name with hash <paramref name="hash"/> as first (or last) name, ids ascending; or
        /// <c>null</c> while the document has few entities (callers then scan them all, in the same order).
        /// </summary>
        private List<int>? Namesakes(bool byFirst, int hash)
        {
            if (_byLastName is null)
            {
                if (_count < NameIndexThreshold)
                {
                    return null;
                }

                _byFirstName = [];
                _byLastName = [];
                for (var e = 0; e < _count; e++)
                {
                    if (_infos[e].HasFirst)
                    {
                        AddToNameIndex(_byFirstName, _infos[e].FirstHash, e);
                    }

                    if (_infos[e].HasLast)
                    {
                        AddToNameIndex(_byLastName, _infos[e].LastHash, e);
                    }
                }
            }

            return (byFirst ? _byFirstName! : _byLastName).TryGetValue(hash, out var list) ? list : [];
        }

        private static void AddToNameIndex(Dictionary<int, List<int>>? index, int hash, int e)
        {
            if (index is null)
            {
                return;
            }

            if (!index.TryGetValue(hash, out var list))
            {
                index[hash] = list = [];
            }

            var at = list.BinarySearch(e);
            if (at < 0)
            {
                list.Insert(~at, e); // keep ids ascending and unique: the scan order decides ties
            }
        }

        private int OrgEntity(in RawMention m)
        {
            var name = NameText(m);
            for (var e = 0; e < _count; e++)
            {
                ref readonly var info = ref _infos[e];
                if (info.Kind == EntityKind.Organization && (name.SequenceEqual(info.NameSpan(_text)) || (info.HasLast && name.SequenceEqual(info.LastSpan(_text)))))
                {
                    return e; // "the Post" after "The Washington Post"
                }
            }

            var id = NewEntity(m, EntityKind.Organization);
            SetLast(id, m.NameEnd - 1);
            return id;
        }

        /// <summary>Whether entity <paramref name="e"/> is a person whose first and last names are <paramref name="first"/> and <paramref name="last"/> (ignoring case).</summary>
        private bool SameFullName(int e, ReadOnlySpan<char> first, ReadOnlySpan<char> last)
        {
            ref readonly var info = ref _infos[e];
            return info.Kind == EntityKind.Person && info.HasLast && info.HasFirst
                && last.Equals(info.LastSpan(_text), StringComparison.OrdinalIgnoreCase)
                && first.Equals(info.FirstSpan(_text), StringComparison.OrdinalIgnoreCase);
        }

        private int PersonEntity(in RawMention m)
        {
            var firstToken = FirstWord(m);
            var first = Word(firstToken);
            var last = Word(m.NameEnd - 1);
            var words = m.NameEnd - m.NameStart;
            if (WithFullName(first, last) is var e and >= 0)
            {
                ref var info = ref _infos[e];
                if (words > info.NameTokens)
                {
                    var tokens = document.Tokens;
                    info.NameStart = tokens[m.NameStart].Start;
                    info.NameEnd = tokens[m.NameEnd - 1].End;
                    info.NameTokens = words;
                }

                Honorific(ref info, m);
                return e;
            }

            var id = NewEntity(m, EntityKind.Person);
            SetFirst(id, firstToken);
            SetLast(id, m.NameEnd - 1);
            _infos[id].NameTokens = words;
            Honorific(ref _infos[id], m);
            return id;
        }

        private static void Honorific(ref Info info, in RawMention m)
        {
            if (m.TitleGender != Gender.Unknown)
            {
                info.HonorificGender = m.TitleGender;
            }
        }

        private int FindFull(in RawMention m) => WithFullName(Word(FirstWord(m)), Word(m.NameEnd - 1));

        /// <summary>The first person (lowest id) whose first and last names are these, ignoring case; or -1.</summary>
        private int WithFullName(ReadOnlySpan<char> first, ReadOnlySpan<char> last)
        {
            // Only a namesake by last name can match, so a long document's index narrows the scan without changing its order.
            var namesakes = Namesakes(false, NameHash(last));
            var n = namesakes?.Count ?? _count;
            for (var k = 0; k < n; k++)
            {
                var e = namesakes?[k] ?? k;
                if (SameFullName(e, first, last))
                {
                    return e;
                }
            }

            return -1;
        }

        private int UnknownEntity(in RawMention m)
        {
            var name = NameText(m);
            for (var e = 0; e < _count; e++)
            {
                if (_infos[e].Kind == EntityKind.Unknown && name.SequenceEqual(_infos[e].NameSpan(_text)))
                {
                    return e;
                }
            }

            return NewEntity(m, EntityKind.Unknown);
        }

        /// <summary>A one-word name: the person sharing the surname (or an unambiguous first name), else a new person if there is evidence.</summary>
        private int ShortEntity(int r, in RawMention m)
        {
            var word = Word(m.NameEnd - 1);
            var wordHash = NameHash(word);
            var best = -1;
            var ambiguous = false;
            foreach (var byFirst in (ReadOnlySpan<bool>)[false, true])
            {
                var namesakes = Namesakes(byFirst, wordHash);
                var n = namesakes?.Count ?? _count;
                for (var k = 0; k < n; k++)
                {
                    var e = namesakes?[k] ?? k;
                    ref readonly var info = ref _infos[e];
                    if (info.Kind != EntityKind.Person || !(byFirst ? info.HasFirst : info.HasLast) || (byFirst ? info.FirstHash : info.LastHash) != wordHash
                        || !word.Equals(byFirst ? info.FirstSpan(_text) : info.LastSpan(_text), StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    var gender = info.HonorificGender != Gender.Unknown ? info.HonorificGender : FirstNameGender(info);
                    if (m.TitleGender != Gender.Unknown && gender != Gender.Unknown && gender != m.TitleGender)
                    {
                        continue; // "Mrs. Clinton" is not Bill Clinton
                    }

                    if (best < 0)
                    {
                        best = e;
                    }
                    else
                    {
                        ambiguous = true;
                        if (LastBefore(e, r) > LastBefore(best, r))
                        {
                            best = e; // the one mentioned most recently
                        }
                    }
                }

                if (best >= 0)
                {
                    if (byFirst && ambiguous && !m.Titled)
                    {
                        best = -1; // a first name alone must be unambiguous
                    }

                    break;
                }
            }

            if (best >= 0)
            {
                Honorific(ref _infos[best], m);
                return best;
            }

            var tokens = document.Tokens;
            if (m.Kind == RunKind.Person || (m.Kind == RunKind.Single && m.EndToken < tokens.Length
                && EntityLexicons.SpeechVerbs.Contains(document.GetText(tokens[m.EndToken]))))
            {
                // Same short name seen before: "Mr. Trump" ... "Trump".
                var namesakes = Namesakes(false, wordHash);
                var n = namesakes?.Count ?? _count;
                for (var k = 0; k < n; k++)
                {
                    var e = namesakes?[k] ?? k;
                    ref var info = ref _infos[e];
                    if (info.Kind == EntityKind.Person && info.NameTokens == 1 && info.HasLast && info.LastHash == wordHash
                        && word.Equals(info.LastSpan(_text), StringComparison.OrdinalIgnoreCase))
                    {
                        Honorific(ref info, m);
                        return e;
                    }
                }

                var id = NewEntity(m, EntityKind.Person);
                SetLast(id, m.NameEnd - 1);
                _infos[id].NameTokens = 1;
                Honorific(ref _infos[id], m);
                return id;
            }

            return -1;
        }

        /// <summary>The last raw mention before <paramref name="r"/> that belongs to <paramref name="entity"/>, or -1.</summary>
        /// <remarks>
        /// The short-name pass asks in increasing <paramref name="r"/>, and mentions before r no longer change then, so one
        /// forward sweep keeps each entity's latest mention instead of scanning back through the document on every ask.
        /// </remarks>
        private int LastBefore(int entity, int r)
        {
            if (r < _swept)
            {
                for (var q = r - 1; q >= 0; q--)
                {
                    if (_entityOf[q] == entity)
                    {
                        return q;
                    }
                }

                return -1;
            }

            if (_lastSeen is null || _lastSeen.Length < _count)
            {
                var old = _lastSeen?.Length ?? 0;
                Array.Resize(ref _lastSeen, Math.Max(16, _count * 2));
                _lastSeen.AsSpan(old).Fill(-1);
            }

            for (; _swept < r; _swept++)
            {
                if (_entityOf[_swept] is var e and >= 0)
                {
                    _lastSeen[e] = _swept;
                }
            }

            return _lastSeen[entity];
        }

        private int NextPerson(Placed[] placed, int from)
        {
            while (from < placed.Length && _infos[placed[from].Entity].Kind != EntityKind.Person)
            {
                from++;
            }

            return from;
        }

        private Gender FirstNameGender(in Info info) =>
            info.HasFirst && EntityLexicons.Instance.FirstNames.TryGetValue(info.FirstSpan(_text), out var g) ? g : Gender.Unknown;

        /// <summary>Gender from honorifics, else the first-name list, else the pronouns that follow the entity's mentions.</summary>
        private void AssignGenders(Placed[] placed, int[] placedToken)
        {
            // Pronoun counts only matter for people with neither an honorific nor a known first name.
            var needed = false;
            for (var e = 0; e < _count; e++)
            {
                ref var info = ref _infos[e];
                if (info.Kind != EntityKind.Person)
                {
                    continue;
                }

                info.Gender = info.HonorificGender != Gender.Unknown ? info.HonorificGender : FirstNameGender(info);
                needed |= info.Gender == Gender.Unknown;
            }

            if (!needed)
            {
                return;
            }

            var doc = document;
            Span<int> counts = _count <= 128 ? stackalloc int[2 * _count] : new int[2 * _count];
            counts.Clear();
            var male = counts[.._count];
            var female = counts[_count..];
            var tokens = doc.Tokens;
            var sentences = doc.Sentences;

            // A pronoun counts for the person mentioned last before it if it is in the same or the next sentence, so only the
            // tokens from each person mention up to the next person mention or the end of the following sentence are read.
            // Sentences cover the tokens contiguously, so the sentence of a token is the one whose token range holds it.
            var p = NextPerson(placed, 0);
            while (p < placed.Length)
            {
                var q = NextPerson(placed, p + 1);
                var person = placed[p].Entity;
                var sentence = placed[p].Sentence;
                var end = q < placed.Length ? placedToken[q] : tokens.Length;
                if (sentence >= 0 && sentence + 1 < sentences.Length)
                {
                    end = Math.Min(end, sentences[sentence + 1].EndToken);
                }

                for (var i = placedToken[p]; i < end; i++)
                {
                    var t = tokens[i];
                    if (t.Kind != TokenKind.Word || (uint)(t.Length - 2) > 1u)
                    {
                        continue; // he, him, his, she, her
                    }

                    var w = doc.GetText(t);
                    if (w is "he" or "He" or "him" or "his" or "His")
                    {
                        male[person]++;
                    }
                    else if (w is "she" or "She" or "her" or "Her")
                    {
                        female[person]++;
                    }
                }

                p = q;
            }

            for (var e = 0; e < _count; e++)
            {
                ref var info = ref _infos[e];
                if (info.Kind == EntityKind.Person && info.Gender == Gender.Unknown)
                {
                    info.Gender = male[e] > female[e] ? Gender.Male : female[e] > male[e] ? Gender.Female : Gender.Unknown;
                }
            }
        }
    }
}
