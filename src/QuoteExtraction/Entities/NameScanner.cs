using QuoteExtraction.Text;

namespace QuoteExtraction.Entities;

/// <summary>What a capitalised run looks like before clustering.</summary>
internal enum RunKind : byte
{
    /// <summary>Person evidence: a title, a known first name, an initial, a suffix, a party tag or a role noun.</summary>
    Person,

    /// <summary>An organisation head word or a listed organisation.</summary>
    Organization,

    /// <summary>Two or more name words without evidence either way.</summary>
    Unknown,

    /// <summary>One name word without evidence: kept only if it is an alias of a person found elsewhere.</summary>
    Single,
}

/// <summary>A capitalised run found by <see cref="NameScanner"/>: token ranges for the whole mention and for the bare name.</summary>
internal struct RawMention
{
    public int FirstToken;   // first token, titles included
    public int NameStart;    // first name token (after titles)
    public int NameEnd;      // one past the last name token (suffixes excluded)
    public int EndToken;     // one past the last token of the mention (suffix and party tag included)
    public RunKind Kind;
    public Gender TitleGender;
    public bool Titled;      // a person title or honorific precedes the name
    public bool Modifier;    // "the Clinton campaign": the run modifies a following noun
    public string? Role;     // role key from the title or a role noun before/after the name
    public string? RolePhrase; // "labour leader": modifier + role noun before the name
}

/// <summary>
/// Finds capitalised name runs with their titles in a token range: one left-to-right pass, span look-ups only.
/// Sentence-initial function words ("The", "But") and places are not names.
/// </summary>
internal static class NameScanner
{
    // Every capitalised word of a name run is checked against these; most are names, which the filter rules out cheaply.

    /// <summary>Scans tokens [<paramref name="from"/>, <paramref name="to"/>) of <paramref name="document"/> and appends runs to <paramref name="output"/>.</summary>
    internal static void Scan(TextDocument document, int from, int to, List<RawMention> output)
    {
        var lex = EntityLexicons.Instance;
        var tokens = document.Tokens;
        // The text as a span once: slicing it per token needs no string-to-span call in ReadyToRun code, which runs
        // until the background JIT replaces this method.
        ReadOnlySpan<char> text = document.Text;
        var i = from;
        while (i < to)
        {
            var t = tokens[i];
            if (t.Kind != TokenKind.Word || (t.Flags & TokenFlags.Capitalized) == 0 || (t.Flags & TokenFlags.Clitic) != 0)
            {
                i++;
                continue;
            }

            // Titles and modifiers: "Former Prime Minister", "Sen.", "Mr".
            var j = i;
            var titled = false;
            var gender = Gender.Unknown;
            string? role = null;
            while (j < to)
            {
                var len = MatchTitle(text, tokens, j, to, out var entry);
                if (len == 0 || (j > i && (tokens[j].Flags & TokenFlags.SentenceStart) != 0))
                {
                    break;
                }

                if (!entry.IsModifier)
                {
                    titled = true;
                    gender = entry.Gender != Gender.Unknown ? entry.Gender : gender;
                    role = entry.Role ?? role;
                }

                j += len;
            }

            if (j > i && !titled)
            {
                j = i; // "Former" alone is not a title
            }

            // Name words.
            var k = j;
            var suffixes = 0;
            var initials = false;
            while (k < to)
            {
                var u = tokens[k];
                if (k > i && (u.Flags & TokenFlags.SentenceStart) != 0)
                {
                    break;
                }

                var w = Word(text, u);
                var names = k - j - suffixes;

                // A title inside a capitalised run ("Labour MP Jane Porter", "White House Press Secretary Josh Earnest"):
                // the words before it modify the title, and the name starts after it - unless they are a first name
                // ("John Major").
                if (names > 0 && suffixes == 0 && u.Kind == TokenKind.Word && (u.Flags & TokenFlags.Capitalized) != 0
                    && k + 1 < to && IsCapitalWord(tokens[k + 1]) // cheap test first: more name words must follow
                    && MatchTitle(text, tokens, k, to, out var inner) is var innerLength && innerLength > 0 && !inner.IsModifier
                    && k + innerLength < to && IsCapitalWord(tokens[k + innerLength])
                    && !lex.FirstNames.ContainsKey(Word(text, tokens[k - 1])))
                {
                    titled = true;
                    gender = inner.Gender != Gender.Unknown ? inner.Gender : gender;
                    role = inner.Role ?? role;
                    j = k + innerLength;
                    k = j;
                    initials = false;
                    continue;
                }

                // A capitalised role noun inside a run, then a first name and a surname ("Budget Director James Miller",
                // "BP Managing Director David Simon", "East Midlands MEP Robert Kilroy-Silk"), or the run's last two words
                // ("BP Group Treasurer Rodney Chase"): the words before it say whose role it is, and the name starts after
                // it, as after a title. Left whole, the name also took the bare "BP" of the text as an alias.
                if (names > 0 && suffixes == 0 && u.Kind == TokenKind.Word && (u.Flags & TokenFlags.Capitalized) != 0
                    && k + 2 < to && IsCapitalWord(tokens[k + 1]) && IsCapitalWord(tokens[k + 2])
                    && ((tokens[k + 1].Flags | tokens[k + 2].Flags) & (TokenFlags.SentenceStart | TokenFlags.AllCaps)) == 0
                    && !lex.FirstNames.ContainsKey(Word(text, tokens[k - 1]))
                    && ((lex.Roles.TryGetValue(w, out var roleGender)
                            && (lex.FirstNames.ContainsKey(Word(text, tokens[k + 1])) || ((k + 3 >= to || !IsCapitalWord(tokens[k + 3])) && !lex.Roles.ContainsKey(Word(text, tokens[k + 1])))))
                        || (IsPartyMember(w) && lex.FirstNames.ContainsKey(Word(text, tokens[k + 1])))))
                {
                    // A party member ("Senate Republican John Cornyn", "Virginia Democrat Danica Roem") names no role.
                    titled = true;
                    gender = roleGender != Gender.Unknown ? roleGender : gender;
                    role = IsPartyMember(w) ? role : w.ToString().ToLowerInvariant();
                    j = k + 1;
                    k = j;
                    initials = false;
                    continue;
                }

                if (u.Kind == TokenKind.Word && (u.Flags & TokenFlags.Clitic) == 0 && (u.Flags & TokenFlags.Capitalized) != 0)
                {
                    if (names > 0 && IsSuffix(w))
                    {
                        suffixes++;
                        k++;
                        continue;
                    }

                    if (suffixes > 0)
                    {
                        break;
                    }

                    if ((u.Flags & TokenFlags.Initial) != 0)
                    {
                        initials = true;
                        k++;
                        continue;
                    }

                    if (Text.Lexicon.SentenceStarters.Contains(w) || (names == 0 && !titled && Text.Lexicon.CalendarWords.Contains(w)))
                    {
                        break;
                    }

                    k++;
                    continue;
                }

                // Lower-case connectors inside names: "Charles de Gaulle", "Department of Justice", "Marks & Spencer".
                if (names > 0 && suffixes == 0 && k + 1 < to && IsCapitalWord(tokens[k + 1]) && (tokens[k + 1].Flags & TokenFlags.SentenceStart) == 0)
                {
                    if (w is "de" or "da" or "van" or "von" or "der" or "bin" or "al" or "du" or "di" or "le" or "la" or "&")
                    {
                        k++;
                        continue;
                    }

                    if (w is "of" or "for" or "and" && lex.OrgHeads.Contains(Word(text, tokens[k - 1])))
                    {
                        k++;
                        continue;
                    }
                }

                break;
            }

            var nameEnd = k - suffixes;
            if (nameEnd <= j)
            {
                i = titled ? j : i + 1; // a title without a name is a role nominal ("the Prime Minister")
                continue;
            }

            var end = k;
            var partyTag = TryPartyTag(text, tokens, k, to, out var tagEnd);
            if (partyTag)
            {
                end = tagEnd;
            }

            // A capitalised common noun ("Sources said", "Officials say") is not a name.
            if (!titled && nameEnd - j == 1 && (EntityLexicons.GenericNouns.Contains(Word(text, tokens[j])) || lex.Roles.ContainsKey(Word(text, tokens[j]))))
            {
                i = end;
                continue;
            }

            var m = new RawMention { FirstToken = i, NameStart = j, NameEnd = nameEnd, EndToken = end, Titled = titled, TitleGender = gender, Role = role };
            var runText = text.Slice(tokens[i].Start, tokens[nameEnd - 1].End - tokens[i].Start);
            var nameText = text.Slice(tokens[j].Start, tokens[nameEnd - 1].End - tokens[j].Start);
            var lastWord = Word(text, tokens[nameEnd - 1]);
            var honorific = titled && role is null;
            var previous = i > from ? Word(text, tokens[i - 1]) : default;
            var prevThe = previous is "the" or "The";
            var nextLower = end < tokens.Length && tokens[end].Kind == TokenKind.Word && (tokens[end].Flags & (TokenFlags.Capitalized | TokenFlags.Clitic)) == 0;

            if (!honorific && (lex.OrgHeads.Contains(lastWord) || lex.Organizations.Contains(runText) || (j > i && lex.Organizations.Contains(nameText))))
            {
                m.Kind = RunKind.Organization;
                m.NameStart = i; // the title words belong to the name: "General Motors"
                m.Titled = false;
                m.Role = null;
            }
            else if (!titled && lex.Places.Contains(nameText))
            {
                i = end;
                continue;
            }
            else
            {
                var names = nameEnd - j;
                var prefixRole = PrefixRole(text, tokens, i, from, out var rolePhrase);
                var firstName = names > 1 && lex.FirstNames.ContainsKey(Word(text, tokens[j]));
                var speech = end < to && tokens[end].Kind == TokenKind.Word && EntityLexicons.SpeechVerbs.Contains(Word(text, tokens[end]));
                var appositive = AppositiveRole(text, tokens, end, to);
                if (titled || firstName || initials || suffixes > 0 || partyTag || prefixRole is not null || appositive is not null)
                {
                    m.Kind = RunKind.Person;
                }
                else if (prevThe && !nextLower)
                {
                    m.Kind = RunKind.Organization; // "the Guardian", "the Pentagon"
                }
                else if (names > 1)
                {
                    m.Kind = speech ? RunKind.Person : RunKind.Unknown;
                }
                else
                {
                    m.Kind = RunKind.Single;
                }

                m.Modifier = nextLower && !speech;
                m.Role ??= prefixRole ?? appositive;
                m.RolePhrase = rolePhrase;
            }

            output.Add(m);
            i = end;
        }
    }

    // Party members written before a name like a role: "Senate Republican John Cornyn". Not role nouns: "the Democrat"
    // alone is no role nominal to resolve.
    private static bool IsPartyMember(ReadOnlySpan<char> w) => w is "Republican" or "Democrat" or "Tory" or "Conservative";

    /// <summary>Length in tokens of the longest title phrase starting at <paramref name="i"/>, or 0.</summary>
    internal static int MatchTitle(TextDocument document, int i, int to, out TitleEntry entry) =>
        MatchTitle(document.Text, document.Tokens, i, to, out entry);

    /// <summary><see cref="MatchTitle(TextDocument, int, int, out TitleEntry)"/> on a document's text and tokens.</summary>
    internal static int MatchTitle(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int i, int to, out TitleEntry entry)
    {
        entry = default;
        var lex = EntityLexicons.Instance;
        if (tokens[i].Kind != TokenKind.Word || (tokens[i].Flags & TokenFlags.Capitalized) == 0 || !lex.TitleFirstWords.Contains(Word(text, tokens[i])))
        {
            return 0;
        }

        Span<char> buffer = stackalloc char[64];
        var max = Math.Min(lex.MaxTitleTokens, to - i);
        var best = 0;
        var length = 0;
        for (var n = 1; n <= max; n++)
        {
            var w = Word(text, tokens[i + n - 1]);
            if (length + w.Length + 1 > buffer.Length || tokens[i + n - 1].Kind != TokenKind.Word)
            {
                break;
            }

            if (n > 1)
            {
                buffer[length++] = ' ';
            }

            w.CopyTo(buffer[length..]);
            length += w.Length;
            if (lex.Titles.TryGetValue(buffer[..length], out var e))
            {
                entry = e;
                best = n;
            }
        }

        return best;
    }

    private static ReadOnlySpan<char> Word(ReadOnlySpan<char> text, in Token t) => text.Slice(t.Start, t.End - t.Start);

    internal static bool IsCapitalWord(in Token t) => t.Kind == TokenKind.Word && (t.Flags & TokenFlags.Capitalized) != 0 && (t.Flags & TokenFlags.Clitic) == 0;

    private static bool IsSuffix(ReadOnlySpan<char> w) => w is "Jr." or "Jr" or "Sr." or "Sr" or "II" or "III" or "IV";

    /// <summary>A party tag after a name: "(D-Nev.)", "(R)", "(Vt.)".</summary>
    private static bool TryPartyTag(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int k, int to, out int end)
    {
        end = k;
        if (k + 2 >= to || Word(text, tokens[k]) is not "(")
        {
            return false;
        }

        for (var c = k + 1; c < Math.Min(to, k + 5); c++)
        {
            if (Word(text, tokens[c]) is ")")
            {
                if (c == k + 1)
                {
                    return false; // "()": nothing inside
                }

                var inner = text.Slice(tokens[k + 1].Start, tokens[c - 1].End - tokens[k + 1].Start);
                var ok = inner.Length <= 12 && char.IsAsciiLetterUpper(inner[0])
                    && ((inner.Length >= 2 && inner[1] == '-' && inner[0] is 'D' or 'R' or 'I') || inner.Length == 1 || inner[^1] == '.');
                end = c + 1;
                return ok;
            }
        }

        return false;
    }

    /// <summary>A lower-case role noun right before the name ("spokesman John Smith", "Labour leader Sir Keir"), with one modifier.</summary>
    private static string? PrefixRole(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int i, int from, out string? phrase)
    {
        phrase = null;
        if (i <= from)
        {
            return null;
        }

        var prev = tokens[i - 1];
        var w = Word(text, prev);
        if (prev.Kind != TokenKind.Word || (prev.Flags & TokenFlags.Capitalized) != 0 || !EntityLexicons.Instance.Roles.ContainsKey(w))
        {
            return null;
        }

        var role = w.ToString().ToLowerInvariant();
        if (i - 2 >= from && tokens[i - 2].Kind == TokenKind.Word && (tokens[i - 2].Flags & TokenFlags.Clitic) == 0)
        {
            phrase = string.Concat(Word(text, tokens[i - 2]), " ", w).ToLowerInvariant();
        }

        return role;
    }

    /// <summary>An appositive role after the name: "John Smith, a spokesman for ..." or "Jane Doe, the Home Secretary,".</summary>
    private static string? AppositiveRole(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int end, int to)
    {
        if (end + 2 >= to || Word(text, tokens[end]) is not ",")
        {
            return null;
        }

        var lex = EntityLexicons.Instance;
        for (var c = end + 1; c < Math.Min(to, end + 7); c++)
        {
            var u = tokens[c];
            if (u.Kind != TokenKind.Word)
            {
                return null;
            }

            var w = Word(text, u);
            string? found = null;
            if (lex.Roles.ContainsKey(w))
            {
                found = w.ToString().ToLowerInvariant();
            }
            else if (MatchTitle(text, tokens, c, to, out var title) is var n && n > 0 && title.Role is { } r && r != "*")
            {
                found = r;
                c += n - 1;
            }

            if (found is not null)
            {
                var after = c + 1 < to ? Word(text, tokens[c + 1]) : ".";
                return after is "," or "." or ";" or ")" or "for" or "of" or "at" or "to" or "with" or "and" or "said" or "says" or "\u2014" or "\u2013"
                    ? found
                    : null;
            }
        }

        return null;
    }
}
