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

        [DllImport(Lib, EntryPoint = "LZ4_decompress_safe_usingDict")]
        public static extern int DecompressSafeUsingDict(byte[] src, byte[] dst, int compressedSize, int dstCapacity, byte[] dict, int dictSize);

        /// <summary>High-compression block (lz4hc.h, part of liblz4.so.1); level 1..12 (9 is LZ4HC_CLEVEL_DEFAULT).</summary>
        [DllImport(Lib, EntryPoint = "LZ4_compress_HC")]
        public static extern int CompressHC(byte[] src, byte[] dst, int srcSize, int dstCapacity, int compressionLevel);

        // HC streaming API, used for one block against a dictionary: create, reset to a level, load the
        // dictionary (liblz4 keeps a pointer to it: pass pinned or unmanaged memory), compress_HC_continue.
        [DllImport(Lib, EntryPoint = "LZ4_createStreamHC")]
        public static extern System.IntPtr CreateStreamHC();

        [DllImport(Lib, EntryPoint = "LZ4_freeStreamHC")]
        public static extern int FreeStreamHC(System.IntPtr stream);

        [DllImport(Lib, EntryPoint = "LZ4_resetStreamHC_fast")]
        public static extern void ResetStreamHCFast(System.IntPtr stream, int compressionLevel);

        [DllImport(Lib, EntryPoint = "LZ4_loadDictHC")]
        public static extern int LoadDictHC(System.IntPtr stream, System.IntPtr dict, int dictSize);

        [DllImport(Lib, EntryPoint = "LZ4_compress_HC_continue")]
        public static extern int CompressHCContinue(System.IntPtr stream, byte[] src, byte[] dst, int srcSize, int dstCapacity);

        // Fast streaming API, the same way (LZ4_loadDict + LZ4_compress_fast_continue).
        [DllImport(Lib, EntryPoint = "LZ4_createStream")]
        public static extern System.IntPtr CreateStream();

        [DllImport(Lib, EntryPoint = "LZ4_freeStream")]
        public static extern int FreeStream(System.IntPtr stream);

        [DllImport(Lib, EntryPoint = "LZ4_loadDict")]
        public static extern int LoadDict(System.IntPtr stream, System.IntPtr dict, int dictSize);

        [DllImport(Lib, EntryPoint = "LZ4_compress_fast_continue")]
        public static extern int CompressFastContinue(System.IntPtr stream, byte[] src, byte[] dst, int srcSize, int dstCapacity, int acceleration);

        /// <summary>
        /// One HC block of src against dict (liblz4's external-dictionary mode), level as LZ4_compress_HC.
        /// Allocates a stream and pins the dictionary per call (test and benchmark use only).
        /// </summary>
        public static int CompressHCUsingDict(byte[] src, byte[] dst, int srcSize, int dstCapacity, byte[] dict, int dictSize, int level)
        {
            var pin = GCHandle.Alloc(dict, GCHandleType.Pinned);
            System.IntPtr stream = CreateStreamHC();
            try
            {
                ResetStreamHCFast(stream, level);
                LoadDictHC(stream, pin.AddrOfPinnedObject(), dictSize);
                return CompressHCContinue(stream, src, dst, srcSize, dstCapacity);
            }
            finally
            {
                FreeStreamHC(stream);
                pin.Free();
            }
        }

        /// <summary>One fast block of src against dict (LZ4_loadDict + LZ4_compress_fast_continue).</summary>
        public static int CompressFastUsingDict(byte[] src, byte[] dst, int srcSize, int dstCapacity, byte[] dict, int dictSize, int acceleration)
        {
            var pin = GCHandle.Alloc(dict, GCHandleType.Pinned);
            System.IntPtr stream = CreateStream();
            try
            {
                LoadDict(stream, pin.AddrOfPinnedObject(), dictSize);
                return CompressFastContinue(stream, src, dst, srcSize, dstCapacity, acceleration);
            }
            finally
            {
                FreeStream(stream);
                pin.Free();
            }
        }

        /// <summary>Compress with a caller-held state (LZ4_compress_fast_extState); state must be SizeofState() bytes.</summary>
        [DllImport(Lib, EntryPoint = "LZ4_compress_fast_extState")]
        public static extern int CompressFastExtState(byte[] state, byte[] src, byte[] dst, int srcSize, int dstCapacity, int acceleration);
    }
}
