// The status LED shows the pressure level, one LED on every board (the mapping for one-LED boards):
//   none     off
//   low      on, steady
//   medium   slow blink (1 s period)
//   critical fast blink (250 ms period)
// A rise shows at once; a fall shows only after the lower level has held for FallDelayMs, so a level that
// flickers around a watermark does not make the LED (and the PC's event lines) flicker with it.
// `led on|off` overrides it until `led auto`.
using ZramEmbedded.Board;

namespace ZramEmbedded.Firmware
{
    public sealed class StatusLight
    {
        public const int SlowBlinkMs = 1000;
        public const int FastBlinkMs = 250;
        public const int FallDelayMs = 3000;

        private readonly ILed _led;
        private bool _manual;
        private int _shown = -1;
        private long _lowerSinceMs = -1;

        public StatusLight(ILed led)
        {
            _led = led;
        }

        public bool IsManual { get { return _manual; } }

        public void Manual(bool on)
        {
            _manual = true;
            _led.Set(on);
        }

        public void Auto(int level)
        {
            _manual = false;
            Show(level);
        }

        /// <summary>Drives the LED for the level at once (boot, `led auto`).</summary>
        public void Show(int level)
        {
            _shown = -1;
            Show(level, 0);
        }

        /// <summary>Drives the LED for the level unless overridden: rises at once, falls after FallDelayMs.</summary>
        public void Show(int level, long nowMs)
        {
            if (_manual || level == _shown) { _lowerSinceMs = -1; return; }
            if (_shown >= 0 && level < _shown)
            {
                if (_lowerSinceMs < 0) _lowerSinceMs = nowMs;
                if (nowMs - _lowerSinceMs < FallDelayMs) return;
            }
            _lowerSinceMs = -1;
            _shown = level;
            switch (level)
            {
                case 0: _led.Set(false); break;
                case 1: _led.Set(true); break;
                case 2: _led.Blink(SlowBlinkMs); break;
                default: _led.Blink(FastBlinkMs); break;
            }
        }

        /// <summary>"on", "off" or "blinking, period N ms", plus what drives it.</summary>
        public string Describe(int level)
        {
            string state = _led.BlinkPeriodMs > 0 ? "blinking, period " + _led.BlinkPeriodMs.ToString() + " ms" : _led.IsOn ? "on" : "off";
            return "led " + state + (_manual ? " (manual; 'led auto' to show pressure)" : " (pressure " + ZramEmbedded.Allocator.Pressure.PressureLevels.Name((ZramEmbedded.Allocator.Pressure.PressureLevel)level) + ")");
        }
    }
}
