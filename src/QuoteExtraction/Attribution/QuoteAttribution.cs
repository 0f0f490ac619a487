using QuoteExtraction.Entities;
using QuoteExtraction.Text;

namespace QuoteExtraction.Attribution;

/// <summary>Adds speakers and cues to the quotations of a result.</summary>
internal static class QuoteAttribution
{
    public static QuoteExtractionResult Apply(QuoteExtractionResult result, AttributionModel model)
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
        var doc = TextDocument.Analyze(text);
        var slots = SpeakerAttributor.Slots(doc, result.Quotes);
        var choices = SpeakerAttributor.Attribute(doc, slots, model);
        var quotes = result.Quotes.ToArray();
        DocumentEntities? entities = null;
        foreach (var choice in choices)
        {
            if (choice.MentionStart < 0 || choice.Cue is not { } cue)
            {
                continue;
            }

            // The canonical name of the person or organisation the mention refers to; the mention text when unresolved
            // (anonymous sources such as "a spokesman" stay as written).
            entities ??= DocumentEntities.Analyze(doc);
            var entity = entities.Resolve(choice.MentionStart, choice.MentionEnd);
            var (ns, ne) = Evaluation.GoldMatching.Normalize(text, choice.MentionStart, choice.MentionEnd);
            var mention = TextSpan.Of(text, choice.MentionStart, choice.MentionEnd);
            var name = entity?.Name ?? (ne > ns ? text[ns..ne] : mention.Text);
            quotes[choice.QuoteIndex] = quotes[choice.QuoteIndex] with
            {
                Speaker = new Speaker(name, mention),
                Cue = TextSpan.Of(text, cue.Start, cue.End),
                Confidence = Math.Round(Math.Min(quotes[choice.QuoteIndex].Confidence, 0.5 + (choice.Probability / 2)), 3),
            };
        }

        return result with { Quotes = quotes };
    }
}
