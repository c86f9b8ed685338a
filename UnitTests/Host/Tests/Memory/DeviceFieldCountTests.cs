// Host-only: every class that counts its own device size by hand (MetadataBytes, WorkingBytes,
// FixedObjectBytes: 12-byte heap blocks per field on nanoFramework) declares its instance field count as
// DeviceFields, and that count must be what reflection finds. A field added without updating the
// accounting fails here, as MetadataAccountingTests does for the pool's own objects.
using System;
using System.Reflection;
using nanoFramework.TestFramework;

namespace ZramEmbedded.UnitTests.Host.Memory
{
    [TestClass]
    public class DeviceFieldCountTests
    {
        private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

        private static readonly Type[] Counted =
        {
            typeof(ZramEmbedded.Allocator.Store.PageStore),
            typeof(ZramEmbedded.Allocator.Store.StoreClient),
            typeof(ZramEmbedded.Allocator.Store.Recompressor),
            typeof(ZramEmbedded.Allocator.Codec.Lz4Encoder),
            typeof(ZramEmbedded.Allocator.Codec.Lz4HcEncoder),
            typeof(ZramEmbedded.Allocator.Codec.Lz4DictionaryBuilder),
            typeof(ZramEmbedded.Allocator.Pool.PoolStats),
            typeof(ZramEmbedded.Allocator.Pressure.MemoryPressure),
            typeof(ZramEmbedded.Allocator.Pressure.ReclaimLadder),
            typeof(ZramEmbedded.Allocator.Pressure.LowMemoryKiller),
            typeof(ZramEmbedded.Allocator.Pressure.KillRecord),
            typeof(ZramEmbedded.Allocator.Pressure.KillLog),
            typeof(ZramEmbedded.Allocator.Pressure.Watermarks),
            typeof(ZramEmbedded.Allocator.Store.ClientStats),
            typeof(ZramEmbedded.Allocator.Backing.BackingRecords),
            typeof(ZramEmbedded.Allocator.Backing.RecordAllocator),
        };

        private static readonly string[] CountedInternal =
        {
            "ZramEmbedded.Allocator.Store.SlotTable", "ZramEmbedded.Allocator.Store.MergeTable",
            "ZramEmbedded.Allocator.Store.MergeScanner", "ZramEmbedded.Allocator.Pressure.RegistrationTable",
            "ZramEmbedded.Allocator.Store.BlockCodec", "ZramEmbedded.Allocator.Pressure.PoolFigures",
        };

        private static int Declared(Type t)
        {
            FieldInfo f = t.GetField("DeviceFields", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic);
            Assert.IsNotNull(f, t.Name + " declares DeviceFields");
            return (int)f.GetRawConstantValue();
        }

        private static void Check(Type t)
        {
            int found = t.GetFields(Instance).Length;
            Assert.AreEqual(found, Declared(t), t.Name + ": instance fields on the device");
        }

        [TestMethod]
        public void EveryHandCountedClassDeclaresTheFieldsItHas()
        {
            foreach (Type t in Counted) Check(t);
            Assembly store = typeof(ZramEmbedded.Allocator.Store.PageStore).Assembly;
            Assembly pool = typeof(ZramEmbedded.Allocator.Pool.ZsPool).Assembly;
            foreach (string name in CountedInternal)
            {
                Type t = store.GetType(name) ?? pool.GetType(name);
                Assert.IsNotNull(t, name);
                Check(t);
            }
        }
    }
}
