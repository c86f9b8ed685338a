// Test helper: an app using the store — a StoreClient, a priority, hooks that discard its cache slots on
// Trim, and optional extra actions inside the hooks (HookAction) for the re-entrancy tests. Pages are
// incompressible (stored raw: 1 KiB pages take four 256 B frames each), so space is predictable.
using System;
using ZramEmbedded.Allocator.Pressure;
using ZramEmbedded.Allocator.Store;
using ZramEmbedded.UnitTests.Store;

namespace ZramEmbedded.UnitTests.Pressure
{
    public sealed class TestApp : ILowMemoryClient
    {
        public readonly string Name;
        public readonly MemoryPressure Pressure;
        public StoreClient Client;
        public int Id;
        public int Priority;
        /// <summary>Slots from here on are cache: Trim discards them.</summary>
        public int CacheStart = int.MaxValue;
        public HookAction OnTrim;
        public HookAction OnKill;
        public int Trims;
        public int Kills;
        public PressureLevel LastTrimLevel;
        public StoreResult HookWriteResult = StoreResult.Ok;
        public bool HookWriteTried;
        private readonly Journal _journal;
        private readonly byte[] _page;
        private uint _seed;

        public TestApp(MemoryPressure pressure, string name, int slots, int priority, Journal journal, byte[] page, uint seed)
        {
            Pressure = pressure;
            Name = name;
            Priority = priority;
            _journal = journal;
            _page = page;
            _seed = seed;
            Client = pressure.Store.Register(name, slots);
            if (!pressure.TryRegister(Client, priority, this, out Id)) throw new InvalidOperationException("registration table full");
        }

        /// <summary>Writes fresh pages into slots [from, from+count); returns how many were stored.</summary>
        public int Fill(int from, int count)
        {
            int ok = 0;
            for (int s = from; s < from + count; s++)
                if (Write(s) == StoreResult.Ok) ok++;
            return ok;
        }

        public StoreResult Write(int slot)
        {
            StoreFixtures.Random(_page, _seed++);
            return Client.Write(slot, _page, 0);
        }

        /// <summary>Writes the same content as page number `n` of another app with the same seed would.</summary>
        public StoreResult WriteSeed(int slot, uint seed)
        {
            StoreFixtures.Random(_page, seed);
            return Client.Write(slot, _page, 0);
        }

        public int Pages
        {
            get
            {
                if (Client.IsReleased) return 0;
                ClientStats s = new ClientStats();
                Client.GetStats(s);
                return s.Pages;
            }
        }

        public void Trim(PressureLevel level)
        {
            Trims++;
            LastTrimLevel = level;
            _journal.Add("T", Name);
            if (!Client.IsReleased)
                for (int s = CacheStart; s < Client.SlotCount; s++) Client.Discard(s);
            Do(OnTrim);
        }

        public void Kill()
        {
            Kills++;
            _journal.Add("K", Name);
            Do(OnKill);
        }

        private void Do(HookAction action)
        {
            switch (action)
            {
                case HookAction.Throw:
                    throw new InvalidOperationException("hook failure (test)");
                case HookAction.WritePage:
                    for (int s = 0; s < Client.SlotCount; s++)
                    {
                        if (Client.HasData(s)) continue;
                        HookWriteTried = true;
                        HookWriteResult = Write(s);
                        return;
                    }
                    return;
                case HookAction.DiscardAll:
                    for (int s = 0; s < Client.SlotCount; s++) Client.Discard(s);
                    return;
                case HookAction.ReleaseClient:
                    Client.Release();
                    return;
                case HookAction.Unregister:
                    Pressure.Unregister(Id);
                    return;
                case HookAction.Restart:
                    int slots = Client.SlotCount;
                    Client.Release();
                    Client = Pressure.Store.Register(Name, slots);
                    Pressure.TryRegister(Client, Priority, this, out Id);
                    return;
                default:
                    return;
            }
        }
    }
}
