using QuoteExtraction.Corpora;

namespace QuoteExtraction.Benchmarks.Infrastructure;

/// <summary>
/// The shared news corpus (<c>{"id","source","text"}</c> per line), read from outside the repository: the file named by
/// <c>QUOTEX_NEWS</c>, else <c>../shared/data/news/news-all.jsonl</c> relative to the repository root (the directory
/// holding <c>QuoteExtraction.sln</c>). Its text is never copied into the repository.
/// </summary>
internal sealed class NewsCorpus
{
    /// <summary>Environment variable overriding the corpus path.</summary>
    public const string PathVariable = "QUOTEX_NEWS";

    private const string RelativePath = "../shared/data/news/news-all.jsonl";

    private static readonly Lazy<NewsCorpus> s_shared = new(() => Load(Locate()), LazyThreadSafetyMode.ExecutionAndPublication);

    private NewsCorpus(string path, string[] ids, string[] texts)
    {
        Path = path;
        Ids = ids;
        Texts = texts;
        Chars = texts.Sum(t => (long)t.Length);
    }

    /// <summary>The corpus, loaded once per process.</summary>
    public static NewsCorpus Shared => s_shared.Value;

    /// <summary>The file it was read from.</summary>
    public string Path { get; }

    /// <summary>Document ids, parallel to <see cref="Texts"/>.</summary>
    public string[] Ids { get; }

    /// <summary>Document texts, in file order.</summary>
    public string[] Texts { get; }

    /// <summary>Total UTF-16 code units of all texts (≈ UTF-8 bytes: the corpus is nearly all ASCII).</summary>
    public long Chars { get; }

    /// <summary>Corpus size in millions of UTF-16 code units, the "MB" of every MB/s figure.</summary>
    public double MegaChars => Chars / 1e6;

    /// <summary>Finds the corpus file or throws with a message saying where it was looked for.</summary>
    public static string Locate()
    {
        var overridePath = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrWhiteSpace(overridePath))
        {
            var full = System.IO.Path.GetFullPath(overridePath);
            return File.Exists(full)
                ? full
                : throw new FileNotFoundException($"{PathVariable} names '{full}', which does not exist.", full);
        }

        var root = FindRepositoryRoot()
            ?? throw new FileNotFoundException(
                $"Cannot find the repository root (a directory with QuoteExtraction.sln) above '{AppContext.BaseDirectory}' or '{Environment.CurrentDirectory}'; set {PathVariable} to the news corpus JSONL file.");
        var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(root, RelativePath));
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException(
                $"The news corpus was not found at '{path}' ({RelativePath} relative to the repository root '{root}'). Put news-all.jsonl there or set {PathVariable} to its path.",
                path);
    }

    /// <summary>Reads a JSONL file of <c>{"id","text"}</c> objects.</summary>
    public static NewsCorpus Load(string path)
    {
        var documents = JsonLines.Read(path, static (root, lineNo) => (
            Id: root.TryGetProperty("id", out var id) ? id.ToString() : lineNo.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Text: root.GetProperty("text").GetString() ?? string.Empty));
        var ids = documents.Select(d => d.Id).ToList();
        var texts = documents.Select(d => d.Text).ToList();
        if (texts.Count == 0)
        {
            throw new InvalidDataException($"{path} holds no documents.");
        }

        return new NewsCorpus(path, [.. ids], [.. texts]);
    }

    private static string? FindRepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "QuoteExtraction.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }
}
