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
            byte[] json;
            using (var s = manifestEntry.Open())
            {
                using var buffer = new MemoryStream();
                s.CopyTo(buffer);
                json = buffer.ToArray();
            }

            var manifest = ReadManifest(json) ?? throw new ModelFormatException("The manifest is empty.");

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

    /// <summary>
    /// Reads a manifest as <see cref="JsonSerializer"/> would with <see cref="ModelJsonContext"/> (camelCase names matched
    /// exactly, unknown properties skipped, the last of repeated properties kept, absent ones set to default values), but
    /// with a plain <see cref="Utf8JsonReader"/>: setting up the serializer's metadata costs about 20 ms at start-up, a
    /// tenth of a one-document run, and loading a model is on every run's start-up path.
    /// </summary>
    /// <param name="utf8">The manifest bytes (a UTF-8 byte order mark is allowed).</param>
    /// <returns>The manifest, or <c>null</c> for a JSON <c>null</c>.</returns>
    /// <exception cref="JsonException">Not a manifest object.</exception>
    internal static ModelManifest? ReadManifest(ReadOnlySpan<byte> utf8)
    {
        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8 = utf8[3..];
        }

        var reader = new Utf8JsonReader(utf8);
        if (!reader.Read())
        {
            throw new JsonException("The manifest is empty.");
        }

        ModelManifest? manifest = null;
        if (reader.TokenType != JsonTokenType.Null)
        {
            Expect(ref reader, JsonTokenType.StartObject);

            // Like the generated deserializer, which sets every init-only property: an absent one gets default(T), not its initializer.
            int formatVersion = 0, seed = 0;
            string? kind = null, trainer = null, corpus = null, libraryVersion = null;
            List<string>? featureSchema = null;
            Dictionary<string, double>? metrics = null;
            double threshold = 0, plattSlope = 0, plattOffset = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("formatVersion"u8))
                {
                    formatVersion = ReadInt(ref reader);
                }
                else if (reader.ValueTextEquals("kind"u8))
                {
                    kind = ReadString(ref reader);
                }
                else if (reader.ValueTextEquals("featureSchema"u8))
                {
                    featureSchema = ReadStrings(ref reader);
                }
                else if (reader.ValueTextEquals("trainer"u8))
                {
                    trainer = ReadString(ref reader);
                }
                else if (reader.ValueTextEquals("seed"u8))
                {
                    seed = ReadInt(ref reader);
                }
                else if (reader.ValueTextEquals("corpus"u8))
                {
                    corpus = ReadString(ref reader);
                }
                else if (reader.ValueTextEquals("metrics"u8))
                {
                    metrics = ReadMetrics(ref reader);
                }
                else if (reader.ValueTextEquals("threshold"u8))
                {
                    threshold = ReadDouble(ref reader);
                }
                else if (reader.ValueTextEquals("plattSlope"u8))
                {
                    plattSlope = ReadDouble(ref reader);
                }
                else if (reader.ValueTextEquals("plattOffset"u8))
                {
                    plattOffset = ReadDouble(ref reader);
                }
                else if (reader.ValueTextEquals("libraryVersion"u8))
                {
                    libraryVersion = ReadString(ref reader);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            Expect(ref reader, JsonTokenType.EndObject);
            manifest = new ModelManifest
            {
                FormatVersion = formatVersion,
                Kind = kind!,
                FeatureSchema = featureSchema!,
                Trainer = trainer!,
                Seed = seed,
                Corpus = corpus!,
                Metrics = metrics!,
                Threshold = threshold,
                PlattSlope = plattSlope,
                PlattOffset = plattOffset,
                LibraryVersion = libraryVersion!,
            };
        }

        // One JSON value only; the reader throws on anything but white space after it.
        if (reader.Read())
        {
            throw new JsonException("The manifest has more than one JSON value.");
        }

        return manifest;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (reader.TokenType != type)
        {
            throw new JsonException($"Expected {type} in the manifest, found {reader.TokenType}.");
        }
    }

    private static int ReadInt(ref Utf8JsonReader reader)
    {
        reader.Read();
        Expect(ref reader, JsonTokenType.Number);
        return reader.TryGetInt32(out var value) ? value : throw new JsonException("A manifest number is not a 32-bit integer.");
    }

    private static double ReadDouble(ref Utf8JsonReader reader)
    {
        reader.Read();
        Expect(ref reader, JsonTokenType.Number);
        return reader.TryGetDouble(out var value) ? value : throw new JsonException("A manifest number is out of range.");
    }

    private static string? ReadString(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Expect(ref reader, JsonTokenType.String);
        return reader.GetString();
    }

    private static List<string>? ReadStrings(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Expect(ref reader, JsonTokenType.StartArray);
        var list = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                list.Add(null!);
                continue;
            }

            Expect(ref reader, JsonTokenType.String);
            list.Add(reader.GetString()!);
        }

        return list;
    }

    private static Dictionary<string, double>? ReadMetrics(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Expect(ref reader, JsonTokenType.StartObject);
        var metrics = new Dictionary<string, double>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            metrics[name] = ReadDouble(ref reader);
        }

        Expect(ref reader, JsonTokenType.EndObject);
        return metrics;
    }
}
