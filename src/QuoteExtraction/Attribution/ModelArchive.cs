using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace QuoteExtraction.Attribution;

/// <summary>Source-generated JSON for model manifests: no reflection when a model loads (it happens at start-up).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ModelManifest))]
internal sealed partial class ModelJsonContext : JsonSerializerContext;

/// <summary>
/// The zip layout shared by every model file: <c>manifest.json</c> plus binary entries. Writes are deterministic (fixed
/// timestamps, fixed order), so the same model gives the same bytes; reads check the format version, the kind and the
/// feature schema once, and turn any corruption into a <see cref="ModelFormatException"/>.
/// </summary>
internal static class ModelArchive
{
    private const string ManifestEntry = "manifest.json";
    private static readonly DateTimeOffset FixedTime = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Writes a model zip.</summary>
    /// <param name="stream">The destination (left open).</param>
    /// <param name="manifest">The manifest.</param>
    /// <param name="entries">Binary entries in order: name, writer, and whether to store them uncompressed.</param>
    public static void Write(Stream stream, ModelManifest manifest, params (string Name, Action<BinaryWriter> Write, bool Stored)[] entries)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        var m = zip.CreateEntry(ManifestEntry, CompressionLevel.Optimal);
        m.LastWriteTime = FixedTime;
        using (var s = m.Open())
        {
            JsonSerializer.Serialize(s, manifest, ModelJsonContext.Default.ModelManifest);
        }

        foreach (var (name, write, stored) in entries)
        {
            var entry = zip.CreateEntry(name, stored ? CompressionLevel.NoCompression : CompressionLevel.Optimal);
            entry.LastWriteTime = FixedTime;
            using var s = entry.Open();
            using var writer = new BinaryWriter(s);
            write(writer);
        }
    }

    /// <summary>Reads a model zip, checking its manifest, and builds the model from its entries.</summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <param name="stream">The source (left open).</param>
    /// <param name="kind">The expected manifest kind.</param>
    /// <param name="schema">The expected feature schema.</param>
    /// <param name="build">Builds the model from the manifest and a reader that opens entries (null when absent).</param>
    /// <returns>The model.</returns>
    /// <exception cref="ModelFormatException">Not a model of this kind, format version or feature schema, or corrupt.</exception>
    public static T Read<T>(Stream stream, string kind, IReadOnlyList<string> schema, Func<ModelManifest, Func<string, BinaryReader?>, T> build)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            var manifestEntry = zip.GetEntry(ManifestEntry) ?? throw new ModelFormatException($"The model has no {ManifestEntry}.");
            ModelManifest manifest;
            using (var s = manifestEntry.Open())
            {
                manifest = JsonSerializer.Deserialize(s, ModelJsonContext.Default.ModelManifest) ?? throw new ModelFormatException("The manifest is empty.");
            }

            if (manifest.FormatVersion != ModelManifest.CurrentFormatVersion)
            {
                throw new ModelFormatException($"Model format version {manifest.FormatVersion} is not supported (this library reads {ModelManifest.CurrentFormatVersion}).");
            }

            if (manifest.Kind != kind)
            {
                throw new ModelFormatException($"The model is a '{manifest.Kind}' model, not a '{kind}' model.");
            }

            if (!manifest.FeatureSchema.SequenceEqual(schema))
            {
                throw new ModelFormatException("The model was trained on a different feature schema; retrain it with this library version.");
            }

            var open = new List<IDisposable>();
            try
            {
                return build(manifest, name =>
                {
                    if (zip.GetEntry(name) is not { } entry)
                    {
                        return null;
                    }

                    // Entries are small; buffering them lets the builder read in any order.
                    using var s = entry.Open();
                    var ms = new MemoryStream();
                    s.CopyTo(ms);
                    ms.Position = 0;
                    var reader = new BinaryReader(ms);
                    open.Add(reader);
                    return reader;
                });
            }
            finally
            {
                foreach (var d in open)
                {
                    d.Dispose();
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or JsonException or EndOfStreamException or NotSupportedException)
        {
            throw new ModelFormatException($"Not a QuoteExtraction {kind} model: {ex.Message}", ex);
        }
    }
}
