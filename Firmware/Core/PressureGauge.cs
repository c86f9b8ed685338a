// The pressure level the firmware shows (LED, `stats`, `pressure`): how full the arena is, against
// watermarks with hysteresis. Levels: 0 none, 1 low (≥ 75 % of frames used), 2 medium (≥ 85 %), 3 critical
// (≥ 95 %); a level is left only when use falls 5 points below its mark, so the LED does not flicker.
using ZramEmbedded.Allocator.Pool;

namespace ZramEmbedded.Firmware
{
    public sealed class PressureGauge
    {
        public const int LowPercent = 75, MediumPercent = 85, CriticalPercent = 95, Hysteresis = 5;

        private static readonly string[] Names = { "none", "low", "medium", "critical" };
        private readonly ZsPool _pool;
        private readonly PoolStats _stats = new PoolStats();
        private int _level;

        public PressureGauge(ZsPool pool)
        {
            _pool = pool;
        }

        public int Level { get { return _level; } }

        public static string Name(int level) { return Names[level]; }

        /// <summary>Percent of the arena's frames in use (0..100).</summary>
        public int UsedPercent
        {
            get
            {
                _pool.GetStats(_stats);
                return _stats.FramesTotal == 0 ? 0 : (int)((long)_stats.FramesUsed * 100 / _stats.FramesTotal);
            }
        }

        /// <summary>Recomputes the level; returns true when it changed.</summary>
        public bool Update()
        {
            int used = UsedPercent;
            int level = _level;
            while (level < 3 && used >= Mark(level + 1)) level++;
            while (level > 0 && used < Mark(level) - Hysteresis) level--;
            if (level == _level) return false;
            _level = level;
            return true;
        }

        public static int Mark(int level)
        {
            return level == 1 ? LowPercent : level == 2 ? MediumPercent : level == 3 ? CriticalPercent : 0;
        }
    }
}
