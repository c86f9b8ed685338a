// Watermarks: levels from free space, hysteresis (no flapping when use hovers at a watermark), one
// event per change, handlers that throw or re-enter, bad configuration.
using System;
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Pressure;
using ZramEmbedded.UnitTests.Samples;

namespace ZramEmbedded.UnitTests.Pressure
{
    [TestClass]
    public class WatermarksTests
    {
        private const long Capacity = 10000; // defaults: high 2000, low 1000, min 500 free; margin 250

        [TestMethod]
        public void LevelsFollowFreeSpaceOnTheWayUp()
        {
            Watermarks w = new Watermarks();
            Assert.AreEqual((int)PressureLevel.None, (int)w.Update(8000, Capacity)); // exactly at high: not below
            Assert.AreEqual((int)PressureLevel.Low, (int)w.Update(8001, Capacity));
            Assert.AreEqual((int)PressureLevel.Low, (int)w.Update(9000, Capacity));
            Assert.AreEqual((int)PressureLevel.Medium, (int)w.Update(9001, Capacity));
            Assert.AreEqual((int)PressureLevel.Critical, (int)w.Update(9501, Capacity));
            Assert.AreEqual((int)PressureLevel.Critical, (int)w.Update(20000, Capacity)); // over capacity: 0 free
            Assert.AreEqual(0L, w.FreeBytes);
            Assert.AreEqual(3, w.LevelChanges);
            w.CheckInvariants();
        }

        [TestMethod]
        public void FallingNeedsTheHysteresisMargin()
        {
            Watermarks w = new Watermarks();
            w.Update(9600, Capacity);                                                 // critical (400 free)
            Assert.AreEqual((int)PressureLevel.Critical, (int)w.Update(9400, Capacity)); // 600 free < 500 + 250
            Assert.AreEqual((int)PressureLevel.Medium, (int)w.Update(9250, Capacity));   // 750 free: left critical
            Assert.AreEqual((int)PressureLevel.Medium, (int)w.Update(8800, Capacity));   // 1200 < 1250
            Assert.AreEqual((int)PressureLevel.Low, (int)w.Update(8750, Capacity));
            Assert.AreEqual((int)PressureLevel.Low, (int)w.Update(7800, Capacity));      // 2200 < 2250
            Assert.AreEqual((int)PressureLevel.None, (int)w.Update(7750, Capacity));
            Assert.AreEqual(750L, w.LeaveAtBytes(PressureLevel.Critical, Capacity));
            Assert.AreEqual(500L, w.EnterBelowBytes(PressureLevel.Critical, Capacity));
            w.CheckInvariants();
        }

        [TestMethod]
        public void FreeingEverythingDropsStraightToNoneWithOneEvent()
        {
            Watermarks w = new Watermarks();
            LevelRecorder rec = new LevelRecorder();
            rec.Attach(w);
            w.Update(9900, Capacity);
            Assert.AreEqual(1, rec.Events);
            Assert.AreEqual((int)PressureLevel.None, (int)rec.LastPrevious);
            Assert.AreEqual((int)PressureLevel.Critical, (int)rec.LastCurrent);
            w.Update(0, Capacity);
            Assert.AreEqual(2, rec.Events);
            Assert.AreEqual((int)PressureLevel.Critical, (int)rec.LastPrevious);
            Assert.AreEqual((int)PressureLevel.None, (int)rec.LastCurrent);
            Assert.AreEqual(Capacity, rec.LastFree);
        }

        [TestMethod]
        public void HoveringAtEachWatermarkDoesNotFlap()
        {
            // Use wanders ±(margin − 1) around each watermark for 500 readings: one change per watermark.
            long[] marks = { 2000, 1000, 500 };
            SampleRandom rng = new SampleRandom(5);
            for (int m = 0; m < marks.Length; m++)
            {
                Watermarks w = new Watermarks();
                LevelRecorder rec = new LevelRecorder();
                rec.Attach(w);
                w.Update(Capacity - marks[m] + 1, Capacity); // just below the watermark
                int afterEnter = rec.Events;
                for (int i = 0; i < 500; i++)
                {
                    long free = marks[m] - 120 + rng.Next(240 + 1); // within ±120 of the mark, margin 250
                    w.Update(Capacity - free, Capacity);
                    w.CheckInvariants();
                }
                Assert.AreEqual(afterEnter, rec.Events, "level changes while hovering at mark " + marks[m]);
                Assert.AreEqual(m + 1, (int)w.Level);
            }
        }

        [TestMethod]
        public void RandomWalkKeepsLevelInsideTheBand()
        {
            Watermarks w = new Watermarks(100, 300, 600, 50);
            LevelRecorder rec = new LevelRecorder();
            rec.Attach(w);
            SampleRandom rng = new SampleRandom(17);
            long used = 0;
            long capacity = 65536;
            for (int i = 0; i < 2000; i++)
            {
                used += rng.Next(-3000, 3000 + 1);
                if (used < 0) used = 0;
                if (used > capacity) used = capacity;
                PressureLevel before = w.Level;
                PressureLevel now = w.Update(used, capacity);
                w.CheckInvariants();
                PressureLevel raw = w.RawLevel(used, capacity);
                Assert.IsTrue((int)now >= (int)raw, "level never below the raw level");
                if ((int)raw > (int)before) Assert.AreEqual((int)raw, (int)now, "rises at once");
            }
            Assert.AreEqual(w.LevelChanges, rec.Events);
            Assert.IsTrue(rec.Events > 10, "the walk crossed watermarks: " + rec.Events);
        }

        [TestMethod]
        public void ThrowingHandlerIsCountedNotPropagated()
        {
            Watermarks w = new Watermarks();
            LevelRecorder rec = new LevelRecorder();
            rec.Throw = true;
            rec.Attach(w);
            Assert.AreEqual((int)PressureLevel.Critical, (int)w.Update(9900, Capacity));
            Assert.AreEqual(1, w.HandlerFailures);
            Assert.AreEqual((int)PressureLevel.Critical, (int)w.Level);
        }

        [TestMethod]
        public void HandlerMayCallUpdateAgain()
        {
            Watermarks w = new Watermarks();
            LevelRecorder rec = new LevelRecorder();
            rec.ReenterWith = w;
            rec.ReenterUsed = 0;
            rec.ReenterCapacity = Capacity;
            rec.Attach(w);
            w.Update(9900, Capacity); // handler frees everything (a reclaim on the LED thread, say)
            Assert.AreEqual(2, rec.Events);
            Assert.AreEqual((int)PressureLevel.None, (int)w.Level);
            w.CheckInvariants();
        }

        [TestMethod]
        public void BadConfigurationThrows()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new Watermarks(-1, 100, 200, 10));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new Watermarks(200, 100, 300, 10));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new Watermarks(50, 300, 200, 10));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new Watermarks(50, 100, 1001, 10));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new Watermarks(50, 100, 200, -1));
            Watermarks w = new Watermarks();
            w.Update(9900, Capacity);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => w.Update(-1, Capacity));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => w.Update(0, -1));
            Assert.AreEqual((int)PressureLevel.Critical, (int)w.Level, "a rejected reading changes nothing");
        }

        [TestMethod]
        public void ZeroMinWatermarkNeverReportsCritical()
        {
            Watermarks w = new Watermarks(0, 100, 200, 10);
            Assert.AreEqual((int)PressureLevel.Medium, (int)w.Update(Capacity, Capacity));
        }
    }
}
