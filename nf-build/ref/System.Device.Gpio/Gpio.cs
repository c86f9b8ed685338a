// System.Device.Gpio 1.1.62 (NuGet nanoFramework.System.Device.Gpio): GpioController, GpioPin, PinValue, modes
// and pin-change events. STM32 pin number = port index * 16 + pin (PJ13 = 157).
[assembly: System.Reflection.AssemblyVersion("1.1.62.0")]
[assembly: System.Reflection.AssemblyNativeVersion("100.1.0.6")]

namespace System.Device.Gpio
{
    public enum PinMode
    {
        Input, InputPullDown, InputPullUp, Output, OutputOpenDrain, OutputOpenDrainPullUp, OutputOpenSource,
        OutputOpenSourcePullDown,
    }

    [Flags]
    public enum PinEventTypes { None = 0, Rising = 1, Falling = 2 }

    public enum PinNumberingScheme { Logical, Board }

    public readonly struct PinValue
    {
        public static PinValue High { get { throw null; } }
        public static PinValue Low { get { throw null; } }
        public static implicit operator PinValue(int value) { throw null; }
        public static implicit operator PinValue(bool value) { throw null; }
        public static explicit operator byte(PinValue value) { throw null; }
        public static explicit operator int(PinValue value) { throw null; }
        public static explicit operator bool(PinValue value) { throw null; }
        public bool Equals(PinValue other) { throw null; }
        public override bool Equals(object obj) { throw null; }
        public static bool operator ==(PinValue a, PinValue b) { throw null; }
        public static bool operator !=(PinValue a, PinValue b) { throw null; }
        public override int GetHashCode() { throw null; }
        public override string ToString() { throw null; }
    }

    public readonly struct PinValuePair
    {
        public PinValuePair(int pinNumber, PinValue pinValue) { throw null; }
        public int PinNumber { get { throw null; } }
        public PinValue PinValue { get { throw null; } }
        public void Deconstruct(out int pinNumber, out PinValue pinValue) { throw null; }
    }

    public class PinValueChangedEventArgs : nanoFramework.Runtime.Events.BaseEvent
    {
        public PinValueChangedEventArgs(PinEventTypes changeType, int pinNumber) { }
        public PinEventTypes ChangeType { get { throw null; } }
        public int PinNumber { get { throw null; } }
    }

    public delegate void PinValueChangedEventHandler(object sender, PinValueChangedEventArgs e);
    public delegate void PinChangeEventHandler(object sender, PinValueChangedEventArgs pinValueChangedEventArgs);

    public sealed class GpioPin : IDisposable
    {
        private GpioPin() { }
        public TimeSpan DebounceTimeout { get { throw null; } set { } }
        public int PinNumber { get { throw null; } }
        public PinMode GetPinMode() { throw null; }
        public bool IsPinModeSupported(PinMode pinMode) { throw null; }
        public void SetPinMode(PinMode value) { throw null; }
        public PinValue Read() { throw null; }
        public void Write(PinValue value) { throw null; }
        public void Toggle() { throw null; }
        public event PinValueChangedEventHandler ValueChanged { add { } remove { } }
        public void Dispose() { throw null; }
    }

    public sealed class GpioController : IDisposable
    {
        public GpioController() { }
        public GpioController(PinNumberingScheme numberingScheme) { }
        public PinNumberingScheme NumberingScheme { get { throw null; } }
        public int PinCount { get { throw null; } }
        public GpioPin OpenPin(int pinNumber) { throw null; }
        public GpioPin OpenPin(int pinNumber, PinMode mode) { throw null; }
        public void ClosePin(int pinNumber) { throw null; }
        public void Dispose() { throw null; }
        public PinMode GetPinMode(int pinNumber) { throw null; }
        public bool IsPinModeSupported(int pinNumber, PinMode mode) { throw null; }
        public bool IsPinOpen(int pinNumber) { throw null; }
        public PinValue Read(int pinNumber) { throw null; }
        public void RegisterCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback) { throw null; }
        public void SetPinMode(int pinNumber, PinMode mode) { throw null; }
        public void UnregisterCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback) { throw null; }
        public void Write(int pinNumber, PinValue value) { throw null; }
    }
}
