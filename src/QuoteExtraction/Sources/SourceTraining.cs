using System.Globalization;
using System.Text;
using System.Text.Json;
using QuoteExtraction.Attribution;
using QuoteExtraction.Corpora;
using QuoteExtraction.Evaluation;

namespace QuoteExtraction.Sources;

/// <summary>A gold source annotation of one quotation.</summary>
/// <param name="Start">Quotation start (its opening mark).</param>
/// <param name="End">Quotation end.</param>
/// <param name="Medium">Gold medium or <c>null</c>.</param>
/// <param name="Outlet">Gold outlet or <c>null</c>.</param>
/// <param name="Event">Gold event or <c>null</c>.</param>
/// <param name="ReportedBy">Gold relaying outlet or <c>null</c>.</param>
public sealed record GoldSource(int Start, int End, string? Medium, string? Outlet, string? Event, string? ReportedBy);

/// <summary>A passage with gold sources.</summary>
/// <param name="Id">Identifier.</param>
/// <param name="Split"><c>train</c> or <c>dev</c>.</param>
/// <param name="Text">The passage.</param>
/// <param name="Quotes">Gold sources of its quotations.</param>
public sealed record SourceExample(string Id, string Split, string Text, IReadOnlyList<GoldSource> Quotes);

/// <summary>
/// Reads source-annotated passages: JSON Lines <c>{"id", "split", "text", "quotes": [{"quote", "medium", "outlet",
/// "event", "reportedBy"}]}</c>, where <c>quote</c> is the quotation's exact text (marks included), found in <c>text</c>.
/// </summary>
public static class SourceExamples
{
    /// <summary>Reads a file.</summary>
    /// <param name="path">The JSONL file.</param>
    /// <returns>The passages.</returns>
    /// <exception cref="CorpusFormatException">A line is malformed or a quotation is not in its text.</exception>
    public static IReadOnlyList<SourceExample> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return JsonLines.Read(path, (root, lineNo) =>
        {
            var text = root.GetProperty("text").GetString() ?? throw new FormatException("text is null");
            var quotes = new List<GoldSource>();
            foreach (var q in root.GetProperty("quotes").EnumerateArray())
            {
                var quote = q.GetProperty("quote").GetString() ?? string.Empty;
                int at = text.IndexOf(quote, StringComparison.Ordinal);
                if (at < 0 || quote.Length == 0)
                {
                    throw new CorpusFormatException(path, lineNo, $"quotation not found in its text: {quote}");
                }

                quotes.Add(new GoldSource(at, at + quote.Length, Str(q, "medium"), Str(q, "outlet"), Str(q, "event"), Str(q, "reportedBy")));
            }

            return new SourceExample(
                root.TryGetProperty("id", out var id) ? id.ToString() : $"line-{lineNo}",
                root.TryGetProperty("split", out var split) ? split.GetString() ?? "train" : "train",
                text,
                quotes);
        });
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

/// <summary>Source scores: medium accuracy, invented media, and outlet / event / relaying-outlet F1.</summary>
/// <param name="Quotations">Gold quotations scored (found by the extractor).</param>
/// <param name="Missed">Gold quotations the extractor did not find (not scored).</param>
/// <param name="MediumCorrect">Quotations whose medium (including "none") is right.</param>
/// <param name="GoldNone">Gold quotations with no stated medium.</param>
/// <param name="Invented">Of those, how many got a medium anyway.</param>
/// <param name="Outlet">Outlet counts (true positives, predicted, gold).</param>
/// <param name="Event">Event counts.</param>
/// <param name="ReportedBy">Relaying-outlet counts.</param>
public sealed record SourceReport(int Quotations, int Missed, int MediumCorrect, int GoldNone, int Invented, (int Tp, int Predicted, int Gold) Outlet, (int Tp, int Predicted, int Gold) Event, (int Tp, int Predicted, int Gold) ReportedBy)
{
    /// <summary>Share of quotations with the right medium.</summary>
    public double MediumAccuracy => Quotations == 0 ? 0 : (double)MediumCorrect / Quotations;

    /// <summary>Share of no-venue quotations given a medium.</summary>
    public double InventedRate => GoldNone == 0 ? 0 : (double)Invented / GoldNone;

    /// <summary>F1 of a count triple.</summary>
    /// <param name="c">True positives, predicted, gold.</param>
    /// <returns>The F1.</returns>
    public static double F1((int Tp, int Predicted, int Gold) c) => c.Predicted + c.Gold == 0 ? 1 : 2.0 * c.Tp / (c.Predicted + c.Gold);

    /// <summary>A short table.</summary>
    /// <returns>Text.</returns>
    public string Format()
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(ci, $"quotations scored:        {Quotations} (gold quotations not found: {Missed})");
        sb.AppendLine(ci, $"medium accuracy:          {MediumAccuracy:0.000} ({MediumCorrect}/{Quotations})");
        sb.AppendLine(ci, $"medium invented:          {InventedRate:0.000} ({Invented}/{GoldNone} quotations without a stated venue)");
        sb.AppendLine(ci, $"outlet F1:                {F1(Outlet):0.000} (tp {Outlet.Tp}, predicted {Outlet.Predicted}, gold {Outlet.Gold})");
        sb.AppendLine(ci, $"event F1:                 {F1(Event):0.000} (tp {Event.Tp}, predicted {Event.Predicted}, gold {Event.Gold})");
        sb.AppendLine(ci, $"reportedBy F1:            {F1(ReportedBy):0.000} (tp {ReportedBy.Tp}, predicted {ReportedBy.Predicted}, gold {ReportedBy.Gold})");
        return sb.ToString();
    }
}

/// <summary>Scores sources and trains the medium classifier.</summary>
/// <remarks>
/// Names match when equal after lower-casing and dropping a leading "the", or when one contains the other as whole
/// words ("Today programme" and "BBC Radio 4's Today programme").
/// </remarks>
public static class SourceTraining
{
    /// <summary>Scores an extractor's sources on annotated passages.</summary>
    /// <param name="examples">The passages.</param>
    /// <param name="extractor">The extractor.</param>
    /// <param name="errors">Receives one line per wrong field, or <c>null</c>.</param>
    /// <returns>The report.</returns>
    public static SourceReport Evaluate(IEnumerable<SourceExample> examples, QuoteExtractor extractor, List<string>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(extractor);
        int n = 0, missed = 0, correct = 0, none = 0, invented = 0;
        (int, int, int) outlet = default, evt = default, relay = default;
        foreach (var ex in examples)
        {
            var quotes = extractor.ExtractQuotes(ex.Text).Quotes;
            foreach (var gold in ex.Quotes)
            {
                var q = quotes.FirstOrDefault(x => x.Start == gold.Start && x.End == gold.End)
                    ?? quotes.FirstOrDefault(x => x.Start < gold.End && gold.Start < x.End);
                if (q is null)
                {
                    missed++;
                    continue;
                }

                n++;
                var s = q.Source;
                bool ok = s.Medium == gold.Medium;
                correct += ok ? 1 : 0;
                if (gold.Medium is null)
                {
                    none++;
                    invented += s.Medium is not null ? 1 : 0;
                }

                outlet = Count(outlet, s.Outlet, gold.Outlet);
                evt = Count(evt, s.Event, gold.Event);
                relay = Count(relay, s.ReportedBy, gold.ReportedBy);
                if (errors is not null && (!ok || !Same(s.Outlet, gold.Outlet) || !Same(s.Event, gold.Event) || !Same(s.ReportedBy, gold.ReportedBy)))
                {
                    errors.Add($"{ex.Id}: {Trim(q.Text)} => ({s.Medium}, {s.Outlet}, {s.Event}, {s.ReportedBy}) gold ({gold.Medium}, {gold.Outlet}, {gold.Event}, {gold.ReportedBy})");
                }
            }
        }

        return new SourceReport(n, missed, correct, none, invented, outlet, evt, relay);
    }

    /// <summary>
    /// Trains the medium classifier on the train split of annotated passages plus silver labels derived from PolNeAR
    /// cues (a cue such as "said in a statement", "told reporters", "tweeted", or a bare "said" with no venue word in
    /// its sentence, which is labelled "no medium").
    /// </summary>
    /// <param name="examples">Annotated passages (only <c>split == "train"</c> ones are used).</param>
    /// <param name="polnear">PolNeAR documents for silver labels, or empty.</param>
    /// <param name="seed">The random seed.</param>
    /// <param name="log">Progress lines, or <c>null</c>.</param>
    /// <returns>The model.</returns>
    public static MediumModel Train(IReadOnlyList<SourceExample> examples, IReadOnlyList<AnnotatedDocument> polnear, int seed, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(polnear);
        var rows = new List<float[]>();
        var labels = new List<int>();
        var options = new QuoteExtractorOptions { AttributeSources = true };
        var model = AttributionModel.Default ?? throw new InvalidOperationException("The speaker model is required to train the source model.");
        int hand = 0;
        foreach (var ex in examples.Where(e => e.Split == "train"))
        {
            var result = QuoteExtractor.Create(options with { AttributeSpeakers = false }).ExtractQuotes(ex.Text);
            QuoteAttribution.Apply(result, options with { UseMediumClassifier = false }, model, out var inputs, out var featureRows);
            for (int i = 0; i < inputs.Count && i < featureRows.Count; i++)
            {
                var q = result.Quotes[inputs[i].QuoteIndex];
                var gold = ex.Quotes.FirstOrDefault(g => g.Start == q.Start && g.End == q.End);
                if (gold is null)
                {
                    continue;
                }

                rows.Add(featureRows[i]);
                labels.Add(Media.IndexOf(gold.Medium) + 1);
                hand++;
            }
        }

        int silver = 0;
        var silverMedia = new List<(float[], int)>();
        var silverNone = new List<(float[], int)>();
        foreach (var doc in polnear)
        {
            var result = QuoteExtractor.Create(options with { AttributeSpeakers = false }).ExtractQuotes(doc.Text);
            QuoteAttribution.Apply(result, options with { UseMediumClassifier = false }, model, out var inputs, out var featureRows);
            for (int i = 0; i < inputs.Count && i < featureRows.Count; i++)
            {
                var q = result.Quotes[inputs[i].QuoteIndex];
                var gold = GoldMatching.Match(q.InnerStart, q.InnerEnd, doc.Attributions);
                if (gold is null || gold.Cue.Count == 0)
                {
                    continue;
                }

                var label = SilverLabel(doc.Text, gold);
                if (label is null)
                {
                    continue;
                }

                (label.Value == 0 ? silverNone : silverMedia).Add((featureRows[i], label.Value));
            }
        }

        // Balance the silver rows: every cue-derived medium, and as many "no medium" rows (the first ones, in corpus
        // order), so that thousands of bare "said" rows do not drown the hand-annotated examples.
        foreach (var (row, label) in silverMedia.Concat(silverNone.Take(silverMedia.Count)))
        {
            rows.Add(row);
            labels.Add(label);
            silver++;
        }

        log?.Invoke($"training rows: {hand} hand-annotated, {silver} silver from PolNeAR cues");
        return MediumModel.Train(rows, labels, seed, $"{hand} hand-annotated quotations (models/sources/venue-examples.jsonl, train split) + {silver} PolNeAR-derived");
    }

    /// <summary>A medium class from a PolNeAR cue and its sentence, or <c>null</c> when the cue alone does not say.</summary>
    internal static int? SilverLabel(string text, AnnotatedAttribution gold)
    {
        var cue = string.Join(' ', gold.Cue.Select(c => c.Text)).ToLowerInvariant();
        int start = gold.Cue[0].Start;
        int sentenceStart = text.LastIndexOfAny(['.', '\n', '!', '?'], Math.Max(0, start - 1)) + 1;
        int sentenceEnd = text.IndexOfAny(['.', '\n', '!', '?'], gold.Cue[^1].End);
        var sentence = text[sentenceStart..(sentenceEnd < 0 ? text.Length : sentenceEnd)].ToLowerInvariant();
        static int Class(string m) => Media.IndexOf(m) + 1;
        if (cue.Contains("statement", StringComparison.Ordinal))
        {
            return Class("statement");
        }

        if (cue.Contains("tweet", StringComparison.Ordinal) || cue.Contains("twitter", StringComparison.Ordinal) || cue.Contains("facebook", StringComparison.Ordinal))
        {
            return Class("social-media");
        }

        if (cue.Contains("interview", StringComparison.Ordinal))
        {
            return Class("interview");
        }

        if (cue.Contains("told reporters", StringComparison.Ordinal) || cue.Contains("news conference", StringComparison.Ordinal) || cue.Contains("press conference", StringComparison.Ordinal))
        {
            return Class("press-conference");
        }

        if (cue.Contains("testif", StringComparison.Ordinal))
        {
            return Class("testimony");
        }

        // A bare "said"/"says"/"added" with no venue word anywhere in its sentence: no medium is stated.
        if (cue is "said" or "says" or "added" or "say" && !HasVenueWord(sentence))
        {
            return 0;
        }

        return null;
    }

    private static bool HasVenueWord(string sentence)
    {
        foreach (var w in (ReadOnlySpan<string>)["interview", "statement", "speech", "rally", "tweet", "twitter", "facebook", "told", "wrote", "debate", "conference", "hearing", "letter", "op-ed", "column", "briefing", "show", "radio", "television", "book", "memo", "report", "crowd", "appearance", "post", "email", "summit", "event", "remarks", "address", "program", "podcast"])
        {
            if (sentence.Contains(w, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static (int, int, int) Count((int Tp, int Predicted, int Gold) c, string? predicted, string? gold) =>
        (c.Tp + (predicted is not null && gold is not null && Same(predicted, gold) ? 1 : 0), c.Predicted + (predicted is null ? 0 : 1), c.Gold + (gold is null ? 0 : 1));

    internal static bool Same(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        var x = Norm(a);
        var y = Norm(b);
        return x == y || ContainsWords(x, y) || ContainsWords(y, x);
    }

    private static bool ContainsWords(string longer, string shorter)
    {
        int i = longer.IndexOf(shorter, StringComparison.Ordinal);
        return shorter.Length > 0 && i >= 0 && (i == 0 || longer[i - 1] == ' ') && (i + shorter.Length == longer.Length || longer[i + shorter.Length] is ' ' or '\'' or '’');
    }

    private static string Norm(string s)
    {
        s = s.Trim().ToLowerInvariant();
        return s.StartsWith("the ", StringComparison.Ordinal) ? s[4..] : s;
    }

    private static string Trim(string s) => s.Length <= 60 ? s : string.Concat(s.AsSpan(0, 57), "...");
}
