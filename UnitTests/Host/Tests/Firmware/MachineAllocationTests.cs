// Host-only: the firmware's steady state allocates nothing: once warm, a turn of the machine (the apps'
// page writes and checked reads, idle merge/compaction/reclaim slices, the pressure level, the LED) adds no
// managed allocation. Runs on a hand-driven clock so time passes only as the test says.
using System;
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Backing;
using ZramEmbedded.Allocator.Pool;
using ZramEmbedded.Allocator.Store;
using ZramEmbedded.Board;
using ZramEmbedded.Board.Terminal;
using ZramEmbedded.Firmware;

namespace ZramEmbedded.UnitTests.Host.Firmware
{
    [TestClass]
    public class MachineAllocationTests
    {
        private sealed class QuietBoard : IBoard, ILed, IButton, IClock, IConsoleStream
        {
            public long Now;
            public QuietBoard(BoardProfile p)
            {
                Profile = p;
                Console = new SerialConsole(this);
            }
            public BoardProfile Profile { get; }
            public ILed StatusLed => this;
            public IButton UserButton => this;
            public SerialConsole Console { get; }
            public IClock Clock => this;
            public IBackingStore BackingStore => null;
            public bool IsVirtual => true;
            public void Reboot() { }
            public bool IsOn { get; private set; }
            public int BlinkPeriodMs { get; private set; }
            public void Set(bool on) { IsOn = on; BlinkPeriodMs = 0; }
            public void Blink(int periodMs) { BlinkPeriodMs = periodMs; }
            public bool IsPressed => false;
            public long Milliseconds => Now;
            public void Sleep(int milliseconds) => Now += milliseconds;
            public bool EchoInput => false;
            public string NewLine => "\n";
            public int Read(byte[] buffer, int offset, int count) => 0;
            public void Write(byte[] buffer, int offset, int count) { }
        }

        [TestMethod]
        public void MachineTurnsAllocateNothingOnceWarm()
        {
            var profile = new BoardProfile("HOST_TEST", "host", BoardProfile.NoPin, BoardProfile.NoPin, true, "none", 256 * 1024);
            var board = new QuietBoard(profile);
            var pool = new ZsPool(new byte[profile.ArenaBytes], StoreConfig.PoolConfigFor(profile.ArenaBytes, Machine.PageSize));
            var m = new Machine(board, pool, profile.ArenaBytes);
            m.Start();
            // Warm up: every app through active and quiet phases, the pool near its working size.
            for (int i = 0; i < 20000; i++) { m.Step(); board.Now += 3; }
            long kills = m.Pressure.KillLog.TotalKills;
            long before = GC.GetAllocatedBytesForCurrentThread();
            int ops = 0;
            for (int i = 0; i < 10000; i++)
            {
                if (m.Step()) ops++;
                board.Now += 3;
            }
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.IsTrue(ops > 300, "the machine was busy: " + ops);
            Assert.AreEqual(kills, m.Pressure.KillLog.TotalKills, "no kill (an app restart registers a new client) in the measured window");
            Assert.AreEqual(0L, allocated, "bytes allocated by " + ops + " busy turns");
            Assert.AreEqual(0L, m.Workload.Mismatches);
        }
    }
}
