using System.Text;
using FluentAssertions;
using NUnit.Framework;
using QuoteExtraction.Cli.Jsonl;

namespace QuoteExtraction.Cli.Tests;

[TestFixture]
public sealed class PipelineStreamingTests
{
    [TestCase(1)]
    [TestCase(3)]
    public void Run_SlowPipe_WritesEarlierLinesBeforeLaterInputArrives(int threads)
    {
        var output = new SignallingStream();
        var input = new GatedInput(
            Encoding.UTF8.GetBytes("{\"id\":1,\"text\":\"a\"}\n"),
            Encoding.UTF8.GetBytes("{\"id\":2,\"text\":\"b\"}\n"),
            () => output.HasData);

        var stats = new JsonlPipeline(QuoteExtractor.Default, threads, TextWriter.Null).Run(input, output);

        input.OutputSeenBeforeSecondChunk.Should().BeTrue("the first line must be written while the reader waits for more input");
        stats.Documents.Should().Be(2);
        Encoding.UTF8.GetString(output.ToArray()).Should().Be("{\"id\":1,\"quotes\":[],\"entities\":[],\"claims\":[],\"warnings\":[]}\n{\"id\":2,\"quotes\":[],\"entities\":[],\"claims\":[],\"warnings\":[]}\n");
    }

    [TestCase(1)]
    [TestCase(3)]
    public void Run_OutputFails_ThrowsIOExceptionWithoutHanging(int threads)
    {
        var line = Encoding.UTF8.GetBytes("{\"text\":\"" + new string('a', 1000) + "\"}\n");
        var input = new MemoryStream(Enumerable.Repeat(line, 5000).SelectMany(b => b).ToArray());
        var pipeline = new JsonlPipeline(QuoteExtractor.Default, threads, TextWriter.Null, batchBytes: 4096);

        var run = Task.Run(() => pipeline.Run(input, new FailingStream()));

        // A hang would make Wait return false after the timeout instead of throwing.
        var wait = () => run.Wait(TimeSpan.FromSeconds(30));
        wait.Should().Throw<AggregateException>().WithInnerException<IOException>().WithMessage("disk full");
    }

    private sealed class SignallingStream : MemoryStream
    {
        private volatile bool _hasData;

        public bool HasData => _hasData;

        // Stream.Write(ReadOnlySpan) of a MemoryStream subclass lands here.
        public override void Write(byte[] buffer, int offset, int count)
        {
            base.Write(buffer, offset, count);
            _hasData = true;
        }
    }

    private sealed class FailingStream : MemoryStream
    {
        public override void Write(ReadOnlySpan<byte> buffer) => throw new IOException("disk full");

        public override void Write(byte[] buffer, int offset, int count) => throw new IOException("disk full");
    }

    /// <summary>Returns the first chunk, then waits (up to 10 s) for output before returning the second, like a slow pipe.</summary>
    private sealed class GatedInput(byte[] first, byte[] second, Func<bool> outputSeen) : Stream
    {
        private int _state;

        public bool OutputSeenBeforeSecondChunk { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            switch (_state++)
            {
                case 0:
                    first.CopyTo(buffer, offset);
                    return first.Length;
                case 1:
                    OutputSeenBeforeSecondChunk = SpinWait.SpinUntil(outputSeen, TimeSpan.FromSeconds(10));
                    second.CopyTo(buffer, offset);
                    return second.Length;
                default:
                    return 0;
            }
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
