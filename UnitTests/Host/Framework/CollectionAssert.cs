// Host implementation of nanoFramework.TestFramework's CollectionAssert (element-wise, in order).
using System.Collections;

namespace nanoFramework.TestFramework
{
    public sealed class CollectionAssert
    {
        private CollectionAssert() { }

        public static void Empty(ICollection collection, string message = "")
        {
            if (collection is null || collection.Count != 0) Assert.Fail("CollectionAssert.Empty", message);
        }

        public static void NotEmpty(ICollection collection, string message = "")
        {
            if (collection is null || collection.Count == 0) Assert.Fail("CollectionAssert.NotEmpty", message);
        }

        public static void AreEqual(ICollection expected, ICollection actual, string message = "")
        {
            string why = Difference(expected, actual);
            if (why != null) Assert.Fail("CollectionAssert.AreEqual", why + " " + message);
        }

        public static void AreNotEqual(ICollection notExpected, ICollection actual, string message = "")
        {
            if (Difference(notExpected, actual) == null) Assert.Fail("CollectionAssert.AreNotEqual", message);
        }

        private static string Difference(ICollection a, ICollection b)
        {
            if (ReferenceEquals(a, b)) return null;
            if (a is null || b is null) return "One collection is null.";
            if (a.Count != b.Count) return "Different number of elements: " + a.Count + " vs " + b.Count + ".";
            IEnumerator ea = a.GetEnumerator(), eb = b.GetEnumerator();
            int i = 0;
            while (ea.MoveNext() && eb.MoveNext())
            {
                if (!Equals(ea.Current, eb.Current))
                    return "Element at index " + i + " do not match: <" + Assert.Show(ea.Current) + "> vs <" + Assert.Show(eb.Current) + ">.";
                i++;
            }
            return null;
        }
    }
}
