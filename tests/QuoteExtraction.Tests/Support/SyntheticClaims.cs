using QuoteExtraction.Claims;

namespace QuoteExtraction.Tests.Support;

/// <summary>Labelled check-worthiness sentences generated from templates written for the tests (seeded, so always the same).</summary>
internal static class SyntheticClaims
{
    private static readonly string[] Claims =
    [
        "Unemployment fell to {0} percent in {1}.", "We cut taxes for {0} million families since {1}.", "The deficit rose by ${0} billion last year.",
        "Crime went up {0} percent in Chicago in {1}.", "Exports to China doubled between {1} and {1}.", "The state lost {0},000 manufacturing jobs in {1}.",
        "Senator Brooks voted against the bill {0} times.", "Wages grew more slowly than prices for {0} years.",
    ];

    private static readonly string[] Others =
    [
        "Thank you all for coming tonight.", "I think we can do better together.", "What would you say to those voters?",
        "It is great to be here with you.", "Let me finish, please.", "We will fight for every family.",
        "You know what I mean.", "I believe in this country.", "Good evening and welcome.", "That is simply not true.",
    ];

    /// <summary>Sentences with ClaimBuster-like ids (no group), about 40% check-worthy.</summary>
    public static List<ClaimSentence> Create(int count, int seed = 1, string? groupPrefix = null, int groups = 0)
    {
        var random = new Random(seed);
        var result = new List<ClaimSentence>(count);
        for (int i = 0; i < count; i++)
        {
            bool label = random.NextDouble() < 0.4;
            string text = label
                ? string.Format(System.Globalization.CultureInfo.InvariantCulture, Claims[random.Next(Claims.Length)], random.Next(2, 60), random.Next(1990, 2020))
                : Others[random.Next(Others.Length)];
            string? group = groupPrefix is null ? null : $"{groupPrefix}{i % Math.Max(1, groups)}";
            result.Add(new ClaimSentence(i.ToString(System.Globalization.CultureInfo.InvariantCulture), text, label, group));
        }

        return result;
    }
}
