// Host-only: the backing file on the PC across a restart of the firmware (close, reopen the same path).
// Guarantee under test (StreamBackingStore): the file is created with its folder if missing, reopening it
// takes the next epoch and keeps the file, a file that is not ours is refused untouched, and no record of
// the previous run is ever read back as data.
using System;
using System.IO;
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Backing;
using ZramEmbedded.Board;
using ZramEmbedded.Board.Host;

namespace ZramEmbedded.UnitTests.Host.Backing
{
    [TestClass]
    public class FileBackingStoreTests
    {
        private const int Page = 1024;

        private static string TempPath()
        {
            return Path.Combine(Path.GetTempPath(), "zram-wb-test-" + Guid.NewGuid().ToString("N"), "sub", "wb.bin");
        }

        private static void Cleanup(string path)
        {
            string root = Path.GetDirectoryName(Path.GetDirectoryName(path));
            if (Directory.Exists(root)) Directory.Delete(root, true);
        }

        [TestMethod]
        public void CreatedIfMissingAndReopenedWithTheNextEpoch()
        {
            string path = TempPath();
            try
            {
                int recordSize = StreamBackingStore.RecordSizeFor(Page);
                int rec;
                byte[] page = new byte[Page];
                new Random(5).NextBytes(page);
                using (StreamBackingStore s = FileBackingStore.Open(path, recordSize, 16))
                {
                    Assert.AreEqual(1u, s.Epoch);
                    var run1 = new BackingRecords(s, Page);
                    Assert.AreEqual((int)RecordWriteResult.Ok, (int)run1.TryWrite(2, 7, page, 0, Page, false, Page, out rec));
                    Assert.AreEqual((int)RecordStatus.Ok, (int)run1.TryRead(rec, 2, 7, out _, out _, out _));
                }
                Assert.AreEqual((long)StreamBackingStore.DataOffset + 16L * recordSize, new FileInfo(path).Length);

                using (StreamBackingStore s = FileBackingStore.Open(path, recordSize, 16))
                {
                    Assert.AreEqual(2u, s.Epoch);
                    // The previous run's record is on disk and intact, from epoch 1.
                    byte[] raw = new byte[RecordCodec.HeaderSize + Page];
                    Assert.IsTrue(s.TryRead(rec, raw, 0, raw.Length));
                    Assert.AreEqual((int)RecordStatus.Ok, (int)RecordCodec.Check(raw, 0, Page));
                    Assert.AreEqual(1u, RecordCodec.Epoch(raw, 0));
                    // A new run never takes it for data: reading the same record for the same slot after a
                    // write that did not reach the disk finds the old record Stale.
                    var run2 = new BackingRecords(new DropFirstWrite(s), Page);
                    int rec2;
                    run2.TryWrite(2, 7, page, 0, Page, false, Page, out rec2);
                    Assert.AreEqual(rec, rec2);
                    Assert.AreEqual((int)RecordStatus.Stale, (int)run2.TryRead(rec2, 2, 7, out _, out _, out _));
                    // And records written now read back.
                    int rec3;
                    Assert.AreEqual((int)RecordWriteResult.Ok, (int)run2.TryWrite(2, 8, page, 0, 300, true, Page, out rec3));
                    Assert.AreEqual((int)RecordStatus.Ok, (int)run2.TryRead(rec3, 2, 8, out int len, out bool compressed, out _));
                    Assert.AreEqual(300, len);
                    Assert.IsTrue(compressed);
                }
                using (StreamBackingStore s = FileBackingStore.Open(path, recordSize, 32))
                {
                    Assert.AreEqual(3u, s.Epoch);
                }
                Assert.AreEqual((long)StreamBackingStore.DataOffset + 32L * recordSize, new FileInfo(path).Length);
            }
            finally
            {
                Cleanup(path);
            }
        }

        [TestMethod]
        public void AForeignFileIsRefusedAndLeftAsItWas()
        {
            string path = TempPath();
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path));
                byte[] content = new byte[5000];
                new Random(9).NextBytes(content);
                File.WriteAllBytes(path, content);
                Assert.ThrowsException(typeof(IOException), () => FileBackingStore.Open(path, 1536, 4));
                CollectionAssert.AreEqual(content, File.ReadAllBytes(path));
                // The refused file was closed: it can be replaced.
                File.Delete(path);
                using (StreamBackingStore s = FileBackingStore.Open(path, 1536, 4)) Assert.AreEqual(1u, s.Epoch);
            }
            finally
            {
                Cleanup(path);
            }
        }

        [TestMethod]
        public void PathComesFromTheCommandLine()
        {
            Assert.AreEqual("wb.bin", FileBackingStore.PathFromCommandLine(new[] { "Firmware.dll", "--backing", "wb.bin" }));
            Assert.IsNull(FileBackingStore.PathFromCommandLine(new[] { "Firmware.dll" }));
            Assert.IsNull(FileBackingStore.PathFromCommandLine(null));
            Assert.ThrowsException(typeof(ArgumentException), () => FileBackingStore.PathFromCommandLine(new[] { "--backing" }));
            Assert.ThrowsException(typeof(ArgumentException), () => FileBackingStore.PathFromCommandLine(new[] { "--backing", "--other" }));
        }

        private sealed class DropFirstWrite : IBackingStore
        {
            private readonly IBackingStore _inner;
            private bool _dropped;
            public DropFirstWrite(IBackingStore inner) { _inner = inner; }
            public int RecordSize => _inner.RecordSize;
            public int RecordCount => _inner.RecordCount;
            public uint Epoch => _inner.Epoch;
            public bool TryWrite(int record, byte[] src, int offset, int length)
            {
                if (!_dropped) { _dropped = true; return true; }
                return _inner.TryWrite(record, src, offset, length);
            }
            public bool TryRead(int record, byte[] dst, int offset, int length) => _inner.TryRead(record, dst, offset, length);
        }
    }
}
