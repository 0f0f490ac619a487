using NUnit.Framework;
namespace QuoteExtraction.Tests.Support;

/// <summary>One example of a human-readable spec file: its input and its expected lines.</summary>
public sealed record SpecCase(string Title, int Line, string Input, IReadOnlyList<string> Expected)
{
    public override string ToString() => $"line {Line}: {Title}";
}

/// <summary>
/// Reads spec files: blocks separated by blank lines; "#" lines are comments (the last one titles the case);
/// "> " lines are input paragraphs; other lines are expectations.
/// </summary>
internal static class SpecFile
{
    public static IEnumerable<SpecCase> Read(string relativePath)
    {
        var path = Path.Combine(TestContext.CurrentContext.TestDirectory, relativePath);
        var lines = File.ReadAllLines(path);
        string title = string.Empty;
        var input = new List<string>();
        var expected = new List<string>();
        int start = 0;
        for (int i = 0; i <= lines.Length; i++)
        {
            var line = i < lines.Length ? lines[i] : string.Empty;
            if (line.Length == 0)
            {
                if (input.Count > 0)
                {
                    yield return new SpecCase(title, start, string.Join("\n\n", input), expected.ToList());
                }

                input.Clear();
                expected.Clear();
                continue;
            }

            if (line.StartsWith('#'))
            {
                title = line.TrimStart('#').Trim();
                continue;
            }

            if (line.StartsWith("> ", StringComparison.Ordinal))
            {
                if (input.Count == 0)
                {
                    start = i + 1;
                }

                input.Add(line[2..]);
                continue;
            }

            expected.Add(line);
        }
    }
}
