using System.CommandLine;
using System.Text;
using System.Text.Json;
using QuoteExtraction.Claims;
using QuoteExtraction.Cli.Jsonl;
using QuoteExtraction.Serialization;

namespace QuoteExtraction.Cli.Commands;

/// <summary>
/// <c>quotex claims</c>: each JSONL line's text is one unit (a sentence of a debate, say) and gets
/// <c>{"id", "checkWorthiness", "quantities", "claims"}</c>; or one plain-text document to indented JSON.
/// </summary>
internal static class ClaimsCommand
{
    private static readonly JsonEncodedText CheckWorthinessName = JsonEncodedText.Encode("checkWorthiness");
    private static readonly JsonEncodedText QuantitiesName = JsonEncodedText.Encode("quantities");
    private static readonly JsonEncodedText ClaimsName = JsonEncodedText.Encode("claims");

    /// <summary>Builds the command.</summary>
    /// <param name="context">The streams to use.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        var file = new Argument<string?>("FILE")
        {
            Description = "A plain-text document ('-' for stdin). Prints one indented JSON object.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var input = new Option<string?>("--input", "-i") { Description = "JSONL input, one {\"id\", \"text\"} unit per line ('-' for stdin).", HelpName = "IN.jsonl" };
        var output = new Option<string?>("--output", "-o") { Description = "Where to write the output (default: stdout).", HelpName = "OUT" };
        var threads = new Option<int>("--threads", "-t")
        {
            Description = "Lines processed in parallel for --input (default: all cores).",
            HelpName = "N",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        threads.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--threads must be at least 1.");
            }
        });
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print no summary on stderr (malformed lines are still reported)." };
        var command = new Command("claims", "Find fact claims, quantities and check-worthiness per unit of a JSONL file, or in one document.")
        {
            file, input, output, threads, quiet,
        };
        command.SetAction(parseResult => Execute(
            context,
            new ExtractArguments(parseResult.GetValue(file), parseResult.GetValue(input), parseResult.GetValue(output), parseResult.GetValue(threads), parseResult.GetValue(quiet))));
        return command;
    }

    /// <summary>Writes the claim properties of one unit into an open object.</summary>
    internal static int WriteUnit(QuoteExtractor extractor, string text, Utf8JsonWriter writer)
    {
        // One analysis per unit: the extraction's document also gives the unit's score and its quantities.
        var result = extractor.ExtractUnit(text, out var checkWorthiness, out var all);
        writer.WriteNumber(CheckWorthinessName, checkWorthiness);
        writer.WritePropertyName(QuantitiesName);
        var quantities = new List<Quantity>(all.Count);
        foreach (var q in all)
        {
            if (q.IsQuantity)
            {
                quantities.Add(q);
            }
        }

        QuoteJson.WriteQuantities(writer, quantities);
        writer.WritePropertyName(ClaimsName);
        QuoteJson.WriteClaims(writer, result.Claims);
        return result.Claims.Count;
    }

    private static int Execute(CliContext context, ExtractArguments args)
    {
        if ((args.Input is null) == (args.File is null))
        {
            context.Error.WriteLine("quotex: give either a FILE ('-' for stdin) or --input JSONL. Run 'quotex claims --help' for usage.");
            return ExitCodes.UsageError;
        }

        var extractor = QuoteExtractor.Create(new QuoteExtractorOptions { ExtractClaims = true });
        try
        {
            var path = args.Input ?? args.File!;
            if (path != "-" && !File.Exists(path))
            {
                context.Error.WriteLine($"quotex: file not found: {path}");
                return ExitCodes.UsageError;
            }

            var owns = args.Output is not null && args.Output != "-";
            var output = owns ? new FileStream(args.Output!, FileMode.Create, FileAccess.Write, FileShare.Read) : context.Out;
            try
            {
                if (args.File is not null)
                {
                    string text;
                    if (path == "-")
                    {
                        using var reader = new StreamReader(context.In, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
                        text = reader.ReadToEnd();
                    }
                    else
                    {
                        text = File.ReadAllText(path, Encoding.UTF8);
                    }

                    using (var writer = new Utf8JsonWriter(output, QuoteJson.IndentedOptions))
                    {
                        writer.WriteStartObject();
                        WriteUnit(extractor, text, writer);
                        writer.WriteEndObject();
                    }

                    output.Write("\n"u8);
                    output.Flush();
                    return ExitCodes.Success;
                }

                var input = path == "-" ? context.In : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
                try
                {
                    var stats = new JsonlPipeline((text, writer) => WriteUnit(extractor, text, writer), args.Threads, context.Error).Run(input, output);
                    if (!args.Quiet)
                    {
                        context.Error.WriteLine(ExtractCommand.Summary(stats, "claims"));
                    }

                    return stats.MalformedLines > 0 ? ExitCodes.DataErrors : ExitCodes.Success;
                }
                finally
                {
                    if (path != "-")
                    {
                        input.Dispose();
                    }
                }
            }
            finally
            {
                if (owns)
                {
                    output.Dispose();
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"quotex: {ex.Message}");
            return ExitCodes.UsageError;
        }
    }
}
