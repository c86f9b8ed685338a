// A reference model of a PageStore for randomized tests: it knows what every slot of every client must
// read (a content descriptor: kind + seed, regenerated on demand, so the model costs a few bytes per slot)
// and what the stats must be. Object sizes come from its own LZ4 encoder with the store's table size and
// huge threshold, so compr_data_size and huge_pages are predicted independently of the store.
// Merging is checked by bounds at every step (pages_merged ≤ object pages − distinct contents, compressed
// bytes between the distinct and the total sizes) and exactly once a scan has seen everything.
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Codec;
using ZramEmbedded.Allocator.Store;
using ZramEmbedded.UnitTests.Samples;

namespace ZramEmbedded.UnitTests.Store
{
    internal sealed class StoreModel
    {
        internal const int Empty = -1;
        internal const int Structured = 0;
        internal const int Same = 1;
        internal const int Random = 2;

        private readonly PageStore _store;
        private readonly int _pageSize;
        private readonly Lz4Encoder _encoder;
        private readonly StoreClient[] _clients;
        private readonly int[][] _kind;
        private readonly uint[][] _seed;
        private readonly int[][] _size;      // object bytes (0 for same-filled/empty)
        private readonly byte[] _page;
        private readonly byte[] _back;
        private readonly byte[] _compressed;
        private readonly MmStat _mm = new MmStat();
        private readonly IoStat _io = new IoStat();
        private readonly ClientStats _cs = new ClientStats();
        internal long FailedWrites;
        internal long NotifyFree;
        internal long HugeSince;
        internal int Steps;
        internal int ExactChecks;

        internal StoreModel(PageStore store, int clients, int encoderHashBits)
        {
            _store = store;
            _pageSize = store.PageSize;
            _encoder = new Lz4Encoder(encoderHashBits);
            _clients = new StoreClient[clients];
            _kind = new int[clients][];
            _seed = new uint[clients][];
            _size = new int[clients][];
            _page = new byte[_pageSize];
            _back = new byte[_pageSize];
            _compressed = new byte[_pageSize];
        }

        internal PageStore Store { get { return _store; } }

        internal int ClientSlots { get { return _clients.Length; } }

        internal StoreClient Client(int k)
        {
            return _clients[k];
        }

        /// <summary>Registers a client in model row k (the row must be free); false when the store has no room.</summary>
        internal bool Register(int k, int slots)
        {
            if (_store.UnassignedSlots < slots) return false;
            StoreClient c;
            try
            {
                c = _store.Register("c" + k, slots);
            }
            catch (System.InvalidOperationException)
            {
                return false; // no contiguous range that long
            }
            _clients[k] = c;
            _kind[k] = new int[slots];
            _seed[k] = new uint[slots];
            _size[k] = new int[slots];
            for (int i = 0; i < slots; i++) _kind[k][i] = Empty;
            return true;
        }

        internal void Release(int k)
        {
            for (int i = 0; i < _kind[k].Length; i++)
                if (_kind[k][i] != Empty) NotifyFree++;
            _clients[k].Release();
            _clients[k] = null;
            _kind[k] = null;
            _seed[k] = null;
            _size[k] = null;
        }

        internal void Fill(byte[] page, int kind, uint seed)
        {
            if (kind == Structured) StoreFixtures.Structured(page, seed);
            else if (kind == Same) StoreFixtures.Same(page, seed);
            else if (kind == Random) StoreFixtures.Random(page, seed);
            else System.Array.Clear(page, 0, page.Length);
        }

        /// <summary>Object bytes the store must use for this content (0 = same-filled); huge when raw.</summary>
        private int ObjectSize(int kind, out bool huge)
        {
            huge = false;
            if (kind == Same) return 0;
            int n = _encoder.Compress(_page, 0, _pageSize, _compressed, 0, _store.HugeThreshold - 1);
            if (n != Lz4Block.DoesNotFit) return n;
            huge = true;
            return _pageSize;
        }

        /// <summary>Writes content (kind, seed) into slot i of client k and checks the outcome against the model.</summary>
        internal StoreResult Write(int k, int i, int kind, uint seed)
        {
            Fill(_page, kind, seed);
            bool huge;
            int size = ObjectSize(kind, out huge);
            Fill(_page, kind, seed); // the encoder does not change its input, but be explicit about what is written
            StoreResult r = _clients[k].Write(i, _page, 0);
            if (r == StoreResult.Ok)
            {
                _kind[k][i] = kind;
                _seed[k][i] = seed;
                _size[k][i] = size;
                if (huge) HugeSince++;
            }
            else
            {
                Assert.AreEqual(StoreResult.NoSpace, r);
                Assert.IsTrue(kind != Same, "a same-filled page always fits");
                FailedWrites++;
            }
            return r;
        }

        internal void Discard(int k, int i)
        {
            _clients[k].Discard(i);
            _kind[k][i] = Empty;
            _size[k][i] = 0;
            NotifyFree++;
        }

        internal void CheckRead(int k, int i)
        {
            Assert.AreEqual(StoreResult.Ok, _clients[k].Read(i, _back, 0));
            Fill(_page, _kind[k][i], _seed[k][i]);
            for (int b = 0; b < _pageSize; b++)
            {
                if (_page[b] != _back[b])
                {
                    Assert.IsTrue(false, "step " + Steps + ": client " + k + " slot " + i + " byte " + b + " differs");
                }
            }
        }

        internal void CheckAllReads()
        {
            for (int k = 0; k < _clients.Length; k++)
            {
                if (_clients[k] == null) continue;
                for (int i = 0; i < _kind[k].Length; i++) CheckRead(k, i);
            }
        }

        internal int KindOf(int k, int i)
        {
            return _kind[k][i];
        }

        internal uint SeedOf(int k, int i)
        {
            return _seed[k][i];
        }

        /// <summary>
        /// Stats against the model. exactMerge: the scan has seen every object (and the table had room), so
        /// pages_merged and compr_data_size are exact.
        /// </summary>
        internal void CheckStats(bool exactMerge)
        {
            _store.GetMmStat(_mm);
            _store.GetIoStat(_io);
            int pages = 0, same = 0, huge = 0, objectPages = 0, distinct = 0;
            long all = 0, distinctBytes = 0;
            for (int k = 0; k < _clients.Length; k++)
            {
                if (_clients[k] == null) continue;
                int cp = 0, cs = 0, ch = 0;
                long cb = 0;
                for (int i = 0; i < _kind[k].Length; i++)
                {
                    int kind = _kind[k][i];
                    if (kind == Empty) continue;
                    pages++;
                    cp++;
                    if (kind == Same)
                    {
                        same++;
                        cs++;
                        continue;
                    }
                    objectPages++;
                    all += _size[k][i];
                    cb += _size[k][i];
                    if (_size[k][i] == _pageSize)
                    {
                        huge++;
                        ch++;
                    }
                    if (FirstOf(k, i))
                    {
                        distinct++;
                        distinctBytes += _size[k][i];
                    }
                }
                _clients[k].GetStats(_cs);
                Assert.AreEqual(cp, _cs.Pages, "client pages");
                Assert.AreEqual(cs, _cs.SameFilled, "client same-filled");
                Assert.AreEqual(ch, _cs.HugePages, "client huge");
                Assert.AreEqual(cb, _cs.StoredBytes, "client stored bytes");
            }
            Assert.AreEqual((long)pages * _pageSize, _mm.OrigDataSize, "orig_data_size");
            Assert.AreEqual((long)same, _mm.SamePages, "same_pages");
            Assert.AreEqual((long)huge, _mm.HugePages, "huge_pages");
            Assert.AreEqual(HugeSince, _mm.HugePagesSince, "huge_pages_since");
            Assert.AreEqual(FailedWrites, _io.FailedWrites, "failed_writes");
            Assert.AreEqual(NotifyFree, _io.NotifyFree, "notify_free");
            Assert.AreEqual(0L, _io.FailedReads, "failed_reads");
            Assert.IsTrue(_mm.PagesMerged >= 0 && _mm.PagesMerged <= objectPages - distinct, "pages_merged bound");
            Assert.IsTrue(_mm.ComprDataSize >= distinctBytes && _mm.ComprDataSize <= all, "compr_data_size bounds");
            Assert.IsTrue(_mm.MemUsedTotal >= _mm.ComprDataSize, "mem_used_total covers the objects");
            Assert.IsTrue(_mm.MemUsedMax >= _mm.MemUsedTotal, "mem_used_max");
            if (exactMerge)
            {
                ExactChecks++;
                Assert.AreEqual((long)(objectPages - distinct), _mm.PagesMerged, "pages_merged after a full scan");
                Assert.AreEqual(distinctBytes, _mm.ComprDataSize, "compr_data_size after a full scan");
            }
        }

        /// <summary>True when (k, i) is the first slot (client-major order) holding its content.</summary>
        private bool FirstOf(int k, int i)
        {
            int kind = _kind[k][i];
            uint seed = _seed[k][i];
            for (int k2 = 0; k2 <= k; k2++)
            {
                if (_clients[k2] == null) continue;
                int end = k2 == k ? i : _kind[k2].Length;
                for (int j = 0; j < end; j++)
                    if (_kind[k2][j] == kind && _seed[k2][j] == seed) return false;
            }
            return true;
        }

        /// <summary>A random occupied (k, i) with an object, or false.</summary>
        internal bool PickObject(SampleRandom rng, out int k, out int i)
        {
            for (int tries = 0; tries < 20; tries++)
            {
                k = rng.Next(_clients.Length);
                if (_clients[k] == null) continue;
                i = rng.Next(_kind[k].Length);
                if (_kind[k][i] == Structured || _kind[k][i] == Random) return true;
            }
            k = 0;
            i = 0;
            return false;
        }
    }
}
