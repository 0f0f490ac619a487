using NUnit.Framework;

namespace QuoteExtraction.Tests.Support;

/// <summary>Finds the research data folder <c>../shared</c> beside the repository (or <c>QUOTEX_SHARED</c>).</summary>
internal static class SharedData
{
    public static string? Root { get; } = Locate();

    /// <summary>The path of a file or folder in shared/, or an ignored test when the data is absent outside CI (a failure on CI).</summary>
    public static string Require(string relative)
    {
        var path = Root is null ? null : Path.Combine(Root, relative);
        if (path is not null && (File.Exists(path) || Directory.Exists(path)))
        {
            return path;
        }

        var message = $"Research data '{relative}' not found (looked for ../shared beside the repository; set QUOTEX_SHARED).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        Assert.Ignore(message);
        return string.Empty;
    }

    private static string? Locate()
    {
        var env = Environment.GetEnvironmentVariable("QUOTEX_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env))
        {
            return env;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "QuoteExtraction.sln")))
            {
                var shared = Path.Combine(dir.FullName, "..", "shared");
                return Directory.Exists(shared) ? Path.GetFullPath(shared) : null;
            }
        }

        return null;
    }
}
