using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using QuoteExtraction.Cli.Jsonl;
using QuoteExtraction.Serialization;

namespace QuoteExtraction.Cli.Commands;

/// <summary><c>quotex extract</c>: one document to indented JSON, or a JSONL corpus to JSONL.</summary>
internal static class ExtractCommand
{
    /// <summary>Builds the command.</summary>
    /// <param name="context">The streams to use.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        var file = new Argument<string?>("FILE")
        {
            Description = "A plain-text document to extract from ('-' for stdin). Prints one indented JSON document.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var input = new Option<string?>("--input", "-i")
        {
            Description = "JSONL input, one {\"id\", \"text\", ...} object per line ('-' for stdin).",
            HelpName = "IN.jsonl",
        };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Where to write the output (default: stdout; '-' for stdout).",
            HelpName = "OUT",
        };
        var threads = new Option<int>("--threads", "-t")
        {
            Description = "Documents processed in parallel for --input (default: all cores).",
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
        var quiet = new Option<bool>("--quiet", "-q")
        {
            Description = "Print no progress bar or summary on stderr (malformed lines are still reported).",
        };

        var model = ModelOption.Create();
        var noSpeakers = new Option<bool>("--no-speakers")
        {
            Description = "Find quotations only: no speakers or cues (faster).",
        };
        var claims = new Option<bool>("--claims")
        {
            Description = "Also find the fact claims of each document (claims[]; about halves throughput).",
        };
        var command = new Command("extract", "Extract quotations from a document or a JSONL corpus.")
        {
            file, input, output, threads, quiet, model, noSpeakers, claims,
        };
        command.SetAction(parseResult =>
        {
            var options = new ExtractArguments(
                parseResult.GetValue(file),
                parseResult.GetValue(input),
                parseResult.GetValue(output),
                parseResult.GetValue(threads),
                parseResult.GetValue(quiet));
            if (!ModelOption.TryCreateExtractor(context, parseResult.GetValue(model), out var extractor))
            {
                return ExitCodes.UsageError;
            }

            if (parseResult.GetValue(noSpeakers) || parseResult.GetValue(claims))
            {
                extractor = QuoteExtractor.Create(extractor.Options with
                {
                    AttributeSpeakers = !parseResult.GetValue(noSpeakers),
                    ExtractClaims = parseResult.GetValue(claims),
                });
            }

            if (extractor.Options.ExtractClaims && Environment.ProcessorCount > 1)
            {
                StartClaimsWarmUp(extractor);
            }

            return Execute(context, options, extractor);
        });
        return command;
    }

    /// <summary>
    /// Sets up the claim stage (its word lists, units and check-worthiness model, some 40 ms) on another core while this
    /// thread opens the files and reaches the first document's quotations and speakers, which the claim stage does not
    /// need: a short run then takes about as long as its slower half instead of both. The warm-up text has numbers, units,
    /// a comparison and a date but no quotation, so it touches the claim stage only; its result is dropped.
    /// </summary>
    private static void StartClaimsWarmUp(QuoteExtractor extractor)
    {
        var thread = new Thread(() =>
        {
            try
            {
                extractor.ExtractQuotes("Unemployment rose to 4.2 per cent, or 1.5 million people, in March 2024, up from $3bn three years ago, official figures show.");
            }
#pragma warning disable CA1031 // A failure here is met again, and reported, on the first real document.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        })
        {
            IsBackground = true,
            Name = "quotex-warm-up",
        };
        thread.Start();
    }

    /// <summary>Runs the command with parsed arguments.</summary>
    internal static int Execute(CliContext context, ExtractArguments args, QuoteExtractor extractor)
    {
        if (args.Input is not null && args.File is not null)
        {
            context.Error.WriteLine("quotex: give either FILE or --input, not both.");
            return ExitCodes.UsageError;
        }

        if (args.Input is null && args.File is null)
        {
            context.Error.WriteLine("quotex: give a FILE ('-' for stdin) or --input JSONL. Run 'quotex extract --help' for usage.");
            return ExitCodes.UsageError;
        }

        try
        {
            return args.Input is not null
                ? ExtractJsonl(context, args, extractor)
                : ExtractDocument(context, args, extractor);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"quotex: {ex.Message}");
            return ExitCodes.UsageError;
        }
    }

    private static int ExtractDocument(CliContext context, ExtractArguments args, QuoteExtractor extractor)
    {
        string text;
        if (args.File == "-")
        {
            using var reader = new StreamReader(context.In, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
            text = reader.ReadToEnd();
        }
        else if (!File.Exists(args.File))
        {
            context.Error.WriteLine($"quotex: file not found: {args.File}");
            return ExitCodes.UsageError;
        }
        else
        {
            text = File.ReadAllText(args.File!, Encoding.UTF8);
        }

        var result = extractor.ExtractQuotes(text);
        var output = OpenOutput(context, args.Output, out var ownsOutput);
        try
        {
            using (var writer = new Utf8JsonWriter(output, QuoteJson.IndentedOptions))
            {
                QuoteJson.WriteResult(writer, result);
            }

            output.Write("\n"u8);
            output.Flush();
        }
        finally
        {
            if (ownsOutput)
            {
                output.Dispose();
            }
        }

        return ExitCodes.Success;
    }

    private static int ExtractJsonl(CliContext context, ExtractArguments args, QuoteExtractor extractor)
    {
        Stream input;
        var ownsInput = args.Input != "-";
        if (!ownsInput)
        {
            input = context.In;
        }
        else if (!File.Exists(args.Input))
        {
            context.Error.WriteLine($"quotex: file not found: {args.Input}");
            return ExitCodes.UsageError;
        }
        else
        {
            // bufferSize 0: the pipeline reads 1 MB chunks itself, a FileStream buffer would only add a copy.
            input = new FileStream(args.Input!, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        }

        try
        {
            var output = OpenOutput(context, args.Output, out var ownsOutput);
            try
            {
                var totalBytes = input.CanSeek ? input.Length : -1;
                var showProgress = context.ErrorIsTerminal && !args.Quiet;
                var stats = showProgress
                    ? ProgressDisplay.Run(totalBytes, progress => Pipeline(context, args, extractor, progress).Run(input, output))
                    : Pipeline(context, args, extractor, null).Run(input, output);
                if (!args.Quiet)
                {
                    context.Error.WriteLine(Summary(stats));
                }

                return stats.MalformedLines > 0 ? ExitCodes.DataErrors : ExitCodes.Success;
            }
            finally
            {
                if (ownsOutput)
                {
                    output.Dispose();
                }
            }
        }
        finally
        {
            if (ownsInput)
            {
                input.Dispose();
            }
        }
    }

    private static JsonlPipeline Pipeline(CliContext context, ExtractArguments args, QuoteExtractor extractor, Action<long>? progress) =>
        new(extractor, args.Threads, context.Error) { Progress = progress };

    private static Stream OpenOutput(CliContext context, string? path, out bool owns)
    {
        owns = path is not null && path != "-";
        return owns
            ? new FileStream(path!, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 0)
            : context.Out;
    }

    /// <summary>The closing line: "N documents, M quotations, X MB in Y s (Z MB/s), K malformed lines skipped".</summary>
    /// <param name="stats">The run's counts.</param>
    /// <param name="items">What the counted items are ("quotations", "claims").</param>
    internal static string Summary(JsonlStats stats, string items = "quotations")
    {
        var megabytes = stats.TextChars / 1e6;
        var seconds = stats.Elapsed.TotalSeconds;
        var rate = seconds > 0 ? megabytes / seconds : 0;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{stats.Documents} documents, {stats.Quotations} {items}, {megabytes:F1} MB in {seconds:F2} s ({rate:F1} MB/s), {stats.MalformedLines} malformed lines skipped");
    }
}

/// <summary>The parsed arguments of <c>quotex extract</c>.</summary>
internal sealed record ExtractArguments(string? File, string? Input, string? Output, int Threads, bool Quiet);
