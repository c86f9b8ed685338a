// ZsPool: a zsmalloc-style allocator over a caller-supplied arena, for MCU-sized pools.
//
// What: the arena (one byte[], or several segments of at most 512 KiB each — ArenaSegments — since one
// nanoFramework object holds at most ~786 KB) is cut into power-of-two frames (FrameStore); objects of similar size share a size
// class (SizeClassTable) and live in zspages of that class — chains of 1..16 frames, not necessarily
// adjacent, objects may straddle frames (Zspage). Zspages are elastic: they hold only the frames up to
// their top object's end, so a partly used zspage wastes less than a frame (what makes small arenas
// work; ElasticZspages = false gives zsmalloc's fixed zspages). Tails are packed (PackTails): an object
// of at least one frame keeps its whole frames in a run of its own and only the rest (< one frame) in a
// size class, so the classes span one frame, not the largest object — a handful of classes instead of
// dozens, each with at most one partly used zspage, which is what an arena holding only ~30–500
// objects loses most to (file systems' tail packing; zsmalloc instead gives a "huge" object a whole
// page). Callers get opaque int handles (HandleTable: salted per pool, so another pool's handle is
// rejected; ≥ 13 generation bits, so a stale one stays stale), so compaction (Compactor.cs) can move objects
// (tails; runs never need to move, any free frame serves) within a class, by plans that release frames
// net and never make a Malloc fail that would have succeeded.
// Why: zsmalloc's design (no per-block headers between objects, compaction through handles) scaled to
// arenas of 64 KiB – a few MiB that hold ~30–4,000 compressed pages; metadata is a few arrays sized at
// construction plus small headers inside the arena.
//
// Contract: Malloc(size) returns a handle, or NoHandle when the arena (or the handle table) is full —
// never an exception for that, so callers can reclaim and retry. Size 0 or above MaxObjectSize →
// ArgumentOutOfRangeException. Write/Read copy a whole object from/to a caller byte[] range; Free
// releases it. A malformed, freed or stale handle, or one from another pool → InvalidHandleException
// (another pool's live handle passes by chance about once in 2^K − 1 ≥ 65,535; measured: none in 100,000
// pairs); a byte count different from the object's size → ObjectSizeMismatchException; in every error
// case nothing changes.
// Steady state allocates no managed memory in any call (stats are filled into caller-owned objects).
// Thread safety: one lock per pool around every public call. Units: bytes; frames where named.
using System;

namespace ZramEmbedded.Allocator.Pool
{
    public sealed partial class ZsPool
    {
        /// <summary>Returned by Malloc when nothing fits.</summary>
        public const int NoHandle = -1;

        /// <summary>
        /// The pool's own objects on the device, counted in MetadataBytes (each array is counted by its owner,
        /// with its 20-byte header and its rounding to 12-byte blocks: PoolMath.ArrayBytes). nanoFramework
        /// stores every object header and every instance field (a long too) as a 12-byte heap block
        /// (CLR_RT_HeapBlock). Objects: ZsPool (17 fields), FrameStore (7), HandleTable (5), SizeClassTable (4),
        /// FullnessGroups (3); no lock object (the pool locks its FrameStore): 5 headers + 36 fields = 41
        /// blocks = 492 B. (The caller's PoolConfig is copied during construction, not kept; the segments are
        /// the caller's, the segment table is the pool's copy and counted by FrameStore; HandleTable's salt
        /// counter is one static int per process.) Computed properties and constants cost nothing per pool.
        /// </summary>
        public const int FixedObjectBytes = 492;

        // Seventeen fields (FixedObjectBytes): what can be computed is not kept. The arena is in Frames,
        // frames used are FrameCount − FreeCount, the slot mask comes from _slotBits, MetadataBytes is summed
        // when asked, and the lock is Frames (internal and never handed out) rather than an object of its own.
        private readonly int _maxObjectSize;
        internal readonly FrameStore Frames;
        internal readonly SizeClassTable Classes;
        internal readonly FullnessGroups Groups;
        internal readonly HandleTable Handles;
        internal readonly bool Elastic;
        internal readonly bool PackTails;
        private readonly int _slotBits;   // a location is head frame << _slotBits | slot
        private int _objects;
        private int _objectBytes;
        private int _zspages;
        private int _runFrames;
        private int _runObjects;
        private long _failed;
        private int _cursor;            // compaction resumes at this class (Compactor.cs)
        private long _pagesCompacted;   // net frames released by compaction
        private long _bytesMoved;       // bytes copied by compaction

        /// <summary>A pool over one byte[] arena (at most ~786 KB on a device: nanoFramework's largest object).</summary>
        public ZsPool(byte[] arena, PoolConfig config)
            : this(OneSegment(arena), config)
        {
        }

        /// <summary>
        /// A pool over an arena of several byte[] segments (ArenaSegments.Reserve makes them): every segment but
        /// the last holds the same power of two of whole frames (e.g. 512 KiB), the last at most as many;
        /// frames never straddle segments. One segment may be any size. The pool copies the segment table (not the segments), so later edits of it change nothing.
        /// </summary>
        public ZsPool(byte[][] segments, PoolConfig config)
        {
            if (segments == null) throw new ArgumentNullException("segments");
            if (config == null) throw new ArgumentNullException("config");
            if (segments.Length == 0) throw new ArgumentException("no arena segment");
            for (int i = 0; i < segments.Length; i++)
            {
                if (segments[i] == null) throw new ArgumentNullException("segments");
            }
            PoolConfig cfg = config.Clone(); // the pool keeps no reference to the caller's object
            cfg.Validate();
            _maxObjectSize = cfg.MaxObjectSize;
            Elastic = cfg.ElasticZspages;
            PackTails = cfg.PackTails;
            Frames = new FrameStore(segments, cfg.FrameSize);
            int arenaBytes = Frames.ArenaBytes;
            Classes = new SizeClassTable(cfg.FrameSize, cfg.MaxFramesPerZspage, cfg.ClassStep,
                cfg.MinClassSize, LargestSlotNeed(cfg), Zspage.HeaderBytes);
            int maxObjs = 1;
            for (int c = 0; c < Classes.Count; c++) maxObjs = PoolMath.Max(maxObjs, Classes.ObjectsOf(c));
            _slotBits = PoolMath.BitsFor(maxObjs - 1);
            int locationBits = PoolMath.BitsFor(Frames.FrameCount - 1) + _slotBits;
            int capacity = cfg.MaxHandles > 0 ? cfg.MaxHandles : arenaBytes / cfg.BytesPerHandle;
            capacity = PoolMath.Min(PoolMath.Max(capacity, 1), 32767);
            Handles = new HandleTable(capacity, locationBits, HandleTable.NextSalt());
            Groups = new FullnessGroups(Frames, Classes.Count, cfg.FullnessGroups);
            _cursor = Classes.Count - 1;
        }

        private static byte[][] OneSegment(byte[] arena)
        {
            if (arena == null) throw new ArgumentNullException("arena");
            return new byte[][] { arena };
        }

        /// <summary>
        /// The largest slot any object needs: its header plus the whole object, or with PackTails the run
        /// header plus a tail of at most FrameSize − 1 bytes for objects of one frame or more.
        /// </summary>
        private static int LargestSlotNeed(PoolConfig cfg)
        {
            int whole = cfg.MaxObjectSize + Zspage.ObjectHeaderBytes;
            if (!cfg.PackTails || cfg.MaxObjectSize < cfg.FrameSize) return whole;
            return PoolMath.Min(whole, Zspage.RunObjectHeaderBytes + cfg.FrameSize - 1);
        }

        /// <summary>Largest object size accepted by Malloc (bytes).</summary>
        public int MaxObjectSize { get { return _maxObjectSize; } }

        /// <summary>Number of distinct size classes.</summary>
        public int ClassCount { get { return Classes.Count; } }

        /// <summary>
        /// Smallest object size (payload bytes) stored one per zspage, like zram's huge_class_size; 1 if all
        /// are. With PackTails no object is (objects of a frame or more go to a run plus a packed tail), and
        /// this is MaxObjectSize + 1.
        /// </summary>
        public int HugeObjectSize
        {
            get
            {
                if (PackTails && _maxObjectSize >= Frames.FrameSize) return _maxObjectSize + 1;
                return Classes.HugeThreshold - Zspage.ObjectHeaderBytes + 1;
            }
        }

        /// <summary>Frames in the run of an object of `size` bytes: size / FrameSize with PackTails, else 0.</summary>
        internal int RunFramesOf(int size)
        {
            return PackTails ? size >> Frames.FrameShift : 0;
        }

        /// <summary>Bytes an object of `size` bytes takes in its slot: header and payload, or run header and tail.</summary>
        internal int SlotBytesOf(int size)
        {
            int shift = Frames.FrameShift;
            if (PackTails && (size >> shift) != 0) // size ≥ FrameSize
                return Zspage.RunObjectHeaderBytes + (size & ((1 << shift) - 1));
            return Zspage.ObjectHeaderBytes + size;
        }

        /// <summary>
        /// Pool bytes an object of `size` bytes takes: its run frames plus its slot's size class (a whole number of
        /// frames for a slot above the largest class). For the store layer's recompressor, which keeps a new form
        /// only when it takes less room. Constant per size for the pool's life; no lock needed.
        /// </summary>
        public int FootprintOf(int size)
        {
            int slot = SlotBytesOf(size);
            int cls = Classes.ClassFor(slot);
            int frameSize = Frames.FrameSize;
            int classBytes = cls >= 0 ? Classes.SizeOf(cls) : (slot + frameSize - 1) / frameSize * frameSize;
            return RunFramesOf(size) * frameSize + classBytes;
        }

        /// <summary>All metadata held outside the arena, in bytes (constant for the pool's life).</summary>
        public int MetadataBytes
        {
            get
            {
                return Handles.MetadataBytes + Frames.MetadataBytes + Classes.HeapBytes + Groups.MetadataBytes
                    + FixedObjectBytes;
            }
        }

        /// <summary>Allocates an object of `size` bytes; returns its handle or NoHandle when it does not fit.</summary>
        public int Malloc(int size)
        {
            if (size < 1 || size > _maxObjectSize) throw new ArgumentOutOfRangeException("size");
            lock (Frames)
            {
                return MallocLocked(size, false);
            }
        }

        /// <summary>Malloc that reports "does not fit" as false.</summary>
        public bool TryMalloc(int size, out int handle)
        {
            handle = Malloc(size);
            return handle != NoHandle;
        }

        /// <summary>
        /// Malloc for putting back an object of the size just freed (a refused replacement's old form): takes
        /// the zspage that needs the fewest new frames (the fullest among equals), and a new zspage only when
        /// every one needs more. The slot the freed object left needs no more frames than its free released,
        /// so the pool ends no larger than before that free, which keeps a mem_limit the pool was under.
        /// Malloc itself takes the fullest zspage that can take the object, even when it must grow.
        /// </summary>
        public int MallocLeastGrowth(int size)
        {
            if (size < 1 || size > _maxObjectSize) throw new ArgumentOutOfRangeException("size");
            lock (Frames)
            {
                return MallocLocked(size, true);
            }
        }

        private int MallocLocked(int size, bool leastGrowth)
        {
            if (!Handles.HasFree)
            {
                _failed++;
                return NoHandle;
            }
            int run = RunFramesOf(size);
            int bytes = SlotBytesOf(size);
            int cls = Classes.ClassFor(bytes);
            if (Frames.FreeCount < run)
            {
                _failed++;
                return NoHandle;
            }
            int head = leastGrowth ? FindZspageLeastGrowth(cls, bytes, run) : FindZspageWithRoom(cls, bytes, run);
            if (head < 0)
            {
                int first = FramesToBear(cls, 0, bytes);
                if (Frames.FreeCount < first + run)
                {
                    _failed++;
                    return NoHandle;
                }
                // An elastic zspage with no born slot holds one frame and TakeSlot grows it to `first`
                // frames; a classic (zsmalloc) zspage takes its whole chain at once.
                int initial = Elastic ? 1 : first;
                head = Frames.AllocateChain(initial);
                Zspage.Init(Frames, head, cls);
                _zspages++;
            }
            int slot = TakeSlot(cls, head, bytes);
            int handle = Handles.Allocate((head << _slotBits) | slot);
            int pos = Zspage.SlotPos(slot, Classes.SizeOf(cls));
            Frames.WriteU16(head, pos, (HandleIndex(handle) << 1) | 1);
            Frames.WriteU16(head, pos + 2, size);
            if (run > 0)
            {
                // Checked above: the tail's slot took at most FreeCount − run frames.
                Frames.WriteU16(head, pos + Zspage.RunHeadOffset, Frames.AllocateChain(run));
                _runFrames += run;
                _runObjects++;
            }
            _objects++;
            _objectBytes += size;
            return handle;
        }

        /// <summary>
        /// The fullest partly used zspage of the class that has a free born slot or can grow to take a slot of
        /// `bytes` while leaving `reserve` free frames (the object's run); -1 if none.
        /// </summary>
        private int FindZspageWithRoom(int cls, int bytes, int reserve)
        {
            for (int g = Groups.Groups - 1; g >= 0; g--)
            {
                int best = -1;
                int bestUse = -1;
                int z = Groups.First(cls, g);
                while (z != FrameStore.None)
                {
                    int u = Zspage.InUse(Frames, z);
                    if (u > bestUse && CanTake(cls, z, bytes, reserve))
                    {
                        best = z;
                        bestUse = u;
                    }
                    z = Zspage.Next(Frames, z);
                }
                if (best >= 0) return best;
            }
            return -1;
        }

        /// <summary>
        /// The zspage of the class that can take a slot of `bytes` (leaving `reserve` frames free) with the
        /// fewest new frames, the fullest among equals; -1 if none, or if a new zspage needs fewer.
        /// </summary>
        private int FindZspageLeastGrowth(int cls, int bytes, int reserve)
        {
            int best = -1, bestGrowth = FramesToBear(cls, 0, bytes), bestUse = -1; // ties with a new zspage go to the fuller one
            for (int g = Groups.Groups - 1; g >= 0; g--)
            {
                int z = Groups.First(cls, g);
                while (z != FrameStore.None)
                {
                    if (CanTake(cls, z, bytes, reserve))
                    {
                        int u = Zspage.InUse(Frames, z);
                        int b = Zspage.Born(Frames, z);
                        int growth = u < b ? 0 : PoolMath.Max(0, FramesToBear(cls, b, bytes) - HeldFrames(cls, z, b));
                        if (growth < bestGrowth || (growth == bestGrowth && u > bestUse))
                        {
                            best = z;
                            bestGrowth = growth;
                            bestUse = u;
                        }
                    }
                    z = Zspage.Next(Frames, z);
                }
            }
            return best;
        }

        /// <summary>Frees the object; InvalidHandleException for a bad, freed (double free) or stale handle.</summary>
        public void Free(int handle)
        {
            lock (Frames)
            {
                int head, slot, cls, pos;
                int index = Decode(handle, out head, out slot, out cls, out pos);
                int size = Frames.ReadU16(head, pos + 2);
                int run = RunFramesOf(size);
                Handles.Release(index);
                if (run > 0)
                {
                    Frames.ReleaseChain(Frames.ReadU16(head, pos + Zspage.RunHeadOffset));
                    _runFrames -= run;
                    _runObjects--;
                }
                ReleaseSlot(cls, head, slot);
                _objects--;
                _objectBytes -= size;
            }
        }

        /// <summary>Size in bytes of a live object.</summary>
        public int GetSize(int handle)
        {
            lock (Frames)
            {
                int head, slot, cls, pos;
                Decode(handle, out head, out slot, out cls, out pos);
                return Frames.ReadU16(head, pos + 2);
            }
        }

        /// <summary>Copies src[srcOffset, srcOffset+count) into the object; count must equal its size.</summary>
        public void Write(int handle, byte[] src, int srcOffset, int count)
        {
            if (src == null) throw new ArgumentNullException("src");
            Copy(handle, src, srcOffset, count, true, "srcOffset");
        }

        /// <summary>Copies the object into dst[dstOffset, dstOffset+count); count must equal its size.</summary>
        public void Read(int handle, byte[] dst, int dstOffset, int count)
        {
            if (dst == null) throw new ArgumentNullException("dst");
            Copy(handle, dst, dstOffset, count, false, "dstOffset");
        }

        /// <summary>
        /// True when the object's bytes equal b[offset, offset+size): compared in the arena, no copy (the page
        /// store's merge confirms a duplicate this way). ArgumentException when b has fewer than the object's
        /// size bytes from offset; InvalidHandleException as for Read.
        /// </summary>
        public bool ContentEquals(int handle, byte[] b, int offset)
        {
            if (b == null) throw new ArgumentNullException("b");
            lock (Frames)
            {
                int head, slot, cls, pos;
                Decode(handle, out head, out slot, out cls, out pos);
                int size = Frames.ReadU16(head, pos + 2);
                if (offset < 0 || offset > b.Length - size) throw new ArgumentException("fewer than the object's size bytes from offset", "b");
                int runBytes = RunFramesOf(size) << Frames.FrameShift;
                int inRun = PoolMath.Min(size, runBytes);
                if (inRun > 0 && !Frames.Equal(Frames.ReadU16(head, pos + Zspage.RunHeadOffset), 0, b, offset, inRun)) return false;
                if (size > inRun)
                {
                    int header = runBytes > 0 ? Zspage.RunObjectHeaderBytes : Zspage.ObjectHeaderBytes;
                    return Frames.Equal(head, pos + header, b, offset + inRun, size - inRun);
                }
                return true;
            }
        }

        /// <summary>
        /// Copies bytes [start, start+count) of the object into dst[dstOffset, dstOffset+count): a part of an
        /// object, so a caller can stream or compare a large object through a small buffer (the page store's
        /// merge compares objects in chunks). ArgumentOutOfRangeException when the range is outside the object
        /// or dst; InvalidHandleException as for Read.
        /// </summary>
        public void ReadRange(int handle, int start, byte[] dst, int dstOffset, int count)
        {
            if (dst == null) throw new ArgumentNullException("dst");
            lock (Frames)
            {
                int head, slot, cls, pos;
                Decode(handle, out head, out slot, out cls, out pos);
                int size = Frames.ReadU16(head, pos + 2);
                if (start < 0 || count < 0 || start > size - count) throw new ArgumentOutOfRangeException("start");
                if (dstOffset < 0 || dstOffset > dst.Length - count) throw new ArgumentOutOfRangeException("dstOffset");
                int runBytes = RunFramesOf(size) << Frames.FrameShift;
                if (start < runBytes)
                {
                    int n = PoolMath.Min(count, runBytes - start);
                    Frames.Copy(Frames.ReadU16(head, pos + Zspage.RunHeadOffset), start, dst, dstOffset, n, false);
                    start += n;
                    dstOffset += n;
                    count -= n;
                }
                if (count > 0)
                {
                    int header = runBytes > 0 ? Zspage.RunObjectHeaderBytes : Zspage.ObjectHeaderBytes;
                    Frames.Copy(head, pos + header + start - runBytes, dst, dstOffset, count, false);
                }
            }
        }

        /// <summary>
        /// Write (intoPool) or Read: checks the handle, the byte count and the caller's range, then copies the
        /// run's whole frames (objects of a frame or more, PackTails) and the bytes kept in the slot.
        /// </summary>
        private void Copy(int handle, byte[] buffer, int offset, int count, bool intoPool, string offsetName)
        {
            lock (Frames)
            {
                int head, pos;
                Locate(handle, count, out head, out pos);
                if (offset < 0 || offset > buffer.Length - count) throw new ArgumentOutOfRangeException(offsetName);
                int run = RunFramesOf(count);
                int runBytes = run << Frames.FrameShift;
                if (run > 0)
                {
                    int runHead = Frames.ReadU16(head, pos + Zspage.RunHeadOffset);
                    Frames.Copy(runHead, 0, buffer, offset, runBytes, intoPool);
                    pos += Zspage.RunObjectHeaderBytes;
                }
                else
                {
                    pos += Zspage.ObjectHeaderBytes;
                }
                Frames.Copy(head, pos, buffer, offset + runBytes, count - runBytes, intoPool);
            }
        }

        /// <summary>
        /// One bounded compaction slice: runs whole compaction plans (Compactor.cs: each releases frames net;
        /// classes from the largest down, resuming where the last slice stopped) until about maxBytes were
        /// copied or nothing is left to gain. FramesUsed after the slice is never above its value before. The
        /// last plan may overshoot the budget by at most one zspage's objects (≤ MaxFramesPerZspage frames).
        /// Returns bytes copied.
        /// </summary>
        public int Compact(int maxBytes)
        {
            if (maxBytes < 1) throw new ArgumentOutOfRangeException("maxBytes");
            lock (Frames)
            {
                return CompactRun(maxBytes);
            }
        }

        /// <summary>
        /// Compacts every class until no plan releases a frame; returns bytes copied. FramesUsed never grows,
        /// and every Malloc that would have succeeded before still succeeds after.
        /// </summary>
        public int CompactAll()
        {
            lock (Frames)
            {
                int total = 0;
                while (true)
                {
                    int moved = CompactRun(int.MaxValue);
                    if (moved == 0) return total;
                    total += moved;
                }
            }
        }

        /// <summary>Bytes of the frames in use (frames used × frame size): zram's mem_used_total, without a PoolStats. Public for the store layer.</summary>
        public long UsedBytes
        {
            get { lock (Frames) { return (long)(Frames.FrameCount - Frames.FreeCount) * Frames.FrameSize; } }
        }

        /// <summary>Frames free now (PoolStats.FramesTotal − FramesUsed, without a PoolStats). Public for the store layer.</summary>
        public int FreeFrames { get { lock (Frames) { return Frames.FreeCount; } } }

        /// <summary>Bytes per frame.</summary>
        public int FrameSize { get { return Frames.FrameSize; } }

        /// <summary>Objects allocated now (PoolStats.ObjectsInUse, without a PoolStats). Public for the store layer.</summary>
        public int ObjectsInUse { get { lock (Frames) { return _objects; } } }

        /// <summary>Bytes of the objects allocated now (PoolStats.ObjectBytes). Public for the store layer.</summary>
        public int ObjectBytes { get { lock (Frames) { return _objectBytes; } } }

        /// <summary>Net frames released by compaction (PoolStats.PagesCompacted). Public for the store layer.</summary>
        public long PagesCompacted { get { lock (Frames) { return _pagesCompacted; } } }

        /// <summary>Fills `s` with the pool totals.</summary>
        public void GetStats(PoolStats s)
        {
            if (s == null) throw new ArgumentNullException("s");
            lock (Frames)
            {
                s.ArenaBytes = Frames.ArenaBytes;
                s.FrameSize = Frames.FrameSize;
                s.FramesTotal = Frames.FrameCount;
                s.FramesUsed = Frames.FrameCount - Frames.FreeCount;
                s.RunFrames = _runFrames;
                s.Zspages = _zspages;
                s.ObjectsInUse = _objects;
                s.ObjectBytes = _objectBytes;
                s.MetadataBytes = MetadataBytes;
                s.InArenaOverheadBytes = _zspages * Zspage.HeaderBytes + _objects * Zspage.ObjectHeaderBytes
                    + _runObjects * (Zspage.RunObjectHeaderBytes - Zspage.ObjectHeaderBytes);
                s.HandleCapacity = Handles.Capacity;
                s.HandleTableBytes = Handles.EntryTableBytes;
                s.FrameLinkBytes = Frames.LinkBytes;
                s.ClassCount = Classes.Count;
                s.PagesCompacted = _pagesCompacted;
                s.BytesCompacted = _bytesMoved;
                s.FailedAllocations = _failed;
            }
        }

        /// <summary>
        /// Fills `s` with row `classIndex` (0 = smallest class) of the class table. The per-class counts are
        /// gathered by one pass over the handle table (a zspage is counted through its top object, which is
        /// always in use), so the pool keeps no per-class counters: O(handle capacity), for diagnostics.
        /// </summary>
        public void GetClassStats(int classIndex, ClassStats s)
        {
            if (s == null) throw new ArgumentNullException("s");
            if (classIndex < 0 || classIndex >= Classes.Count) throw new ArgumentOutOfRangeException("classIndex");
            lock (Frames)
            {
                int size = Classes.SizeOf(classIndex);
                s.Index = classIndex;
                s.Size = size;
                s.FramesPerZspage = Classes.FramesOf(classIndex);
                s.ObjectsPerZspage = Classes.ObjectsOf(classIndex);
                s.Zspages = 0;
                s.ObjectsAllocated = 0;
                s.ObjectsInUse = 0;
                s.Frames = 0;
                int slotMask = (1 << _slotBits) - 1;
                int capacity = Handles.Capacity;
                for (int i = 0; i < capacity; i++)
                {
                    if (!Handles.IsLive(i)) continue;
                    int loc = Handles.LocationOf(i);
                    int z = loc >> _slotBits;
                    if (Zspage.ClassOf(Frames, z) != classIndex) continue;
                    s.ObjectsInUse++;
                    int b = Zspage.Born(Frames, z);
                    if ((loc & slotMask) != b - 1) continue;
                    s.Zspages++;
                    s.ObjectsAllocated += Elastic ? b : s.ObjectsPerZspage;
                    s.Frames += HeldFrames(classIndex, z, b);
                }
                s.Compactable = CanCompact(classIndex);
            }
        }

        // ---- internals shared with Compactor (called under the lock) ----

        internal int SlotBits { get { return _slotBits; } }

        internal int HandleIndex(int handle)
        {
            return Handles.Resolve(handle);
        }

        /// <summary>Frames zspage `head` holds with `born` slots born (elastic: up to the top object's end; classic: its chain).</summary>
        internal int HeldFrames(int cls, int head, int born)
        {
            if (!Elastic) return Classes.FramesOf(cls);
            return Zspage.FramesFor(TopEnd(head, Classes.SizeOf(cls), born), Frames.FrameShift);
        }

        /// <summary>Frames a zspage needs once slot `born` holds `bytes` (SlotBytesOf the object).</summary>
        private int FramesToBear(int cls, int born, int bytes)
        {
            if (!Elastic) return Classes.FramesOf(cls);
            return Zspage.FramesFor(Zspage.EndOf(born, Classes.SizeOf(cls), bytes), Frames.FrameShift);
        }

        /// <summary>Zspage byte just past the top object (the header's end when no slot is born).</summary>
        internal int TopEnd(int head, int classSize, int born)
        {
            if (born == 0) return Zspage.HeaderBytes;
            int pos = Zspage.SlotPos(born - 1, classSize);
            return pos + SlotBytesOf(Frames.ReadU16(head, pos + 2));
        }

        /// <summary>
        /// True when zspage `head` of class cls has a free born slot, or can bear a slot of `bytes` now and
        /// still leave `reserve` frames free.
        /// </summary>
        internal bool CanTake(int cls, int head, int bytes, int reserve)
        {
            FrameStore fs = Frames;
            int u = Zspage.InUse(fs, head);
            int b = Zspage.Born(fs, head);
            if (u < b) return true;
            if (b >= Classes.ObjectsOf(cls)) return false;
            int free = Frames.FreeCount - reserve;
            if (free >= Classes.FramesOf(cls)) return true; // growth never needs more than the chain
            return free >= FramesToBear(cls, b, bytes) - HeldFrames(cls, head, b);
        }

        /// <summary>
        /// Takes the lowest free born slot of zspage `head`, or bears slot b for `bytes` (SlotBytesOf the
        /// object; growing the chain to reach its end). Caller checks CanTake. Keeps lists and counters
        /// right; returns the slot. The caller writes the slot's tag, size and run.
        /// </summary>
        internal int TakeSlot(int cls, int head, int bytes)
        {
            FrameStore fs = Frames;
            int size = Classes.SizeOf(cls);
            int u = Zspage.InUse(fs, head);
            int b = Zspage.Born(fs, head);
            int slot;
            Groups.Remove(cls, head, Classes.ObjectsOf(cls));
            if (u < b)
            {
                slot = Frames.ScanTags(head, Zspage.HeaderBytes, size, b, false, false);
            }
            else
            {
                int have = HeldFrames(cls, head, b);
                int need = FramesToBear(cls, b, bytes);
                if (need > have) Frames.Extend(head, have, need - have);
                slot = b;
                Zspage.SetBorn(fs, head, b + 1);
            }
            Zspage.SetInUse(fs, head, u + 1);
            Groups.Insert(cls, head, Classes.ObjectsOf(cls));
            return slot;
        }

        /// <summary>
        /// Frees a used slot. When it was the top slot, the trailing free slots die and the frames past the new
        /// top object's end go back to the free list; an empty zspage is released whole. Returns frames released.
        /// </summary>
        internal int ReleaseSlot(int cls, int head, int slot)
        {
            FrameStore fs = Frames;
            int size = Classes.SizeOf(cls);
            int objs = Classes.ObjectsOf(cls);
            int b = Zspage.Born(fs, head);
            int u = Zspage.InUse(fs, head) - 1;
            int had = slot == b - 1 ? HeldFrames(cls, head, b) : 0;
            Groups.Remove(cls, head, objs);
            Frames.WriteU16(head, Zspage.SlotPos(slot, size), 0);
            Zspage.SetInUse(fs, head, u);
            int released = 0;
            if (u == 0)
            {
                released = Frames.ReleaseChain(head);
                _zspages--;
                return released;
            }
            if (slot == b - 1)
            {
                int nb = Frames.ScanTags(head, Zspage.HeaderBytes, size, slot, true, true) + 1; // a used slot remains below
                Zspage.SetBorn(fs, head, nb);
                int keep = HeldFrames(cls, head, nb);
                if (keep < had) released = Frames.Truncate(head, keep);
            }
            Groups.Insert(cls, head, objs);
            return released;
        }

        private int ResolveOrThrow(int handle)
        {
            int index = Handles.Resolve(handle);
            if (index < 0) throw new InvalidHandleException("invalid, freed or stale handle");
            return index;
        }

        /// <summary>
        /// Resolves a handle (InvalidHandleException if bad, freed or stale) to its handle-table index, the
        /// zspage head frame, the slot within the zspage, the class and the slot's byte position.
        /// </summary>
        private int Decode(int handle, out int head, out int slot, out int cls, out int pos)
        {
            int index = ResolveOrThrow(handle);
            int loc = Handles.LocationOf(index);
            head = loc >> _slotBits;
            slot = loc & ((1 << _slotBits) - 1);
            cls = Zspage.ClassOf(Frames, head);
            pos = Zspage.SlotPos(slot, Classes.SizeOf(cls));
            return index;
        }

        private void Locate(int handle, int count, out int head, out int pos)
        {
            int slot, cls;
            Decode(handle, out head, out slot, out cls, out pos);
            if (Frames.ReadU16(head, pos + 2) != count) throw new ObjectSizeMismatchException("byte count differs from the object size");
        }
    }
}
