using FluentAssertions;
using NUnit.Framework;
using QuoteExtraction.Claims;
using QuoteExtraction.Text;

namespace QuoteExtraction.Tests.Claims;

public class ClaimCuesTests
{
    // The scan screens tokens in chunks by length, first and last char before the look-up: cue words in any case, and
    // past the first chunk, must still be found.
    [TestCase("will", nameof(ClaimCue.Will))]
    [TestCase("forecast", nameof(ClaimCue.Prediction))]
    [TestCase("expected to", nameof(ClaimCue.Prediction))]
    [TestCase("pledged", nameof(ClaimCue.Commitment))]
    [TestCase("legislation", nameof(ClaimCue.Rule))]
    [TestCase("because", nameof(ClaimCue.Causation))]
    [TestCase("compared with", nameof(ClaimCue.Comparison))]
    [TestCase("more than", nameof(ClaimCue.Up))]
    [TestCase("up from", nameof(ClaimCue.Up))]
    [TestCase("slumped", nameof(ClaimCue.Down))]
    [TestCase("unchanged", nameof(ClaimCue.Same))]
    [TestCase("record-breaking", nameof(ClaimCue.Ranking))]
    [TestCase("statistics", nameof(ClaimCue.SourceNoun))]
    [TestCase("according to", nameof(ClaimCue.According))]
    public void Scan_CueInAnyCase_AfterManyTokens_IsFound(string phrase, string cueName)
    {
        var cue = Enum.Parse<ClaimCue>(cueName); // by name: the enum is internal
        var filler = string.Concat(Enumerable.Repeat("the cat sat on a mat, ", 60));
        int space = phrase.IndexOf(' ');
        var (word, rest) = space < 0 ? (phrase, "") : (phrase[..space], phrase[space..]);
        foreach (var written in new[] { word, word.ToUpperInvariant(), char.ToUpperInvariant(word[0]) + word[1..] })
        {
            var text = filler + written + rest + " it.";
            var hits = new List<ClaimCues.Hit>();
            ClaimCues.Scan(TextDocument.Analyze(text), hits);

            hits.Should().Contain(h => h.Start == filler.Length && h.Cue == cue, written + rest);
        }
    }
}
