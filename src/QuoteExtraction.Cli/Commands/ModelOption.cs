using System.CommandLine;
using QuoteExtraction.Attribution;

namespace QuoteExtraction.Cli.Commands;

/// <summary>The shared <c>--model</c> option: a retrained attribution model instead of the embedded default.</summary>
internal static class ModelOption
{
    /// <summary>Creates the option.</summary>
    /// <returns>The option.</returns>
    public static Option<string?> Create() => new("--model", "-m")
    {
        Description = "A speaker-attribution model written by 'quotex train' (default: the model embedded in the package).",
        HelpName = "MODEL.zip",
    };

    /// <summary>Builds the extractor for a model path, or reports why it cannot.</summary>
    /// <param name="context">The streams.</param>
    /// <param name="path">The model path or <c>null</c>.</param>
    /// <param name="extractor">The extractor.</param>
    /// <returns>Whether the model could be loaded.</returns>
    public static bool TryCreateExtractor(CliContext context, string? path, out QuoteExtractor extractor)
    {
        extractor = QuoteExtractor.Default;
        if (path is null)
        {
            return true;
        }

        try
        {
            extractor = QuoteExtractor.Create(new QuoteExtractorOptions { AttributionModel = AttributionModel.Load(path) });
            return true;
        }
        catch (Exception ex) when (Inputs.IsInputError(ex))
        {
            context.Error.WriteLine($"quotex: cannot load model '{path}': {ex.Message}");
            return false;
        }
    }
}
