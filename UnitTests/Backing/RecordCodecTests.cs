// The record format: what Encode writes decodes back field for field, and every kind of damage is
// classified — blank or erased (Missing), truncated/torn, flipped bits, impossible fields (Corrupt).
using System;
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Backing;

namespace ZramEmbedded.UnitTests.Backing
{
    [TestClass]
    public class RecordCodecTests
    {
        private const int Max = 600;

        private static byte[] Sample(int payload, bool compressed)
        {
            byte[] buf = new byte[RecordCodec.HeaderSize + Max];
            for (int i = 0; i < payload; i++) buf[RecordCodec.HeaderSize + i] = (byte)(i * 7 + 3);
            int n = RecordCodec.Encode(buf, 0, 0xA1B2C3D4u, 0x01020304u, 513, 70000, compressed, payload, 512);
            Assert.AreEqual(RecordCodec.HeaderSize + payload, n);
            return buf;
        }

        [TestMethod]
        public void RoundTripsEveryField()
        {
            byte[] buf = Sample(300, true);
            Assert.AreEqual((int)RecordStatus.Ok, (int)RecordCodec.Check(buf, 0, Max));
            Assert.AreEqual(0xA1B2C3D4u, RecordCodec.Epoch(buf, 0));
            Assert.AreEqual(0x01020304u, RecordCodec.Generation(buf, 0));
            Assert.AreEqual(513, RecordCodec.Client(buf, 0));
            Assert.AreEqual(70000, RecordCodec.Slot(buf, 0));
            Assert.IsTrue(RecordCodec.IsCompressed(buf, 0));
            Assert.AreEqual(300, RecordCodec.PayloadLength(buf, 0));
            Assert.AreEqual(512, RecordCodec.OriginalLength(buf, 0));
            Assert.AreEqual(RecordCodec.Magic, RecordCodec.Get32(buf, 0));
            Assert.IsFalse(RecordCodec.IsCompressed(Sample(10, false), 0));
        }

        [TestMethod]
        public void BlankAndErasedAreMissing()
        {
            byte[] zeros = new byte[RecordCodec.HeaderSize + Max];
            Assert.AreEqual((int)RecordStatus.Missing, (int)RecordCodec.Check(zeros, 0, Max));
            for (int i = 0; i < zeros.Length; i++) zeros[i] = 0xFF; // erased flash
            Assert.AreEqual((int)RecordStatus.Missing, (int)RecordCodec.Check(zeros, 0, Max));
        }

        [TestMethod]
        public void EveryFlippedBitIsDetected()
        {
            byte[] buf = Sample(40, true);
            int total = RecordCodec.HeaderSize + 40;
            for (int bit = 0; bit < total * 8; bit++)
            {
                buf[bit / 8] ^= (byte)(1 << (bit % 8));
                RecordStatus s = RecordCodec.Check(buf, 0, Max);
                Assert.IsTrue(s == RecordStatus.Corrupt || (bit < 32 && s == RecordStatus.Missing), "bit " + bit.ToString());
                buf[bit / 8] ^= (byte)(1 << (bit % 8));
            }
            Assert.AreEqual((int)RecordStatus.Ok, (int)RecordCodec.Check(buf, 0, Max));
        }

        [TestMethod]
        public void TornRecordsAreCorrupt()
        {
            // A new record torn over an older one: its prefix, then the old record's bytes.
            byte[] old = Sample(200, false);
            for (int keep = 8; keep < RecordCodec.HeaderSize + 200; keep += 13)
            {
                byte[] torn = Sample(200, true);
                byte[] other = new byte[torn.Length];
                Array.Copy(old, other, old.Length);
                for (int i = 0; i < 200; i++) other[RecordCodec.HeaderSize + i] = (byte)(i * 5 + 1);
                RecordCodec.Encode(other, 0, 5, 99, 1, 2, false, 200, 512);
                Array.Copy(other, keep, torn, keep, torn.Length - keep);
                Assert.AreEqual((int)RecordStatus.Corrupt, (int)RecordCodec.Check(torn, 0, Max), "kept " + keep.ToString());
            }
        }

        [TestMethod]
        public void ImpossibleFieldsAreCorrupt()
        {
            byte[] buf = Sample(100, false);
            buf[23] = 2; // version
            Assert.AreEqual((int)RecordStatus.Corrupt, (int)RecordCodec.CheckHeader(buf, 0, Max));
            buf = Sample(100, false);
            buf[22] = 0x80; // unknown flag
            Assert.AreEqual((int)RecordStatus.Corrupt, (int)RecordCodec.CheckHeader(buf, 0, Max));
            buf = Sample(100, false);
            Assert.AreEqual((int)RecordStatus.Corrupt, (int)RecordCodec.CheckHeader(buf, 0, 99), "payload longer than allowed");
            RecordCodec.Put16(buf, 24, 0);
            Assert.AreEqual((int)RecordStatus.Corrupt, (int)RecordCodec.CheckHeader(buf, 0, Max), "empty payload");
        }

        [TestMethod]
        public void EncodeRejectsBadArguments()
        {
            byte[] buf = new byte[RecordCodec.HeaderSize + 10];
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => RecordCodec.Encode(buf, 0, 1, 1, 0, 0, false, 11, 10));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => RecordCodec.Encode(buf, 0, 1, 1, 0, 0, false, 0, 10));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => RecordCodec.Encode(buf, 0, 1, 1, 0x10000, 0, false, 5, 10));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => RecordCodec.Encode(buf, 0, 1, 1, 0, -1, false, 5, 10));
            Assert.ThrowsException(typeof(ArgumentNullException), () => RecordCodec.Encode(null, 0, 1, 1, 0, 0, false, 5, 10));
        }
    }
}
