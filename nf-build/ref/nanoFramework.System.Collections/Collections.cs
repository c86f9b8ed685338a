// nanoFramework.System.Collections 1.5.75 (assembly nanoFramework.System.Collections, namespace
// System.Collections): Hashtable, Queue, Stack, DictionaryEntry, IDictionary. Non-generic only in 1.x.
[assembly: System.Reflection.AssemblyVersion("1.5.75.0")]

namespace System.Collections
{
    public class DictionaryEntry
    {
        public object Key;
        public object Value;
        public DictionaryEntry(object key, object value) { }
    }

    public interface IDictionary : ICollection
    {
        bool IsReadOnly { get; }
        bool IsFixedSize { get; }
        ICollection Keys { get; }
        ICollection Values { get; }
        object this[object key] { get; set; }
        void Add(object key, object value);
        void Clear();
        bool Contains(object key);
        void Remove(object key);
    }

    public interface IDictionaryEnumerator : IEnumerator
    {
        object Key { get; }
        object Value { get; }
        DictionaryEntry Entry { get; }
    }

    public class Hashtable : ICloneable, IDictionary
    {
        public Hashtable() { }
        public Hashtable(int capacity) { }
        public Hashtable(int capacity, float loadFactor) { }
        public object Clone() { throw null; }
        public IEnumerator GetEnumerator() { throw null; }
        public int Count { get { throw null; } }
        public bool IsSynchronized { get { throw null; } }
        public object SyncRoot { get { throw null; } }
        public void CopyTo(Array array, int arrayIndex) { throw null; }
        public bool IsReadOnly { get { throw null; } }
        public bool IsFixedSize { get { throw null; } }
        public ICollection Keys { get { throw null; } }
        public ICollection Values { get { throw null; } }
        public object this[object key] { get { throw null; } set { } }
        public void Add(object key, object value) { throw null; }
        public void Clear() { throw null; }
        public bool Contains(object key) { throw null; }
        public void Remove(object key) { throw null; }
    }

    public class Queue : ICollection, ICloneable
    {
        public Queue() { }
        public virtual int Count { get { throw null; } }
        public virtual object Clone() { throw null; }
        public virtual bool IsSynchronized { get { throw null; } }
        public virtual object SyncRoot { get { throw null; } }
        public virtual void Clear() { throw null; }
        public virtual void CopyTo(Array array, int index) { throw null; }
        public virtual void Enqueue(object obj) { throw null; }
        public virtual IEnumerator GetEnumerator() { throw null; }
        public virtual object Dequeue() { throw null; }
        public virtual object Peek() { throw null; }
        public virtual bool Contains(object obj) { throw null; }
        public virtual object[] ToArray() { throw null; }
    }

    public class Stack : ICollection, ICloneable
    {
        public Stack() { }
        public virtual int Count { get { throw null; } }
        public virtual bool IsSynchronized { get { throw null; } }
        public virtual object SyncRoot { get { throw null; } }
        public virtual void Clear() { throw null; }
        public virtual object Clone() { throw null; }
        public virtual bool Contains(object obj) { throw null; }
        public virtual void CopyTo(Array array, int index) { throw null; }
        public virtual IEnumerator GetEnumerator() { throw null; }
        public virtual object Peek() { throw null; }
        public virtual object Pop() { throw null; }
        public virtual void Push(object obj) { throw null; }
        public virtual object[] ToArray() { throw null; }
    }
}
