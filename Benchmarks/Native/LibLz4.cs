// P/Invoke declarations for the machine's reference liblz4 (Debian liblz4-1, liblz4.so.1).
// Host-only: used by the interop tests (UnitTests/Host/Tests) and the benchmarks as the baseline codec.
// Signatures follow lz4.h (block API, v1.9.x).
using System.Runtime.InteropServices;

namespace ZramEmbedded.Native
{
    public static class LibLz4
    {
        private const string Lib = "liblz4.so.1";

        [DllImport(Lib, EntryPoint = "LZ4_versionNumber")]
        public static extern int VersionNumber();

        [DllImport(Lib, EntryPoint = "LZ4_compressBound")]
        public static extern int CompressBound(int inputSize);

        [DllImport(Lib, EntryPoint = "LZ4_compress_default")]
        public static extern int CompressDefault(byte[] src, byte[] dst, int srcSize, int dstCapacity);

        [DllImport(Lib, EntryPoint = "LZ4_compress_fast")]
        public static extern int CompressFast(byte[] src, byte[] dst, int srcSize, int dstCapacity, int acceleration);

        [DllImport(Lib, EntryPoint = "LZ4_decompress_safe")]
        public static extern int DecompressSafe(byte[] src, byte[] dst, int compressedSize, int dstCapacity);

        [DllImport(Lib, EntryPoint = "LZ4_sizeofState")]
        public static extern int SizeofState();

        /// <summary>Compress with a caller-held state (LZ4_compress_fast_extState); state must be SizeofState() bytes.</summary>
        [DllImport(Lib, EntryPoint = "LZ4_compress_fast_extState")]
        public static extern int CompressFastExtState(byte[] state, byte[] src, byte[] dst, int srcSize, int dstCapacity, int acceleration);
    }
}
