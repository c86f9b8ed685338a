// The demo workload: four apps keeping realistic state in the page store, sized from the arena so their
// demand reaches about the arena once compressed (so pressure happens on its own now and then; surge mode,
// the user button, makes the sensor logger record noise and pushes it over). Tick runs the operations that
// are due, at most MaxOpsPerTick per call, so the console stays responsive. Two page buffers, shared by
// all apps, are the only page-sized memory outside the store.
using ZramEmbedded.Allocator.Pressure;
using ZramEmbedded.Allocator.Store;

namespace ZramEmbedded.Firmware.Apps
{
    public sealed class Workload
    {
        public const int MaxOpsPerTick = 4;

        private readonly DemoApp[] _apps;
        private readonly SensorLogger _sensors;
        private readonly byte[] _page;
        private readonly byte[] _expect;
        private int _next;

        public Workload(int arenaBytes, int pageSize)
        {
            int raw = arenaBytes / pageSize;
            if (raw < 8) raw = 8;
            _sensors = new SensorLogger(raw, 1);
            _apps = new DemoApp[] { _sensors, new ConfigCache(raw / 2, 2), new FrameBuffer(raw, 3), new EventLog(raw, 4) };
            _page = new byte[pageSize];
            _expect = new byte[pageSize];
        }

        public int Count { get { return _apps.Length; } }

        public DemoApp this[int i] { get { return _apps[i]; } }

        /// <summary>Pages the apps can hold in all (their slot count).</summary>
        public int TotalPages
        {
            get
            {
                int n = 0;
                for (int i = 0; i < _apps.Length; i++) n += _apps[i].PageCount;
                return n;
            }
        }

        /// <summary>Surge mode: the sensor logger records incompressible noise.</summary>
        public bool Surge
        {
            get { return _sensors.Surge; }
            set { _sensors.Surge = value; }
        }

        /// <summary>Operations done by the last Tick.</summary>
        public int LastOps;

        public void Start(PageStore store, MemoryPressure pressure, long now)
        {
            for (int i = 0; i < _apps.Length; i++) _apps[i].Start(store, pressure, now);
        }

        /// <summary>Runs due operations (round robin, at most MaxOpsPerTick); returns how many ran.</summary>
        public int Tick(long now)
        {
            int ops = 0;
            for (int k = 0; k < _apps.Length && ops < MaxOpsPerTick; k++)
            {
                DemoApp app = _apps[(_next + k) % _apps.Length];
                if (app.Step(now, _page, _expect)) ops++;
            }
            _next = (_next + 1) % _apps.Length;
            LastOps = ops;
            return ops;
        }

        /// <summary>The app with this name (case ignored), or null.</summary>
        public DemoApp Find(string name)
        {
            string wanted = name.ToLower();
            for (int i = 0; i < _apps.Length; i++)
                if (_apps[i].Name == wanted) return _apps[i];
            return null;
        }

        public string Names()
        {
            string s = "";
            for (int i = 0; i < _apps.Length; i++) s += (i == 0 ? "" : "|") + _apps[i].Name;
            return s;
        }

        public long Mismatches
        {
            get
            {
                long n = 0;
                for (int i = 0; i < _apps.Length; i++) n += _apps[i].Mismatches;
                return n;
            }
        }

        /// <summary>Zeroes every app's activity counters (DemoApp.ResetCounters; mismatch counts stay).</summary>
        public void ResetCounters()
        {
            for (int i = 0; i < _apps.Length; i++) _apps[i].ResetCounters();
        }

        /// <summary>Reads back and checks every stored page of every app; returns mismatches found.</summary>
        public long VerifyAll()
        {
            long n = 0;
            for (int i = 0; i < _apps.Length; i++) n += _apps[i].VerifyAll(_page, _expect);
            return n;
        }
    }
}
