// Shared helpers for the codec tests: guarded buffers (a region the code may touch, surrounded by guard
// bytes that must survive), byte-range comparison and small synthetic inputs. Nano subset (device suite).
using System;
using ZramEmbedded.UnitTests.Samples;

namespace ZramEmbedded.UnitTests.Codec
{
    public static class CodecTestData
    {
        /// <summary>Guard bytes on each side of a guarded region.</summary>
        public const int Guard = 16;

        /// <summary>Value of every guard byte.</summary>
        public const byte GuardValue = 0xA5;

        /// <summary>A buffer holding Guard bytes, then length bytes of region, then Guard bytes, all set to GuardValue.</summary>
        public static byte[] Guarded(int length)
        {
            byte[] b = new byte[length + 2 * Guard];
            Reset(b);
            return b;
        }

        /// <summary>Sets the guards and the region of a Guarded buffer back to GuardValue.</summary>
        public static void Reset(byte[] guarded)
        {
            // Doubling Array.Copy: a few native calls instead of one interpreted store per byte on a device.
            guarded[0] = GuardValue;
            for (int done = 1; done < guarded.Length; done += done)
                Array.Copy(guarded, 0, guarded, done, done < guarded.Length - done ? done : guarded.Length - done);
        }

        /// <summary>True when both guard areas of a Guarded buffer are intact.</summary>
        public static bool GuardsIntact(byte[] guarded)
        {
            for (int i = 0; i < Guard; i++)
            {
                if (guarded[i] != GuardValue) return false;
                if (guarded[guarded.Length - 1 - i] != GuardValue) return false;
            }
            return true;
        }

        public static bool SameBytes(byte[] a, int aOffset, byte[] b, int bOffset, int length)
        {
            for (int i = 0; i < length; i++)
            {
                if (a[aOffset + i] != b[bOffset + i]) return false;
            }
            return true;
        }

        /// <summary>length bytes from an alphabet of alphabet symbols (1 = a run, 256 = incompressible).</summary>
        public static byte[] Alphabet(int length, int alphabet, uint seed)
        {
            SampleRandom rng = new SampleRandom(seed);
            byte[] b = new byte[length];
            for (int i = 0; i < length; i++) b[i] = (byte)('a' + rng.Next(alphabet));
            return b;
        }
    }
}
