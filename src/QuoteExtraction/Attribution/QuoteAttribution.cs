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
        foreach (var choice in choices)
        {
            if (choice.MentionStart < 0 || choice.Cue is not { } cue)
            {
                continue;
            }

            var (ns, ne) = Evaluation.GoldMatching.Normalize(text, choice.MentionStart, choice.MentionEnd);
            var mention = TextSpan.Of(text, choice.MentionStart, choice.MentionEnd);
            var name = ne > ns ? text[ns..ne] : mention.Text;
            quotes[choice.QuoteIndex] = quotes[choice.QuoteIndex] with
            {
                Speaker = new Speaker(name, mention),
                Cue = TextSpan.Of(text, cue.Start, cue.End),
            };
        }

        return result with { Quotes = quotes };
    }
}
