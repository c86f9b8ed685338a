// Deterministic xorshift32 generator for test and benchmark data.
// System.Random's sequence differs between the host runtime and nanoFramework, so anything that must
// produce the same bytes on both (sample pages, randomized model tests with fixed seeds) uses this.
namespace ZramEmbedded.UnitTests.Samples
{
    public sealed class SampleRandom
    {
        private uint _state;

        public SampleRandom(uint seed)
        {
            // Spread small seeds and avoid the all-zero state, which xorshift never leaves.
            _state = (seed * 2654435761u) ^ 0x9E3779B9u;
            if (_state == 0) _state = 0x6D2B79F5u;
        }

        /// <summary>Next 32 random bits.</summary>
        public uint NextUInt()
        {
            uint x = _state;
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            _state = x;
            return x;
        }

        /// <summary>Uniform integer in [0, bound); bound must be positive.</summary>
        public int Next(int bound)
        {
            return (int)(NextUInt() % (uint)bound);
        }

        /// <summary>Uniform integer in [min, max).</summary>
        public int Next(int min, int max)
        {
            return min + Next(max - min);
        }

        /// <summary>Skewed pick in [0, bound): small indices are much more likely (roughly Zipf-like).</summary>
        public int Skewed(int bound)
        {
            int a = Next(bound);
            int b = Next(bound);
            return a * b / bound;
        }
    }
}
