using System.CommandLine;
using System.Text;
using QuoteExtraction.Cli.Commands;

namespace QuoteExtraction.Cli;

/// <summary>The entry point of the <c>quotex</c> command.</summary>
public static class Program
{
    /// <summary>Runs quotex on the process's console streams.</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <returns>The exit code: 0 success, 1 some input lines were malformed, 2 usage or I/O error.</returns>
    public static int Main(string[] args)
    {
        using var stdin = Console.OpenStandardInput();
        using var stdout = Console.OpenStandardOutput();
        var context = new CliContext(stdin, stdout, Console.Out, Console.Error, !Console.IsErrorRedirected);
        return Run(args, context);
    }

    /// <summary>Builds the root command with every subcommand. Add new commands here, one file each under <c>Commands/</c>.</summary>
    /// <param name="context">The streams the commands read and write.</param>
    /// <param name="extractOnly">Only the <c>extract</c> subcommand (for a command line that starts with it).</param>
    /// <returns>The root command.</returns>
    internal static RootCommand BuildRootCommand(CliContext context, bool extractOnly = false)
    {
        var root = new RootCommand("quotex: extracts quotations with their speakers and sources, and fact claims, from English news text.");
        root.Add(ExtractCommand.Create(context));
        if (extractOnly)
        {
            return root;
        }

        root.Add(EvaluateCommand.Create(context));
        root.Add(TrainCommand.Create(context));
        root.Add(SourcesCommands.CreateTrain(context));
        root.Add(SourcesCommands.CreateEvaluate(context));
        root.Add(EvaluateQuantitiesCommand.Create(context));
        root.Add(TrainClaimsCommand.Create(context));
        root.Add(ClaimsCommand.Create(context));
        return root;
    }

    /// <summary>Runs quotex with explicit streams; what tests call instead of spawning a process.</summary>
    internal static int Run(string[] args, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        // "quotex extract ..." parses the same with the other subcommands left out, and building them (their options
        // are generic types JIT-compiled at start-up) is a noticeable part of extracting from one short document.
        var root = BuildRootCommand(context, extractOnly: args is ["extract", ..]);
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            // Parse errors go to stderr only (stdout may be a data pipe) and are usage errors: exit 2.
            foreach (var error in parseResult.Errors)
            {
                context.Error.WriteLine($"quotex: {error.Message}");
            }

            context.Error.WriteLine("Run 'quotex --help' for usage.");
            return ExitCodes.UsageError;
        }

        var configuration = new InvocationConfiguration { Output = context.OutText, Error = context.Error };
        return parseResult.Invoke(configuration);
    }

    /// <summary>Runs quotex on text readers and writers (UTF-8 in, UTF-8 out), for in-process tests.</summary>
    internal static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdin);
        ArgumentNullException.ThrowIfNull(stdout);
        using var input = new MemoryStream(new UTF8Encoding(false).GetBytes(stdin.ReadToEnd()));
        using var output = new MemoryStream();
        int exitCode;
        using (var outWriter = new StreamWriter(output, new UTF8Encoding(false), 4096, leaveOpen: true) { AutoFlush = true })
        {
            exitCode = Run(args, new CliContext(input, output, outWriter, stderr, ErrorIsTerminal: false));
        }

        stdout.Write(Encoding.UTF8.GetString(output.GetBuffer(), 0, (int)output.Length));
        stdout.Flush();
        return exitCode;
    }
}

/// <summary>The streams a command uses: raw byte streams for data, text writers for messages.</summary>
/// <param name="In">Standard input as bytes.</param>
/// <param name="Out">Standard output as bytes (data goes here).</param>
/// <param name="OutText">Standard output as text (help goes here); writes through to <paramref name="Out"/>.</param>
/// <param name="Error">Standard error: messages, malformed-line reports, the summary.</param>
/// <param name="ErrorIsTerminal">Whether stderr is an interactive terminal (enables the progress bar).</param>
internal sealed record CliContext(Stream In, Stream Out, TextWriter OutText, TextWriter Error, bool ErrorIsTerminal);

/// <summary>The process exit codes of quotex.</summary>
internal static class ExitCodes
{
    /// <summary>Everything was processed.</summary>
    public const int Success = 0;

    /// <summary>Some input lines were malformed and skipped; the rest were processed.</summary>
    public const int DataErrors = 1;

    /// <summary>Bad arguments, a missing input file, or an I/O error.</summary>
    public const int UsageError = 2;
}
