using System.Globalization;
using System.Text;
using QuoteExtraction.Corpora;

namespace QuoteExtraction.Evaluation;

/// <summary>How well quotation spans match an annotated corpus.</summary>
/// <param name="Documents">Documents read.</param>
/// <param name="GoldAttributions">Attributions in the gold annotation.</param>
/// <param name="GoldQuotations">Gold attributions whose content is nothing but quotations (see <see cref="QuoteSpanEvaluator"/>).</param>
/// <param name="FoundExact">Of those, how many the extractor found at exactly the gold offsets.</param>
/// <param name="Emitted">Speech quotations (direct and partial) the extractor returned.</param>
/// <param name="EmittedDirect">Of those, how many are direct.</param>
/// <param name="EmittedInside">Emitted quotations that lie inside a gold content span.</param>
/// <param name="EmittedOverlapping">Emitted quotations that overlap a gold content span.</param>
/// <param name="Misses">Gold quotations not found, as "document: text" lines (at most 200).</param>
/// <param name="Outside">Emitted quotations outside every gold content, as "document: text" lines (at most 200).</param>
public sealed record QuoteSpanReport(
    int Documents,
    int GoldAttributions,
    int GoldQuotations,
    int FoundExact,
    int Emitted,
    int EmittedDirect,
    int EmittedInside,
    int EmittedOverlapping,
    IReadOnlyList<string> Misses,
    IReadOnlyList<string> Outside)
{
    /// <summary>Exact-offset recall of gold quotations.</summary>
    public double Recall => GoldQuotations == 0 ? 0 : (double)FoundExact / GoldQuotations;

    /// <summary>The share of emitted speech quotations that lie inside gold attribution content.</summary>
    public double Precision => Emitted == 0 ? 0 : (double)EmittedInside / Emitted;

    /// <summary>The share of emitted speech quotations that overlap gold attribution content.</summary>
    public double OverlapPrecision => Emitted == 0 ? 0 : (double)EmittedOverlapping / Emitted;

    /// <summary>A short human-readable summary.</summary>
    /// <returns>Several lines of text.</returns>
    public string Format()
    {
        var sb = new StringBuilder();
        var ci = CultureInfo.InvariantCulture;
        sb.AppendLine(ci, $"documents:                      {Documents}");
        sb.AppendLine(ci, $"gold attributions:              {GoldAttributions}");
        sb.AppendLine(ci, $"gold quotation-only contents:   {GoldQuotations}");
        sb.AppendLine(ci, $"  found at exact offsets:       {FoundExact}  recall {Recall:0.0000}");
        sb.AppendLine(ci, $"speech spans emitted:           {Emitted} ({EmittedDirect} direct, {Emitted - EmittedDirect} partial)");
        sb.AppendLine(ci, $"  inside gold content:          {EmittedInside}  precision {Precision:0.0000}");
        sb.AppendLine(ci, $"  overlapping gold content:     {EmittedOverlapping}  precision {OverlapPrecision:0.0000}");
        return sb.ToString();
    }
}

/// <summary>
/// Scores quotation spans against gold attributions (PolNeAR or any corpus read into <see cref="AnnotatedDocument"/>).
/// </summary>
/// <remarks>
/// <para><b>Recall.</b> A gold attribution counts when its content is nothing but quotations: every content
/// fragment (whitespace trimmed) starts with an opening quote mark and either ends with a closing mark that
/// matches it (no mark of the same kind inside) or runs, unclosed, to its paragraph end (one paragraph's piece of
/// a multi-paragraph quotation; PolNeAR annotates each paragraph as a fragment). It is found when every fragment equals an emitted quotation span exactly (start and end, marks included), whatever its kind:
/// recall measures span detection; non-speech labels are scored by precision.</para>
/// <para><b>Precision.</b> An emitted direct or partial quotation is inside when the text between its marks lies
/// within the extent of a gold content (first fragment start to last fragment end); otherwise it "falls outside
/// the attributions". Overlap precision, which only asks for a shared character, is reported too.</para>
/// </remarks>
public static class QuoteSpanEvaluator
{
    /// <summary>Runs <paramref name="extractor"/> over the documents and scores its spans.</summary>
    /// <param name="documents">The annotated documents.</param>
    /// <param name="extractor">The extractor to score.</param>
    /// <returns>The report.</returns>
    public static QuoteSpanReport Evaluate(IReadOnlyList<AnnotatedDocument> documents, QuoteExtractor extractor)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(extractor);
        int gold = 0, goldQuotes = 0, found = 0, emitted = 0, direct = 0, inside = 0, overlapping = 0;
        var misses = new List<string>();
        var outside = new List<string>();
        foreach (var doc in documents)
        {
            var result = extractor.ExtractQuotes(doc.Text);
            var speech = result.Quotes.Where(q => q.Kind is QuotationKind.Direct or QuotationKind.Partial).ToList();
            var spans = new HashSet<(int, int)>(result.Quotes.Select(q => (q.Start, q.End)));
            gold += doc.Attributions.Count;
            foreach (var attribution in doc.Attributions)
            {
                var units = QuotationUnits(doc.Text, attribution.Content);
                if (units is null)
                {
                    continue;
                }

                goldQuotes++;
                if (units.All(spans.Contains))
                {
                    found++;
                }
                else if (misses.Count < 200)
                {
                    misses.Add($"{doc.Name}: {string.Join(" | ", units.Select(u => Snip(doc.Text, u.Start, u.End)))}");
                }
            }

            foreach (var q in speech)
            {
                emitted++;
                if (q.Kind == QuotationKind.Direct)
                {
                    direct++;
                }

                bool isInside = false, overlaps = false;
                foreach (var a in doc.Attributions)
                {
                    if (a.Content.Count == 0)
                    {
                        continue;
                    }

                    if (a.ContentStart <= q.InnerStart && q.InnerEnd <= a.ContentEnd)
                    {
                        isInside = true;
                    }

                    foreach (var f in a.Content)
                    {
                        if (f.Start < q.End && q.Start < f.End)
                        {
                            overlaps = true;
                        }
                    }
                }

                inside += isInside ? 1 : 0;
                overlapping += overlaps ? 1 : 0;
                if (!isInside && outside.Count < 200)
                {
                    outside.Add($"{doc.Name}: [{q.Kind}] {Snip(doc.Text, q.Start, q.End)}");
                }
            }
        }

        return new QuoteSpanReport(documents.Count, gold, goldQuotes, found, emitted, direct, inside, overlapping, misses, outside);
    }

    /// <summary>Splits a gold content into quotation units, or returns <c>null</c> when it is not quotation-only.</summary>
    /// <param name="text">The document text.</param>
    /// <param name="content">The content fragments in order.</param>
    /// <returns>The units as (start, end), or <c>null</c>.</returns>
    public static List<(int Start, int End)>? QuotationUnits(string text, IReadOnlyList<TextSpan> content)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(content);
        if (content.Count == 0)
        {
            return null;
        }

        var units = new List<(int, int)>();
        foreach (var fragment in content)
        {
            var (s, e) = Trim(text, fragment.Start, fragment.End);
            if (e - s < 2 || !IsOpening(text[s]))
            {
                return null;
            }

            // A unit closes with its own mark, or it is one paragraph's piece of a longer quotation and ends that paragraph.
            bool closes = IsClosing(text[e - 1]) && !HasSameKindInside(text, s, e);
            bool paragraphPiece = (e == text.Length || text[e] is '\n' or '\r') && !HasSameKindInside(text, s, Math.Min(e + 1, text.Length));
            if (!closes && !paragraphPiece)
            {
                return null;
            }

            units.Add((s, e));
        }

        return units;
    }

    private static (int, int) Trim(string text, int s, int e)
    {
        while (s < e && char.IsWhiteSpace(text[s]))
        {
            s++;
        }

        while (e > s && char.IsWhiteSpace(text[e - 1]))
        {
            e--;
        }

        return (s, e);
    }

    private static bool IsOpening(char c) => c is '"' or '\u201C' or '\u2018' or '\'' or '\u00AB' or '\u201E' or '`';

    private static bool IsClosing(char c) => c is '"' or '\u201D' or '\u2019' or '\'' or '\u00BB';

    private static bool HasSameKindInside(string text, int s, int e)
    {
        char open = text[s];
        int inner = s + 1;
        int innerEnd = e - 1;
        if (open == '\'' && s + 1 < e && text[s + 1] == '\'')
        {
            return text.AsSpan(s + 2, Math.Max(0, e - 2 - (s + 2))).Contains("''", StringComparison.Ordinal);
        }

        if (innerEnd <= inner)
        {
            return false;
        }

        var span = text.AsSpan(inner, innerEnd - inner);
        return open switch
        {
            '"' => span.Contains('"'),
            '\u201C' => span.Contains('\u201D'),
            '\u00AB' => span.Contains('\u00BB'),
            _ => false,
        };
    }

    private static string Snip(string text, int s, int e)
    {
        var t = text[s..e].Replace('\n', ' ');
        return t.Length <= 160 ? t : string.Concat(t.AsSpan(0, 100), " ... ", t.AsSpan(t.Length - 50));
    }
}
