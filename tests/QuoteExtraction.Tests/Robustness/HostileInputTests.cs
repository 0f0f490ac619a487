using FluentAssertions;
using NUnit.Framework;
using QuoteExtraction.Serialization;

namespace QuoteExtraction.Tests.Robustness;

/// <summary>Hostile input through the public API: nothing may throw and every offset must be a valid span of the text.</summary>
[TestFixture]
public sealed class HostileInputTests
{
    [Test]
    public void ExtractQuotes_HostileDocuments_NeverThrowAndKeepOffsetsValid()
    {
        var docs = HostileCorpus.Generate(10_000);
        var withClaims = QuoteExtractor.Create(new QuoteExtractorOptions { ExtractClaims = true });
        docs.Count.Should().BeGreaterThanOrEqualTo(10_000);

        for (var i = 0; i < docs.Count; i++)
        {
            var text = docs[i];
            QuoteExtractionResult result;
            try
            {
                // Every tenth document also goes through the claims stage (slower; it reads every sentence).
                result = (i % 10 == 0 ? withClaims : QuoteExtractor.Default).ExtractQuotes(text);
            }
            catch (Exception ex)
            {
                Assert.Fail($"document {i} (length {text.Length}) threw {ex}");
                return;
            }

            result.Text.Should().BeSameAs(text);
            AssertValidOffsets(text, result, i);

            // The JSON writer must accept whatever the extractor returns, lone surrogates included.
            var act = () => QuoteJson.ToJson(result);
            act.Should().NotThrow();
        }
    }

    [Test]
    public void ExtractQuotes_EveryQuoteMarkStyleAlone_NeverThrows()
    {
        foreach (var mark in new[] { "\u201C", "\u201D", "\u2018", "\u2019", "\"", "'", "\u00AB", "\u00BB", "``", "''" })
        {
            foreach (var text in new[] { mark, mark + mark, "a" + mark, mark + "a", mark + "\uD800" + mark, mark + "\n\n" + mark })
            {
                var result = QuoteExtractor.Default.ExtractQuotes(text);
                AssertValidOffsets(text, result, 0);
            }
        }
    }

    /// <summary>Asserts 0 ≤ start ≤ end ≤ text.Length and span text == text[start..end] for quotes, mentions and cues.</summary>
    internal static void AssertValidOffsets(string text, QuoteExtractionResult result, int doc)
    {
        foreach (var q in result.Quotes)
        {
            AssertSpan(text, q.Start, q.End, q.Text, $"doc {doc} quote");
            q.InnerStart.Should().BeInRange(q.Start, q.End, $"doc {doc} innerStart");
            q.InnerEnd.Should().BeInRange(q.InnerStart, q.End, $"doc {doc} innerEnd");
            if (q.Speaker?.Mention is { } mention)
            {
                AssertSpan(text, mention.Start, mention.End, mention.Text, $"doc {doc} mention");
            }

            if (q.Cue is { } cue)
            {
                AssertSpan(text, cue.Start, cue.End, cue.Text, $"doc {doc} cue");
            }

            foreach (var evidence in new[] { q.Source.MediumEvidence, q.Source.OutletEvidence, q.Source.EventEvidence, q.Source.ReportedByEvidence })
            {
                if (evidence is not null)
                {
                    AssertSpan(text, evidence.Start, evidence.End, evidence.Text, $"doc {doc} source evidence");
                }
            }
        }

        foreach (var entity in result.Entities)
        {
            foreach (var m in entity.Mentions)
            {
                AssertSpan(text, m.Start, m.End, m.Text, $"doc {doc} entity {entity.Name}");
            }
        }

        foreach (var claim in result.Claims)
        {
            AssertSpan(text, claim.Start, claim.End, claim.Text, $"doc {doc} claim");
            foreach (var quantity in claim.Quantities)
            {
                AssertSpan(text, quantity.Start, quantity.End, quantity.Text, $"doc {doc} claim quantity");
            }
        }

        foreach (var w in result.Warnings)
        {
            if (w.Position is { } p)
            {
                p.Should().BeInRange(0, text.Length, $"doc {doc} warning {w.Code}");
            }
        }
    }

    private static void AssertSpan(string text, int start, int end, string spanText, string what)
    {
        if (start < 0 || start > end || end > text.Length)
        {
            Assert.Fail($"{what}: bad span [{start}, {end}) for text of length {text.Length}");
        }

        if (!string.Equals(spanText, text[start..end], StringComparison.Ordinal))
        {
            Assert.Fail($"{what}: span text differs from text[{start}..{end}]");
        }
    }
}
