using System.Runtime.InteropServices;
using QuoteExtraction.Attribution;
using QuoteExtraction.Text;

namespace QuoteExtraction.Sources;

/// <summary>What the attribution stage knows about one quotation, as the source stage needs it.</summary>
/// <param name="QuoteIndex">Index in the result's quotation list.</param>
/// <param name="Slot">The quotation's token range.</param>
/// <param name="Cue">The cue, or <c>null</c>.</param>
/// <param name="MentionStart">Speaker mention start, or -1.</param>
/// <param name="MentionEnd">Speaker mention end, or -1.</param>
/// <param name="SpeakerName">The resolved speaker name, or <c>null</c>.</param>
/// <param name="InheritedSpeaker">The speaker came from the previous quotation of a run.</param>
internal readonly record struct SourceInput(int QuoteIndex, QuoteSlot Slot, CueMatch? Cue, int MentionStart, int MentionEnd, string? SpeakerName, bool InheritedSpeaker);

/// <summary>The source chosen for one quotation, with evidence token ranges (-1 when absent).</summary>
internal readonly record struct SourceChoice(
    string? Medium, int MediumFirst, int MediumEnd,
    string? Outlet, int OutletFirst, int OutletEnd,
    string? Event, int EventFirst, int EventEnd,
    string? ReportedBy, int RelayFirst, int RelayEnd,
    bool Inherited);

/// <summary>
/// Decides medium, outlet, event and relaying outlet for each attributed quotation.
/// </summary>
/// <remarks>
/// <para>Evidence is read in the attribution's scope: the sentence holding the cue and the quotation's own sentences,
/// outside quotation marks. The outlet is the one spoken through ("told CNN", "an op-ed for the Daily Mail", "writing in
/// the Sun", "on Meet the Press"); an outlet credited with reporting ("…, reports the Express", "according to The New
/// York Times", "as first reported by Politico") is <c>reportedBy</c> instead. An event is a named or place-bound event
/// noun governed by "at", "during", "addressing" ...; "the summit" refers back to the last named summit, and "during his
/// speech" to the last named event. The medium comes from the <see cref="MediumModel"/> (rules when no model).</para>
/// <para><b>Scope.</b> A quotation with no evidence of its own inherits medium, outlet and event (never the relaying outlet)
/// from the previous quotation of the same speaker when it is in the same paragraph, or in the next paragraph and
/// either continues the quotation run or its sentence says so ("he added", "further elaborating", "she continued").
/// A new venue or a new speaker ends the inheritance.</para>
/// </remarks>
internal sealed class SourceAttributor
{
    /// <summary>The width of a feature row of the medium model.</summary>
    public const int FeatureCount = (3 * 11) + CueLemmas + ToldObjects + 8 + 12 + 12;

    private const int CueLemmas = 12;
    private const int ToldObjects = 6;

    private static readonly WordIndex Continuation = new WordIndex(
        ignoreCase: true,
        "added", "adds", "adding", "continued", "continues", "continuing", "further", "also", "elaborating", "elaborated", "elaborate", "went", "again",
        "later", "furthermore", "moreover", "expanding", "reiterated", "reiterating", "concluded", "concluding");

    private static readonly WordIndex ReporterWords = new WordIndex(ignoreCase: true, "reporters", "journalists", "press", "media", "newsmen");

    private static readonly WordIndex CrowdWords = new WordIndex(
        ignoreCase: true,
        "crowd", "crowds", "supporters", "delegates", "audience", "conference", "rally", "summit", "convention", "attendees", "activists", "members", "students", "graduates", "congregation",
        "chamber", "house", "council", "meeting", "assembly", "gathering", "room", "hall", "party", "faithful", "voters");

    private static readonly WordIndex TestimonyWords = new WordIndex(
        ignoreCase: true,
        "mps", "committee", "court", "senators", "lawmakers", "inquiry", "jury", "jurors", "judge", "panel", "congress", "parliament", "peers", "investigators", "tribunal", "commons");

    private static readonly WordIndex SpokesWords = new WordIndex(ignoreCase: true, "spokesman", "spokeswoman", "spokesperson", "spokespeople", "representative", "aide", "office");

    private readonly TextDocument _doc;
    private readonly SourceEvidenceIndex _index;

    public SourceAttributor(TextDocument doc, SourceEvidenceIndex index)
    {
        _doc = doc;
        _index = index;
    }

    /// <summary>Chooses the sources of the quotations, in document order, applying scope inheritance.</summary>
    public List<SourceChoice> Choose(IReadOnlyList<SourceInput> inputs, MediumModel? model, List<float[]>? rows = null)
    {
        var result = new List<SourceChoice>(inputs.Count);
        var row = new float[FeatureCount];
        SourceChoice? previous = null;
        SourceInput? previousInput = null;
        for (int i = 0; i < inputs.Count; i++) // by index: a foreach JIT-compiles the list enumerator over SourceInput at start-up
        {
            var input = inputs[i];
            var own = Evidence(input, previous, previousInput, row);
            rows?.Add((float[])row.Clone());

            // The classifier decides; where it says "none" but the rules stand on strong evidence (a venue word beside
            // the cue, what "told" governs, an event it was said at), the rules win: few training passages cover each
            // such phrase, and the rules rarely invent a medium there (measured on the dev split).
            string? medium = model is null ? own.RuleMedium : model.Predict(row) ?? (own.Strong ? own.RuleMedium : null);
            var choice = own.Choice with
            {
                Medium = medium,
                MediumFirst = medium is null ? -1 : own.Choice.MediumFirst,
                MediumEnd = medium is null ? -1 : own.Choice.MediumEnd,
            };

            // Two pieces of one attribution ("A," she told the chamber, "B.") share one source.
            if (previous is { } same && previousInput is { Cue: { } prevCue } && input.Cue is { } cue && cue.FirstToken == prevCue.FirstToken)
            {
                choice = same with { Inherited = true };
            }
            else if (choice.Medium is null && choice.Outlet is null && choice.Event is null && previous is { } prev && Continues(input, previousInput!.Value))
            {
                choice = prev with { ReportedBy = choice.ReportedBy, RelayFirst = choice.RelayFirst, RelayEnd = choice.RelayEnd, Inherited = true };
            }

            result.Add(choice);
            previous = choice;
            previousInput = input;
        }

        return result;
    }

    /// <summary>The evidence, rule medium and feature row of one quotation.</summary>
    // The index of the first match whose first token is at or after token (matches are in document order).
    private static int FirstStartingAtOrAfter(List<PhraseMatch> matches, int token) =>
        Sorted.FirstAtOrAfter(CollectionsMarshal.AsSpan(matches), token, static m => m.FirstToken);

    internal (SourceChoice Choice, string? RuleMedium, bool Strong) Evidence(SourceInput input, SourceChoice? previous, SourceInput? previousInput, float[] row)
    {
        Array.Clear(row);
        var tokens = _doc.Tokens;
        var (lo, hi) = Scope(input);
        int cueToken = input.Cue?.FirstToken ?? input.Slot.FirstToken;
        int cueEnd = input.Cue?.EndToken ?? input.Slot.EndToken;

        // Venue words: in the cue's clause (within 8 tokens of cue or mention), the scope, and the sentence before.
        Span<int> best = stackalloc int[11];
        Span<int> bestFirst = stackalloc int[11];
        best.Fill(int.MaxValue);
        int prevSentenceLo = PreviousSentenceStart(lo);
        var venues = _index.Venues;

        // Venues are in document order: start at the first that can reach the sentence before, stop past the scope, so a
        // long document costs each quotation only its neighbourhood.
        for (int k = FirstStartingAtOrAfter(venues, prevSentenceLo - PhraseLexicon.Venues.MaxTokens); k < venues.Count && venues[k].FirstToken < hi; k++)
        {
            var v = venues[k];
            int m = Media.IndexOf(v.Value);
            if (m < 0 || v.EndToken <= prevSentenceLo)
            {
                continue;
            }

            int distance = Math.Min(Math.Abs(v.FirstToken - cueToken), Math.Abs(v.FirstToken - cueEnd));
            if (input.MentionStart >= 0)
            {
                int mentionFirst = _doc.TokenIndexAt(input.MentionStart);
                if (v.FirstToken >= mentionFirst && v.Start(_doc) < input.MentionEnd)
                {
                    distance = 0; // "a spokesman said": the mention itself is the evidence
                }
                else
                {
                    // "Writing in the Guardian, the Labour MP Angela Rayner said": near the speaker counts as near the cue.
                    distance = Math.Min(distance, Math.Abs(mentionFirst - v.EndToken));
                }
            }

            if (v.FirstToken < lo)
            {
                row[(2 * 11) + m] = 1; // the sentence before
                continue;
            }

            row[11 + m] = 1;
            if (distance <= 8)
            {
                row[m] = 1;
            }

            if (distance < best[m])
            {
                best[m] = distance;
                bestFirst[m] = v.FirstToken;
            }
        }

        int f = 33;
        var lemma = input.Cue?.Lemma;
        int lemmaIndex = lemma switch
        {
            null => 0,
            "say" => 1,
            "tell" => 2,
            "write" => 3,
            "tweet" or "post" or "retweet" => 4,
            "add" => 5,
            "ask" => 6,
            "according to" => 7,
            "in a statement" => 8,
            "in an interview" => 9,
            "speak" or "address" => 10,
            _ => 11,
        };
        row[f + lemmaIndex] = 1;
        f += CueLemmas;

        // "told X": what X is decides a lot.
        int toldObject = 0; // none
        PhraseMatch? toldOutlet = null;
        if (lemma == "tell" && input.Cue is { } tell)
        {
            int t = tell.EndToken;
            if (t < tokens.Length && _doc.GetText(tokens[t]).Equals("the", StringComparison.OrdinalIgnoreCase))
            {
                t++;
            }

            toldObject = 5; // a person or other
            if (t < tokens.Length)
            {
                var w = _doc.GetText(tokens[t]);
                foreach (var o in _index.Outlets)
                {
                    if (o.FirstToken == t)
                    {
                        toldObject = 1;
                        toldOutlet = o;
                    }
                }

                if (toldObject != 1)
                {
                    toldObject = In(ReporterWords, w) ? 2 : In(CrowdWords, w) ? 3 : In(TestimonyWords, w) ? 4 : 5;
                }
            }
        }

        row[f + toldObject] = 1;
        f += ToldObjects;

        // Outlets in scope, spoken through (not relays, not inside the speaker mention as a modifier).
        PhraseMatch? outlet = toldOutlet;
        string outletPrep = toldOutlet is null ? string.Empty : "told";
        foreach (var o in _index.Outlets)
        {
            if (outlet is not null || o.FirstToken < lo || o.FirstToken >= hi || _index.IsRelay(o))
            {
                continue;
            }

            int p = o.FirstToken - 1;
            if (p >= 0 && _doc.GetText(tokens[p]).Equals("the", StringComparison.OrdinalIgnoreCase))
            {
                p--;
            }

            string? prep = (p >= 0 ? _doc.GetText(tokens[p]) : default) switch
            {
                "for" => "for",
                "in" => "in",
                "on" => "on",
                "to" => "to",
                "with" => "with",
                "told" => "told",
                "tells" => "tells",
                "telling" => "telling",
                "via" => "via",
                _ => null,
            };
            if (prep is not null)
            {
                outlet = o;
                outletPrep = prep;
            }
        }

        // "MSNBC's Morning Joe", "BBC Radio 4's Today programme": the programme is the more specific outlet.
        if (outlet is { } chained)
        {
            foreach (var o in _index.Outlets)
            {
                if (o.FirstToken == chained.EndToken + 1 && tokens[chained.EndToken].Has(TokenFlags.Clitic))
                {
                    outlet = o;
                }
            }
        }

        row[f++] = outlet is not null ? 1 : 0;
        row[f++] = outlet is { Kind: "newspaper" or "magazine" or "online" } ? 1 : 0;
        row[f++] = outlet is { Kind: "broadcaster" or "programme" } ? 1 : 0;

        // Events in scope: a venue event, named or resolved back to the last named one with the same head.
        EventMention? evt = null;
        foreach (var e in _index.Events)
        {
            if (e.FirstToken >= lo && e.FirstToken < hi && e.IsVenue)
            {
                evt = e.Named ? e : _index.LatestNamedEvent(e.FirstToken, e.HeadToken) ?? e;
                break;
            }
        }

        // "during his speech" refers back to the last named event.
        if (evt is null && best[0] != int.MaxValue)
        {
            evt = _index.LatestNamedEvent(bestFirst[0]);
        }

        row[f++] = evt is not null ? 1 : 0;
        row[f++] = input.MentionStart >= 0 && MentionHas(input, SpokesWords) ? 1 : 0;
        row[f++] = SentenceHas(input, lo, hi, Continuation) ? 1 : 0;
        bool sameSpeaker = previousInput is { } pi && input.SpeakerName is not null && pi.SpeakerName == input.SpeakerName;
        row[f++] = sameSpeaker ? 1 : 0;
        row[f++] = input.InheritedSpeaker ? 1 : 0;

        // The previous quotation's medium when the speaker is the same (one-hot, 0 = none).
        int prevMedium = sameSpeaker && previous is { Medium: { } pm } ? Media.IndexOf(pm) + 1 : 0;
        row[f + prevMedium] = 1;

        // Relay in scope.
        RelayMention? relay = null;
        foreach (var r in _index.Relays)
        {
            if (r.FirstToken >= lo && r.FirstToken < hi)
            {
                relay = r;
                break;
            }
        }

        var rule = RuleMedium(lemma, toldObject, outlet, evt, row)
            ?? OutletMedium(lemma, outlet, outletPrep);

        // The rules' own answer (one-hot, 0 = none): the classifier learns when to overrule it.
        row[f + 12 + Media.IndexOf(rule) + 1] = 1;
        int mediumFirst = -1, mediumEnd = -1;
        if (rule is not null)
        {
            int m = Media.IndexOf(rule);
            if (best[m] != int.MaxValue)
            {
                mediumFirst = bestFirst[m];
                mediumEnd = bestFirst[m] + 1;
                int k = FirstStartingAtOrAfter(venues, bestFirst[m]);
                if (k < venues.Count && venues[k].FirstToken == bestFirst[m])
                {
                    mediumEnd = venues[k].EndToken; // first tokens are unique: one match per starting token
                }
            }
            else if (input.Cue is { } c)
            {
                mediumFirst = c.FirstToken;
                mediumEnd = toldOutlet is { } to ? to.EndToken : c.EndToken;
            }
        }

        var choice = new SourceChoice(
            rule, mediumFirst, mediumEnd,
            outlet?.Value, outlet?.FirstToken ?? -1, outlet?.EndToken ?? -1,
            evt is { } ev ? StripThe(ev.Name) : null, evt?.FirstToken ?? -1, evt?.EndToken ?? -1,
            relay?.Outlet.Value, relay?.Outlet.FirstToken ?? -1, relay?.Outlet.EndToken ?? -1,
            false);
        bool strong = rule is not null && (toldObject is >= 1 and <= 4 || (Media.IndexOf(rule) is int mi && mi >= 0 && row[mi] > 0) || (evt is { IsVenue: true } && rule is "speech" or "debate" or "testimony"));
        return (choice, rule, strong);
    }

    private static string? RuleMedium(string? lemma, int toldObject, PhraseMatch? outlet, EventMention? evt, float[] row)
    {
        bool Near(string medium) => row[Media.IndexOf(medium)] > 0;
        bool InScope(string medium) => row[11 + Media.IndexOf(medium)] > 0;
        if (lemma is "tweet" or "retweet" || Near("social-media"))
        {
            return "social-media";
        }

        switch (toldObject)
        {
            case 1: return outlet is { Kind: "programme" } ? "broadcast" : "interview";
            case 2: return "press-conference";
            case 3: return "speech";
            case 4: return "testimony";
        }

        if (lemma == "in a statement" || Near("statement"))
        {
            return "statement";
        }

        if (lemma == "in an interview" || Near("interview"))
        {
            return "interview";
        }

        foreach (var m in (ReadOnlySpan<string>)["op-ed", "letter", "publication", "testimony", "debate", "press-conference", "broadcast"])
        {
            if (Near(m))
            {
                return m;
            }
        }

        if (lemma == "write" && outlet is { Kind: "newspaper" or "magazine" or "online" })
        {
            return "op-ed";
        }

        if (Near("speech") || InScope("speech") || evt is not null)
        {
            return evt is { } e && e.Name.EndsWith("debate", StringComparison.OrdinalIgnoreCase) ? "debate"
                : evt is { } h && h.Name.EndsWith("hearing", StringComparison.OrdinalIgnoreCase) ? "testimony" : "speech";
        }

        foreach (var m in (ReadOnlySpan<string>)["op-ed", "letter", "publication", "statement", "interview", "broadcast"])
        {
            if (InScope(m))
            {
                return m;
            }
        }

        return null;
    }

    /// <summary>A medium from the outlet alone: "on Newsnight", "to GB News" → interview; "in the Telegraph" with "wrote" → op-ed; a platform → social media.</summary>
    private static string? OutletMedium(string? lemma, PhraseMatch? outlet, string prep)
    {
        if (outlet is not { } o)
        {
            return null;
        }

        return o.Kind switch
        {
            "platform" => "social-media",
            "broadcaster" or "programme" when prep is "on" or "to" or "with" or "told" or "tells" or "telling" => "interview",
            "newspaper" or "magazine" or "online" when prep is "to" or "with" or "told" or "tells" or "telling" => "interview",
            "newspaper" or "magazine" or "online" when prep is "in" or "for" && lemma is "write" => "op-ed",
            _ => null,
        };
    }

    private bool Continues(SourceInput input, SourceInput previous)
    {
        if (input.SpeakerName is null || previous.SpeakerName != input.SpeakerName)
        {
            return false;
        }

        int para = _doc.ParagraphIndexAt(input.Slot.Start);
        int prevPara = _doc.ParagraphIndexAt(previous.Slot.Start);
        if (para == prevPara)
        {
            return true;
        }

        return para - prevPara <= 2 && (input.InheritedSpeaker || input.Slot.ContinuesPrevious || SentenceHas(input, Continuation));
    }

    /// <summary>The token range read for evidence: the cue's sentence through the quotation's last sentence.</summary>
    private (int Lo, int Hi) Scope(SourceInput input)
    {
        var sentences = _doc.Sentences;
        int a = _doc.SentenceIndexAt(input.Slot.Start);
        int b = _doc.SentenceIndexAt(Math.Max(input.Slot.Start, input.Slot.End - 1));
        if (input.Cue is { } cue)
        {
            int c = _doc.SentenceIndexAt(cue.Start);
            if (c >= 0)
            {
                a = a < 0 ? c : Math.Min(a, c);
                b = Math.Max(b, c);
            }
        }

        if (a < 0)
        {
            return (input.Slot.FirstToken, input.Slot.EndToken);
        }

        b = b < 0 ? a : b;
        return (sentences[a].FirstToken, sentences[b].EndToken);
    }

    private int PreviousSentenceStart(int lo)
    {
        int s = lo > 0 ? _doc.SentenceIndexAt(_doc.Tokens[lo - 1].Start) : -1;
        int current = _doc.SentenceIndexAt(_doc.Tokens[Math.Min(lo, _doc.Tokens.Length - 1)].Start);
        if (s < 0 || current < 0 || _doc.Sentences[s].Paragraph != _doc.Sentences[current].Paragraph)
        {
            return lo;
        }

        return _doc.Sentences[s].FirstToken;
    }

    private static bool In(WordIndex words, ReadOnlySpan<char> word) => words.Contains(word);

    private bool MentionHas(SourceInput input, WordIndex lookup)
    {
        int first = _doc.TokenIndexAt(input.MentionStart);
        int end = _doc.TokenIndexAt(input.MentionEnd);
        for (int t = first; t < end && t < _doc.Tokens.Length; t++)
        {
            if (lookup.Contains(_doc.GetText(_doc.Tokens[t])))
            {
                return true;
            }
        }

        return false;
    }

    private bool SentenceHas(SourceInput input, WordIndex lookup)
    {
        var (lo, hi) = Scope(input);
        return SentenceHas(input, lo, hi, lookup);
    }

    /// <summary><see cref="SentenceHas(SourceInput, WordIndex)"/> with the input's <see cref="Scope"/> already known.</summary>
    private bool SentenceHas(SourceInput input, int lo, int hi, WordIndex lookup)
    {
        for (int t = lo; t < hi; t++)
        {
            if ((t < input.Slot.FirstToken || t >= input.Slot.EndToken) && _doc.Tokens[t].Kind == TokenKind.Word
                && lookup.Contains(_doc.GetText(_doc.Tokens[t])))
            {
                return true;
            }
        }

        return false;
    }

    private static string StripThe(string name) =>
        name.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? name[4..] : name;
}

/// <summary>Token helpers for phrase matches.</summary>
internal static class PhraseMatchExtensions
{
    /// <summary>The first code unit of the match.</summary>
    public static int Start(this PhraseMatch match, TextDocument doc) => doc.Tokens[match.FirstToken].Start;
}
