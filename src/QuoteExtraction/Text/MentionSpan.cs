namespace QuoteExtraction.Text;

/// <summary>The trimming rule for a mention span, shared by speaker naming and evaluation.</summary>
internal static class MentionSpan
{
    /// <summary>Trims white space, leading , ; : and trailing , . ; : and a leading "the " from a span.</summary>
    /// <param name="text">The document text.</param>
    /// <param name="start">Span start.</param>
    /// <param name="end">Span end.</param>
    /// <returns>The trimmed span.</returns>
    public static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && (char.IsWhiteSpace(text[start]) || text[start] is ',' or ';' or ':'))
        {
            start++;
        }

        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is ',' or '.' or ';' or ':'))
        {
            end--;
        }

        if (end - start > 4 && text.AsSpan(start, 4).Equals("the ", StringComparison.OrdinalIgnoreCase))
        {
            start += 4;
        }

        return (start, end);
    }
}
