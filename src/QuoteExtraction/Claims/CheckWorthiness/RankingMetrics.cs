namespace QuoteExtraction.Claims;

/// <summary>Ranking and classification figures for check-worthiness (CLEF CheckThat! conventions).</summary>
public static class RankingMetrics
{
    /// <summary>
    /// Average precision of a ranking: the mean, over the positive items, of the precision at the rank of each.
    /// Items are ranked by descending score; ties keep the input order.
    /// </summary>
    /// <param name="items">Scores and labels.</param>
    /// <returns>The average precision, or <see cref="double.NaN"/> when there is no positive item.</returns>
    public static double AveragePrecision(IEnumerable<(double Score, bool Label)> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var ranked = items.Select((x, i) => (x.Score, x.Label, i)).OrderByDescending(x => x.Score).ThenBy(x => x.i);
        int rank = 0, hits = 0;
        double sum = 0;
        foreach (var x in ranked)
        {
            rank++;
            if (x.Label)
            {
                hits++;
                sum += (double)hits / rank;
            }
        }

        return hits == 0 ? double.NaN : sum / hits;
    }

    /// <summary>Mean average precision over groups (CLEF: one group per transcript); groups without a positive are skipped.</summary>
    /// <param name="items">Group, score and label of every item.</param>
    /// <returns>The MAP and the average precision of every group that has a positive item.</returns>
    public static (double Map, IReadOnlyDictionary<string, double> PerGroup) MeanAveragePrecision(IEnumerable<(string Group, double Score, bool Label)> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var per = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var g in items.GroupBy(x => x.Group, StringComparer.Ordinal))
        {
            double ap = AveragePrecision(g.Select(x => (x.Score, x.Label)));
            if (!double.IsNaN(ap))
            {
                per[g.Key] = ap;
            }
        }

        return (per.Count == 0 ? double.NaN : per.Values.Average(), per);
    }
}

/// <summary>Figures of a binary classifier for the positive (check-worthy) class.</summary>
/// <param name="Count">Items scored.</param>
/// <param name="TruePositives">Positives predicted positive.</param>
/// <param name="FalsePositives">Negatives predicted positive.</param>
/// <param name="FalseNegatives">Positives predicted negative.</param>
/// <param name="TrueNegatives">Negatives predicted negative.</param>
public sealed record BinaryFigures(int Count, int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives)
{
    /// <summary>TP / (TP + FP).</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>TP / (TP + FN).</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);

    /// <summary>The harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>The share of items classified correctly.</summary>
    public double Accuracy => Count == 0 ? 0 : (double)(TruePositives + TrueNegatives) / Count;

    /// <summary>Counts the figures of scored items at a threshold.</summary>
    /// <param name="items">Scores and labels.</param>
    /// <param name="threshold">Scores at or above it are positive predictions.</param>
    /// <returns>The figures.</returns>
    public static BinaryFigures At(IEnumerable<(double Score, bool Label)> items, double threshold)
    {
        ArgumentNullException.ThrowIfNull(items);
        int n = 0, tp = 0, fp = 0, fn = 0, tn = 0;
        foreach (var (score, label) in items)
        {
            n++;
            bool predicted = score >= threshold;
            if (predicted && label)
            {
                tp++;
            }
            else if (predicted)
            {
                fp++;
            }
            else if (label)
            {
                fn++;
            }
            else
            {
                tn++;
            }
        }

        return new BinaryFigures(n, tp, fp, fn, tn);
    }
}
