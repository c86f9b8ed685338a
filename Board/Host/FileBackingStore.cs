// The virtual board's backing store: a file on the PC, path from the command line, created (with its
// folder) if missing. The record format, superblock and restart behaviour are StreamBackingStore's.
// Host-only.
using System;
using System.IO;

namespace ZramEmbedded.Board.Host
{
    public static class FileBackingStore
    {
        /// <summary>The command-line option naming the backing file: `--backing PATH`.</summary>
        public const string Option = "--backing";

        /// <summary>
        /// The value of `--backing PATH` in args (e.g. the firmware's Environment.GetCommandLineArgs()), or
        /// null when absent. ArgumentException when the option has no path after it.
        /// </summary>
        public static string PathFromCommandLine(string[] args)
        {
            if (args == null) return null;
            for (int i = 0; i < args.Length; i++)
            {
                if (args[i] != Option) continue;
                if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    throw new ArgumentException(Option + " needs a file path");
                return args[i + 1];
            }
            return null;
        }

        /// <summary>Opens or creates `path` as a backing store of recordCount records of recordSize bytes.</summary>
        public static StreamBackingStore Open(string path, int recordSize, int recordCount)
        {
            if (string.IsNullOrEmpty(path)) throw new ArgumentException("a backing file path is needed", nameof(path));
            string full = Path.GetFullPath(path);
            string dir = Path.GetDirectoryName(full);
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
            var stream = new FileStream(full, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 4096, FileOptions.RandomAccess);
            try
            {
                return new StreamBackingStore(stream, recordSize, recordCount);
            }
            catch
            {
                stream.Dispose();
                throw;
            }
        }
    }
}
