// The status LED shows the pressure level, one LED on every board (the mapping for one-LED boards):
//   none     off
//   low      on, steady
//   medium   slow blink (1 s period)
//   critical fast blink (250 ms period)
// `led on|off` overrides it until `led auto`.
using ZramEmbedded.Board;

namespace ZramEmbedded.Firmware
{
    public sealed class StatusLight
    {
        public const int SlowBlinkMs = 1000;
        public const int FastBlinkMs = 250;

        private readonly ILed _led;
        private bool _manual;
        private int _shown = -1;

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
            _shown = -1;
            Show(level);
        }

        /// <summary>Drives the LED for the level unless overridden; changes the LED only when the level changed.</summary>
        public void Show(int level)
        {
            if (_manual || level == _shown) return;
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
