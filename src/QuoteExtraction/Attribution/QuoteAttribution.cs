using QuoteExtraction.Entities;
using QuoteExtraction.Sources;
using QuoteExtraction.Text;

namespace QuoteExtraction.Attribution;

/// <summary>Adds speakers, cues and sources to the quotations of a result.</summary>
internal static class QuoteAttribution
{
    public static QuoteExtractionResult Apply(QuoteExtractionResult result, QuoteExtractorOptions options, AttributionModel model, TextDocument? document = null) =>
        Apply(result, options, model, [], null, document);

    /// <summary>Attributes speakers and sources (reusing <paramref name="document"/>, the analysis of the result's text, when given); also returns the per-quotation source inputs and feature rows (for training).</summary>
    internal static QuoteExtractionResult Apply(
        QuoteExtractionResult result, QuoteExtractorOptions options, AttributionModel model, out List<SourceInput> sourceInputs, out List<float[]> sourceRows,
        TextDocument? document = null)
    {
        sourceInputs = [];
        sourceRows = [];
        return Apply(result, options, model, sourceInputs, sourceRows, document);
    }

    /// <summary>Attributes speakers and sources; fills <paramref name="sourceRows"/> with copies of the source feature rows only when given (training).</summary>
    private static QuoteExtractionResult Apply(
        QuoteExtractionResult result, QuoteExtractorOptions options, AttributionModel model, List<SourceInput> sourceInputs, List<float[]>? sourceRows,
        TextDocument? document)
    {
        bool any = false;
        foreach (var q in result.Quotes)
        {
            any |= q.Depth == 0 && q.Kind is QuotationKind.Direct or QuotationKind.Partial;
        }

        if (!any)
        {
            return result;
        }

        var text = result.Text;
        var doc = document ?? TextDocument.Analyze(text);
        var slots = SpeakerAttributor.Slots(doc, result.Quotes);
        var quoted = SpeakerAttributor.QuotedMask(doc, slots);
        var choices = SpeakerAttributor.Attribute(doc, slots, model, quoted);
        var quotes = result.Quotes.ToArray();
        DocumentEntities? entities = null;
        var entityMentions = new List<EntityMentions>();
        for (int i = 0; i < choices.Count; i++)
        {
            var choice = choices[i];
            string? name = null;
            if (choice.MentionStart >= 0 && choice.Cue is { } cue)
            {
                // The canonical name of the person or organisation the mention refers to; the mention text when unresolved
                // (anonymous sources such as "a spokesman" stay as written).
                entities ??= DocumentEntities.Analyze(doc);
                var entity = entities.Resolve(choice.MentionStart, choice.MentionEnd);
                var (ns, ne) = MentionSpan.Trim(text, choice.MentionStart, choice.MentionEnd);
                var mention = TextSpan.Of(text, choice.MentionStart, choice.MentionEnd);
                name = entity?.Name ?? (ne > ns ? text[ns..ne] : mention.Text);
                quotes[choice.QuoteIndex] = quotes[choice.QuoteIndex] with
                {
                    Speaker = new Speaker(name, mention),
                    Cue = TextSpan.Of(text, cue.Start, cue.End),
                    Confidence = Math.Round(Math.Min(quotes[choice.QuoteIndex].Confidence, 0.5 + (choice.Probability / 2)), 3),
                };
                if (entity is not null)
                {
                    Collect(entityMentions, entity.Name, entity.Kind == EntityKind.Organization ? "organization" : "person", mention);
                }
            }

            sourceInputs.Add(new SourceInput(choice.QuoteIndex, slots[i], choice.Cue, choice.MentionStart, choice.MentionEnd, name, choice.Inherited));
        }

        if (options.AttributeSources)
        {
            // Evidence is read from the sentence before a quotation's first sentence to the sentence after its last.
            var near = SpeakerAttributor.Windows(doc, slots, before: 2, after: 1);
            var index = new SourceEvidenceIndex(doc, quoted, near);
            var attributor = new SourceAttributor(doc, index);
            var medium = options.UseMediumClassifier ? options.MediumModel ?? MediumModel.Default : null;
            var sources = attributor.Choose(sourceInputs, medium, sourceRows);
            for (int i = 0; i < sources.Count; i++)
            {
                var s = sources[i];
                var source = new QuoteSource(s.Medium, s.Outlet, s.Event, s.ReportedBy)
                {
                    MediumEvidence = Span(doc, s.MediumFirst, s.MediumEnd),
                    OutletEvidence = Span(doc, s.OutletFirst, s.OutletEnd),
                    EventEvidence = Span(doc, s.EventFirst, s.EventEnd),
                    ReportedByEvidence = Span(doc, s.RelayFirst, s.RelayEnd),
                    Inherited = s.Inherited,
                };
                int qi = sourceInputs[i].QuoteIndex;
                quotes[qi] = quotes[qi] with { Source = source };
                if (s.Outlet is not null && source.OutletEvidence is { } o)
                {
                    Collect(entityMentions, s.Outlet, "outlet", o);
                }

                if (s.ReportedBy is not null && source.ReportedByEvidence is { } r)
                {
                    Collect(entityMentions, s.ReportedBy, "outlet", r);
                }

                if (s.Event is not null && source.EventEvidence is { } e)
                {
                    Collect(entityMentions, s.Event, "event", e);
                }
            }
        }

        var list = new List<DocumentEntity>(entityMentions.Count);
        foreach (var e in entityMentions)
        {
            list.Add(new DocumentEntity(e.Name, e.Kind, Distinct(e.Mentions)));
        }

        return result with { Quotes = quotes, Entities = list };
    }

    // Plain loops instead of a tuple-keyed dictionary and LINQ: those generic instantiations over value tuples are
    // JIT-compiled at run time, some 5 ms of a one-document run. Entities and mentions per document are few.
    private static void Collect(List<EntityMentions> entities, string name, string kind, TextSpan mention)
    {
        foreach (var e in entities)
        {
            if (e.Name == name && e.Kind == kind)
            {
                e.Mentions.Add(mention);
                return;
            }
        }

        entities.Add(new EntityMentions(name, kind, [mention]));
    }

    /// <summary>The mentions without repeated spans (the first kept), by start (ties in their order): as <c>DistinctBy(span).OrderBy(start)</c>.</summary>
    private static List<TextSpan> Distinct(List<TextSpan> mentions)
    {
        var distinct = new List<TextSpan>(mentions.Count);
        foreach (var m in mentions)
        {
            // Insert after every mention that starts at or before it (a stable sort by start); a repeat of the span can
            // only sit among the mentions with the same start just before that point. Mentions come nearly in text
            // order, so this stays linear for documents with thousands of mentions of one name.
            int at = distinct.Count;
            while (at > 0 && distinct[at - 1].Start > m.Start)
            {
                at--;
            }

            bool seen = false;
            for (int k = at - 1; k >= 0 && distinct[k].Start == m.Start; k--)
            {
                seen |= distinct[k].End == m.End;
            }

            if (!seen)
            {
                distinct.Insert(at, m);
            }
        }

        return distinct;
    }

    /// <summary>The mentions of one entity, in the order found.</summary>
    private sealed record EntityMentions(string Name, string Kind, List<TextSpan> Mentions);

    private static TextSpan? Span(TextDocument doc, int first, int end)
    {
        if (first < 0 || end <= first || end > doc.Tokens.Length)
        {
            return null;
        }

        return TextSpan.Of(doc.Text, doc.Tokens[first].Start, doc.Tokens[end - 1].End);
    }
}
