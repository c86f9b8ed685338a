// One app of the `pressure` benchmark: a store client with two kinds of pages. State pages (slots
// [0, StateMax)) follow a target that drifts between a floor and StateMax — the app's real data, which
// grows and shrinks. Cache pages (slots [StateMax, Slots)) are filled whenever the app has nothing else
// to do, up to the cache size — data it could recompute, which it drops when trimmed (all of it at
// critical pressure, every other page below). Killed, the app stays dead for a restart delay, then
// comes back empty and grows again, as a supervisor would restart it.
using System;
using ZramEmbedded.Allocator.Pressure;
using ZramEmbedded.Allocator.Store;
using ZramEmbedded.UnitTests.Samples;

namespace ZramEmbedded.Benchmarks.Pressure
{
    internal sealed class WorkloadApp : ILowMemoryClient
    {
        public readonly string Name;
        public readonly int Priority;
        public readonly int StateMin;
        public readonly int StateMax;
        public readonly int Slots;
        public StoreClient Client;
        public int Id = RegistrationTable.NoRegistration;
        public int StateTarget;
        public int StatePages;
        public int CachePages;
        public bool Dead;
        public long RestartAt;
        public int Kills;
        public int Trims;
        public readonly bool[] Has;

        public WorkloadApp(string name, int priority, int stateMin, int stateMax, int cacheMax)
        {
            Name = name;
            Priority = priority;
            StateMin = stateMin;
            StateMax = stateMax;
            Slots = stateMax + cacheMax;
            Has = new bool[Slots];
        }

        public int CacheMax { get { return Slots - StateMax; } }

        public void Start(PageStore store, MemoryPressure pressure, SampleRandom rng)
        {
            Client = store.Register(Name, Slots);
            pressure.TryRegister(Client, Priority, this, out Id);
            Array.Clear(Has, 0, Has.Length);
            StatePages = 0;
            CachePages = 0;
            Dead = false;
            RestartAt = 0;
            StateTarget = StateMin + rng.Next(StateMax - StateMin + 1);
        }

        public void Trim(PressureLevel level)
        {
            Trims++;
            if (Dead || Client.IsReleased) return;
            int step = level == PressureLevel.Critical ? 1 : 2;
            for (int s = StateMax; s < Slots; s += step)
            {
                if (!Has[s]) continue;
                Client.Discard(s);
                Has[s] = false;
                CachePages--;
            }
        }

        public void Kill()
        {
            Kills++;
            Dead = true;
        }

        /// <summary>The client was released (killed): forget every page, restart later.</summary>
        public void Died(long now, int restartDelay)
        {
            Dead = true;
            Array.Clear(Has, 0, Has.Length);
            StatePages = 0;
            CachePages = 0;
            RestartAt = now + restartDelay;
        }

        /// <summary>A free slot in [from, to), or -1.</summary>
        public int FreeSlot(SampleRandom rng, int from, int to)
        {
            int n = to - from;
            if (n <= 0) return -1;
            int start = rng.Next(n);
            for (int k = 0; k < n; k++)
            {
                int s = from + (start + k) % n;
                if (!Has[s]) return s;
            }
            return -1;
        }

        /// <summary>A slot in [from, to) holding data, or -1.</summary>
        public int UsedSlot(SampleRandom rng, int from, int to)
        {
            int n = to - from;
            if (n <= 0) return -1;
            int start = rng.Next(n);
            for (int k = 0; k < n; k++)
            {
                int s = from + (start + k) % n;
                if (Has[s]) return s;
            }
            return -1;
        }
    }
}
