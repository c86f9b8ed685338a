// Test helper: a 32 KiB store of 1 KiB pages (room for 31 raw pages), MemoryPressure on a manual clock,
// a journal of hook calls and one shared page buffer. Everything a pressure test needs in one object.
using ZramEmbedded.Allocator.Pool;
using ZramEmbedded.Allocator.Pressure;
using ZramEmbedded.Allocator.Store;
using ZramEmbedded.UnitTests.Store;

namespace ZramEmbedded.UnitTests.Pressure
{
    public sealed class PressureRig
    {
        public const int ArenaBytes = 32 * 1024;
        public const int PageSize = 1024;

        public readonly ManualClock Clock = new ManualClock();
        public readonly PageStore Store;
        public readonly MemoryPressure Pressure;
        public readonly Journal Journal = new Journal();
        public readonly byte[] Page = new byte[PageSize];
        private readonly PoolStats _ps = new PoolStats();
        private uint _seeds = 1000;

        public PressureRig() : this(null, ArenaBytes)
        {
        }

        public PressureRig(PressureConfig config) : this(config, ArenaBytes)
        {
        }

        public PressureRig(PressureConfig config, int arenaBytes)
        {
            Store = StoreFixtures.Make(arenaBytes, PageSize, Clock);
            Pressure = new MemoryPressure(Store, config, Clock);
        }

        /// <summary>A registered app; its pages get distinct contents (seeds spaced by 1000).</summary>
        public TestApp App(string name, int slots, int priority)
        {
            _seeds += 1000;
            return new TestApp(Pressure, name, slots, priority, Journal, Page, _seeds);
        }

        public int FreeFrames
        {
            get
            {
                Store.Pool.GetStats(_ps);
                return _ps.FramesTotal - _ps.FramesUsed;
            }
        }

        /// <summary>True when `app` writing one more page would fail without any reclaim (checked, then undone).</summary>
        public bool WouldFailWithoutReclaim(TestApp app, int slot)
        {
            IReclaimer saved = Store.Reclaimer;
            Store.Reclaimer = null;
            StoreResult r = app.Write(slot);
            Store.Reclaimer = saved;
            if (r == StoreResult.Ok) app.Client.Discard(slot);
            return r == StoreResult.NoSpace;
        }

        public KillRecord Kill(int age)
        {
            KillRecord r = new KillRecord();
            Pressure.KillLog.TryGet(age, r);
            return r;
        }

        public void Check()
        {
            Pressure.CheckInvariants();
            Store.CheckInvariants();
        }
    }
}
