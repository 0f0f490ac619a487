namespace QuoteExtraction.Text;

/// <summary>Binary search over items kept in document order by an integer key (a token index or an offset).</summary>
internal static class Sorted
{
    /// <summary>The index of the first item whose key is at least <paramref name="value"/>, or the count when none is.</summary>
    /// <param name="items">The items, sorted by <paramref name="key"/> ascending.</param>
    /// <param name="value">The key sought.</param>
    /// <param name="key">The item's key.</param>
    /// <returns>The lower bound of <paramref name="value"/>.</returns>
    public static int FirstAtOrAfter<T>(ReadOnlySpan<T> items, int value, Func<T, int> key)
    {
        int lo = 0, hi = items.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (key(items[mid]) < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The index of the first key that is at least <paramref name="value"/>, or the count when none is.</summary>
    /// <remarks>For plain key arrays on hot paths: no delegate call per probe.</remarks>
    /// <param name="keys">The keys, ascending.</param>
    /// <param name="value">The key sought.</param>
    /// <returns>The lower bound of <paramref name="value"/>.</returns>
    public static int FirstAtOrAfter(ReadOnlySpan<int> keys, int value)
    {
        int lo = 0, hi = keys.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (keys[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The items ordered by <paramref name="key"/> descending, equal keys in their original order (like a stable OrderByDescending).</summary>
    /// <param name="items">The items.</param>
    /// <param name="key">The item's key.</param>
    /// <returns>A new array.</returns>
    public static T[] StableDescending<T>(List<T> items, Func<T, int> key)
    {
        var sorted = items.ToArray();

        // Insertion sort: the lists are short (entries sharing a first word), and it keeps equal keys in order.
        for (int i = 1; i < sorted.Length; i++)
        {
            var item = sorted[i];
            int k = key(item), j = i - 1;
            while (j >= 0 && key(sorted[j]) < k)
            {
                sorted[j + 1] = sorted[j];
                j--;
            }

            sorted[j + 1] = item;
        }

        return sorted;
    }
}
