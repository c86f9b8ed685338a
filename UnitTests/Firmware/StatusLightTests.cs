// The status LED's pressure mapping (one LED: off, on, slow blink, fast blink), rising at once and falling
// only after the lower level held FallDelayMs, and the manual override.
using nanoFramework.TestFramework;
using ZramEmbedded.Board;
using ZramEmbedded.Firmware;

namespace ZramEmbedded.UnitTests.Firmware
{
    [TestClass]
    public class StatusLightTests
    {
        [TestMethod]
        public void LevelsMapToOffOnSlowAndFastBlink()
        {
            ScriptedBoard board = new ScriptedBoard(new string[0]);
            ILed led = board.StatusLed;
            StatusLight light = new StatusLight(led);
            light.Show(0);
            Assert.IsFalse(led.IsOn);
            Assert.AreEqual(0, led.BlinkPeriodMs);
            light.Show(1, 0);
            Assert.IsTrue(led.IsOn);
            light.Show(2, 0);
            Assert.AreEqual(StatusLight.SlowBlinkMs, led.BlinkPeriodMs);
            light.Show(3, 0);
            Assert.AreEqual(StatusLight.FastBlinkMs, led.BlinkPeriodMs);
        }

        [TestMethod]
        public void FallsOnlyAfterTheLowerLevelHeld()
        {
            ScriptedBoard board = new ScriptedBoard(new string[0]);
            ILed led = board.StatusLed;
            StatusLight light = new StatusLight(led);
            light.Show(2);
            light.Show(0, 1000);
            light.Show(1, 2000);
            Assert.AreEqual(StatusLight.SlowBlinkMs, led.BlinkPeriodMs, "still showing medium");
            light.Show(1, 1000 + StatusLight.FallDelayMs);
            Assert.AreEqual(0, led.BlinkPeriodMs);
            Assert.IsTrue(led.IsOn, "low after the delay");
            light.Show(2, 5000);
            Assert.AreEqual(StatusLight.SlowBlinkMs, led.BlinkPeriodMs, "a rise shows at once");
        }

        [TestMethod]
        public void ManualOverridesUntilAuto()
        {
            ScriptedBoard board = new ScriptedBoard(new string[0]);
            ILed led = board.StatusLed;
            StatusLight light = new StatusLight(led);
            light.Manual(true);
            light.Show(3, 0);
            Assert.IsTrue(led.IsOn);
            Assert.AreEqual(0, led.BlinkPeriodMs);
            light.Auto(3);
            Assert.AreEqual(StatusLight.FastBlinkMs, led.BlinkPeriodMs);
        }
    }
}
