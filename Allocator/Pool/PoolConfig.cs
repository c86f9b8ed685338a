// Pool parameters: frame size, zspage chain length, size-class grid, fullness groups and handle capacity.
//
// Units: every size is in bytes. A frame is the physical unit the arena is cut into (power of two); a
// zspage is a chain of 1..MaxFramesPerZspage frames (need not be adjacent) holding objects of one class.
//
// Defaults (ForArena) were chosen by measurement with `dotnet run -c Release --project Benchmarks -- alloc`
// on LZ4-compressed realistic 4 KiB pages at 64 KiB–1 MiB arenas; see the comment on ForArena for the
// figures and the reasoning. ZsmallocParams() gives Linux zsmalloc's grid (16 B step, 4 KiB frames,
// chain 4) for comparison and for the class-table anchor.
using System;

namespace ZramEmbedded.Allocator.Pool
{
    public sealed class PoolConfig
    {
        /// <summary>Largest chain the pool supports (frames per zspage).</summary>
        public const int MaxChainLimit = 16;

        /// <summary>Physical frame size in bytes; a power of two, 64..65536.</summary>
        public int FrameSize;

        /// <summary>Longest zspage chain in frames, 1..16 (zsmalloc's CONFIG_ZSMALLOC_CHAIN_SIZE).</summary>
        public int MaxFramesPerZspage;

        /// <summary>Distance between size-class slots in bytes (zsmalloc: page/256 = 16 B at 4 KiB).</summary>
        public int ClassStep;

        /// <summary>Smallest class size in bytes (zsmalloc: 32 B). Includes the per-object header.</summary>
        public int MinClassSize;

        /// <summary>Largest object a caller may store, in bytes (the per-object header comes on top).</summary>
        public int MaxObjectSize;

        /// <summary>Fullness groups per class for partially used zspages (zsmalloc has 10 ratio groups).</summary>
        public int FullnessGroups;

        /// <summary>Handle-table capacity (most live objects); 0 = ArenaBytes / BytesPerHandle.</summary>
        public int MaxHandles;

        /// <summary>Used when MaxHandles is 0: one handle per this many arena bytes.</summary>
        public int BytesPerHandle;

        /// <summary>
        /// Elastic zspages (default) hold only the frames up to their top object's end and give frames back
        /// as top objects die; false = classic zsmalloc behaviour (a zspage takes its whole chain when it is
        /// created and keeps it until it is empty), kept to measure what elasticity buys.
        /// </summary>
        public bool ElasticZspages;

        /// <summary>
        /// Tail packing (default): an object of at least one frame keeps its whole frames in a run of its own
        /// (a chain of FrameSize-byte frames, none shared) and only the rest, under FrameSize bytes, in a
        /// size class, so classes span one frame instead of the largest object. False = every object whole
        /// in its class (zsmalloc). Requires MaxObjectSize / FrameSize ≤ MaxFramesPerZspage.
        /// </summary>
        public bool PackTails;

        /// <summary>The measured defaults for 64 KiB – 8 MiB arenas (see ForArena).</summary>
        public PoolConfig()
        {
            FrameSize = 256;
            MaxFramesPerZspage = 16;
            ClassStep = 64;
            MinClassSize = 16;
            MaxObjectSize = 4096;
            FullnessGroups = 2;
            MaxHandles = 0;
            BytesPerHandle = 768;
            ElasticZspages = true;
            PackTails = true;
        }

        /// <summary>
        /// Defaults for an arena of arenaBytes holding LZ4-compressed 4 KiB pages, chosen by measurement with
        /// `dotnet run -c Release --project Benchmarks -- alloc --sweep` (built-in mixed pages; LZ4 sizes mean
        /// 2.2 KiB, p10/p50/p90 1.2/2.2/3.4 KiB; steady-state churn as defined in Benchmarks/Alloc/ChurnHarness.cs,
        /// strict rule: no request dropped). Utilization with these defaults at 64/128/256 KiB/1 MiB, seeds 1–3:
        /// steady 94.4/95.9–96.0/96.7/97.2 %, after a full compaction within 0.1 point of steady; the same
        /// pool without tail packing (512 B frames) 89.8–89.9/92.0–92.1/93.2/94.1 %, best-fit 87.3/88.8/90.2–90.4/
        /// 93.1–93.3 %. Other data (--pages, seed 1, before the FixedObjectBytes recount): shared libraries (LZ4
        /// mean 1.9 KiB) 95.6/96.4 % at 128/256 KiB, text documents (2.4 KiB) 95.7/96.6 %.
        /// - PackTails: an arena this small holds only ~30–500 objects, so what it loses is mostly the partly
        ///   used last zspage of each class and class rounding (unpacked at 128 KiB: 14 active classes, 5.2 %
        ///   of the arena in rounding and zspage tails). Storing whole frames in a run and only the tail in a
        ///   class makes the classes span one frame: 5 classes whatever the workload's sizes (tails are about
        ///   uniform in 0..FrameSize), and the loss falls to ~2 %. It costs 2 header bytes per such object and
        ///   one more frame-chain walk per call; compaction moves tails only.
        /// - FrameSize 256: with packing, a class's partly used zspage wastes under one frame, so smaller is
        ///   better until metadata grows: 512 B frames measured 94.8/96.1 % at 128/256 KiB (metadata 1.3 %),
        ///   256 B 95.2–95.9/96.0–96.7 % (1.5 %). 128 B frames would need runs of 32 frames for a raw page,
        ///   past the 16-frame chain limit. Frame links are bit-packed (9 bits per frame at 128 KiB).
        /// - MaxFramesPerZspage 16: the longest chain (needed for 16-frame runs of raw 4096 B pages).
        /// - ClassStep 64 from MinClassSize 16 (tail classes of 16, 80, 144, 208 and 261 B): steps 32–128 and
        ///   minima 16/32/48 swept at 256 B frames; 56–64 B steps with 16–48 B minima were within 0.3 point
        ///   of each other and best (32 B: −1 point, 96 B: −2 points: more partly used zspages vs rounding).
        /// - No borrowing of larger classes' slots: tried before packing and it never applied.
        /// - FullnessGroups 2: each class has only a few zspages in a small arena and the pool picks the
        ///   fullest/emptiest exactly inside a group, so more groups only cost metadata (1, 2 and 4 groups
        ///   measured within 0.1 point).
        /// - BytesPerHandle 768 (170 handles at 128 KiB, 4-byte entries = 680 B, 0.5 % of the arena): enough
        ///   for ~770 B average objects (the ~80–170 pages a 128–256 KiB arena holds); with 1024 B per handle
        ///   a JSON page set (LZ4 mean 955 B) ran out of handles before the arena was full. Set MaxHandles
        ///   for workloads of smaller objects.
        /// Metadata (every array with its heap header, the pool's objects, handle entries of 4–5 bytes that
        /// keep ≥ 13 generation bits) is then 1.96 % of a 64 KiB arena, where the pool's own objects
        /// (FixedObjectBytes, 492 B) are over a third of it, 1.48 % at 128 KiB, 1.27 % at 256 KiB, 1.17 % at
        /// 1 MiB, 1.19 % at 2 MiB, 1.22 % at 4 MiB and 1.39 % at 8 MiB (ZsPoolHandleSafetyTests prints them).
        /// Arenas above 512 KiB come as segments (ArenaSegments.Reserve); 2 and 4 MiB segmented arenas measure
        /// the same utilization as one array (alloc benchmark: util_steady_4m vs util_steady_4m_unsegmented).
        /// Larger arenas only raise the frame size when the frame count would not fit 16-bit frame numbers.
        /// </summary>
        public static PoolConfig ForArena(int arenaBytes)
        {
            PoolConfig c = new PoolConfig();
            while (arenaBytes / c.FrameSize >= 0xFFFF && c.FrameSize < 65536) c.FrameSize *= 2;
            return c;
        }

        /// <summary>
        /// Linux zsmalloc's grid at 4 KiB pages: 16 B step, 32 B minimum, chain 4, 10 ratio groups (on our
        /// elastic zspages; set ElasticZspages = false as well for zsmalloc's fixed-size zspages).
        /// </summary>
        public static PoolConfig ZsmallocParams()
        {
            PoolConfig c = new PoolConfig();
            c.FrameSize = 4096;
            c.MaxFramesPerZspage = 4;
            c.ClassStep = 16;
            c.MinClassSize = 32;
            c.MaxObjectSize = 4096;
            c.FullnessGroups = 10;
            c.BytesPerHandle = 512;
            c.PackTails = false;
            return c;
        }

        /// <summary>A copy, so a pool never sees later edits of the caller's object.</summary>
        public PoolConfig Clone()
        {
            PoolConfig c = new PoolConfig();
            c.FrameSize = FrameSize;
            c.MaxFramesPerZspage = MaxFramesPerZspage;
            c.ClassStep = ClassStep;
            c.MinClassSize = MinClassSize;
            c.MaxObjectSize = MaxObjectSize;
            c.FullnessGroups = FullnessGroups;
            c.MaxHandles = MaxHandles;
            c.BytesPerHandle = BytesPerHandle;
            c.ElasticZspages = ElasticZspages;
            c.PackTails = PackTails;
            return c;
        }

        /// <summary>Throws ArgumentException when a field is out of range.</summary>
        internal void Validate()
        {
            if (!PoolMath.IsPowerOfTwo(FrameSize) || FrameSize < 64 || FrameSize > 65536)
                throw new ArgumentException("FrameSize must be a power of two in 64..65536");
            if (MaxFramesPerZspage < 1 || MaxFramesPerZspage > MaxChainLimit)
                throw new ArgumentException("MaxFramesPerZspage must be 1..16");
            if (ClassStep < 1) throw new ArgumentException("ClassStep must be positive");
            if (MinClassSize < 1) throw new ArgumentException("MinClassSize must be positive");
            if (MaxObjectSize < 1 || MaxObjectSize > 65535) throw new ArgumentException("MaxObjectSize must be 1..65535");
            if (FullnessGroups < 1 || FullnessGroups > 64) throw new ArgumentException("FullnessGroups must be 1..64");
            if (MaxHandles < 0) throw new ArgumentException("MaxHandles must not be negative");
            if (MaxHandles == 0 && BytesPerHandle < 1) throw new ArgumentException("BytesPerHandle must be positive");
            if (PackTails && MaxObjectSize / FrameSize > MaxFramesPerZspage)
                throw new ArgumentException("with PackTails, MaxObjectSize / FrameSize must not exceed MaxFramesPerZspage");
        }
    }
}
