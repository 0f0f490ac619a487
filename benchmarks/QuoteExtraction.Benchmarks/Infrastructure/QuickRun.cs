using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace QuoteExtraction.Benchmarks.Infrastructure;

/// <summary>
/// <c>--quick [--rounds N] [--filter TEXT]</c>: runs every <see cref="BenchmarkAttribute"/> method of every benchmark
/// class in this process (same code as BenchmarkDotNet measures), after two warm-up passes over the first 1,000 documents,
/// timing N whole-corpus runs (default 1) with a Stopwatch and printing the best time and MB/s. Seconds, not minutes;
/// less precise than BenchmarkDotNet.
/// </summary>
internal static class QuickRun
{
    public static int Run(string[] args)
    {
        var rounds = 1;
        string? filter = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--rounds" && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                rounds = n;
            }
            else if (args[i] is "--filter" or "-f" && i + 1 < args.Length)
            {
                filter = args[i + 1].Trim('*');
            }
        }

        NewsCorpus corpus;
        try
        {
            var load = Stopwatch.StartNew();
            corpus = NewsCorpus.Load(NewsCorpus.Locate());
            Console.WriteLine($"Corpus: {corpus.Path}: {corpus.Texts.Length:N0} documents, {corpus.Chars:N0} UTF-16 chars ({corpus.MegaChars:F1} MB), loaded in {load.ElapsedMilliseconds:N0} ms");
        }
        catch (Exception ex) when (ex is FileNotFoundException or InvalidDataException or FormatException)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 2;
        }

        Console.WriteLine($"Quick mode: best of {rounds} whole-corpus run(s) per benchmark, single thread, after warm-up on 1,000 documents.");
        Console.WriteLine();
        Console.WriteLine($"{"Benchmark",-66} {"ms",8} {"MB/s",9} {"Ratio",7} {"Result",14} {"Alloc MB",9} {"Gen0",5}");
        Console.WriteLine(new string('-', 124));

        // The floor (declared on the base class) is the same in every class: time it once, as the ratio baseline.
        var floorDone = false;
        double? floorSeconds = null;

        var types = typeof(QuickRun).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.IsSubclassOf(typeof(CorpusBenchmark)))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var type in types)
        {
            var methods = type.GetMethods(BindingFlags.Public | BindingFlags.Instance)
                .Select(m => (Method: m, Attribute: m.GetCustomAttribute<BenchmarkAttribute>()))
                .Where(x => x.Attribute is not null && !(floorDone && x.Method.DeclaringType == typeof(CorpusBenchmark)))
                .OrderBy(x => x.Attribute!.Baseline ? 0 : 1)
                .ThenBy(x => x.Attribute!.SourceCodeLineNumber)
                .Select(x => (x.Method, Name: x.Method.DeclaringType == typeof(CorpusBenchmark)
                    ? $"{x.Attribute!.Description ?? x.Method.Name}"
                    : $"{type.Name}: {x.Attribute!.Description ?? x.Method.Name}"))
                .Where(x => filter is null || x.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)
                    || $"{type.FullName}.{x.Method.Name}".Contains(filter, StringComparison.OrdinalIgnoreCase))
                .ToList();
            if (methods.Count == 0)
            {
                continue;
            }

            var instance = (CorpusBenchmark)Activator.CreateInstance(type)!;

            // Warm up (tiering, caches) on a slice of the corpus, then set up on the whole of it.
            // Twice, with pauses, so the background tier-1 JIT has compiled the hot methods before the timed runs.
            instance.UseTexts(corpus.Texts.Take(1000).ToArray(), corpus.Ids.Take(1000).ToArray());
            for (var warmup = 0; warmup < 2; warmup++)
            {
                foreach (var (method, _) in methods)
                {
                    method.Invoke(instance, null);
                }

                Thread.Sleep(200);
            }

            instance.UseTexts(corpus.Texts, corpus.Ids);
            foreach (var (method, name) in methods)
            {
                var best = TimeSpan.MaxValue;
                object? result = null;
                long allocated = 0;
                int collections = 0;
                for (var r = 0; r < rounds; r++)
                {
                    // Allocation and gen-0 collections of one round: allocation is a large share of the pipeline's cost.
                    var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
                    var gen0Before = GC.CollectionCount(0);
                    var watch = Stopwatch.StartNew();
                    result = method.Invoke(instance, null);
                    watch.Stop();
                    allocated = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
                    collections = GC.CollectionCount(0) - gen0Before;
                    best = watch.Elapsed < best ? watch.Elapsed : best;
                }

                if (method.DeclaringType == typeof(CorpusBenchmark))
                {
                    floorDone = true;
                    floorSeconds = best.TotalSeconds;
                }

                var rate = corpus.MegaChars / best.TotalSeconds;
                var ratio = floorSeconds is { } floor ? (best.TotalSeconds / floor).ToString("N1", CultureInfo.InvariantCulture) : "?";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-66} {best.TotalMilliseconds,8:N0} {rate,9:N1} {ratio,7} {result,14:N0} {allocated / 1e6,9:N0} {collections,5}"));
            }
        }

        return 0;
    }
}
