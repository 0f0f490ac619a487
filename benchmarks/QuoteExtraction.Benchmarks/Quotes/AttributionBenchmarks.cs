using BenchmarkDotNet.Attributes;
using QuoteExtraction.Attribution;
using QuoteExtraction.Benchmarks.Infrastructure;
using QuoteExtraction.Entities;
using QuoteExtraction.Sources;
using QuoteExtraction.Text;

namespace QuoteExtraction.Benchmarks.Quotes;

/// <summary>
/// The attribution stage alone and its parts, over documents analysed and scanned for quotations in setup: what
/// <see cref="QuoteExtractor.Default"/> adds to quotation extraction besides <see cref="TextDocument.Analyze"/>.
/// </summary>
public class AttributionBenchmarks : CorpusBenchmark
{
    private TextDocument[] _documents = [];
    private QuoteExtractionResult[] _results = [];
    private List<QuoteSlot>[] _slots = [];
    private bool[][] _quoted = [];
    private readonly QuoteExtractorOptions _options = QuoteExtractorOptions.Default;

    /// <summary>Analyses every document with quotations and extracts its quotations without attribution; not measured.</summary>
    protected override void Setup()
    {
        var scanner = QuoteExtractor.Create(new QuoteExtractorOptions { AttributeSpeakers = false });
        var documents = new List<TextDocument>();
        var results = new List<QuoteExtractionResult>();
        foreach (var text in Texts)
        {
            var result = scanner.ExtractQuotes(text);
            if (result.Quotes.Count == 0)
            {
                continue;
            }

            documents.Add(TextDocument.Analyze(text));
            results.Add(result);
        }

        _documents = [.. documents];
        _results = [.. results];
        _slots = new List<QuoteSlot>[_documents.Length];
        _quoted = new bool[_documents.Length][];
        for (int d = 0; d < _documents.Length; d++)
        {
            _slots[d] = SpeakerAttributor.Slots(_documents[d], _results[d].Quotes);
            _quoted[d] = SpeakerAttributor.QuotedMask(_documents[d], _slots[d]);
        }
    }

    /// <summary>Speakers, entities and sources, as the default extractor runs them on an analysed document.</summary>
    /// <returns>The number of quotations with a speaker.</returns>
    [Benchmark(Description = "QuoteAttribution.Apply (analysed)")]
    public long Apply()
    {
        var model = AttributionModel.Default!;
        long attributed = 0;
        for (int d = 0; d < _documents.Length; d++)
        {
            foreach (var q in QuoteAttribution.Apply(_results[d], _options, model, _documents[d]).Quotes)
            {
                attributed += q.Speaker is null ? 0 : 1;
            }
        }

        return attributed;
    }

    /// <summary>Speaker choice alone: cue look-up, candidates, features and tree scoring.</summary>
    /// <returns>The number of choices with a mention.</returns>
    [Benchmark(Description = "SpeakerAttributor.Attribute")]
    public long Attribute()
    {
        var model = AttributionModel.Default!;
        long n = 0;
        for (int d = 0; d < _documents.Length; d++)
        {
            foreach (var c in SpeakerAttributor.Attribute(_documents[d], _slots[d], model, _quoted[d]))
            {
                n += c.MentionStart >= 0 ? 1 : 0;
            }
        }

        return n;
    }

    /// <summary>The cue look-up near quotations and the generator's per-document tables.</summary>
    /// <returns>The number of cues.</returns>
    [Benchmark(Description = "SpeakerAttributor.CreateGenerator")]
    public long CreateGenerator()
    {
        long n = 0;
        for (int d = 0; d < _documents.Length; d++)
        {
            if (_slots[d].Count > 0)
            {
                n += SpeakerAttributor.CreateGenerator(_documents[d], _slots[d], _quoted[d]).Cues.Count;
            }
        }

        return n;
    }

    /// <summary>Candidates and their feature rows for every quotation, without scoring them.</summary>
    /// <returns>The number of candidates.</returns>
    [Benchmark(Description = "CandidateGenerator.Generate")]
    public long Generate()
    {
        var candidates = new List<Candidate>();
        var features = new List<float>();
        long n = 0;
        for (int d = 0; d < _documents.Length; d++)
        {
            if (_slots[d].Count == 0)
            {
                continue;
            }

            var generator = SpeakerAttributor.CreateGenerator(_documents[d], _slots[d], _quoted[d]);
            for (int q = 0; q < _slots[d].Count; q++)
            {
                candidates.Clear();
                features.Clear();
                generator.Generate(q, candidates, features);
                n += candidates.Count;
            }
        }

        return n;
    }

    /// <summary>Name mentions and entity clustering of every document with a speech quotation.</summary>
    /// <returns>The number of entities.</returns>
    [Benchmark(Description = "DocumentEntities.Analyze")]
    public long Entities()
    {
        long n = 0;
        for (int d = 0; d < _documents.Length; d++)
        {
            if (_slots[d].Count > 0)
            {
                n += DocumentEntities.Analyze(_documents[d]).Entities.Count;
            }
        }

        return n;
    }

    /// <summary>The source evidence of every document with a speech quotation.</summary>
    /// <returns>The number of outlet, venue and event mentions.</returns>
    [Benchmark(Description = "SourceEvidenceIndex")]
    public long Evidence()
    {
        long n = 0;
        for (int d = 0; d < _documents.Length; d++)
        {
            if (_slots[d].Count > 0)
            {
                var near = SpeakerAttributor.Windows(_documents[d], _slots[d], before: 2, after: 1);
                var index = new SourceEvidenceIndex(_documents[d], _quoted[d], near);
                n += index.Outlets.Count + index.Venues.Count + index.Events.Count;
            }
        }

        return n;
    }
}
