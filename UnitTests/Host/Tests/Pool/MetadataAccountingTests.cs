// Host-only: the pool's metadata figures must be honest. Reflection counts the instance fields of every
// object a pool keeps (ZsPool, FrameStore, HandleTable, SizeClassTable, FullnessGroups), which must add up to
// ZsPool.FixedObjectBytes on nanoFramework's 12-byte heap blocks, and finds every array they hold, whose
// heap bytes (20-byte header + elements, 12-byte blocks; a reference element is one 12-byte block) must add
// up to MetadataBytes − FixedObjectBytes. A field or array added without updating the accounting fails here.
using System;
using System.Collections.Generic;
using System.Reflection;
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Pool;

namespace ZramEmbedded.UnitTests.Host.Pool
{
    [TestClass]
    public class MetadataAccountingTests
    {
        private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

        private static int HeapBytes(Array a)
        {
            Type e = a.GetType().GetElementType();
            int element = e.IsValueType ? System.Runtime.InteropServices.Marshal.SizeOf(e) : 12;
            if (e == typeof(bool)) element = 1;
            return (20 + a.Length * element + 11) / 12 * 12;
        }

        private static void Measure(ZsPool pool, out int objects, out int fields, out int arrays)
        {
            objects = 0;
            fields = 0;
            arrays = 0;
            var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
            var queue = new Queue<object>();
            queue.Enqueue(pool);
            seen.Add(pool);
            while (queue.Count > 0)
            {
                object o = queue.Dequeue();
                objects++;
                foreach (FieldInfo f in o.GetType().GetFields(Instance))
                {
                    fields++;
                    object v = f.GetValue(o);
                    if (v == null || seen.Contains(v)) continue;
                    if (v is Array arr)
                    {
                        seen.Add(v);
                        if (arr is byte[][] segs && f.DeclaringType.Name == "FrameStore")
                        {
                            arrays += HeapBytes(arr); // the pool's segment table (the segments are the caller's arena)
                            foreach (byte[] s in segs) seen.Add(s);
                            continue;
                        }
                        arrays += HeapBytes(arr);
                    }
                    else if (v.GetType().Namespace == typeof(ZsPool).Namespace)
                    {
                        seen.Add(v);
                        queue.Enqueue(v);
                    }
                }
            }
        }

        [TestMethod]
        public void FixedObjectBytesAndMetadataBytesMatchWhatThePoolHolds()
        {
            foreach (int arena in new[] { 8 << 10, 64 << 10, 128 << 10, 1 << 20, 4 << 20 })
            {
                foreach (bool segmented in new[] { false, true })
                {
                    ZsPool pool = segmented ? new ZsPool(ArenaSegments.Reserve(arena, 64 << 10), PoolConfig.ForArena(arena))
                        : new ZsPool(new byte[arena], PoolConfig.ForArena(arena));
                    int objects, fields, arrays;
                    Measure(pool, out objects, out fields, out arrays);
                    Assert.AreEqual(5, objects, "objects a pool keeps");
                    Assert.AreEqual((objects + fields) * 12, ZsPool.FixedObjectBytes, "headers + fields in 12-byte blocks");
                    Assert.AreEqual(pool.MetadataBytes - ZsPool.FixedObjectBytes, arrays, "arrays at " + arena + (segmented ? " segmented" : ""));
                }
            }
        }
    }
}
