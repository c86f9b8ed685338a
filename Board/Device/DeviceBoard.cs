// A real board running nanoFramework: the status LED and user button on GPIO (System.Device.Gpio) and the
// user console on a UART (System.IO.Ports) that is not the debugger's wire-protocol UART, through the same
// line editor as the PC's console. Device-only: compiled by the nano build, never by the host build.
// Writeback storage is not part of this assembly (it would tie every firmware and test suite to the FileSystem
// package): a board with an SD card or flash file system gets it from ZramEmbedded.Board.Storage
// (Device/Storage/, its own project nf-build/device/Board.Storage) and passes it to the second constructor.
using System;
using System.Device.Gpio;
using nanoFramework.Runtime.Native;
using ZramEmbedded.Board.Terminal;

namespace ZramEmbedded.Board.Device
{
    public sealed class DeviceBoard : IBoard
    {
        private readonly GpioController _gpio;

        public DeviceBoard(BoardProfile profile) : this(profile, null)
        {
        }

        /// <summary>A board whose writeback goes to backingStore (null = none), e.g. a
        /// Storage.FileSystemBackingStore on the SD card; the board does not own or dispose it.</summary>
        public DeviceBoard(BoardProfile profile, ZramEmbedded.Allocator.Backing.IBackingStore backingStore)
        {
            if (profile == null) throw new ArgumentNullException("profile");
            BackingStore = backingStore;
            Profile = profile;
            // GPIO only for the pins the board has: a pinless profile runs where there is no GPIO at all (nanoCLR for
            // Linux, where the firmware boot check runs: nf-build/nanoclr.sh boot).
            bool pins = profile.LedPin != BoardProfile.NoPin || profile.ButtonPin != BoardProfile.NoPin;
            _gpio = pins ? new GpioController() : null;
            StatusLed = profile.LedPin == BoardProfile.NoPin ? (ILed)new NoLed() : new GpioLed(_gpio, profile.LedPin);
            UserButton = profile.ButtonPin == BoardProfile.NoPin ? (IButton)new NoButton() : new GpioButton(_gpio, profile.ButtonPin, profile.ButtonActiveHigh);
            Console = new SerialConsole(profile.HasConsolePort ? (IConsoleStream)new UartConsoleStream(profile.ConsolePort) : new DebugConsoleStream());
            Clock = new TickClock();
        }

        public BoardProfile Profile { get; private set; }
        public ILed StatusLed { get; private set; }
        public IButton UserButton { get; private set; }
        public SerialConsole Console { get; private set; }
        public IClock Clock { get; private set; }
        public bool IsVirtual { get { return false; } }

        /// <summary>None unless given to the constructor: the firmware in this repository passes none (a firmware
        /// for a board with an SD card or flash file system can, see nf-build/README.md, "Storage").</summary>
        public ZramEmbedded.Allocator.Backing.IBackingStore BackingStore { get; private set; }

        public void Reboot()
        {
            Power.RebootDevice();
        }

        /// <summary>An LED on a GPIO pin; blinking is done by a System.Threading.Timer toggling the pin.</summary>
        private sealed class GpioLed : ILed
        {
            private readonly GpioPin _pin;
            private readonly object _lock = new object();
            private System.Threading.Timer _timer;
            private bool _on;
            private int _period;

            public GpioLed(GpioController gpio, int pin)
            {
                _pin = gpio.OpenPin(pin, PinMode.Output);
                _pin.Write(PinValue.Low);
            }

            public bool IsOn { get { return _on; } }

            public int BlinkPeriodMs { get { return _period; } }

            public void Set(bool on)
            {
                lock (_lock)
                {
                    StopTimer();
                    Drive(on);
                }
            }

            public void Blink(int periodMs)
            {
                if (periodMs < 100) throw new ArgumentOutOfRangeException("periodMs");
                lock (_lock)
                {
                    if (periodMs == _period) return;
                    StopTimer();
                    _period = periodMs;
                    _timer = new System.Threading.Timer(Toggle, null, 0, periodMs / 2);
                }
            }

            private void Toggle(object state)
            {
                lock (_lock)
                {
                    if (_period != 0) Drive(!_on);
                }
            }

            private void StopTimer()
            {
                if (_timer != null)
                {
                    _timer.Dispose();
                    _timer = null;
                }
                _period = 0;
            }

            private void Drive(bool on)
            {
                _on = on;
                _pin.Write(on ? PinValue.High : PinValue.Low);
            }
        }

        private sealed class GpioButton : IButton
        {
            private readonly GpioPin _pin;
            private readonly bool _activeHigh;

            public GpioButton(GpioController gpio, int pin, bool activeHigh)
            {
                _pin = gpio.OpenPin(pin, activeHigh ? PinMode.InputPullDown : PinMode.InputPullUp);
                _activeHigh = activeHigh;
            }

            public bool IsPressed { get { return (_pin.Read() == PinValue.High) == _activeHigh; } }
        }

        private sealed class NoLed : ILed
        {
            public bool IsOn { get { return false; } }
            public int BlinkPeriodMs { get { return 0; } }
            public void Set(bool on) { }
            public void Blink(int periodMs) { }
        }

        private sealed class NoButton : IButton
        {
            public bool IsPressed { get { return false; } }
        }

        /// <summary>Milliseconds since boot: the monotonic system tick (nanoFramework.Runtime.Native), not the
        /// wall clock, which SNTP may step.</summary>
        private sealed class TickClock : IClock
        {
            public long Milliseconds { get { return Environment.TickCount64; } }
            public void Sleep(int milliseconds) { System.Threading.Thread.Sleep(milliseconds); }
        }
    }
}
