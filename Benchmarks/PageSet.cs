// A named set of 4 KiB pages: the built-in realistic kinds (UnitTests/Samples/PageSamples) or the pages
// of files given with --pages (each file cut into 4 KiB pages; a short tail is zero-padded).
using System;
using System.Collections.Generic;
using System.IO;
using ZramEmbedded.UnitTests.Samples;

namespace ZramEmbedded.Benchmarks
{
    public sealed class PageSet
    {
        public const int PageSize = PageSamples.PageSize;

        public string Name { get; }
        public List<byte[]> Pages { get; }

        public PageSet(string name, List<byte[]> pages)
        {
            Name = name;
            Pages = pages;
        }

        /// <summary>One set per built-in kind (pagesPerKind pages each), or one set per --pages file.</summary>
        public static List<PageSet> Load(BenchmarkOptions options, int pagesPerKind, bool includeEdgeKinds)
        {
            var sets = new List<PageSet>();
            if (options.PageFiles.Count > 0)
            {
                foreach (string file in options.PageFiles) sets.Add(FromFile(file));
                return sets;
            }
            for (int k = 0; k < PageSamples.KindCount; k++)
            {
                var kind = (PageKind)k;
                bool edge = kind == PageKind.Zero || kind == PageKind.SameFilled || kind == PageKind.Random;
                if (edge && !includeEdgeKinds) continue;
                var pages = new List<byte[]>(pagesPerKind);
                for (int i = 0; i < pagesPerKind; i++) pages.Add(PageSamples.Make(kind, options.Seed * 7919u + (uint)i));
                sets.Add(new PageSet(PageSamples.KindName(kind), pages));
            }
            return sets;
        }

        /// <summary>A realistic mixed workload of n pages (kinds drawn by PageSamples.MixedKind), or all --pages pages.</summary>
        public static PageSet Mixed(BenchmarkOptions options, int n)
        {
            if (options.PageFiles.Count > 0)
            {
                var all = new List<byte[]>();
                foreach (string file in options.PageFiles) all.AddRange(FromFile(file).Pages);
                return new PageSet("pages-files", all);
            }
            var pages = new List<byte[]>(n);
            for (int i = 0; i < n; i++)
            {
                uint seed = options.Seed * 104729u + (uint)i;
                pages.Add(PageSamples.Make(PageSamples.MixedKind(seed), seed));
            }
            return new PageSet("mixed", pages);
        }

        public static PageSet FromFile(string path)
        {
            byte[] data = File.ReadAllBytes(path);
            if (data.Length == 0) throw new ArgumentException("empty pages file: " + path);
            var pages = new List<byte[]>();
            for (int off = 0; off < data.Length; off += PageSize)
            {
                var page = new byte[PageSize];
                Array.Copy(data, off, page, 0, Math.Min(PageSize, data.Length - off));
                pages.Add(page);
            }
            return new PageSet(Path.GetFileName(path), pages);
        }
    }
}
