// The file-backed store's format and restart behaviour, on a MemoryStream (the same code runs over a
// FileStream on the PC and on a device): a new file is formatted, each reopen gets the next epoch, a
// superblock damaged mid-write falls back to the other copy, a foreign file is refused untouched, and
// records written in one run are never read as data in the next.
using System;
using System.IO;
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Backing;
using ZramEmbedded.Board;
using ZramEmbedded.UnitTests.Backing;

namespace ZramEmbedded.UnitTests.Host.Backing
{
    [TestClass]
    public class StreamBackingStoreTests
    {
        private const int Page = 256;

        /// <summary>Keeps the bytes after the store "closes" (a MemoryStream's buffer outlives Dispose).</summary>
        private static byte[] Snapshot(MemoryStream ms)
        {
            return ms.ToArray();
        }

        private static MemoryStream Reopened(byte[] image)
        {
            MemoryStream ms = new MemoryStream();
            ms.Write(image, 0, image.Length);
            return ms;
        }

        [TestMethod]
        public void RecordSizeIsSectorRounded()
        {
            Assert.AreEqual(512, StreamBackingStore.RecordSizeFor(256));
            Assert.AreEqual(512, StreamBackingStore.RecordSizeFor(512 - RecordCodec.HeaderSize));
            Assert.AreEqual(1024, StreamBackingStore.RecordSizeFor(512));
            Assert.AreEqual(4608, StreamBackingStore.RecordSizeFor(4096));
        }

        [TestMethod]
        public void NewStreamIsFormattedAndRecordsRoundTrip()
        {
            MemoryStream ms = new MemoryStream();
            StreamBackingStore s = new StreamBackingStore(ms, 512, 6);
            Assert.AreEqual(1u, s.Epoch);
            Assert.AreEqual((long)(StreamBackingStore.DataOffset + 6 * 512), ms.Length);
            byte[] a = new byte[300];
            for (int i = 0; i < a.Length; i++) a[i] = (byte)(i + 1);
            Assert.IsTrue(s.TryWrite(5, a, 0, 300));
            Assert.IsTrue(s.TryWrite(0, a, 10, 20));
            byte[] b = new byte[300];
            Assert.IsTrue(s.TryRead(5, b, 0, 300));
            for (int i = 0; i < 300; i++) Assert.AreEqual(a[i], b[i]);
            Assert.IsTrue(s.TryRead(0, b, 1, 20));
            for (int i = 0; i < 20; i++) Assert.AreEqual(a[10 + i], b[1 + i]);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => s.TryWrite(6, a, 0, 10));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => s.TryWrite(0, a, 0, 513));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => s.TryRead(0, b, 295, 10));
        }

        [TestMethod]
        public void EachReopenTakesTheNextEpochAndOldRecordsAreStale()
        {
            MemoryStream ms = new MemoryStream();
            StreamBackingStore s1 = new StreamBackingStore(ms, StreamBackingStore.RecordSizeFor(Page), 4);
            BackingRecords run1 = new BackingRecords(s1, Page);
            byte[] p = new byte[Page];
            for (int i = 0; i < Page; i++) p[i] = (byte)i;
            int r;
            Assert.AreEqual((int)RecordWriteResult.Ok, (int)run1.TryWrite(0, 3, p, 0, Page, false, Page, out r));
            byte[] image = Snapshot(ms);

            StreamBackingStore s2 = new StreamBackingStore(Reopened(image), StreamBackingStore.RecordSizeFor(Page), 4);
            Assert.AreEqual(2u, s2.Epoch);
            // The old record is still on the medium, intact, but belongs to run 1.
            byte[] hdr = new byte[RecordCodec.HeaderSize + Page];
            Assert.IsTrue(s2.TryRead(r, hdr, 0, hdr.Length));
            Assert.AreEqual((int)RecordStatus.Ok, (int)RecordCodec.Check(hdr, 0, Page));
            Assert.AreEqual(1u, RecordCodec.Epoch(hdr, 0));
            // Run 2's first write to that record is lost: the record layer must not hand back run 1's page.
            BackingRecords run2 = new BackingRecords(new LosingStore(s2), Page);
            int r2;
            run2.TryWrite(0, 3, p, 0, Page, false, Page, out r2);
            Assert.AreEqual(r, r2);
            int len, orig;
            bool c;
            Assert.AreEqual((int)RecordStatus.Stale, (int)run2.TryRead(r2, 0, 3, out len, out c, out orig));

            StreamBackingStore s3 = new StreamBackingStore(Reopened(Snapshot(ms)), 512, 4);
            Assert.AreEqual(2u, s3.Epoch, "s2 wrote its epoch into a copy of another stream");
        }

        [TestMethod]
        public void ATornSuperblockFallsBackToTheOtherCopy()
        {
            MemoryStream ms = new MemoryStream();
            new StreamBackingStore(ms, 512, 2);                               // run 1: epoch 1 into copy A
            MemoryStream m2 = Reopened(Snapshot(ms));
            StreamBackingStore run2 = new StreamBackingStore(m2, 512, 2);     // run 2: epoch 2 into copy B
            Assert.AreEqual(2u, run2.Epoch);
            byte[] image = Snapshot(m2);
            Assert.AreEqual(3u, new StreamBackingStore(Reopened(image), 512, 2).Epoch);
            image[StreamBackingStore.SuperblockCopySize + 17] ^= 0x10;        // copy B torn
            Assert.AreEqual(2u, new StreamBackingStore(Reopened(image), 512, 2).Epoch, "copy A (epoch 1) is the newest valid one");
            image[3] ^= 0x01;                                                  // copy A damaged too
            Assert.ThrowsException(typeof(IOException), () => new StreamBackingStore(Reopened(image), 512, 2));
        }

        [TestMethod]
        public void AForeignFileIsRefusedUntouched()
        {
            byte[] foreign = new byte[2000];
            for (int i = 0; i < foreign.Length; i++) foreign[i] = (byte)(i * 13);
            MemoryStream ms = Reopened(foreign);
            Assert.ThrowsException(typeof(IOException), () => new StreamBackingStore(ms, 512, 8));
            byte[] after = Snapshot(ms);
            Assert.AreEqual(foreign.Length, after.Length);
            for (int i = 0; i < foreign.Length; i++) Assert.AreEqual(foreign[i], after[i]);
        }

        [TestMethod]
        public void GeometryMayChangeBetweenRuns()
        {
            MemoryStream ms = new MemoryStream();
            new StreamBackingStore(ms, 512, 2);
            MemoryStream m2 = Reopened(Snapshot(ms));
            StreamBackingStore s = new StreamBackingStore(m2, 1024, 5);
            Assert.AreEqual(2u, s.Epoch);
            Assert.AreEqual((long)(StreamBackingStore.DataOffset + 5 * 1024), m2.Length);
        }

        /// <summary>Acknowledges the first write without doing it (a lost write), then passes through.</summary>
        private sealed class LosingStore : IBackingStore
        {
            private readonly IBackingStore _inner;
            private bool _lost;
            public LosingStore(IBackingStore inner) { _inner = inner; }
            public int RecordSize { get { return _inner.RecordSize; } }
            public int RecordCount { get { return _inner.RecordCount; } }
            public uint Epoch { get { return _inner.Epoch; } }
            public bool TryWrite(int record, byte[] src, int offset, int length)
            {
                if (!_lost) { _lost = true; return true; }
                return _inner.TryWrite(record, src, offset, length);
            }
            public bool TryRead(int record, byte[] dst, int offset, int length) { return _inner.TryRead(record, dst, offset, length); }
        }
    }
}
