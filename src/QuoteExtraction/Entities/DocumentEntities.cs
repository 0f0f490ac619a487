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
    private readonly TextDocument _document;
    private readonly List<Info> _infos;
    private readonly Placed[] _placed; // name mentions in text order
    private readonly Dictionary<string, List<int>> _roles; // role key -> entity indices in order of introduction
    private readonly Dictionary<string, Entity> _extra = new(StringComparer.Ordinal); // entities made up by Resolve
    private readonly Entity[] _entities;

    private DocumentEntities(TextDocument document, List<Info> infos, Placed[] placed, Dictionary<string, List<int>> roles)
    {
        _document = document;
        _infos = infos;
        _placed = placed;
        _roles = roles;
        _entities = new Entity[infos.Count];
        for (var e = 0; e < infos.Count; e++)
        {
            var info = infos[e];
            _entities[e] = new Entity(info.Name, info.Kind, info.Gender)
            {
                Mentions = info.Mentions.Select(p => TextSpan.Of(document.Text, p.Start, p.End)).ToArray(),
                Roles = info.Roles.ToArray(),
            };
        }
    }

    /// <summary>The entities in order of first mention.</summary>
    public IReadOnlyList<Entity> Entities => _entities;

    /// <summary>Finds the name mentions of <paramref name="document"/> and clusters them into entities.</summary>
    /// <param name="document">An analysed text.</param>
    /// <returns>The document's entities.</returns>
    public static DocumentEntities Analyze(TextDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var raw = new List<RawMention>();
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
            return _entities[_placed[containing].Entity];
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
            return _entities[_placed[head].Entity];
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

        var runs = new List<RawMention>(2);
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
        lock (_extra)
        {
            var key = ((int)kind).ToString(System.Globalization.CultureInfo.InvariantCulture) + name;
            if (!_extra.TryGetValue(key, out var e))
            {
                foreach (var known in _entities)
                {
                    if (known.Kind == kind && string.Equals(known.Name, name, StringComparison.OrdinalIgnoreCase))
                    {
                        return known;
                    }
                }

                e = new Entity(name, kind, kind == EntityKind.Organization ? Gender.Unknown : Gender.Unknown);
                _extra[key] = e;
            }

            return e;
        }
    }

    private int FirstPlacedAtOrAfter(int offset)
    {
        int lo = 0, hi = _placed.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_placed[mid].Start < offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

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
        var info = _infos[entity];
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
            return hi >= 0 && _placed[hi].Sentence == sentence ? _entities[_placed[hi].Entity] : null;
        }

        // Salience: recent mentions count more, subjects count double; a little document frequency breaks ties.
        var scores = new double[_infos.Count];
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
                scores[e] += 0.05 * Math.Min(_infos[e].Mentions.Count, 10);
                if (best < 0 || scores[e] > scores[best])
                {
                    best = e;
                }
            }
        }

        if (best < 0)
        {
            best = MostSalient(offset, e => Compatible(e, pronoun) > 0.5);
        }

        return best < 0 ? null : _entities[best];
    }

    /// <summary>The compatible entity with most mentions, preferring those mentioned before <paramref name="offset"/>.</summary>
    private int MostSalient(int offset, Func<int, bool> filter)
    {
        var best = -1;
        var bestScore = 0.0;
        for (var e = 0; e < _infos.Count; e++)
        {
            if (!filter(e))
            {
                continue;
            }

            var info = _infos[e];
            var score = info.Mentions.Count + (info.Mentions[0].Start < offset ? 100 : 0);
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
        for (var k = s; k <= headWord; k++)
        {
            var key = doc.Text[tokens[k].Start..tokens[headWord].End].ToLowerInvariant();
            if (_roles.TryGetValue(key, out var list))
            {
                var pick = list[0];
                foreach (var e in list)
                {
                    if (_infos[e].Mentions[0].Start < offset)
                    {
                        pick = e; // the latest introduced before the mention
                    }
                }

                return _entities[pick];
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
        var best = MostSalient(offset, e => _infos[e].Kind == EntityKind.Person && (gender == Gender.Unknown || _infos[e].Gender != Opposite(gender))
            && !(titleRole && _infos[e].HasTitle));
        if (best < 0)
        {
            best = MostSalient(offset, e => _infos[e].Kind == EntityKind.Person);
        }

        return best < 0 ? null : _entities[best];
    }

    private static Gender Opposite(Gender g) => g == Gender.Male ? Gender.Female : g == Gender.Female ? Gender.Male : Gender.Unknown;

    private Entity? FindByName(ReadOnlySpan<char> word, int offset)
    {
        var best = -1;
        for (var e = 0; e < _infos.Count; e++)
        {
            var info = _infos[e];
            if (info.Kind == EntityKind.Person && (word.Equals(info.Last, StringComparison.OrdinalIgnoreCase) || word.Equals(info.First, StringComparison.OrdinalIgnoreCase)))
            {
                best = best < 0 || info.Mentions.Count > _infos[best].Mentions.Count ? e : best;
            }
        }

        return best < 0 ? null : _entities[best];
    }

    // ---- model ----

    /// <summary>A name mention placed in the text with its entity.</summary>
    private readonly record struct Placed(int Start, int End, int Entity, int Sentence, bool Subject);

    private sealed class Info
    {
        public required string Name;
        public EntityKind Kind;
        public Gender Gender;
        public string? First;
        public string? Last;
        public int NameTokens;
        public bool HasTitle;
        public Gender HonorificGender;
        public readonly List<Placed> Mentions = [];
        public readonly List<string> Roles = [];
    }

    /// <summary>Clusters raw mentions into entities.</summary>
    private sealed class Builder(TextDocument document, List<RawMention> raw)
    {
        private readonly List<Info> _infos = [];
        private readonly int[] _entityOf = new int[raw.Count];

        public DocumentEntities Build()
        {
            var doc = document;
            Array.Fill(_entityOf, -1);

            // 1. Full person names (two or more name words) and organisations.
            for (var r = 0; r < raw.Count; r++)
            {
                var m = raw[r];
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
            for (var r = 0; r < raw.Count; r++)
            {
                var m = raw[r];
                if (m.Kind == RunKind.Unknown)
                {
                    _entityOf[r] = FindFull(m) ?? UnknownEntity(m);
                }
            }

            // 3. Short mentions: "Starmer", "Mr Starmer", "Sir Keir", "Keir", "WALLACE".
            for (var r = 0; r < raw.Count; r++)
            {
                var m = raw[r];
                if (_entityOf[r] < 0 && m.Kind is RunKind.Person or RunKind.Single)
                {
                    _entityOf[r] = ShortEntity(r, m);
                }
            }

            var placed = new List<Placed>(raw.Count);
            var roles = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            var tokens = doc.Tokens;
            for (var r = 0; r < raw.Count; r++)
            {
                var e = _entityOf[r];
                if (e < 0)
                {
                    continue;
                }

                var m = raw[r];
                var first = tokens[m.FirstToken];
                var start = first.Start;
                var end = tokens[m.EndToken - 1].End;
                var sentence = doc.SentenceIndexAt(start);
                var subject = (first.Flags & TokenFlags.SentenceStart) != 0
                    || (m.EndToken < tokens.Length && EntityLexicons.SpeechVerbs.Contains(doc.GetText(tokens[m.EndToken])));
                var p = new Placed(start, end, e, sentence, subject);
                placed.Add(p);
                var info = _infos[e];
                info.Mentions.Add(p);
                AddRole(roles, info, e, m.Role);
                AddRole(roles, info, e, m.RolePhrase);
                info.HasTitle |= m.Titled && m.Role is not null;
            }

            AssignGenders(placed);
            for (var e = 0; e < _infos.Count; e++)
            {
                if (_infos[e].Mentions.Count == 0)
                {
                    _infos[e].Mentions.Add(new Placed(0, 0, e, 0, false)); // cannot happen: every entity comes from a mention
                }
            }

            return new DocumentEntities(doc, _infos, [.. placed], roles);
        }

        private static void AddRole(Dictionary<string, List<int>> roles, Info info, int e, string? role)
        {
            if (role is null || info.Kind != EntityKind.Person)
            {
                return;
            }

            if (!info.Roles.Contains(role))
            {
                info.Roles.Add(role);
            }

            if (!roles.TryGetValue(role, out var list))
            {
                roles[role] = list = [];
            }

            if (!list.Contains(e))
            {
                list.Add(e);
            }

            // "home secretary" also answers "the secretary".
            var space = role.LastIndexOf(' ');
            if (space > 0)
            {
                AddRole(roles, info, e, role[(space + 1)..]);
            }
        }

        private int NameWords(in RawMention m)
        {
            var n = 0;
            for (var i = m.NameStart; i < m.NameEnd; i++)
            {
                var t = document.Tokens[i];
                n += (t.Flags & TokenFlags.Initial) == 0 && (t.Flags & TokenFlags.Capitalized) != 0 ? 1 : 0;
            }

            return n;
        }

        private string FirstWord(in RawMention m)
        {
            for (var i = m.NameStart; i < m.NameEnd; i++)
            {
                if ((document.Tokens[i].Flags & TokenFlags.Initial) == 0)
                {
                    return document.GetText(document.Tokens[i]).ToString();
                }
            }

            return document.GetText(document.Tokens[m.NameStart]).ToString();
        }

        private string LastWord(in RawMention m) => document.GetText(document.Tokens[m.NameEnd - 1]).ToString();

        private string NameText(in RawMention m) =>
            document.Text[document.Tokens[m.NameStart].Start..document.Tokens[m.NameEnd - 1].End];

        private int NewEntity(string name, EntityKind kind)
        {
            _infos.Add(new Info { Name = name, Kind = kind });
            return _infos.Count - 1;
        }

        private int OrgEntity(in RawMention m)
        {
            var name = NameText(m);
            for (var e = 0; e < _infos.Count; e++)
            {
                var info = _infos[e];
                if (info.Kind == EntityKind.Organization && (info.Name == name || info.Last == name))
                {
                    return e; // "the Post" after "The Washington Post"
                }
            }

            var id = NewEntity(name, EntityKind.Organization);
            _infos[id].Last = LastWord(m);
            return id;
        }

        private int PersonEntity(in RawMention m)
        {
            var first = FirstWord(m);
            var last = LastWord(m);
            var words = m.NameEnd - m.NameStart;
            for (var e = 0; e < _infos.Count; e++)
            {
                var info = _infos[e];
                if (info.Kind == EntityKind.Person && string.Equals(info.Last, last, StringComparison.OrdinalIgnoreCase)
                    && string.Equals(info.First, first, StringComparison.OrdinalIgnoreCase))
                {
                    if (words > info.NameTokens)
                    {
                        info.Name = NameText(m);
                        info.NameTokens = words;
                    }

                    Honorific(info, m);
                    return e;
                }
            }

            var id = NewEntity(NameText(m), EntityKind.Person);
            _infos[id].First = first;
            _infos[id].Last = last;
            _infos[id].NameTokens = words;
            Honorific(_infos[id], m);
            return id;
        }

        private static void Honorific(Info info, in RawMention m)
        {
            if (m.TitleGender != Gender.Unknown)
            {
                info.HonorificGender = m.TitleGender;
            }
        }

        private int? FindFull(in RawMention m)
        {
            var first = FirstWord(m);
            var last = LastWord(m);
            for (var e = 0; e < _infos.Count; e++)
            {
                var info = _infos[e];
                if (info.Kind == EntityKind.Person && string.Equals(info.Last, last, StringComparison.OrdinalIgnoreCase)
                    && string.Equals(info.First, first, StringComparison.OrdinalIgnoreCase))
                {
                    return e;
                }
            }

            return null;
        }

        private int UnknownEntity(in RawMention m)
        {
            var name = NameText(m);
            for (var e = 0; e < _infos.Count; e++)
            {
                if (_infos[e].Kind == EntityKind.Unknown && _infos[e].Name == name)
                {
                    return e;
                }
            }

            return NewEntity(name, EntityKind.Unknown);
        }

        /// <summary>A one-word name: the person sharing the surname (or an unambiguous first name), else a new person if there is evidence.</summary>
        private int ShortEntity(int r, in RawMention m)
        {
            var word = LastWord(m);
            var start = document.Tokens[m.FirstToken].Start;
            var best = -1;
            var ambiguous = false;
            foreach (var byFirst in (ReadOnlySpan<bool>)[false, true])
            {
                for (var e = 0; e < _infos.Count; e++)
                {
                    var info = _infos[e];
                    if (info.Kind != EntityKind.Person || !string.Equals(byFirst ? info.First : info.Last, word, StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    var gender = info.HonorificGender != Gender.Unknown ? info.HonorificGender : FirstNameGender(info.First);
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
                Honorific(_infos[best], m);
                return best;
            }

            if (m.Kind == RunKind.Person || (m.Kind == RunKind.Single && m.EndToken < document.Tokens.Length
                && EntityLexicons.SpeechVerbs.Contains(document.GetText(document.Tokens[m.EndToken]))))
            {
                // Same short name seen before: "Mr. Trump" ... "Trump".
                for (var e = 0; e < _infos.Count; e++)
                {
                    if (_infos[e].Kind == EntityKind.Person && _infos[e].NameTokens == 1 && string.Equals(_infos[e].Last, word, StringComparison.OrdinalIgnoreCase))
                    {
                        Honorific(_infos[e], m);
                        return e;
                    }
                }

                var id = NewEntity(NameText(m), EntityKind.Person);
                _infos[id].Last = word;
                _infos[id].NameTokens = 1;
                Honorific(_infos[id], m);
                return id;
            }

            _ = start;
            return -1;
        }

        private int LastBefore(int entity, int r)
        {
            var last = -1;
            for (var q = 0; q < r; q++)
            {
                if (_entityOf[q] == entity)
                {
                    last = q;
                }
            }

            return last;
        }

        private static Gender FirstNameGender(string? first) =>
            first is not null && EntityLexicons.Instance.FirstNames.TryGetValue(first, out var g) ? g : Gender.Unknown;

        /// <summary>Gender from honorifics, else the first-name list, else the pronouns that follow the entity's mentions.</summary>
        private void AssignGenders(List<Placed> placed)
        {
            var doc = document;
            var male = new int[_infos.Count];
            var female = new int[_infos.Count];
            var tokens = doc.Tokens;
            var p = 0;
            var lastPerson = -1;
            var lastPersonSentence = -10;
            for (var i = 0; i < tokens.Length; i++)
            {
                var t = tokens[i];
                while (p < placed.Count && placed[p].Start <= t.Start)
                {
                    if (_infos[placed[p].Entity].Kind == EntityKind.Person)
                    {
                        lastPerson = placed[p].Entity;
                        lastPersonSentence = placed[p].Sentence;
                    }

                    p++;
                }

                if (lastPerson < 0 || t.Kind != TokenKind.Word || t.Length > 7)
                {
                    continue;
                }

                var w = doc.GetText(t);
                var isMale = w is "he" or "He" or "him" or "his" or "His";
                var isFemale = w is "she" or "She" or "her" or "Her";
                if ((isMale || isFemale) && doc.SentenceIndexAt(t.Start) - lastPersonSentence <= 1)
                {
                    (isMale ? male : female)[lastPerson]++;
                }
            }

            for (var e = 0; e < _infos.Count; e++)
            {
                var info = _infos[e];
                if (info.Kind != EntityKind.Person)
                {
                    continue;
                }

                info.Gender = info.HonorificGender != Gender.Unknown ? info.HonorificGender
                    : FirstNameGender(info.First) is var g && g != Gender.Unknown ? g
                    : male[e] > female[e] ? Gender.Male
                    : female[e] > male[e] ? Gender.Female
                    : Gender.Unknown;
            }
        }
    }
}
