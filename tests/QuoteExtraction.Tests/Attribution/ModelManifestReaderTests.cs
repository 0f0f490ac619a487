using System.IO.Compression;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using NUnit.Framework;
using QuoteExtraction.Attribution;

namespace QuoteExtraction.Tests.Attribution;

/// <summary>The hand-written manifest reader gives what the generated JSON deserializer gives.</summary>
public class ModelManifestReaderTests
{
    private static readonly string[] Manifests =
    [
        "{}",
        "null",
        "{\"formatVersion\":1}",
        "{\"kind\":\"x\",\"featureSchema\":[\"a\",\"b\"],\"metrics\":{\"a\":1.5,\"b\":2,\"a\":3},\"seed\":5,\"threshold\":0.2,\"plattSlope\":-2,\"plattOffset\":0.1,\"corpus\":\"c\",\"trainer\":\"t\",\"libraryVersion\":\"9\"}",
        "{\"extra\":{\"x\":[1,2,{\"y\":null}]},\"seed\":3, \"kind\": null, \"featureSchema\": null, \"metrics\": null}",
        "{\"Seed\":3}",
        "{\"seed\":3,\"seed\":4}",
        "{\"a\\u0062\":1, \"s\\u0065ed\": 8}",
        "\uFEFF{\"seed\":2}",
        "{\"featureSchema\":[\"a\",null]}",
    ];

    private static readonly string[] Malformed =
    [
        "{\"seed\":3.5}", "{\"seed\":\"3\"}", "[1]", "{\"kind\":1}", "{} x", "", "{\"seed\":1,}", "{\"metrics\":{\"a\":null}}",
    ];

    [TestCaseSource(nameof(Manifests))]
    public void ReadManifest_MatchesTheSerializer(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var expected = JsonSerializer.Deserialize(new MemoryStream(bytes), ModelJsonContext.Default.ModelManifest);
        var actual = ModelArchive.ReadManifest(bytes);
        if (expected is null)
        {
            actual.Should().BeNull();
            return;
        }

        actual.Should().BeEquivalentTo(expected);
    }

    [TestCaseSource(nameof(Malformed))]
    public void ReadManifest_RejectsWhatTheSerializerRejects(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        FluentActions.Invoking(() => JsonSerializer.Deserialize(new MemoryStream(bytes), ModelJsonContext.Default.ModelManifest)).Should().Throw<JsonException>();
        FluentActions.Invoking(() => ModelArchive.ReadManifest(bytes)).Should().Throw<JsonException>();
    }

    [TestCase("attribution")]
    [TestCase("source-medium")]
    [TestCase("checkworthiness")]
    public void ReadManifest_ReadsTheEmbeddedModelsLikeTheSerializer(string name)
    {
        using var stream = typeof(ModelManifest).Assembly.GetManifestResourceStream($"QuoteExtraction.Models.{name}.zip")!;
        using var zip = new ZipArchive(stream);
        using var bytes = new MemoryStream();
        using (var entry = zip.GetEntry("manifest.json")!.Open())
        {
            entry.CopyTo(bytes);
        }

        ModelArchive.ReadManifest(bytes.ToArray()).Should().BeEquivalentTo(JsonSerializer.Deserialize(bytes.ToArray(), ModelJsonContext.Default.ModelManifest));
    }
}
