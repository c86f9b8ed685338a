// Host-only: feeding the line editor allocates nothing per byte (echo on, control bytes, escape sequences,
// overlong input); only taking a finished line builds its string.
using System;
using nanoFramework.TestFramework;
using ZramEmbedded.Board.Terminal;

namespace ZramEmbedded.UnitTests.Host.Terminal
{
    [TestClass]
    public class LineEditorAllocationTests
    {
        private sealed class SinkStream : IConsoleStream
        {
            public long Bytes;
            public bool EchoInput => true;
            public string NewLine => "\r\n";
            public int Read(byte[] buffer, int offset, int count) => 0;
            public void Write(byte[] buffer, int offset, int count) => Bytes += count;
        }

        [TestMethod]
        public void FeedingBytesAllocatesNothing()
        {
            var sink = new SinkStream();
            var editor = new LineEditor(LineEditor.DefaultMaxLength, sink);
            byte[] input = new byte[100000];
            var random = new Random(5);
            for (int i = 0; i < input.Length; i++)
            {
                int b = random.Next(256);
                input[i] = (byte)(b == '\r' || b == '\n' || b == 3 ? 'x' : b); // no line ends: one long line
            }
            // Warm-up pass (static tables, JIT), then the measured pass over the same bytes.
            for (int i = 0; i < input.Length; i++) editor.Feed(input[i]);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < input.Length; i++) editor.Feed(input[i]);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.AreEqual(0L, allocated);
            Assert.IsTrue(sink.Bytes > 0, "echo went out");
            Assert.IsTrue(editor.Feed((byte)'\r'));
            Assert.IsTrue(editor.TakeLine().Length <= LineEditor.DefaultMaxLength);
            Assert.IsTrue(editor.WasCut);
        }
    }
}
