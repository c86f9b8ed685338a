// Board profiles: the facts about each supported board that the firmware needs (pins, console UART,
// how much RAM to reserve for the compressed arena). Pin numbers use nanoFramework's numbering: STM32
// pin = port index * 16 + pin (PA0 = 0, PJ13 = 9 * 16 + 13 = 157); RP2040 pin = GPIO number.
// Arena sizes leave room for the managed heap the app itself needs (see nf-build/README.md). An arena is
// reserved as segments of at most ArenaSegments.MaxSegmentBytes (512 KiB; one nanoFramework object holds at
// most ~786 KB), so a multi-MiB arena is several arrays.
//
// The firmware's footprint per profile, measured on the real runtime (bash nf-build/nanoclr.sh boot <PROFILE>: the
// firmware booted with the profile on the 32-bit nanoCLR, whose 12-byte heap blocks are a Cortex-M's, the demo
// workload run in batch mode, the live heap read after every collection from the runtime's GC log; 2026-12-06,
// PICO_RP2040 and F769I's metadata again on 2026-12-08):
//
//   profile                   arena     pool + store metadata   rest    peak live heap   run
//   PICO_RP2040               80 KiB       12,384 B             39 KiB   131.4 KiB       120 s in 144 KiB, 300 collections
//   ST_NUCLEO144_F746ZG       32 KiB        8,160 B             36 KiB    75.9 KiB        30 s in 160 KiB
//   ST_STM32F429I_DISCOVERY  512 KiB       61,860 B             45 KiB   616.9 KiB        30 s in 640 KiB
//   ST_STM32F769I_DISCOVERY    8 MiB      794,172 B                –        –             30 s in 13 MiB, no collection
//
// (F769I: 8,984 KiB of arena and metadata; it boots in its board's 13 MiB heap, and not in 10 MiB, where a 512 KiB
// arena segment found no room with 3.6 MB free.)
//
// "Pool + store metadata" is what the store counts for itself (the `board` command prints it: slot table, merge
// table, LZ4 table and page buffers, handle table, and the recompressor's 10,440 B from a 96 KiB arena up);
// "rest" is the peak less arena and metadata: the runtime and the assemblies (~17 KiB before any app code runs,
// measured before the first test of a suite), the demo apps, the console and the shell.
using ZramEmbedded.Allocator.Pool;

namespace ZramEmbedded.Board
{
    public sealed class BoardProfile
    {
        /// <summary>No such pin on this board.</summary>
        public const int NoPin = -1;

        /// <summary>No UART free for a console: output goes to the debugger, there is no input.</summary>
        public const string NoConsolePort = "";

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
        /// <summary>UART for the user console ("COMn"); never the wire-protocol (debugger) UART; NoConsolePort
        /// when the board has none free.</summary>
        public string ConsolePort { get; private set; }
        /// <summary>Bytes reserved at boot for the compressed-page arena.</summary>
        public int ArenaBytes { get; private set; }

        /// <summary>Allocates the arena: ArenaBytes as segments of at most ArenaSegments.MaxSegmentBytes.</summary>
        public byte[][] ReserveArena()
        {
            return ArenaSegments.Reserve(ArenaBytes);
        }

        // F769I-DISCO. Checked against nf-interpreter @ main (a3e8139a1) targets/ChibiOS/ST_STM32F769I_DISCOVERY: the
        // wire protocol (debugger) is USART1 (common/serialcfg.h SD1, nanoCLR/main.c sdStart: the ST-LINK virtual COM
        // port); USART6 is configured for System.IO.Ports on PC6 TX / PC7 RX (target_system_io_ports_config.cpp) =
        // Arduino D1/D0 (DOCS reference-targets/stm32f769i-discovery.md) -> COM6. LD1 red = PJ13 and USER = PA0
        // (board.h GPIOJ_LED1_RED, GPIOA_BUTTON_USER, input floating; active high through the board's pull-down:
        // from the board's user manual, not the target sources).
        // The managed heap is 13 MiB of SDRAM: an 8 MiB arena (16 segments of 512 KiB) plus its ~115 KB of pool
        // metadata leaves ~4.8 MiB for the app.
        public static readonly BoardProfile StmF769Discovery = new BoardProfile(
            "ST_STM32F769I_DISCOVERY", "STM32F769NI Cortex-M7 216 MHz", 157, 0, true, "COM6", 8 * 1024 * 1024);

        // F429I-DISCO. Checked against nf-interpreter @ main (a3e8139a1) targets/ChibiOS/ST_STM32F429I_DISCOVERY:
        // LD3 green = PG13 and USER = PA0 (board.h GPIOG_LED3_GREEN, GPIOA_BUTTON, input floating: the board's
        // external pull-down makes it active high). The wire protocol runs on USB CDC (common/usbcfg.h SERIAL_DRIVER
        // SDU1, nanoCLR/main.c sduStart), so the UARTs are free: System.IO.Ports configures USART1 on PA9/PA10 (the
        // ST-LINK virtual COM port, board.h) and USART3 on PD8/PD9 (target_system_io_ports_config.cpp) - but PD8/PD9
        // are SDRAM data lines here (board.h FMC_D13/D14), so COM3 must never be opened. Console: COM1.
        // (Older revisions of the target put the wire protocol on USART1, serialcfg.h SD1: with such a firmware
        // there is no free UART; use NoConsolePort.)
        public static readonly BoardProfile StmF429Discovery = new BoardProfile(
            "ST_STM32F429I_DISCOVERY", "STM32F429ZI Cortex-M4 180 MHz", 6 * 16 + 13, 0, true, "COM1", 512 * 1024);

        // Raspberry Pi Pico. Checked against nf-interpreter @ main (a3e8139a1) targets/ChibiOS/PICO_RP2040: LED = GP25
        // (README.md), pin number = GPIO number; no user button (BOOTSEL is not a GPIO); the wire protocol runs on
        // USB CDC (nanoCLR/main.c sduStart, common/usbcfg.h SDU1); COM1 = RP2040 UART0 on GP0 TX / GP1 RX, COM2 =
        // UART1 on GP8/GP9 (target_system_io_ports_config.cpp, _nanoCLR/System.IO.Ports UART_DRIVER_1 = UARTD0).
        // Console: COM2 (GP8 TX / GP9 RX, as nf-build/README.md's wiring table says).
        // Arena 80 KiB: the managed heap is what 256 KiB of ram0 leaves after .data/.bss and the 16 KiB CRT heap
        // (under ~240 KiB), and the firmware must fit 144 KiB of it so that apps keep the rest. Measured (table above):
        // 131.4 KiB live at most, so it runs in 144 KiB; with the former 96 KiB arena it held 156 KiB (24,456 B of
        // metadata, the idle recompressor's 10,440 B among them) and needed a 176 KiB heap. Idle recompression is off
        // here (Machine.RecompressMinArenaBytes): its 10 KB buy about as much as 10 KB more arena.
        public static readonly BoardProfile PicoRp2040 = new BoardProfile(
            "PICO_RP2040", "RP2040 dual Cortex-M0+ 133 MHz", 25, NoPin, false, "COM2", 80 * 1024);

        // NUCLEO-144 F746ZG (community target). Checked against nf-Community-Targets ChibiOS/ST_NUCLEO144_F746ZG:
        // the wire protocol is the serial driver on USART3 (mcuconf.h STM32_SERIAL_USE_USART3, the ST-LINK virtual
        // COM port); System.IO.Ports configures USART2 (PD5/PD6) and USART6 (PC6 TX / PC7 RX)
        // (target_system_io_ports_config.cpp) -> console COM6. LED1 = PB0 and BUTTON = PC13 as the target's
        // board.h defines them (GPIOB_LED1 0, GPIOC_BUTTON 13, input floating; nf-Community-Targets @ f28df87);
        // active high is from ST's Nucleo-144 user manual (B1 pulls PC13 up when pressed). Arena: 32 KiB, since
        // the managed heap is under 64 KiB: nanoCLR/STM32F746xG_CLR.ld puts .data, the CRT heap
        // (__crt_heap_size__ 0x30000 = 192 KiB, CMakeLists.txt) and then the CLR managed heap (the rest) in
        // ram0 = 256 KiB - 48 B; half of it for the arena, half for the apps. At this size the pool's fixed
        // metadata is about 3 % of the arena. Measured (table above), the firmware holds 75.9 KiB with this arena:
        // more than the heap this target is derived to have, so check the free heap on a board (nanoff / Debug.GC)
        // and lower the arena if the board's heap is the small one.
        public static readonly BoardProfile Nucleo144F746 = new BoardProfile(
            "ST_NUCLEO144_F746ZG", "STM32F746ZG Cortex-M7 216 MHz", 1 * 16 + 0, 2 * 16 + 13, true, "COM6", 32 * 1024);

        // The PC: the virtual board runs the same firmware on the host.
        public static readonly BoardProfile Virtual = new BoardProfile(
            "VIRTUAL", "host (.NET)", NoPin, NoPin, true, "stdio", 256 * 1024);

        private static readonly BoardProfile[] All = { StmF769Discovery, StmF429Discovery, Nucleo144F746, PicoRp2040, Virtual };

        /// <summary>The profile with this target name (case ignored), or null.</summary>
        public static BoardProfile Find(string name)
        {
            if (name == null) return null;
            string wanted = name.ToUpper();
            for (int i = 0; i < All.Length; i++)
            {
                if (All[i].Name == wanted) return All[i];
            }
            return null;
        }

        /// <summary>The known target names, comma separated (for usage and error lines).</summary>
        public static string KnownNames()
        {
            string names = "";
            for (int i = 0; i < All.Length; i++) names += (i == 0 ? "" : ", ") + All[i].Name;
            return names;
        }

        /// <summary>True when the board has a UART for the console.</summary>
        public bool HasConsolePort { get { return ConsolePort != null && ConsolePort.Length > 0; } }

        public static BoardProfile[] Known()
        {
            BoardProfile[] copy = new BoardProfile[All.Length];
            System.Array.Copy(All, copy, All.Length);
            return copy;
        }
    }
}
