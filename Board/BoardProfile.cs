// Board profiles: the facts about each supported board that the firmware needs (pins, console UART,
// how much RAM to reserve for the compressed arena). Pin numbers use nanoFramework's numbering: STM32
// pin = port index * 16 + pin (PA0 = 0, PJ13 = 9 * 16 + 13 = 157); RP2040 pin = GPIO number.
// Arena sizes leave room for the managed heap the app itself needs (see nf-build/README.md). An arena is
// reserved as segments of at most ArenaSegments.MaxSegmentBytes (512 KiB; one nanoFramework object holds at
// most ~786 KB), so a multi-MiB arena is several arrays.
using ZramEmbedded.Allocator.Pool;

namespace ZramEmbedded.Board
{
    public sealed class BoardProfile
    {
        /// <summary>No such pin on this board.</summary>
        public const int NoPin = -1;

        public BoardProfile(string name, string mcu, int ledPin, int buttonPin, bool buttonActiveHigh, string consolePort, int arenaBytes)
        {
            Name = name;
            Mcu = mcu;
            LedPin = ledPin;
            ButtonPin = buttonPin;
            ButtonActiveHigh = buttonActiveHigh;
            ConsolePort = consolePort;
            ArenaBytes = arenaBytes;
        }

        /// <summary>nanoFramework target name (as nanoff --target takes it).</summary>
        public string Name { get; private set; }
        public string Mcu { get; private set; }
        public int LedPin { get; private set; }
        public int ButtonPin { get; private set; }
        public bool ButtonActiveHigh { get; private set; }
        /// <summary>UART for the user console ("COMn"); never the wire-protocol (debugger) UART.</summary>
        public string ConsolePort { get; private set; }
        /// <summary>Bytes reserved at boot for the compressed-page arena.</summary>
        public int ArenaBytes { get; private set; }

        /// <summary>Allocates the arena: ArenaBytes as segments of at most ArenaSegments.MaxSegmentBytes.</summary>
        public byte[][] ReserveArena()
        {
            return ArenaSegments.Reserve(ArenaBytes);
        }

        // F769I-DISCO: LD1 = PJ13, USER = PA0 (active high), Arduino D1/D0 = USART6 -> COM6. The managed heap is
        // 13 MiB of SDRAM: an 8 MiB arena (16 segments of 512 KiB) plus its ~115 KB of pool metadata leaves
        // ~4.8 MiB for the app.
        public static readonly BoardProfile StmF769Discovery = new BoardProfile(
            "ST_STM32F769I_DISCOVERY", "STM32F769NI Cortex-M7 216 MHz", 157, 0, true, "COM6", 8 * 1024 * 1024);

        // F429I-DISCO: LD3 (green) = PG13, USER = PA0 (active high). The wire protocol runs on USB CDC (user USB
        // port); the firmware's managed UARTs are COM1 (USART1, TX PA9, RX PA10) and COM3 (USART3 on PD8/PD9, which
        // the SDRAM uses), so the console is COM1 (nf-interpreter target_system_io_ports_config.cpp; not yet run on a board).
        public static readonly BoardProfile StmF429Discovery = new BoardProfile(
            "ST_STM32F429I_DISCOVERY", "STM32F429ZI Cortex-M4 180 MHz", 6 * 16 + 13, 0, true, "COM1", 512 * 1024);

        // Raspberry Pi Pico: LED = GP25, no user button (BOOTSEL is not a GPIO). The wire protocol runs on USB CDC;
        // console COM2 = RP2040 UART1, TX GP8, RX GP9 (nf-interpreter PICO_RP2040 target_system_io_ports_config.cpp;
        // not yet run on a board).
        public static readonly BoardProfile PicoRp2040 = new BoardProfile(
            "PICO_RP2040", "RP2040 dual Cortex-M0+ 133 MHz", 25, NoPin, false, "COM2", 96 * 1024);

        // The PC: the virtual board runs the same firmware on the host.
        public static readonly BoardProfile Virtual = new BoardProfile(
            "VIRTUAL", "host (.NET)", NoPin, NoPin, true, "stdio", 256 * 1024);

        private static readonly BoardProfile[] All = { StmF769Discovery, StmF429Discovery, PicoRp2040, Virtual };

        /// <summary>The profile with this target name, or null.</summary>
        public static BoardProfile Find(string name)
        {
            for (int i = 0; i < All.Length; i++)
            {
                if (All[i].Name == name) return All[i];
            }
            return null;
        }

        public static BoardProfile[] Known()
        {
            BoardProfile[] copy = new BoardProfile[All.Length];
            System.Array.Copy(All, copy, All.Length);
            return copy;
        }
    }
}
