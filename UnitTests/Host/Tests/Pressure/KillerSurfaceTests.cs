// Host-only: the low-memory killer's registration table is not reachable from outside the allocator. Its
// TryRegister takes any object as owner and only LowMemoryKiller checks that an owner is a client of its own store
// (the ladder kills what it finds there): with the table public, a client of another store, or an owner that is no
// StoreClient, could be registered past those checks. Reflection on the host, as the device has none to spare.
using System.Reflection;
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Pressure;

namespace ZramEmbedded.UnitTests.Host.Pressure
{
    [TestClass]
    public class KillerSurfaceTests
    {
        [TestMethod]
        public void TheRegistrationTableIsNotPublic()
        {
            PropertyInfo table = typeof(LowMemoryKiller).GetProperty("Table", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
            Assert.IsNotNull(table, "LowMemoryKiller.Table exists");
            Assert.IsFalse(table.GetMethod.IsPublic, "LowMemoryKiller.Table must not be public");
            foreach (MethodInfo m in typeof(LowMemoryKiller).GetMethods(BindingFlags.Instance | BindingFlags.Public))
                Assert.IsFalse(m.ReturnType == typeof(RegistrationTable), "LowMemoryKiller." + m.Name + " hands out the registration table");
        }
    }
}
