// Test helper: the order in which hooks ran, as "T:name" (trim) and "K:name" (kill) entries.
namespace ZramEmbedded.UnitTests.Pressure
{
    public sealed class Journal
    {
        private readonly string[] _events = new string[64];
        private int _count;

        public int Count { get { return _count; } }

        public void Add(string kind, string name)
        {
            if (_count < _events.Length) _events[_count++] = kind + ":" + name;
        }

        public string this[int i] { get { return _events[i]; } }

        /// <summary>Index of the first entry equal to `entry`, or -1.</summary>
        public int IndexOf(string entry)
        {
            for (int i = 0; i < _count; i++)
                if (_events[i] == entry) return i;
            return -1;
        }

        public override string ToString()
        {
            string s = "";
            for (int i = 0; i < _count; i++) s += (i == 0 ? "" : " ") + _events[i];
            return s;
        }
    }
}
