// BlockCodec: the recompressed forms of a page (SlotTable.Hc, HcDict0, HcDict1) and everything that makes and
// reads them — the LZ4 HC encoder, the two dictionary buffers with their versions and references, decoding,
// and making a slot's form again (OldForm) — behind one small surface. The store owns it once a Recompressor
// has made it (PageStore.AttachRecompressor): reads, writeback and the slot counts (Count/Uncount) go
// through it, so the store never calls into the Recompressor, and the Recompressor, which decides which
// pages, when and within what budget, builds dictionaries into the spare buffer and installs them here.
//
// Dictionaries: two buffers, by the form's index 0/1 (SlotTable.DictionaryOf): the array holding it (the HC
// encoder's window, for the current dictionary, or the spare buffer) and where it starts. A dictionary is kept
// right-aligned (ending at DictionaryBytes) in either, so exchanging the two regions moves one to the other
// intact. A new dictionary goes into the buffer no page references, and only then becomes the current one.
// Memory: allocated in the constructor (WorkingBytes); the decoded page is the HC encoder's input area (no
// buffer of its own); the HC head table may be the store's fast-encoder hash table (borrowed). Called under the
// store's lock.
using System;
using ZramEmbedded.Allocator.Codec;

namespace ZramEmbedded.Allocator.Store
{
    internal sealed class BlockCodec
    {
        /// <summary>Instance fields on the device (DeviceFieldCountTests checks it).</summary>
        internal const int DeviceFields = 14;

        private readonly Recompressor _owner;
        private readonly Lz4Encoder _fast;         // the store's encoder (borrowed): how a fast form is made again
        private readonly Lz4HcEncoder _hc;
        private readonly byte[][] _dict;
        private readonly int[] _dictAt = new int[2];
        private readonly byte[] _spare;
        private readonly int[] _dictLength = new int[2];
        private readonly int[] _dictVersion = new int[2];
        private readonly int[] _dictRefs = new int[2];
        private readonly byte[] _scratch;           // the store's page-sized scratch: where a new form is made
        private readonly int _pageSize;
        private int _active = -1;                   // buffer of the current dictionary, -1 = none yet
        private int _version;
        private int _pagesRecompressed;

        internal BlockCodec(Lz4Encoder fast, byte[] scratch, int pageSize, RecompressConfig c, Recompressor owner)
        {
            _owner = owner;
            _fast = fast;
            _scratch = scratch;
            _pageSize = pageSize;
            // The HC head table is the store's fast-encoder hash table when that is large enough: both run
            // under the store's lock and clear the table at every call.
            ushort[] table = fast.TableScratch;
            _hc = new Lz4HcEncoder(pageSize, c.DictionaryBytes, c.HashBits, c.Level, table.Length >= (1 << c.HashBits) ? table : null,
                                   c.ChainBits == 0 ? 0 : 1 << c.ChainBits);
            // The current dictionary lives in the HC window, in front of the input (no copy per compression);
            // the spare buffer holds the previous one while pages still reference it, or a build's segments.
            _spare = new byte[c.DictionaryBytes];
            _dict = new byte[2][];
            _dict[0] = _spare;
            _dict[1] = _hc.InputArea;
        }

        /// <summary>The Recompressor that made this codec (the store's Recompressor).</summary>
        internal Recompressor Owner { get { return _owner; } }

        /// <summary>Where a decoded page is (DecodeSlot's output, the HC encoder's input area: no buffer of its own).</summary>
        internal byte[] PageArea { get { return _hc.InputArea; } }

        internal int PageAreaOffset { get { return _hc.InputAreaOffset; } }

        /// <summary>Where CompressHc puts a new form (the store's scratch).</summary>
        internal byte[] FormArea { get { return _scratch; } }

        /// <summary>Dictionaries installed so far (the current one's version).</summary>
        internal int Installed { get { return _version; } }

        /// <summary>The encoder's chain array, scratch between compressions (the dictionary builder counts in it).</summary>
        internal ushort[] ChainScratch { get { return _hc.ChainScratch; } }

        /// <summary>The buffer of the current dictionary (0 or 1), -1 when there is none yet.</summary>
        internal int Active { get { return _active; } }

        /// <summary>True when there is a current dictionary to compress against.</summary>
        internal bool HasDictionary { get { return _active >= 0 && _dictLength[_active] > 0; } }

        /// <summary>The buffer a new dictionary is built into (the one that is not current).</summary>
        internal int FreeBuffer { get { return _active < 0 ? 0 : 1 - _active; } }

        /// <summary>Slots whose form references dictionary buffer d.</summary>
        internal int RefsOf(int d) { return _dictRefs[d]; }

        /// <summary>Slots holding a recompressed form.</summary>
        internal int PagesRecompressed { get { return _pagesRecompressed; } }

        internal int DictionaryLength { get { return _active < 0 ? 0 : _dictLength[_active]; } }

        internal int DictionaryVersion { get { return _active < 0 ? 0 : _dictVersion[_active]; } }

        /// <summary>The spare buffer, where a dictionary is built (no page references it then).</summary>
        internal byte[] Spare { get { return _spare; } }

        /// <summary>RAM held: the HC encoder (window, chain, its own head table unless borrowed), the spare
        /// buffer, the dictionary tables and this object.</summary>
        internal int WorkingBytes
        {
            get
            {
                int window = _hc.InputArea.Length;
                int chain = 2 * _hc.ChainEntries;
                int ownHead = _hc.WorkingBytes - window - chain; // 0 when borrowed from the store
                return StoreMath.ObjectBytes(DeviceFields) + StoreMath.ObjectBytes(Lz4HcEncoder.DeviceFields)
                    + StoreMath.ArrayBytes(8) + 4 * StoreMath.ArrayBytes(8) // _dict, _dictAt/_dictLength/_dictVersion/_dictRefs
                    + StoreMath.ArrayBytes(_spare.Length) + StoreMath.ArrayBytes(window) + StoreMath.ArrayBytes(chain)
                    + (ownHead > 0 ? StoreMath.ArrayBytes(ownHead) : 0);
            }
        }

        // ---------------------------------------------------------------- slot counts

        /// <summary>A slot took a recompressed `form`: count it in.</summary>
        internal void Count(int form)
        {
            _pagesRecompressed++;
            int d = SlotTable.DictionaryOf(form);
            if (d >= 0) _dictRefs[d]++;
        }

        /// <summary>A slot gave up a recompressed `form`: count it out.</summary>
        internal void Uncount(int form)
        {
            _pagesRecompressed--;
            int d = SlotTable.DictionaryOf(form);
            if (d >= 0) _dictRefs[d]--;
        }

        // ---------------------------------------------------------------- forms

        /// <summary>Decodes a recompressed block (`form`) of `size` bytes into dst[offset..+PageSize); false when damaged.</summary>
        internal bool Decode(int form, byte[] src, int size, byte[] dst, int offset)
        {
            int d = SlotTable.DictionaryOf(form);
            int n = d < 0 ? Lz4Decoder.TryDecompress(src, 0, size, dst, offset, _pageSize)
                : Lz4Decoder.TryDecompress(src, 0, size, dst, offset, _pageSize, _dict[d], _dictAt[d], _dictLength[d]);
            return n == _pageSize;
        }

        /// <summary>
        /// The decoded page (PageArea) in the HC form against the current dictionary, if any, into
        /// FormArea[0..), at most `capacity` bytes; returns the size (form set) or Lz4Block.DoesNotFit.
        /// </summary>
        internal int CompressHc(int capacity, out int form)
        {
            int d = _active >= 0 && _dictLength[_active] > 0 ? _active : -1;
            form = SlotTable.HcForm(d);
            if (capacity <= 0) return Lz4Block.DoesNotFit;
            return _hc.Compress(_hc.InputArea, _hc.InputAreaOffset, _pageSize, _scratch, 0, capacity, d < 0 ? null : _dict[d], d < 0 ? 0 : _dictAt[d], d < 0 ? 0 : _dictLength[d]);
        }

        /// <summary>
        /// The form a slot had (`form`, `size` bytes), made again from the decoded page: the page itself for a
        /// raw one; the store's fast encoder for a fast one (that is how it was made: the encoder clears its
        /// table per call, so it gives the same bytes); the HC encoder with the form's dictionary, if any
        /// (still held: the slot referenced it), for a recompressed one. Written into `scratch`; returns the
        /// array and its offset. Throws InvalidOperationException if the bytes come out at another size
        /// (never, while the encoders stay deterministic).
        /// </summary>
        internal byte[] OldForm(int form, int size, int hugeThreshold, out int offset)
        {
            byte[] scratch = _scratch;
            if (form == SlotTable.Raw)
            {
                offset = _hc.InputAreaOffset;
                return _hc.InputArea;
            }
            int n;
            if (SlotTable.IsRecompressed(form))
            {
                int d = SlotTable.DictionaryOf(form);
                // The HC encoder reads a dictionary in its window: one in the spare buffer (the previous
                // dictionary, while migrating) is exchanged into the window for this call and back.
                bool exchange = d >= 0 && _dict[d] == _spare;
                if (exchange) ExchangeDictionaries();
                n = _hc.Compress(_hc.InputArea, _hc.InputAreaOffset, _pageSize, scratch, 0, size, d < 0 ? null : _dict[d], d < 0 ? 0 : _dictAt[d], d < 0 ? 0 : _dictLength[d]);
                if (exchange) ExchangeDictionaries();
            }
            else
            {
                n = _fast.Compress(_hc.InputArea, _hc.InputAreaOffset, _pageSize, scratch, 0, hugeThreshold - 1);
            }
            if (n != size) throw new InvalidOperationException("the old form of a page came out at another size");
            offset = 0;
            return scratch;
        }

        // ---------------------------------------------------------------- dictionaries

        /// <summary>
        /// A dictionary of `length` bytes built at the start of the spare buffer becomes the current one, in
        /// the free buffer (which no page may reference), with the next version. False when length is 0 (the
        /// samples shared nothing: the current dictionary stays).
        /// </summary>
        internal bool Install(int length)
        {
            int b = FreeBuffer;
            if (_dictRefs[b] != 0) throw new InvalidOperationException("dictionary buffer still referenced");
            if (length == 0) return false;
            // Right-align the new dictionary in the spare buffer, then exchange it into the window (the
            // previous one, if any, goes to the spare buffer).
            int capacity = _spare.Length;
            for (int i = length - 1; i >= 0; i--) _spare[capacity - length + i] = _spare[i];
            _dictLength[b] = length;
            _dictAt[b] = capacity - length;
            ExchangeDictionaries();
            _dictVersion[b] = ++_version;
            _active = b;
            return true;
        }

        /// <summary>Forgets the free buffer's dictionary before a build writes into it (no page references it).</summary>
        internal void ClearFreeBuffer()
        {
            int b = FreeBuffer;
            if (_dictRefs[b] != 0) throw new InvalidOperationException("dictionary buffer still referenced");
            _dictLength[b] = 0;
            if (_dict[b] != _spare) throw new InvalidOperationException("the free dictionary buffer is not the spare");
        }

        // Exchanges the spare buffer with the window's dictionary area (DictionaryBytes each, byte by byte: no
        // buffer) and the two buffers' places; offsets stay (both right-aligned).
        private void ExchangeDictionaries()
        {
            byte[] w = _hc.InputArea;
            int capacity = _spare.Length;
            int at = _hc.DictionaryAreaEnd - capacity;
            for (int i = 0; i < capacity; i++)
            {
                byte x = _spare[i];
                _spare[i] = w[at + i];
                w[at + i] = x;
            }
            byte[] t = _dict[0];
            _dict[0] = _dict[1];
            _dict[1] = t;
        }

        /// <summary>The counts against a recount from the slots (pages, references per buffer); throws
        /// InvalidOperationException when they differ or a buffer is out of place.</summary>
        internal void CheckInvariants(int pages, int refs0, int refs1, bool building)
        {
            if (pages != _pagesRecompressed || refs0 != _dictRefs[0] || refs1 != _dictRefs[1])
                throw new InvalidOperationException("recompression counters differ from the slot table");
            if ((refs0 > 0 && _dictLength[0] == 0) || (refs1 > 0 && _dictLength[1] == 0))
                throw new InvalidOperationException("slot references an empty dictionary buffer");
            if (_active >= 0 && _dictLength[_active] == 0) throw new InvalidOperationException("current dictionary empty");
            if (_active >= 0 && _dict[_active] != _hc.InputArea) throw new InvalidOperationException("current dictionary not in the encoder's window");
            if (_dict[0] == _dict[1]) throw new InvalidOperationException("both dictionary buffers in one place");
            if (building && _dictRefs[FreeBuffer] != 0) throw new InvalidOperationException("building into a referenced dictionary buffer");
        }
    }
}
