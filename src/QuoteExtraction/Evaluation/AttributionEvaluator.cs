using System.Globalization;
using System.Text;
using QuoteExtraction.Corpora;

namespace QuoteExtraction.Evaluation;

/// <summary>Attribution scores for one group of quotations (all, or direct ones).</summary>
/// <param name="Quotations">Speech quotations emitted (top level).</param>
/// <param name="Matched">Of those, how many overlap a gold attribution's content.</param>
/// <param name="ContentExact">Matched quotations equal to one gold content fragment (whitespace trimmed).</param>
/// <param name="WithGoldSource">Matched quotations whose gold attribution has a source.</param>
/// <param name="SpeakerFound">Of those, how many got a speaker mention.</param>
/// <param name="SpeakerOverlapCount">Speaker mentions overlapping the gold source.</param>
/// <param name="SpeakerExactCount">Speaker mentions equal to the gold source (white space, trailing punctuation and a leading "the" ignored).</param>
/// <param name="WithGoldCue">Matched quotations whose gold attribution has a cue.</param>
/// <param name="CueOverlapCount">Cues overlapping the gold cue.</param>
/// <param name="CueExactCount">Cues equal to the gold cue (same normalisation).</param>
public sealed record AttributionScores(
    int Quotations, int Matched, int ContentExact, int WithGoldSource, int SpeakerFound, int SpeakerOverlapCount, int SpeakerExactCount,
    int WithGoldCue, int CueOverlapCount, int CueExactCount)
{
    /// <summary>Share of matched quotations (with a gold source) whose speaker mention overlaps the gold source.</summary>
    public double SpeakerOverlap => Ratio(SpeakerOverlapCount, WithGoldSource);

    /// <summary>Share whose speaker mention equals the gold source.</summary>
    public double SpeakerExact => Ratio(SpeakerExactCount, WithGoldSource);

    /// <summary>Share of matched quotations (with a gold cue) whose cue overlaps the gold cue.</summary>
    public double CueOverlap => Ratio(CueOverlapCount, WithGoldCue);

    /// <summary>Share whose cue equals the gold cue.</summary>
    public double CueExact => Ratio(CueExactCount, WithGoldCue);

    /// <summary>Share of emitted quotations that overlap a gold content.</summary>
    public double ContentOverlap => Ratio(Matched, Quotations);

    /// <summary>Share of emitted quotations equal to a gold content fragment.</summary>
    public double ContentExactShare => Ratio(ContentExact, Quotations);

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;
}

/// <summary>Attribution scores over a corpus, for all speech quotations and for direct ones.</summary>
/// <param name="Documents">Documents read.</param>
/// <param name="All">Scores over every top-level direct or partial quotation.</param>
/// <param name="Direct">Scores over direct quotations.</param>
public sealed record AttributionReport(int Documents, AttributionScores All, AttributionScores Direct)
{
    /// <summary>A table of the scores.</summary>
    /// <returns>Several lines of text.</returns>
    public string Format()
    {
        var sb = new StringBuilder();
        var ci = CultureInfo.InvariantCulture;
        sb.AppendLine(ci, $"{"",-34}{"all",12}{"direct",12}");
        Line(sb, "quotations (top-level speech)", All.Quotations, Direct.Quotations);
        Line(sb, "matched to a gold attribution", All.Matched, Direct.Matched);
        Pct(sb, "content overlap", All.ContentOverlap, Direct.ContentOverlap);
        Pct(sb, "content exact (a gold fragment)", All.ContentExactShare, Direct.ContentExactShare);
        Line(sb, "with a gold source", All.WithGoldSource, Direct.WithGoldSource);
        Pct(sb, "speaker overlap", All.SpeakerOverlap, Direct.SpeakerOverlap);
        Pct(sb, "speaker exact (leading 'the' ignored)", All.SpeakerExact, Direct.SpeakerExact);
        Line(sb, "with a gold cue", All.WithGoldCue, Direct.WithGoldCue);
        Pct(sb, "cue overlap", All.CueOverlap, Direct.CueOverlap);
        Pct(sb, "cue exact", All.CueExact, Direct.CueExact);
        return sb.ToString();

        static void Line(StringBuilder sb, string label, int a, int d) =>
            sb.AppendLine(CultureInfo.InvariantCulture, $"{label,-34}{a,12}{d,12}");

        static void Pct(StringBuilder sb, string label, double a, double d) =>
            sb.AppendLine(CultureInfo.InvariantCulture, $"{label,-34}{a,12:0.0000}{d,12:0.0000}");
    }
}

/// <summary>Scores speaker and cue attribution against gold attributions (PolNeAR Source and Cue spans).</summary>
/// <remarks>
/// Each top-level direct or partial quotation is matched to the gold attribution whose content overlaps its inner
/// span most. Speaker scores count matched quotations whose gold attribution has a source; cue scores those with a cue.
/// A quotation without a speaker counts as wrong.
/// </remarks>
public static class AttributionEvaluator
{
    /// <summary>Runs the extractor over the documents and scores its attributions.</summary>
    /// <param name="documents">Annotated documents.</param>
    /// <param name="extractor">The extractor (with the model to score).</param>
    /// <returns>The report.</returns>
    public static AttributionReport Evaluate(IReadOnlyList<AnnotatedDocument> documents, QuoteExtractor extractor)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(extractor);
        var all = new Counter();
        var direct = new Counter();
        foreach (var doc in documents)
        {
            var result = extractor.ExtractQuotes(doc.Text);
            foreach (var q in result.Quotes)
            {
                if (q.Depth != 0 || q.Kind is not (QuotationKind.Direct or QuotationKind.Partial))
                {
                    continue;
                }

                var gold = GoldMatching.Match(q.InnerStart, q.InnerEnd, doc.Attributions);
                all.Add(doc.Text, q, gold);
                if (q.Kind == QuotationKind.Direct)
                {
                    direct.Add(doc.Text, q, gold);
                }
            }
        }

        return new AttributionReport(documents.Count, all.ToScores(), direct.ToScores());
    }

    private sealed class Counter
    {
        private int _quotes, _matched, _contentExact, _withSource, _found, _overlap, _exact, _withCue, _cueOverlap, _cueExact;

        public void Add(string text, Quotation q, AnnotatedAttribution? gold)
        {
            _quotes++;
            if (gold is null)
            {
                return;
            }

            _matched++;
            foreach (var f in gold.Content)
            {
                var (fs, fe) = GoldMatching.Normalize(text, f.Start, f.End);
                var (qs, qe) = GoldMatching.Normalize(text, q.Start, q.End);
                if (fs == qs && fe == qe)
                {
                    _contentExact++;
                    break;
                }
            }

            var mention = q.Speaker?.Mention;
            if (gold.Source.Count > 0)
            {
                _withSource++;
                if (mention is not null)
                {
                    _found++;
                    _overlap += GoldMatching.Overlaps(mention.Start, mention.End, gold.Source) ? 1 : 0;
                    _exact += GoldMatching.SameSpan(text, mention.Start, mention.End, gold.Source) ? 1 : 0;
                }
            }

            if (gold.Cue.Count > 0)
            {
                _withCue++;
                if (q.Cue is { } cue)
                {
                    _cueOverlap += GoldMatching.Overlaps(cue.Start, cue.End, gold.Cue) ? 1 : 0;
                    _cueExact += GoldMatching.SameSpan(text, cue.Start, cue.End, gold.Cue) ? 1 : 0;
                }
            }
        }

        public AttributionScores ToScores() => new(_quotes, _matched, _contentExact, _withSource, _found, _overlap, _exact, _withCue, _cueOverlap, _cueExact);
    }
}
