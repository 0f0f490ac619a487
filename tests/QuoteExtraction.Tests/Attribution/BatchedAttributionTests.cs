using FluentAssertions;
using NUnit.Framework;
using QuoteExtraction.Attribution;
using QuoteExtraction.Text;

namespace QuoteExtraction.Tests.Attribution;

/// <summary>The document-wide shortcuts of attribution give exactly what the per-quotation and per-token versions give.</summary>
public class BatchedAttributionTests
{
    private const string Article =
        "The council met on Monday. Mayor Ana Ruiz said: \"We will open the bridge in May.\"\n" +
        "Residents were divided. \"It is about time,\" said Tom Byrne, a shopkeeper.\n" +
        "Nobody spoke for an hour. The vote was close. Later the mayor pointed out the cost. Others left early.\n" +
        "\"We cannot pay for it,\" according to the treasurer. MAYOR RUIZ: \"We can.\"\n" +
        "The meeting ended at ten.";

    private static readonly int Width = CandidateGenerator.FeatureNames.Length;

    private static (TextDocument Doc, List<QuoteSlot> Slots) Analyze(string text)
    {
        var doc = TextDocument.Analyze(text);
        var quotes = QuoteExtractor.Create(new QuoteExtractorOptions { AttributeSpeakers = false }).ExtractQuotes(text).Quotes;
        return (doc, SpeakerAttributor.Slots(doc, quotes));
    }

    private static float[] RandomRows(Random random, int rows) =>
        Enumerable.Range(0, rows * Width).Select(_ => random.Next(25) == 0 ? float.NaN : random.Next(-2, 40) + (random.Next(4) == 0 ? 0.5f : 0f)).ToArray();

    [Test]
    public void BestOfEach_ManyQuotations_MatchesBestPerQuotationBitForBit()
    {
        var random = new Random(11);
        var ensemble = AttributionModel.Default!.Ensemble;
        foreach (var counts in new[] { new[] { 0 }, new[] { 1 }, new[] { 3, 4 }, new[] { 9, 0, 2, 17, 1, 5, 3, 8 }, new[] { 40, 6 } })
        {
            var features = RandomRows(random, counts.Sum());
            var first = new int[counts.Length + 1];
            for (int q = 0; q < counts.Length; q++)
            {
                first[q + 1] = first[q] + counts[q];
            }

            var best = new int[counts.Length];
            var scores = new double[counts.Length];
            SpeakerAttributor.BestOfEach(ensemble, features, Width, first, best, scores);

            for (int q = 0; q < counts.Length; q++)
            {
                var candidates = Enumerable.Range(0, counts[q]).Select(c => new Candidate { FeatureOffset = c * Width }).ToList();
                int expected = SpeakerAttributor.Best(ensemble, features.AsSpan(first[q] * Width, counts[q] * Width), candidates, Width, out double expectedScore);
                best[q].Should().Be(expected, $"quotation {q} of [{string.Join(", ", counts)}]");
                scores[q].Should().Be(expectedScore, $"quotation {q} of [{string.Join(", ", counts)}]");
            }
        }
    }

    [Test]
    public void AddRows_TwoTreeRanges_EqualScoreRowsOverBoth()
    {
        var random = new Random(12);
        var ensemble = AttributionModel.Default!.Ensemble;
        foreach (int rows in new[] { 1, 2, 7, 8, 13 })
        {
            var features = RandomRows(random, rows);
            var whole = new double[rows];
            ensemble.ScoreRows(features, Width, 0, ensemble.TreeCount, whole);

            var split = new double[rows];
            Array.Fill(split, ensemble.Bias);
            ensemble.AddRows(features, Width, 0, 5, split);
            ensemble.AddRows(features, Width, 5, ensemble.TreeCount, split);

            split.Should().Equal(whole);
        }
    }

    [Test]
    public void WindowRanges_Article_MarkTheTokensWindowsMarks()
    {
        var (doc, slots) = Analyze(Article);
        slots.Should().HaveCountGreaterThan(2);

        foreach (var (before, after) in new[] { (0, 0), (1, 1), (2, 1), (3, 3) })
        {
            var ranges = new List<(int First, int End)>();
            SpeakerAttributor.WindowRanges(doc, slots, before, after, ranges);
            var marked = new bool[doc.Tokens.Length];
            for (int r = 0; r < ranges.Count; r++)
            {
                ranges[r].First.Should().BeLessThan(ranges[r].End);
                if (r > 0)
                {
                    ranges[r].First.Should().BeGreaterThan(ranges[r - 1].End, "touching ranges are merged");
                }

                marked.AsSpan(ranges[r].First, ranges[r].End - ranges[r].First).Fill(true);
            }

            marked.Should().Equal(SpeakerAttributor.Windows(doc, slots, before, after));
        }
    }

    [Test]
    public void FindAll_Ranges_FindsTheCuesOfTheMarkedTokens()
    {
        var (doc, slots) = Analyze(Article);
        foreach (var (before, after) in new[] { (0, 0), (1, 1), (3, 3) })
        {
            var ranges = new List<(int First, int End)>();
            SpeakerAttributor.WindowRanges(doc, slots, before, after, ranges);

            var byRanges = CueLexicon.Default.FindAll(doc, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ranges));

            byRanges.Should().Equal(CueLexicon.Default.FindAll(doc, SpeakerAttributor.Windows(doc, slots, before, after)));
        }
    }

    [Test]
    public void RemoveQuotations_Windows_LeavesTheUnquotedTokensOfTheWindows()
    {
        var (doc, slots) = Analyze(Article);
        var quoted = SpeakerAttributor.QuotedMask(doc, slots);
        foreach (var (before, after) in new[] { (0, 0), (1, 1), (3, 3) })
        {
            var ranges = new List<(int First, int End)>();
            SpeakerAttributor.WindowRanges(doc, slots, before, after, ranges);

            SpeakerAttributor.RemoveQuotations(ranges, slots, doc.Tokens.Length);

            var marked = new bool[doc.Tokens.Length];
            foreach (var (first, end) in ranges)
            {
                first.Should().BeLessThan(end);
                marked.AsSpan(first, end - first).Fill(true);
            }

            var windows = SpeakerAttributor.Windows(doc, slots, before, after);
            marked.Should().Equal(windows.Select((near, t) => near && !quoted[t]));
        }
    }

    [TestCase(0, 10, 2, 4)]
    [TestCase(0, 10, 0, 10)]
    [TestCase(0, 10, 0, 3)]
    [TestCase(0, 10, 7, 10)]
    [TestCase(0, 10, 12, 15)]
    public void RemoveQuotations_OneRange_CutsOutTheQuotation(int first, int end, int quoteFirst, int quoteEnd)
    {
        var ranges = new List<(int First, int End)> { (first, end), (20, 30) };
        var slots = new List<QuoteSlot> { new(0, 0, 0, 0, 0, quoteFirst, quoteEnd, false, false) };

        SpeakerAttributor.RemoveQuotations(ranges, slots, 100);

        var expected = Enumerable.Range(first, end - first).Where(t => t < quoteFirst || t >= quoteEnd).Concat(Enumerable.Range(20, 10));
        ranges.SelectMany(r => Enumerable.Range(r.First, r.End - r.First)).Should().Equal(expected);
    }

    [Test]
    public void FindAll_RangeStartingMidSentence_KeepsTheSentenceStartForColonCues()
    {
        var doc = TextDocument.Analyze("MAYOR RUIZ: \"We can.\"");
        (int, int)[] ranges = [(1, doc.Tokens.Length)];
        var mask = new bool[doc.Tokens.Length];
        mask.AsSpan(1).Fill(true);

        var cues = CueLexicon.Default.FindAll(doc, ranges);

        cues.Should().Contain(c => c.Class == CueClass.Colon).And.Equal(CueLexicon.Default.FindAll(doc, mask));
    }

    [Test]
    public void CreateGenerator_Article_CandidatesAsWithCuesFromTheWholeDocument()
    {
        var (doc, slots) = Analyze(Article);
        var quoted = SpeakerAttributor.QuotedMask(doc, slots);
        var windowed = SpeakerAttributor.CreateGenerator(doc, slots, quoted);
        var everywhere = new CandidateGenerator(doc, CueLexicon.Default.FindAll(doc), slots, quoted);

        for (int q = 0; q < slots.Count; q++)
        {
            var (a, fa) = (new List<Candidate>(), new List<float>());
            var (b, fb) = (new List<Candidate>(), new List<float>());
            windowed.Generate(q, a, fa);
            everywhere.Generate(q, b, fb);

            a.Select(c => (windowed.Cues[c.Cue], c.MentionStart, c.MentionEnd, c.Variant))
                .Should().Equal(b.Select(c => (everywhere.Cues[c.Cue], c.MentionStart, c.MentionEnd, c.Variant)), $"quotation {q}");
            fa.Should().Equal(fb, $"quotation {q}");
        }
    }
}
