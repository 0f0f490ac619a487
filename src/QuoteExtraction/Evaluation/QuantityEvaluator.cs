using System.Globalization;
using System.Text;
using System.Text.Json;
using QuoteExtraction.Claims;

namespace QuoteExtraction.Evaluation;

/// <summary>A gold quantity as annotated in NewsQuant.</summary>
/// <param name="Change">"=", "~", "&gt;", "&lt;", "up" or "down".</param>
/// <param name="Value">The value with scales applied.</param>
/// <param name="Low">For a range ("40.0-50.0"), the smaller end; otherwise <see langword="null"/>.</param>
/// <param name="High">For a range, the larger end; otherwise <see langword="null"/>.</param>
/// <param name="Unit">The unit as written, or <see langword="null"/> for "-".</param>
/// <param name="NormalizedUnit">The normalized unit, or <see langword="null"/> for "-".</param>
public sealed record GoldQuantity(string Change, double Value, double? Low, double? High, string? Unit, string? NormalizedUnit);

/// <summary>A sentence with its gold quantities.</summary>
/// <param name="Text">The sentence.</param>
/// <param name="Quantities">The gold quantities.</param>
public sealed record QuantitySentence(string Text, IReadOnlyList<GoldQuantity> Quantities);

/// <summary>Precision, recall and F1 of one matching criterion.</summary>
/// <param name="Name">"value", "value+unit" or "value+change".</param>
/// <param name="Matched">Gold quantities matched one-to-one by a prediction.</param>
/// <param name="Predicted">Predicted quantities scored.</param>
/// <param name="Gold">Gold quantities.</param>
public sealed record QuantityScore(string Name, int Matched, int Predicted, int Gold)
{
    /// <summary>Matched / predicted.</summary>
    public double Precision => Predicted == 0 ? 0 : (double)Matched / Predicted;

    /// <summary>Matched / gold.</summary>
    public double Recall => Gold == 0 ? 0 : (double)Matched / Gold;

    /// <summary>The harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>The scores of <see cref="QuantityParser"/> on a quantity corpus.</summary>
/// <param name="Sentences">Sentences scored.</param>
/// <param name="Value">Value matches.</param>
/// <param name="ValueUnit">Value and unit matches.</param>
/// <param name="ValueChange">Value and change matches.</param>
/// <param name="Errors">For inspection: one line per sentence with a miss or a spurious prediction (value criterion).</param>
public sealed record QuantityReport(int Sentences, QuantityScore Value, QuantityScore ValueUnit, QuantityScore ValueChange, IReadOnlyList<string> Errors)
{
    /// <summary>The CQE paper's scores on NewsQuant (value, value+unit, value+change: P, R, F1 in per cent).</summary>
    public static IReadOnlyList<(string Name, double P, double R, double F1)> PaperReference { get; } =
    [
        ("value", 92.0, 91.9, 92.0),
        ("value+unit", 85.6, 85.5, 85.6),
        ("value+change", 88.2, 88.1, 88.1),
    ];

    /// <summary>A table of P/R/F1 per criterion with the paper's reference numbers.</summary>
    /// <returns>Several lines of text.</returns>
    public string Format()
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(ci, $"sentences: {Sentences}   gold quantities: {Value.Gold}   predicted: {Value.Predicted}");
        sb.AppendLine("criterion       matched      P      R     F1   | CQE paper   P      R     F1");
        foreach (var (score, reference) in new[] { Value, ValueUnit, ValueChange }.Zip(PaperReference))
        {
            sb.AppendLine(ci, $"{score.Name,-14} {score.Matched,8}  {score.Precision * 100,5:0.0}  {score.Recall * 100,5:0.0}  {score.F1 * 100,5:0.0}   |           {reference.P,5:0.0}  {reference.R,5:0.0}  {reference.F1,5:0.0}");
        }

        return sb.ToString();
    }
}

/// <summary>
/// Scores <see cref="QuantityParser"/> against sentences annotated with quantities (NewsQuant format).
/// </summary>
/// <remarks>
/// <para><b>What is scored.</b> Predictions whose <see cref="Quantity.IsQuantity"/> is true (counts, money, percentages,
/// measures); dates, years, times, ordinals, ranks and labels are not quantities in NewsQuant and are not scored.</para>
/// <para><b>Value.</b> A prediction matches a gold quantity when both are single values that are equal within a relative
/// tolerance of 1e-6 (|a − b| ≤ 1e-6 · max(|a|, |b|), or both zero), or both are ranges whose ends are equal within that
/// tolerance (ends compared as sets, so "from 4.8 to 4.7" matches "4.7-4.8"). Gold values are taken after their scale
/// ("3.5 million" is annotated 3500000.0), as are ours. A single value never matches a range.</para>
/// <para><b>Unit.</b> The units match when both are absent (gold "-"); or the normalized units are equal ignoring case; or
/// both are present and, after lowercasing and singularising every word, the words of one unit are a contiguous run of
/// the words of the other ("different bosses" and "bosses"; "US$ per barrel" and "US$ per barrel"). Containment is by whole
/// words, so "m" does not match "mile".</para>
/// <para><b>Change.</b> The gold change ("=", "~", "&gt;", "&lt;", "up", "down") is compared with the prediction's label:
/// "up"/"down" when <see cref="Quantity.ChangeRole"/> is <see cref="QuantityChangeRole.Amount"/> (the number is the size of
/// the change, which is what NewsQuant marks), otherwise the bound with "&gt;=" read as "&gt;" and "&lt;=" as "&lt;".</para>
/// <para><b>Counting.</b> Per sentence, each gold quantity is matched greedily (in gold order) to the first unmatched
/// prediction satisfying the criterion; every criterion is matched independently. Precision = matched / predictions,
/// recall = matched / gold quantities.</para>
/// </remarks>
public static class QuantityEvaluator
{
    private const double Tolerance = 1e-6;

    /// <summary>Scores the parser on the sentences.</summary>
    /// <param name="sentences">Gold sentences.</param>
    /// <returns>The report.</returns>
    public static QuantityReport Evaluate(IReadOnlyList<QuantitySentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        int gold = 0, predicted = 0, value = 0, unit = 0, change = 0;
        var errors = new List<string>();
        foreach (var sentence in sentences)
        {
            var predictions = QuantityParser.Parse(sentence.Text).Where(q => q.IsQuantity).ToList();
            gold += sentence.Quantities.Count;
            predicted += predictions.Count;
            var v = Match(sentence.Quantities, predictions, static (g, p) => ValueMatches(g, p), out var usedByValue);
            value += v;
            unit += Match(sentence.Quantities, predictions, static (g, p) => ValueMatches(g, p) && UnitMatches(g, p), out _);
            change += Match(sentence.Quantities, predictions, static (g, p) => ValueMatches(g, p) && ChangeMatches(g, p), out _);
            if (v < sentence.Quantities.Count || v < predictions.Count)
            {
                var sb = new StringBuilder(sentence.Text);
                sb.Append("\n    gold: ").AppendJoin("; ", sentence.Quantities.Select(Describe));
                sb.Append("\n    ours: ").AppendJoin("; ", predictions.Select((p, i) => (usedByValue[i] ? "" : "*") + Describe(p)));
                errors.Add(sb.ToString());
            }
        }

        return new QuantityReport(sentences.Count,
            new QuantityScore("value", value, predicted, gold),
            new QuantityScore("value+unit", unit, predicted, gold),
            new QuantityScore("value+change", change, predicted, gold),
            errors);
    }

    /// <summary>Whether the values match (see the class remarks).</summary>
    /// <param name="gold">The gold quantity.</param>
    /// <param name="predicted">The prediction.</param>
    /// <returns>Whether they match.</returns>
    public static bool ValueMatches(GoldQuantity gold, Quantity predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        if (gold.Low.HasValue != predicted.IsRange)
        {
            return false;
        }

        return gold.Low.HasValue
            ? Near(gold.Low.Value, predicted.Low!.Value) && Near(gold.High!.Value, predicted.High!.Value)
            : Near(gold.Value, predicted.Value);
    }

    /// <summary>Whether the units match (see the class remarks).</summary>
    /// <param name="gold">The gold quantity.</param>
    /// <param name="predicted">The prediction.</param>
    /// <returns>Whether they match.</returns>
    public static bool UnitMatches(GoldQuantity gold, Quantity predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        if (gold.Unit is null && predicted.Unit is null)
        {
            return true;
        }

        if (gold.NormalizedUnit is not null && predicted.NormalizedUnit is not null
            && string.Equals(gold.NormalizedUnit, predicted.NormalizedUnit, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (gold.Unit is null || predicted.Unit is null)
        {
            return false;
        }

        var g = Words(gold.Unit);
        var p = Words(predicted.Unit);
        return g.Length > 0 && p.Length > 0 && (ContainsRun(g, p) || ContainsRun(p, g));
    }

    /// <summary>Whether the change or bound matches (see the class remarks).</summary>
    /// <param name="gold">The gold quantity.</param>
    /// <param name="predicted">The prediction.</param>
    /// <returns>Whether they match.</returns>
    public static bool ChangeMatches(GoldQuantity gold, Quantity predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        return string.Equals(gold.Change, ChangeLabel(predicted), StringComparison.Ordinal);
    }

    /// <summary>The NewsQuant change label of a prediction: "up"/"down" for a change amount, else the bound ("&gt;=" as "&gt;", "&lt;=" as "&lt;").</summary>
    /// <param name="quantity">The prediction.</param>
    /// <returns>"=", "~", "&gt;", "&lt;", "up" or "down".</returns>
    public static string ChangeLabel(Quantity quantity)
    {
        ArgumentNullException.ThrowIfNull(quantity);
        if (quantity.Change is not null && quantity.ChangeRole == QuantityChangeRole.Amount)
        {
            return quantity.Change;
        }

        return quantity.Bound switch
        {
            QuantityBound.Approximate => "~",
            QuantityBound.Greater or QuantityBound.GreaterOrEqual => ">",
            QuantityBound.Less or QuantityBound.LessOrEqual => "<",
            _ => "=",
        };
    }

    /// <summary>Reads NewsQuant JSON: an array of <c>{"text", "quantities": [{"change", "value", "unit", "normalized_unit", ...}]}</c>.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The sentences.</returns>
    /// <exception cref="FormatException">The file is not NewsQuant JSON.</exception>
    public static IReadOnlyList<QuantitySentence> ReadNewsQuant(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.OpenRead(path);
        return ReadNewsQuant(stream);
    }

    /// <summary>Reads NewsQuant JSON from a stream.</summary>
    /// <param name="stream">The JSON.</param>
    /// <returns>The sentences.</returns>
    /// <exception cref="FormatException">The stream is not NewsQuant JSON.</exception>
    public static IReadOnlyList<QuantitySentence> ReadNewsQuant(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Not NewsQuant JSON: {ex.Message}", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("Not NewsQuant JSON: the top level must be an array of sentences.");
            }

            var sentences = new List<QuantitySentence>();
            foreach (var item in document.RootElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
                {
                    throw new FormatException($"Not NewsQuant JSON: sentence {sentences.Count + 1} has no \"text\".");
                }

                var quantities = new List<GoldQuantity>();
                if (item.TryGetProperty("quantities", out var array) && array.ValueKind == JsonValueKind.Array)
                {
                    foreach (var q in array.EnumerateArray())
                    {
                        var raw = GetString(q, "value") ?? throw new FormatException($"Not NewsQuant JSON: a quantity of sentence {sentences.Count + 1} has no \"value\".");
                        if (!TryParseValue(raw, out var value, out var low, out var high))
                        {
                            throw new FormatException($"Not NewsQuant JSON: unreadable value '{raw}' in sentence {sentences.Count + 1}.");
                        }

                        quantities.Add(new GoldQuantity(GetString(q, "change") ?? "=", value, low, high, Dash(GetString(q, "unit")), Dash(GetString(q, "normalized_unit"))));
                    }
                }

                sentences.Add(new QuantitySentence(text.GetString()!, quantities));
            }

            return sentences;
        }
    }

    /// <summary>Parses a NewsQuant value: "275.0", "-5.0", "1.99E-29", or a range "40.0-50.0" / "3.0 - 4.0".</summary>
    /// <param name="raw">The value text.</param>
    /// <param name="value">The value (the smaller end for a range).</param>
    /// <param name="low">For a range, the smaller end.</param>
    /// <param name="high">For a range, the larger end.</param>
    /// <returns>Whether the text was readable.</returns>
    public static bool TryParseValue(string raw, out double value, out double? low, out double? high)
    {
        ArgumentNullException.ThrowIfNull(raw);
        low = high = null;
        var s = raw.Trim();
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        for (var i = 1; i < s.Length; i++)
        {
            if (s[i] == '-' && s[i - 1] is not ('e' or 'E')
                && double.TryParse(s.AsSpan(0, i).Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
                && double.TryParse(s.AsSpan(i + 1).Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var b))
            {
                low = Math.Min(a, b);
                high = Math.Max(a, b);
                value = low.Value;
                return true;
            }
        }

        return false;
    }

    private static int Match(IReadOnlyList<GoldQuantity> gold, List<Quantity> predictions, Func<GoldQuantity, Quantity, bool> criterion, out bool[] used)
    {
        used = new bool[predictions.Count];
        var matched = 0;
        foreach (var g in gold)
        {
            for (var i = 0; i < predictions.Count; i++)
            {
                if (!used[i] && criterion(g, predictions[i]))
                {
                    used[i] = true;
                    matched++;
                    break;
                }
            }
        }

        return matched;
    }

    private static bool Near(double a, double b) => a == b || Math.Abs(a - b) <= Tolerance * Math.Max(Math.Abs(a), Math.Abs(b));

    private static string[] Words(string unit) =>
        unit.ToLowerInvariant().Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(w => QuantityParser.Singular(w)).ToArray();

    private static bool ContainsRun(string[] longer, string[] shorter)
    {
        for (var i = 0; i + shorter.Length <= longer.Length; i++)
        {
            if (longer.AsSpan(i, shorter.Length).SequenceEqual(shorter))
            {
                return true;
            }
        }

        return false;
    }

    private static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var p) ? p.ValueKind switch
        {
            JsonValueKind.String => p.GetString(),
            JsonValueKind.Number => p.GetRawText(),
            _ => null,
        } : null;

    private static string? Dash(string? s) => string.IsNullOrWhiteSpace(s) || s.Trim() == "-" ? null : s.Trim();

    private static string Describe(GoldQuantity g) =>
        string.Create(CultureInfo.InvariantCulture, $"{g.Change} {(g.Low.HasValue ? $"{g.Low}-{g.High}" : g.Value.ToString(CultureInfo.InvariantCulture))} [{g.Unit}|{g.NormalizedUnit}]");

    private static string Describe(Quantity q) =>
        string.Create(CultureInfo.InvariantCulture, $"{ChangeLabel(q)} {(q.IsRange ? $"{q.Low}-{q.High}" : q.Value.ToString(CultureInfo.InvariantCulture))} [{q.Unit}|{q.NormalizedUnit}] {q.Kind} \"{q.Text}\"");
}
