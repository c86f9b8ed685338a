// Host build: the firmware runs on the virtual board, configured by the command line (HostOptions:
// --board, --console stdio|tcp:PORT, --backing, --script, --seconds). A bad option prints one line and
// exits with 2; Finish exits with the run's code (0, or 1 when an app saw a mismatch).
using System;
using System.IO;
using ZramEmbedded.Board;
using ZramEmbedded.Board.Terminal;
using ZramEmbedded.Board.Host;

namespace ZramEmbedded.Firmware
{
    public static class BoardFactory
    {
        private static HostOptions _options;

        public static IBoard Create()
        {
            string[] all = Environment.GetCommandLineArgs();
            string[] args = new string[Math.Max(0, all.Length - 1)];
            Array.Copy(all, 1, args, 0, args.Length);
            _options = HostOptions.Parse(args, out string error);
            if (_options == null)
            {
                Console.Error.WriteLine("error: " + error);
                Environment.Exit(2);
            }
            if (_options.ShowHelp)
            {
                Console.WriteLine(HostOptions.Help());
                Environment.Exit(0);
            }
            IConsoleStream stream;
            TcpConsoleStream tcpStream = null;
            if (_options.TcpPort > 0)
            {
                var tcp = new TcpConsoleStream(_options.TcpPort, "ZramEmbedded virtual board " + _options.Board.Name + ": console attached ('help' for commands)");
                Console.WriteLine("console on 127.0.0.1:" + tcp.Port + " (attach with: nc 127.0.0.1 " + tcp.Port + "  or  socat -,rawer TCP:127.0.0.1:" + tcp.Port + "); Ctrl-C here or 'exit' there quits");
                stream = tcp;
                tcpStream = tcp;
            }
            else
            {
                stream = new StdioConsoleStream();
            }
            ZramEmbedded.Allocator.Backing.IBackingStore backing = null;
            if (_options.BackingFile != null)
            {
                // Room for four times the arena in pages: enough for every page the apps can hold.
                int records = Math.Max(64, 4 * _options.Board.ArenaBytes / Machine.PageSize);
                try
                {
                    backing = FileBackingStore.Open(_options.BackingFile, StreamBackingStore.RecordSizeFor(Machine.PageSize), records);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    Console.Error.WriteLine("error: cannot use backing file " + _options.BackingFile + ": " + e.Message.Split('\n')[0]);
                    Environment.Exit(2);
                }
            }
            var board = new VirtualBoard(_options.Board, stream, backing);
            // A terminal that attaches later gets a prompt at once, as if it had been there all along.
            if (tcpStream != null) tcpStream.Attached += () => board.Console.Write(board.Console.Prompt);
            return board;
        }

        /// <summary>What to run: the command line's --seconds and --script, else interactive.</summary>
        public static RunPlan Plan()
        {
            if (_options == null || !_options.IsBatch) return RunPlan.Interactive;
            string[] script = _options.ScriptFile != null ? File.ReadAllLines(_options.ScriptFile) : null;
            return new RunPlan(_options.Seconds, script);
        }

        public static void Finish(int code)
        {
            Environment.Exit(code);
        }
    }
}
