// KillLog: a fixed ring — newest first, oldest overwritten, every field kept, totals per reason,
// misuse rejected without changing anything.
using System;
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Pressure;

namespace ZramEmbedded.UnitTests.Pressure
{
    [TestClass]
    public class KillLogTests
    {
        private static void Fill(KillRecord r, int n)
        {
            r.TimeMs = 1000L * n + 7;
            r.Victim = "app" + n;
            r.VictimId = 40 + n;
            r.Priority = 900 - n;
            r.PagesFreed = 3 * n;
            r.BytesFreed = 512 * n;
            r.Reason = (n & 1) == 0 ? KillReason.WriteDidNotFit : KillReason.BelowMinWatermark;
            r.Requester = (n & 1) == 0 ? "writer" + n : null;
            r.RequestBytes = (n & 1) == 0 ? 100 + n : 0;
            r.StepsTried = LadderSteps.Compaction | LadderSteps.Merge | ((n & 2) != 0 ? LadderSteps.Trim : LadderSteps.None);
            r.HookFailed = n % 3 == 0;
            r.UsedBytesBefore = 60000 + n;
            r.UsedBytesAfter = 50000 + n;
            r.CapacityBytes = 65536;
            r.LevelBefore = PressureLevel.Critical;
            r.LevelAfter = (PressureLevel)(n % 4);
        }

        private static void AssertSame(KillRecord expected, KillRecord actual)
        {
            Assert.AreEqual(expected.TimeMs, actual.TimeMs);
            Assert.AreEqual(expected.Victim, actual.Victim);
            Assert.AreEqual(expected.VictimId, actual.VictimId);
            Assert.AreEqual(expected.Priority, actual.Priority);
            Assert.AreEqual(expected.PagesFreed, actual.PagesFreed);
            Assert.AreEqual(expected.BytesFreed, actual.BytesFreed);
            Assert.AreEqual((int)expected.Reason, (int)actual.Reason);
            Assert.AreEqual(expected.Requester, actual.Requester);
            Assert.AreEqual(expected.RequestBytes, actual.RequestBytes);
            Assert.AreEqual((int)expected.StepsTried, (int)actual.StepsTried);
            Assert.AreEqual(expected.HookFailed, actual.HookFailed);
            Assert.AreEqual(expected.UsedBytesBefore, actual.UsedBytesBefore);
            Assert.AreEqual(expected.UsedBytesAfter, actual.UsedBytesAfter);
            Assert.AreEqual(expected.CapacityBytes, actual.CapacityBytes);
            Assert.AreEqual((int)expected.LevelBefore, (int)actual.LevelBefore);
            Assert.AreEqual((int)expected.LevelAfter, (int)actual.LevelAfter);
        }

        [TestMethod]
        public void KeepsEveryFieldNewestFirst()
        {
            KillLog log = new KillLog(8);
            KillRecord r = new KillRecord();
            for (int n = 1; n <= 5; n++)
            {
                Fill(r, n);
                log.Add(r);
                log.CheckInvariants();
            }
            Assert.AreEqual(5, log.Count);
            KillRecord got = new KillRecord();
            KillRecord want = new KillRecord();
            for (int age = 0; age < 5; age++)
            {
                Assert.IsTrue(log.TryGet(age, got));
                Fill(want, 5 - age);
                AssertSame(want, got);
            }
            Assert.IsFalse(log.TryGet(5, got));
            Assert.IsNull(got.Victim, "a failed TryGet clears the record");
        }

        [TestMethod]
        public void RingOverwritesTheOldest()
        {
            KillLog log = new KillLog(4);
            KillRecord r = new KillRecord();
            for (int n = 1; n <= 11; n++)
            {
                Fill(r, n);
                log.Add(r);
                log.CheckInvariants();
            }
            Assert.AreEqual(4, log.Count);
            Assert.AreEqual(11L, log.TotalKills);
            Assert.AreEqual(5L, log.KillsFor(KillReason.WriteDidNotFit));    // 2,4,6,8,10
            Assert.AreEqual(6L, log.KillsFor(KillReason.BelowMinWatermark)); // odd ones
            Assert.AreEqual(0L, log.KillsFor(KillReason.Requested));
            KillRecord got = new KillRecord();
            KillRecord want = new KillRecord();
            for (int age = 0; age < 4; age++)
            {
                Assert.IsTrue(log.TryGet(age, got));
                Fill(want, 11 - age);
                AssertSame(want, got);
            }
            Assert.IsFalse(log.TryGet(4, got));
        }

        [TestMethod]
        public void ClearForgetsEverything()
        {
            KillLog log = new KillLog(3);
            KillRecord r = new KillRecord();
            Fill(r, 2);
            log.Add(r);
            log.Add(r);
            log.Clear();
            log.CheckInvariants();
            Assert.AreEqual(0, log.Count);
            Assert.AreEqual(0L, log.TotalKills);
            Assert.AreEqual(0L, log.KillsFor(KillReason.WriteDidNotFit));
            Assert.IsFalse(log.TryGet(0, r));
            Fill(r, 3);
            log.Add(r);
            KillRecord got = new KillRecord();
            Assert.IsTrue(log.TryGet(0, got));
            AssertSame(r, got);
        }

        [TestMethod]
        public void MisuseThrowsAndChangesNothing()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new KillLog(0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new KillLog(KillLog.MaxCapacity + 1));
            KillLog log = new KillLog(2);
            KillRecord r = new KillRecord();
            Fill(r, 1);
            log.Add(r);
            Assert.ThrowsException(typeof(ArgumentNullException), () => log.Add(null));
            Assert.ThrowsException(typeof(ArgumentNullException), () => log.TryGet(0, null));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => log.TryGet(-1, r));
            KillRecord bad = new KillRecord();
            bad.Reason = (KillReason)77;
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => log.Add(bad));
            Assert.AreEqual(1, log.Count);
            Assert.AreEqual(1L, log.TotalKills);
            log.CheckInvariants();
        }

        [TestMethod]
        public void MetadataIsSmall()
        {
            // 16 records cost well under 2 KiB on the device (parallel arrays, no object per record).
            KillLog log = new KillLog();
            Assert.AreEqual(KillLog.DefaultCapacity, log.Capacity);
            Assert.IsTrue(log.MetadataBytes > 16 * 40 && log.MetadataBytes < 2048, "kill log bytes " + log.MetadataBytes);
        }

        [TestMethod]
        public void NamesArePrintable()
        {
            Assert.AreEqual("write-did-not-fit", KillReasons.Name(KillReason.WriteDidNotFit));
            Assert.AreEqual("below-min-watermark", KillReasons.Name(KillReason.BelowMinWatermark));
            Assert.AreEqual("critical", PressureLevels.Name(PressureLevel.Critical));
            Assert.AreEqual("trim", LadderStepNames.Name(LadderSteps.Trim));
        }
    }
}
