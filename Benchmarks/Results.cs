// Headline figures: collected during a run, printed last as `RESULT <name> <value>` lines
// (plain numbers, ratios as fractions) so runs can be compared across machines.
using System;
using System.Collections.Generic;
using System.Globalization;

namespace ZramEmbedded.Benchmarks
{
    public sealed class Results
    {
        private readonly List<KeyValuePair<string, double>> _items = new List<KeyValuePair<string, double>>();

        public void Add(string name, double value) => _items.Add(new KeyValuePair<string, double>(name, value));

        public void Print()
        {
            foreach (var kv in _items)
                Console.WriteLine("RESULT " + kv.Key + " " + kv.Value.ToString("0.####", CultureInfo.InvariantCulture));
        }
    }
}
