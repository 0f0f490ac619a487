using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace QuoteExtraction.Cli.Jsonl;

/// <summary>What a JSONL run did.</summary>
/// <param name="Documents">Documents processed.</param>
/// <param name="Quotations">Quotations found.</param>
/// <param name="TextChars">UTF-16 code units of document text.</param>
/// <param name="MalformedLines">Lines reported and skipped.</param>
/// <param name="Elapsed">Wall time of the run.</param>
internal readonly record struct JsonlStats(long Documents, long Quotations, long TextChars, long MalformedLines, TimeSpan Elapsed);

/// <summary>
/// Streams JSONL documents through the extractor: reads big byte chunks, cuts them into batches of whole lines,
/// processes batches (in parallel when <c>threads &gt; 1</c>) and writes their output strictly in input order.
/// Memory is bounded: at most <c>2 × threads</c> batches (about 1 MB each, more only for longer lines) are in flight.
/// </summary>
internal sealed class JsonlPipeline
{
    /// <summary>The target input size of one batch.</summary>
    public const int DefaultBatchBytes = 1 << 20;

    private readonly JsonlLineHandler _handler;
    private readonly QuoteExtractor? _extractor; // Set for quotex extract: lines are written by the compact writer.
    private readonly int _threads;
    private readonly int _batchBytes;
    private readonly TextWriter _error;
    private readonly ConcurrentStack<JsonlBatch> _pool = new(); // Rented by the reader, returned by the writer.

    // Reader state: the unfinished last line of the previous batch lives in its Input past LinesLength.
    private JsonlBatch? _previous;
    private bool _eof;
    private long _nextLine = 1;

    /// <summary>Creates a pipeline.</summary>
    /// <param name="extractor">The (thread-safe) extractor.</param>
    /// <param name="threads">How many batches to process at once; 1 runs everything on the calling thread.</param>
    /// <param name="error">Where malformed lines are reported (<c>line N: reason</c>), in input order.</param>
    /// <param name="batchBytes">The target input size of one batch.</param>
    public JsonlPipeline(QuoteExtractor extractor, int threads, TextWriter error, int batchBytes = DefaultBatchBytes)
        : this(JsonlBatch.ExtractHandler(extractor), threads, error, batchBytes)
    {
        _extractor = extractor;
    }

    /// <summary>Creates a pipeline that runs <paramref name="handler"/> (thread-safe) on every document.</summary>
    /// <param name="handler">Writes the output properties of one document.</param>
    /// <param name="threads">How many batches to process at once; 1 runs everything on the calling thread.</param>
    /// <param name="error">Where malformed lines are reported.</param>
    /// <param name="batchBytes">The target input size of one batch.</param>
    public JsonlPipeline(JsonlLineHandler handler, int threads, TextWriter error, int batchBytes = DefaultBatchBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchBytes, 16);
        _handler = handler;
        _threads = threads;
        _error = error;
        _batchBytes = batchBytes;
    }

    /// <summary>Called on the writing thread (not the caller's when threads &gt; 1) after each batch is written, with the number of input bytes read so far.</summary>
    public Action<long>? Progress { get; init; }

    /// <summary>Bytes read from the input so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>Runs the whole input through and writes the output.</summary>
    /// <param name="input">JSONL input.</param>
    /// <param name="output">JSONL output; flushed, not closed.</param>
    /// <returns>The counts.</returns>
    public JsonlStats Run(Stream input, Stream output)
    {
        var clock = Stopwatch.StartNew();
        long documents = 0, quotations = 0, chars = 0, malformed = 0;

        void Drain(JsonlBatch batch)
        {
            output.Write(batch.Output.WrittenSpan);
            foreach (var error in batch.Errors)
            {
                _error.WriteLine($"line {error.Line}: {error.Reason}");
            }

            documents += batch.Documents;
            quotations += batch.Quotations;
            chars += batch.TextChars;
            malformed += batch.Errors.Count;
            Progress?.Invoke(BytesRead);
            _pool.Push(batch);
        }

        if (_threads == 1)
        {
            while (TryReadBatch(input, out var batch))
            {
                batch.Process(_handler, _extractor);
                Drain(batch);
            }
        }
        else
        {
            RunParallel(input, Drain);
        }

        output.Flush();
        return new JsonlStats(documents, quotations, chars, malformed, clock.Elapsed);
    }

    // Ordered pipeline: the calling thread reads, the thread pool processes, a writer thread writes. The bounded
    // FIFO of tasks keeps output in input order and caps memory; the semaphore caps processing at _threads. The
    // separate writer lets finished batches out while the reader is blocked on a slow pipe (streaming use).
    private void RunParallel(Stream input, Action<JsonlBatch> drain)
    {
        // Not disposed: after a writer failure, queued tasks may still release it. It holds no wait handle.
        var gate = new SemaphoreSlim(_threads);
        using var queue = new BlockingCollection<Task<JsonlBatch>>(boundedCapacity: _threads * 2);
        using var writerFailed = new CancellationTokenSource();
        ExceptionDispatchInfo? writerError = null;
        var writer = new Thread(() =>
        {
            try
            {
                foreach (var task in queue.GetConsumingEnumerable())
                {
                    drain(task.GetAwaiter().GetResult());
                }
            }
#pragma warning disable CA1031 // Rethrown on the calling thread after the reader has stopped.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                writerError = ExceptionDispatchInfo.Capture(ex);
                writerFailed.Cancel(); // Unblocks the reader if it waits for room in the queue.
            }
        })
        {
            IsBackground = true,
            Name = "quotex-writer",
        };
        writer.Start();
        try
        {
            while (!writerFailed.IsCancellationRequested && TryReadBatch(input, out var next))
            {
                var batch = next;
                queue.Add(
                    Task.Run(async () =>
                    {
                        await gate.WaitAsync().ConfigureAwait(false);
                        try
                        {
                            batch.Process(_handler, _extractor);
                        }
                        finally
                        {
                            gate.Release();
                        }

                        return batch;
                    }),
                    writerFailed.Token);
            }
        }
        catch (OperationCanceledException) when (writerFailed.IsCancellationRequested)
        {
            // The writer failed; its exception is rethrown below.
        }
        finally
        {
            queue.CompleteAdding();
            writer.Join();
        }

        writerError?.Throw();
    }

    private bool TryReadBatch(Stream input, out JsonlBatch batch)
    {
        var carrySource = _previous?.Input;
        var carryStart = _previous?.LinesLength ?? 0;
        var carryLength = _previous is null ? 0 : _previous.InputLength - _previous.LinesLength;
        if (_eof && carryLength == 0)
        {
            batch = null!;
            return false;
        }

        batch = _pool.TryPop(out var pooled) ? pooled : new JsonlBatch(_batchBytes);
        batch.ResetResults();
        if (batch.Input.Length < carryLength + (_batchBytes / 2))
        {
            batch.Input = new byte[Math.Max(_batchBytes, carryLength * 2)];
        }

        if (carryLength > 0)
        {
            // May overlap when the batch is the previous one, reused; Span.CopyTo handles overlap like memmove.
            carrySource.AsSpan(carryStart, carryLength).CopyTo(batch.Input);
        }

        var length = carryLength;
        var scanFrom = carryLength; // The carried bytes hold no line break.
        int linesLength;
        while (true)
        {
            var buffer = batch.Input;
            while (!_eof && length < buffer.Length)
            {
                var requested = buffer.Length - length;
                var read = input.Read(buffer, length, requested);
                if (read == 0)
                {
                    _eof = true;
                }

                length += read;
                BytesRead += read;

                // A short read from a pipe or terminal means no more data right now: hand over the complete lines
                // instead of waiting for a full batch, so `producer | quotex extract -i -` streams. Files fill whole batches.
                if (read > 0 && read < requested && buffer.AsSpan(length - read, read).Contains((byte)'\n'))
                {
                    break;
                }
            }

            var lastNewline = buffer.AsSpan(scanFrom, length - scanFrom).LastIndexOf((byte)'\n');
            if (lastNewline >= 0)
            {
                linesLength = scanFrom + lastNewline + 1;
                break;
            }

            if (_eof)
            {
                linesLength = length;
                break;
            }

            // One line longer than the buffer: grow it and keep reading.
            scanFrom = length;
            var bigger = new byte[buffer.Length * 2];
            buffer.AsSpan(0, length).CopyTo(bigger);
            batch.Input = bigger;
        }

        batch.InputLength = length;
        batch.LinesLength = linesLength;
        batch.FirstLine = _nextLine;
        _nextLine += batch.Input.AsSpan(0, linesLength).Count((byte)'\n');
        _previous = batch;
        if (linesLength == 0)
        {
            _pool.Push(batch);
            batch = null!;
            return false;
        }

        return true;
    }
}
