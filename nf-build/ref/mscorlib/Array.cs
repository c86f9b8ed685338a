// System.Array as in CoreLibrary 1.17 (reflection flavour): Copy/Clear/IndexOf/BinarySearch; no Resize, Sort,
// Fill, Reverse, Empty<T>. Multi-dimensional arrays compile but the metadata processor rejects them (IL check).
namespace System
{
    public abstract class Array : ICloneable, System.Collections.IList
    {
        public static Array CreateInstance(Type elementType, int length) { throw null; }
        public static void Copy(Array sourceArray, Array destinationArray, int length) { throw null; }
        public static void Copy(Array sourceArray, int sourceIndex, Array destinationArray, int destinationIndex, int length) { throw null; }
        public static void Clear(Array array, int index, int length) { throw null; }
        public object GetValue(int index) { throw null; }
        public int Length { get { throw null; } }
        int System.Collections.ICollection.Count { get { throw null; } }
        public object SyncRoot { get { throw null; } }
        public bool IsReadOnly { get { throw null; } }
        public bool IsFixedSize { get { throw null; } }
        public bool IsSynchronized { get { throw null; } }
        object System.Collections.IList.this[int index] { get { throw null; } set { } }
        int System.Collections.IList.Add(object value) { throw null; }
        bool System.Collections.IList.Contains(object value) { throw null; }
        void System.Collections.IList.Clear() { }
        int System.Collections.IList.IndexOf(object value) { throw null; }
        void System.Collections.IList.Insert(int index, object value) { }
        void System.Collections.IList.Remove(object value) { }
        void System.Collections.IList.RemoveAt(int index) { }
        public object Clone() { throw null; }
        public static int BinarySearch(Array array, object value, System.Collections.IComparer comparer) { throw null; }
        public static int BinarySearch(Array array, int index, int length, object value, System.Collections.IComparer comparer) { throw null; }
        public void CopyTo(Array array, int index) { throw null; }
        public System.Collections.IEnumerator GetEnumerator() { throw null; }
        public static int IndexOf(Array array, object value) { throw null; }
        public static int IndexOf(Array array, object value, int startIndex) { throw null; }
        public static int IndexOf(Array array, object value, int startIndex, int count) { throw null; }
    }

    /// <summary>Byte-only span of 1.x (the generic Span&lt;T&gt; exists only in the 2.0 preview).</summary>
    public readonly ref struct SpanByte
    {
        public SpanByte(byte[] array) { throw null; }
        public SpanByte(byte[] array, int start, int length) { throw null; }
        public byte this[int index] { get { throw null; } set { } }
        public static SpanByte Empty { get { throw null; } }
        public int Length { get { throw null; } }
        public bool IsEmpty { get { throw null; } }
        public void CopyTo(SpanByte destination) { throw null; }
        public SpanByte Slice(int start) { throw null; }
        public SpanByte Slice(int start, int length) { throw null; }
        public byte[] ToArray() { throw null; }
        public static implicit operator SpanByte(byte[] array) { throw null; }
    }
}
