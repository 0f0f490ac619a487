using QuoteExtraction.Corpora;

namespace QuoteExtraction.Evaluation;

/// <summary>Matching extracted quotations to gold attributions, and span comparison rules shared by training and evaluation.</summary>
public static class GoldMatching
{
    /// <summary>The gold attribution whose content overlaps the quotation's inner span most, or <c>null</c>.</summary>
    /// <param name="innerStart">The quotation's inner start.</param>
    /// <param name="innerEnd">The quotation's inner end.</param>
    /// <param name="attributions">The document's gold attributions.</param>
    /// <returns>The best match, or <c>null</c> when none overlaps.</returns>
    public static AnnotatedAttribution? Match(int innerStart, int innerEnd, IReadOnlyList<AnnotatedAttribution> attributions)
    {
        ArgumentNullException.ThrowIfNull(attributions);
        AnnotatedAttribution? best = null;
        int bestOverlap = 0;
        foreach (var a in attributions)
        {
            int overlap = 0;
            foreach (var f in a.Content)
            {
                overlap += Math.Max(0, Math.Min(innerEnd, f.End) - Math.Max(innerStart, f.Start));
            }

            if (overlap > bestOverlap)
            {
                bestOverlap = overlap;
                best = a;
            }
        }

        return best;
    }

    /// <summary>Whether a span overlaps any of the fragments.</summary>
    /// <param name="start">Span start.</param>
    /// <param name="end">Span end.</param>
    /// <param name="fragments">Gold fragments.</param>
    /// <returns><c>true</c> when they share a character.</returns>
    public static bool Overlaps(int start, int end, IReadOnlyList<TextSpan> fragments)
    {
        ArgumentNullException.ThrowIfNull(fragments);
        foreach (var f in fragments)
        {
            if (f.Start < end && start < f.End)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a span equals the gold fragments' extent after normalisation: surrounding white space, a trailing
    /// comma or period and a leading "the" are ignored on both sides.
    /// </summary>
    /// <param name="text">The document text.</param>
    /// <param name="start">Span start.</param>
    /// <param name="end">Span end.</param>
    /// <param name="fragments">Gold fragments (their extent is compared).</param>
    /// <returns><c>true</c> when the normalised spans are the same.</returns>
    public static bool SameSpan(string text, int start, int end, IReadOnlyList<TextSpan> fragments)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fragments);
        if (fragments.Count == 0)
        {
            return false;
        }

        var (a, b) = Normalize(text, start, end);
        var (c, d) = Normalize(text, fragments[0].Start, fragments[^1].End);
        return a == c && b == d;
    }

    /// <summary>Trims white space, trailing , . ; : and a leading "the " from a span.</summary>
    /// <param name="text">The document text.</param>
    /// <param name="start">Span start.</param>
    /// <param name="end">Span end.</param>
    /// <returns>The trimmed span.</returns>
    public static (int Start, int End) Normalize(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Text.MentionSpan.Trim(text, start, end);
    }
}
