// A randomized model of the page store with writeback, for the model-based tests (host-only: the device
// test assembly is at its IL size limit; written in the nanoFramework subset all the same). Three clients
// write, rewrite (also with another slot's content, so the merge scan has duplicates to share), read,
// discard and get released and replaced, while idle marking, writeback in every mode (also from the
// store's reclaimer when a write does not fit), merge slices, compaction, a switching writeback_limit and
// injected device faults of every kind interleave.
//
// The model knows each slot's content as a token (content is a pure function of the token). It follows
// the device's write log to know which token each record holds, and the fault log to know which token a
// fault destroyed: a write fault loses the token being written, a read fault the token of the record read.
// Rule checked on every read: Ok means exactly the token's bytes (never another slot's data, never stale
// data); ReadFailed is allowed only for a token a fault destroyed — merged duplicates share the fate of
// the page they share, so the rule is per content, not per slot. Everything else (NoSpace on a write
// leaves the old content) follows from the store's contract; CheckInvariants runs after every step.
using System;
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Backing;
using ZramEmbedded.Allocator.Store;
using ZramEmbedded.UnitTests.Samples;
using ZramEmbedded.UnitTests.Store;

namespace ZramEmbedded.UnitTests.Backing
{
    public sealed class WritebackModel
    {
        public const int Page = 512;
        public const int ArenaBytes = 8 * 1024;
        private const int Rows = 3;
        private const int SlotsPerClient = 16;

        private readonly SampleRandom _rng;
        private readonly ManualClock _clock = new ManualClock();
        private readonly FaultyBackingStore _dev;
        private readonly PageStore _store;
        private readonly StoreClient[] _clients = new StoreClient[Rows];
        private readonly int[][] _token = new int[Rows][];
        private readonly bool[] _lost;
        private readonly int[] _recordToken;
        private readonly byte[] _page = new byte[Page];
        private readonly byte[] _expect = new byte[Page];
        private int _nextToken;
        private int _faultsSeen;

        // What the run exercised (the tests assert these are not zero).
        public int ReadsChecked, ReadsFromDevice, FailedReadsExplained, FaultsFired, WritebackCalls, PagesWrittenBack, NoSpaceWrites, MaxBacked;

        public WritebackModel(uint seed, int records, int maxTokens)
        {
            _rng = new SampleRandom(seed);
            _dev = new FaultyBackingStore(RecordCodec.HeaderSize + Page, records, 1, 64);
            StoreConfig cfg = StoreConfig.ForArena(ArenaBytes, Page);
            cfg.IdleUnitMs = 1;
            cfg.MergeNowIntervalMs = 1000;
            _store = StoreFixtures.Make(ArenaBytes, cfg, _clock);
            _store.AttachBackingStore(_dev);
            _store.Reclaimer = new WritebackReclaimer(_store);
            _lost = new bool[maxTokens];
            _recordToken = new int[records];
            for (int r = 0; r < Rows; r++) Register(r);
        }

        public PageStore Store { get { return _store; } }
        public FaultyBackingStore Device { get { return _dev; } }

        private void Register(int row)
        {
            _clients[row] = _store.Register("c" + row.ToString(), SlotsPerClient);
            _token[row] = new int[SlotsPerClient];
            for (int s = 0; s < SlotsPerClient; s++) _token[row][s] = -1;
        }

        /// <summary>The content of a token: incompressible (huge), same-filled or structured.</summary>
        private static void Content(int token, byte[] page)
        {
            int k = token % 9;
            if (k == 0) StoreFixtures.Random(page, (uint)token);
            else if (k == 1) StoreFixtures.Same(page, (uint)token * 0x01010101u);
            else StoreFixtures.Structured(page, (uint)token);
        }

        public void Run(int steps)
        {
            for (int i = 0; i < steps && _nextToken < _lost.Length - 1; i++)
            {
                Step();
                _store.CheckInvariants();
                if (_store.BackedSlots > MaxBacked) MaxBacked = _store.BackedSlots;
            }
        }

        /// <summary>Reads every slot once (checked), then releases every client: no record may remain.</summary>
        public void DrainAndRelease()
        {
            for (int row = 0; row < Rows; row++)
                for (int s = 0; s < SlotsPerClient; s++) Read(row, s);
            for (int row = 0; row < Rows; row++) _clients[row].Release();
            BdStat bd = new BdStat();
            _store.GetBdStat(bd);
            Assert.AreEqual(0L, bd.BdCount, "every record freed");
            Assert.AreEqual(0, _store.BackedSlots);
            _store.CheckInvariants();
        }

        private void Step()
        {
            _clock.Advance(_rng.Next(3));
            int row = _rng.Next(Rows);
            int slot = _rng.Next(SlotsPerClient);
            int op = _rng.Next(100);
            if (op < 28) Write(row, slot, _nextToken++);
            else if (op < 36) WriteDuplicate(row, slot);
            else if (op < 56) Read(row, slot);
            else if (op < 61)
            {
                _clients[row].Discard(slot);
                Observe();
                _token[row][slot] = -1;
            }
            else if (op < 68)
            {
                _store.MarkAllIdle();
            }
            else if (op < 80)
            {
                int mode = 1 + _rng.Next(3);
                WritebackCalls++;
                PagesWrittenBack += _store.Writeback((WritebackMode)mode, 1 + _rng.Next(6));
                Observe();
            }
            else if (op < 85) _store.MergeSlice(1 + _rng.Next(40));
            else if (op < 89) _store.Compact(1 + _rng.Next(2048));
            else if (op < 95) Arm();
            else if (op < 97)
            {
                _clients[row].Release();
                Observe();
                Register(row);
            }
            else if (op < 98)
            {
                _store.WritebackLimitEnabled = _rng.Next(2) == 0;
                _store.WritebackLimit = _rng.Next(8);
            }
            else
            {
                // A quiet stretch: everything ages.
                _clock.Advance(50);
            }
        }

        private void Arm()
        {
            if (_dev.Armed != FaultKind.None) return;
            int k = 1 + _rng.Next(5);
            int param = k == (int)FaultKind.TornWrite ? 1 + _rng.Next(Page) : (int)_rng.NextUInt();
            _dev.Arm((FaultKind)k, param & 0x7FFFFFFF);
        }

        private void Write(int row, int slot, int token)
        {
            Content(token, _page);
            StoreResult r = _clients[row].Write(slot, _page, 0);
            Observe(); // the reclaimer may have written pages back: their tokens are the old ones
            if (r == StoreResult.Ok) _token[row][slot] = token;
            else
            {
                Assert.AreEqual((int)StoreResult.NoSpace, (int)r);
                NoSpaceWrites++;
            }
        }

        private void WriteDuplicate(int row, int slot)
        {
            int r2 = _rng.Next(Rows), s2 = _rng.Next(SlotsPerClient);
            int t = _token[r2][s2];
            if (t < 0 || _lost[t]) return;
            Write(row, slot, t);
        }

        private void Read(int row, int slot)
        {
            long before = _dev.Reads;
            StoreResult r = _clients[row].Read(slot, _page, 0);
            Observe();
            if (_dev.Reads != before) ReadsFromDevice++;
            ReadsChecked++;
            int t = _token[row][slot];
            if (t < 0)
            {
                Assert.AreEqual((int)StoreResult.Ok, (int)r, "empty slot");
                for (int i = 0; i < Page; i++) Assert.AreEqual((byte)0, _page[i]);
                return;
            }
            if (r == StoreResult.Ok)
            {
                Content(t, _expect);
                Assert.IsTrue(StoreFixtures.Equal(_expect, _page), "slot reads its last written content, token " + t.ToString());
                return;
            }
            Assert.AreEqual((int)StoreResult.ReadFailed, (int)r);
            Assert.IsTrue(_lost[t], "ReadFailed only where a fault hit, token " + t.ToString());
            FailedReadsExplained++;
        }

        /// <summary>Follows the device's write and fault logs (before the model applies the current op).</summary>
        private void Observe()
        {
            for (int i = 0; i < _dev.LogCount; i++)
            {
                int t = TokenOf(_dev.LogClient(i), _dev.LogSlot(i));
                _recordToken[_dev.LogRecord(i)] = t;
            }
            _dev.ClearLog();
            if (_dev.FaultCount == _faultsSeen) return;
            _faultsSeen = _dev.FaultCount;
            FaultsFired++;
            FaultKind k = _dev.LastFault;
            if (k == FaultKind.TornWrite || k == FaultKind.LoseWrite)
            {
                int t = TokenOf(_dev.LastFaultClient, _dev.LastFaultSlot);
                if (t >= 0) _lost[t] = true;
            }
            else if (k == FaultKind.FailRead || k == FaultKind.FlipBit)
            {
                int t = _recordToken[_dev.LastFaultRecord];
                if (t >= 0) _lost[t] = true;
            }
        }

        private int TokenOf(int clientId, int slot)
        {
            for (int row = 0; row < Rows; row++)
                if ((_clients[row].Id & 0xFFFF) == clientId) return _token[row][slot];
            throw new InvalidOperationException("a record names no live client");
        }

        /// <summary>The ladder's writeback step in miniature: a write that does not fit writes idle pages back.</summary>
        private sealed class WritebackReclaimer : IReclaimer
        {
            private readonly PageStore _store;
            public WritebackReclaimer(PageStore store) { _store = store; }
            public bool Reclaim(int bytesNeeded, StoreClient requester)
            {
                _store.MarkIdle(5);
                return _store.Writeback(WritebackMode.Idle, 4) > 0;
            }
        }
    }
}
