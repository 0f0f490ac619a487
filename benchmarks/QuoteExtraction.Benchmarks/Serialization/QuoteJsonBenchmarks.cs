using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using QuoteExtraction.Benchmarks.Infrastructure;
using QuoteExtraction.Serialization;

namespace QuoteExtraction.Benchmarks.Serialization;

/// <summary>
/// JSON writing alone: <see cref="QuoteJson.WriteJsonLines"/> of the precomputed results of the whole corpus (with
/// speakers and ids, the <c>quotex extract --output</c> format) into a reused in-memory stream; with and without claims;
/// and, with claims, the way the CLI writes a line (its own <see cref="Utf8JsonWriter"/>, then <see cref="QuoteJson.WriteResultProperties(Utf8JsonWriter, QuoteExtractionResult)"/>).
/// </summary>
public class QuoteJsonBenchmarks : CorpusBenchmark
{
    private QuoteExtractionResult[] _results = [];
    private QuoteExtractionResult[] _withClaims = [];
    private readonly MemoryStream _output = new();
    private readonly ArrayBufferWriter<byte> _lines = new(1 << 22);
    private readonly CompactJsonBuffer _batch = new(4 << 20);

    /// <summary>Extracts every document once with <see cref="QuoteExtractor.Default"/>, and once more with claims; not measured.</summary>
    protected override void Setup()
    {
        var claims = QuoteExtractor.Create(new QuoteExtractorOptions { ExtractClaims = true });
        _results = new QuoteExtractionResult[Texts.Length];
        _withClaims = new QuoteExtractionResult[Texts.Length];
        for (var i = 0; i < Texts.Length; i++)
        {
            _results[i] = QuoteExtractor.Default.ExtractQuotes(Texts[i]) with { Id = Ids[i] };
            _withClaims[i] = claims.ExtractQuotes(Texts[i]) with { Id = Ids[i] };
        }
    }

    /// <summary>All results as JSON Lines.</summary>
    /// <returns>The number of UTF-8 bytes written.</returns>
    [Benchmark(Description = "QuoteJson.WriteJsonLines")]
    public long WriteJsonLines()
    {
        _output.Position = 0;
        _output.SetLength(0);
        QuoteJson.WriteJsonLines(_output, _results);
        return _output.Length;
    }

    /// <summary>All results with their claims as JSON Lines (the <c>quotex extract --claims</c> format).</summary>
    /// <returns>The number of UTF-8 bytes written.</returns>
    [Benchmark(Description = "QuoteJson.WriteJsonLines (with claims)")]
    public long WriteJsonLinesWithClaims()
    {
        _output.Position = 0;
        _output.SetLength(0);
        QuoteJson.WriteJsonLines(_output, _withClaims);
        return _output.Length;
    }

    /// <summary>
    /// All results with claims, each line written as <c>quotex extract --claims</c> writes it: by the compact writer (the
    /// <c>id</c>, then the properties) straight into a batch buffer, which is emptied every 3 MB (about one CLI batch of
    /// output).
    /// </summary>
    /// <returns>The number of UTF-8 bytes written.</returns>
    [Benchmark(Description = "QuoteJson.WriteResultProperties per line, CLI style (with claims)")]
    public long WriteCompactLinesWithClaims()
    {
        long total = 0;
        var batch = _batch;
        batch.Clear();
        foreach (var result in _withClaims)
        {
            batch.WriteRaw("{\"id\":"u8);
            batch.WriteString(result.Id);
            batch.WriteRaw(","u8);
            QuoteJson.WriteResultProperties(batch, result);
            batch.WriteRaw("}\n"u8);
            if (batch.Count >= 3 << 20)
            {
                total += batch.Count;
                batch.Clear();
            }
        }

        return total + batch.Count;
    }

    /// <summary>
    /// As <see cref="WriteCompactLinesWithClaims"/>, through a reused compact <see cref="Utf8JsonWriter"/> (the <c>id</c>,
    /// then <see cref="QuoteJson.WriteResultProperties(Utf8JsonWriter, QuoteExtractionResult)"/>), as the CLI did before.
    /// </summary>
    /// <returns>The number of UTF-8 bytes written.</returns>
    [Benchmark(Description = "QuoteJson.WriteResultProperties per line, via Utf8JsonWriter (with claims)")]
    public long WriteResultPropertiesWithClaims()
    {
        _lines.ResetWrittenCount();
        long total = 0;
        using var writer = new Utf8JsonWriter(_lines, QuoteJson.CompactOptions);
        foreach (var result in _withClaims)
        {
            writer.Reset(_lines);
            writer.WriteStartObject();
            writer.WriteString("id"u8, result.Id);
            QuoteJson.WriteResultProperties(writer, result);
            writer.WriteEndObject();
            writer.Flush();
            _lines.Write("\n"u8);
            if (_lines.WrittenCount >= 3 << 20)
            {
                total += _lines.WrittenCount;
                _lines.ResetWrittenCount();
            }
        }

        return total + _lines.WrittenCount;
    }
}
