// PageStore, clients: registration (a contiguous free range of the slot table, first fit), enumeration
// without allocation, release (every page dropped at once, the range given back).
using System;

namespace ZramEmbedded.Allocator.Store
{
    public sealed partial class PageStore
    {
        // ---------------------------------------------------------------- clients

        /// <summary>
        /// Registers a client with slotCount slots (a contiguous free range of the slot table, first fit).
        /// InvalidOperationException when the client table is full or no free range is long enough;
        /// ArgumentNullException for a null name; ArgumentOutOfRangeException for slotCount &lt; 1.
        /// Allocates the client object (registration is not a steady-state call).
        /// </summary>
        public StoreClient Register(string name, int slotCount)
        {
            if (name == null) throw new ArgumentNullException("name");
            if (slotCount < 1 || slotCount > Slots.Count) throw new ArgumentOutOfRangeException("slotCount");
            lock (_sync)
            {
                int row = -1;
                for (int i = 0; i < _clients.Length; i++)
                {
                    if (_clients[i] == null)
                    {
                        row = i;
                        break;
                    }
                }
                if (row < 0) throw new InvalidOperationException("client table full");
                int start = FindFreeRange(slotCount);
                if (start < 0) throw new InvalidOperationException("no free slot range of that length");
                StoreClient c = new StoreClient(this, name, _nextClientId++, start, slotCount, row);
                _clients[row] = c;
                _clientCount++;
                return c;
            }
        }

        /// <summary>Lowest start of a free run of `count` slots between live clients' ranges, or −1.</summary>
        private int FindFreeRange(int count)
        {
            int best = -1;
            // Candidates: slot 0 and the end of every live range.
            for (int i = -1; i < _clients.Length; i++)
            {
                int start;
                if (i < 0) start = 0;
                else if (_clients[i] == null) continue;
                else start = _clients[i].Base + _clients[i].SlotCount;
                if (start + count > Slots.Count) continue;
                if (best >= 0 && start >= best) continue;
                bool free = true;
                for (int j = 0; j < _clients.Length && free; j++)
                {
                    StoreClient o = _clients[j];
                    if (o == null) continue;
                    if (start < o.Base + o.SlotCount && o.Base < start + count) free = false;
                }
                if (free) best = start;
            }
            return best;
        }

        /// <summary>Live (registered, not released) clients.</summary>
        public int ClientCount { get { lock (_sync) { return _clientCount; } } }

        /// <summary>The index-th live client (0..ClientCount−1, in client-table order); no allocation.</summary>
        public StoreClient GetClient(int index)
        {
            lock (_sync)
            {
                if (index < 0 || index >= _clientCount) throw new ArgumentOutOfRangeException("index");
                for (int i = 0; i < _clients.Length; i++)
                {
                    if (_clients[i] == null) continue;
                    if (index == 0) return _clients[i];
                    index--;
                }
                throw new InvalidOperationException("client table count out of step");
            }
        }

        /// <summary>Free slots not in any client's range.</summary>
        public int UnassignedSlots
        {
            get
            {
                lock (_sync)
                {
                    int n = Slots.Count;
                    for (int i = 0; i < _clients.Length; i++)
                        if (_clients[i] != null) n -= _clients[i].SlotCount;
                    return n;
                }
            }
        }

        internal void ReleaseClient(StoreClient c)
        {
            lock (_sync)
            {
                CheckClient(c);
                int end = c.Base + c.SlotCount;
                for (int g = c.Base; g < end; g++)
                {
                    if (Slots.Residence(g) == SlotTable.Empty) continue;
                    Release(c, g);
                    _notifyFree++;
                }
                _clients[c.TableIndex] = null;
                c.TableIndex = -1;
                _clientCount--;
            }
        }
    }
}
