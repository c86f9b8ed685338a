// Host-only: nothing that runs on a device may allocate one array above ArenaSegments.MaxSegmentBytes
// (nanoFramework's largest object is ~786 KB; we keep to 512 KiB). Two checks: every board profile's arena
// reservation, and a scan of the device sources (Allocator, Board, Firmware; not Host/) for `new byte[...]`
// and `new T[...]` allocations, each of which must be one of the reviewed, bounded expressions below (a
// new allocation site fails this test until someone adds it here with its bound).
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using nanoFramework.TestFramework;
using NanoBuild;
using ZramEmbedded.Allocator.Pool;
using ZramEmbedded.Board;

namespace ZramEmbedded.UnitTests.Host.Pool
{
    [TestClass]
    public class ArenaSegmentLimitTests
    {
        // "file|expression" → its bound.
        private static readonly string[] Reviewed =
        {
            "Allocator/Pool/ArenaSegments.cs|new byte[count][]",                                // 12 B per segment: 8 MiB → 16
            "Allocator/Pool/ArenaSegments.cs|new byte[left < segmentBytes ? left : segmentBytes]", // ≤ segmentBytes ≤ 512 KiB (checked)
            "Allocator/Pool/FrameStore.cs|new byte[n][]",                                       // the pool's copy of the segment table
            "Allocator/Pool/FrameStore.cs|new byte[(frames * _linkBits + 7) / 8 + 2]",          // < 65535 frames · 16 bits = 128 KiB
            "Allocator/Pool/HandleTable.cs|new byte[capacity * width]",                         // ≤ 32767 · 5 B = 160 KiB
            "Allocator/Pool/SizeClassTable.cs|new byte[slots]",                                 // ≤ 256
            "Allocator/Pool/SizeClassTable.cs|new byte[n * RecordBytes + slots]",               // ≤ 256 · 6
            "Allocator/Pool/ZsPool.cs|new byte[][] { arena }",                                  // one reference
            "Allocator/Pool/FullnessGroups.cs|new ushort[classCount * groups]",                 // ≤ 256 classes · 64 groups · 2 B
            "Allocator/Pool/SizeClassTable.cs|new ushort[slots]",                               // slots ≤ 256 (checked)
            "Allocator/Pool/SizeClassTable.cs|new int[slots]",
            "Allocator/Codec/Lz4Encoder.cs|new ushort[1 << hashBits]",                          // hashBits ≤ MaxHashBits (checked)
            "Allocator/Pool/PoolInvariants.cs|new bool[frames]",                                // < 65535 frames; CheckInvariants only
            "Allocator/Codec/Lz4HcEncoder.cs|new byte[inputCapacity + dictionaryCapacity]",     // ≤ MaxWindow 65535 (checked)
            "Allocator/Codec/Lz4HcEncoder.cs|new ushort[_headEntries]",                         // 2^hashBits, hashBits ≤ 16: 128 KiB
            "Allocator/Codec/Lz4HcEncoder.cs|new ushort[chainEntries]",                         // ≤ 64 Ki entries: 128 KiB
            "Allocator/Codec/Lz4DictionaryBuilder.cs|new ushort[1 << countBits]",               // countBits ≤ 18: 512 KiB (checked)
            "Allocator/Codec/Lz4DictionaryBuilder.cs|new byte[capacity]",                       // ≤ 65535 (checked)
            "Allocator/Codec/Lz4DictionaryBuilder.cs|new int[capacity / segmentLength]",        // ≤ 65535 / 8 entries
            "Allocator/Store/BlockCodec.cs|new byte[c.DictionaryBytes]",                        // ≤ 32 KiB (RecompressConfig)
            "Allocator/Store/MergeTable.cs|new ushort[capacity]",                               // ≤ 32767 entries (StoreConfig)
            "Allocator/Store/MergeTable.cs|new int[capacity]",
            "Allocator/Store/MergeTable.cs|new short[capacity]",
            "Allocator/Store/MergeTable.cs|new short[buckets]",                                 // ≤ 32768 buckets
            "Allocator/Store/PageStore.Writeback.cs|new ushort[device.RecordCount]",            // ≤ BackingRecords.MaxRecords: 256 KiB
            "Allocator/Store/PageStore.Writeback.cs|new int[WritebackBatch]",                   // a constant
            "Allocator/Store/PageStore.cs|new byte[c.PageSize]",                                // ≤ 4 KiB (StoreConfig)
            "Allocator/Store/SlotTable.cs|new int[count]",                                      // ≤ 65535 slots (StoreConfig): 256 KiB
            "Allocator/Store/SlotTable.cs|new ushort[count]",
            "Allocator/Store/SlotTable.cs|new byte[count]",
            "Allocator/Pressure/LowMemoryKiller.cs|new int[capacity]",                          // ≤ RegistrationTable.MaxCapacity 1024
            "Allocator/Pressure/LowMemoryKiller.cs|new object[capacity]",
            "Allocator/Pressure/ReclaimLadder.cs|new int[killer.Table.Capacity]",
            "Allocator/Pressure/RegistrationTable.cs|new object[capacity]",
            "Allocator/Pressure/RegistrationTable.cs|new int[capacity]",
            "Allocator/Pressure/KillLog.cs|new long[capacity]",                                 // ≤ KillLog.MaxCapacity 256
            "Allocator/Pressure/KillLog.cs|new int[capacity]",
            "Allocator/Pressure/KillLog.cs|new long[ReasonSlots]",                              // a constant
            "Allocator/Backing/RecordAllocator.cs|new uint[(count + 31) / 32]",                 // ≤ MaxRecords / 32 words
            "Allocator/Backing/BackingRecords.cs|new uint[device.RecordCount]",                 // ≤ MaxRecords: 512 KiB (checked)
            "Allocator/Backing/BackingRecords.cs|new byte[RecordCodec.HeaderSize + maxPayload]", // ≤ a page and its header
            "Board/StreamBackingStore.cs|new byte[SuperblockBytes]",                            // a constant
            "Firmware/Core/Shell/PressureReport.cs|new int[n]",                                 // n = the killer's capacity ≤ 1024
            // The console and the firmware (issue 13):
            "Board/Terminal/LineEditor.cs|new char[maxLength]",                                 // ≤ 4096 (checked)
            "Board/Terminal/LineEditor.cs|new byte[s.Length]",                                  // a line ending, ≤ 2
            "Board/Terminal/SerialConsole.cs|new byte[ReadBufferSize]",                         // 64
            "Board/Terminal/SerialConsole.cs|new byte[WriteBufferSize]",                        // 64
            "Board/Device/DebugConsoleStream.cs|new char[count]",                               // one console write, ≤ 64
            "Firmware/Core/Apps/Workload.cs|new byte[pageSize]",                                // Machine.PageSize, 1 KiB
            "Firmware/Core/Apps/DemoApp.cs|new int[pageCount < 1 ? 1 : pageCount]",             // ≤ arena / page: 8 MiB / 1 KiB → 32 KiB
            "Firmware/Core/Shell/Words.cs|new char[n]",                                         // ≤ Words.MaxEcho
            "Firmware/Core/Shell/ArenaMap.cs|new char[Columns]",                                // 64
            "Firmware/Core/Shell/ArenaMap.cs|new byte[PoolMap.FrameCount(pool)]",               // < 65535 frames
        };

        [TestMethod]
        public void BoardProfilesReserveNoSegmentAboveTheLimit()
        {
            foreach (BoardProfile p in BoardProfile.Known())
            {
                byte[][] arena = p.ReserveArena();
                Assert.AreEqual(p.ArenaBytes, ArenaSegments.TotalBytes(arena), p.Name);
                Assert.IsTrue(ArenaSegments.LargestSegmentBytes(arena) <= ArenaSegments.MaxSegmentBytes, p.Name);
                // And the pool takes it as it is, with the defaults for that size.
                ZsPool pool = new ZsPool(arena, PoolConfig.ForArena(p.ArenaBytes));
                var s = new PoolStats();
                pool.GetStats(s);
                Assert.AreEqual(p.ArenaBytes, s.ArenaBytes, p.Name);
                // 2 % of the arena, plus the pool's fixed objects for the small arenas of boards with a small heap
                // (NUCLEO144_F746ZG: 32 KiB, where those alone are 2 %).
                Assert.IsTrue(s.MetadataBytes <= p.ArenaBytes / 50 + (p.ArenaBytes < 64 * 1024 ? ZsPool.FixedObjectBytes : 0), p.Name + " metadata " + s.MetadataBytes);
                OutputHelper.WriteLine(p.Name + ": arena " + p.ArenaBytes + " B in " + arena.Length + " segments, metadata " + s.MetadataBytes + " B");
            }
            BoardProfile f769 = BoardProfile.Find("ST_STM32F769I_DISCOVERY");
            Assert.IsTrue(f769.ArenaBytes >= 4 * 1024 * 1024, "the F769I's 13 MiB SDRAM heap takes a multi-MiB arena");
            Assert.IsTrue(f769.ArenaBytes <= 9 * 1024 * 1024, "and leaves ≥ 4 MiB of it to the app");
        }

        [TestMethod]
        public void ReserveNeverExceedsTheLimit()
        {
            Assert.ThrowsException(typeof(System.ArgumentOutOfRangeException), () => ArenaSegments.Reserve(1 << 20, ArenaSegments.MaxSegmentBytes + 1));
            Assert.ThrowsException(typeof(System.ArgumentOutOfRangeException), () => ArenaSegments.Reserve(0));
            byte[][] a = ArenaSegments.Reserve(3 * 512 * 1024 + 1000);
            Assert.AreEqual(4, a.Length);
            Assert.AreEqual(1000, a[3].Length);
            Assert.AreEqual(1, ArenaSegments.Reserve(96 * 1024).Length, "a small arena stays one array");
        }

        [TestMethod]
        public void DeviceSourcesAllocateOnlyReviewedArrays()
        {
            string repo = Path.GetDirectoryName(Probe.FindNfBuild());
            var alloc = new Regex(@"new\s+(byte|ushort|short|int|uint|long|ulong|char|bool|object)\s*\[(?<e>[^\]]*)\](\s*\[\])?(\s*\{[^}]*\})?");
            int found = 0;
            string unreviewed = "";
            foreach (string dir in new[] { "Allocator", "Board", "Firmware" })
            {
                foreach (string f in Directory.GetFiles(Path.Combine(repo, dir), "*.cs", SearchOption.AllDirectories))
                {
                    string rel = Path.GetRelativePath(repo, f).Replace('\\', '/');
                    if (rel.Contains("/Host/") || rel.Contains("/bin/") || rel.Contains("/obj/")) continue;
                    string code = Regex.Replace(File.ReadAllText(f), @"//[^\n]*", ""); // comments may quote code
                    foreach (Match m in alloc.Matches(code))
                    {
                        string expr = Regex.Replace(m.Value, @"\s+", " ");
                        string e = m.Groups["e"].Value.Trim();
                        int constant;
                        if (int.TryParse(e, out constant) && constant <= ArenaSegments.MaxSegmentBytes) continue;
                        if (e.Length == 0) continue; // initializer with its elements spelled out
                        found++;
                        if (!Reviewed.Contains(rel + "|" + expr)) unreviewed += "\n  " + rel + "|" + expr;
                    }
                }
            }
            Assert.AreEqual("", unreviewed, "allocations that may exceed " + ArenaSegments.MaxSegmentBytes
                + " B: bound each and add it to Reviewed");
            Assert.IsTrue(found >= 6, "the scan sees the pool's own arrays (" + found + ")");
        }
    }
}
