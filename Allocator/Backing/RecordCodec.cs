// The on-medium record format. A record is a 28-byte header followed by the payload (the page as stored in
// the arena: LZ4-compressed, or raw when it did not compress); only header + payload are written, so a
// compressed page costs the medium less than a page. All integers little-endian.
//
//   offset size field
//    0     4    magic 0x5242575A ("ZWBR")
//    4     4    CRC-32 (Crc32) of bytes 8 .. 28+payload length: every field below and the payload
//    8     4    epoch       IBackingStore.Epoch when written (a record of an earlier run never matches)
//   12     4    generation  unique per write within a run (BackingRecords keeps the expected one per record)
//   16     4    slot        the owner's slot (client-local index) at write time
//   20     2    client      the owner's client id
//   22     1    flags       bit 0: payload is LZ4-compressed; other bits 0
//   23     1    version     1
//   24     2    payload length (1 .. RecordSize - 28)
//   26     2    original length (the page size; what the payload decodes to)
//
// Detection: wrong magic → Missing; wrong version/lengths or CRC mismatch → Corrupt (torn writes and
// flipped bits land here, 1 in 2^32 undetected); intact but another epoch, generation or owner → Stale.
using System;

namespace ZramEmbedded.Allocator.Backing
{
    public static class RecordCodec
    {
        public const int HeaderSize = 28;
        public const uint Magic = 0x5242575A;
        public const int Version = 1;
        public const int FlagCompressed = 1;
        /// <summary>Largest payload or original length the 16-bit fields hold.</summary>
        public const int MaxLength = 65535;

        private const int CrcStart = 8;

        /// <summary>
        /// Fills the header at buf[offset..offset+28) for the payload already placed at buf[offset+28..) and
        /// seals it with the CRC. Returns the record's length (header + payload).
        /// </summary>
        public static int Encode(byte[] buf, int offset, uint epoch, uint generation, int client, int slot,
            bool compressed, int payloadLength, int originalLength)
        {
            if (buf == null) throw new ArgumentNullException("buf");
            if (payloadLength < 1 || payloadLength > MaxLength) throw new ArgumentOutOfRangeException("payloadLength");
            if (originalLength < 1 || originalLength > MaxLength) throw new ArgumentOutOfRangeException("originalLength");
            if (client < 0 || client > 0xFFFF) throw new ArgumentOutOfRangeException("client");
            if (slot < 0) throw new ArgumentOutOfRangeException("slot");
            if (offset < 0 || offset > buf.Length - HeaderSize - payloadLength) throw new ArgumentOutOfRangeException("offset");
            Put32(buf, offset, Magic);
            Put32(buf, offset + 8, epoch);
            Put32(buf, offset + 12, generation);
            Put32(buf, offset + 16, (uint)slot);
            Put16(buf, offset + 20, client);
            buf[offset + 22] = (byte)(compressed ? FlagCompressed : 0);
            buf[offset + 23] = (byte)Version;
            Put16(buf, offset + 24, payloadLength);
            Put16(buf, offset + 26, originalLength);
            int length = HeaderSize + payloadLength;
            Put32(buf, offset + 4, Crc32.Compute(buf, offset + CrcStart, length - CrcStart));
            return length;
        }

        /// <summary>
        /// Checks the header alone (magic, version, flags, lengths within maxPayload): Missing, Corrupt or Ok.
        /// Enough to learn the payload length before reading the rest.
        /// </summary>
        public static RecordStatus CheckHeader(byte[] buf, int offset, int maxPayload)
        {
            if (Get32(buf, offset) != Magic) return RecordStatus.Missing;
            if (buf[offset + 23] != Version || (buf[offset + 22] & ~FlagCompressed) != 0) return RecordStatus.Corrupt;
            int len = PayloadLength(buf, offset);
            if (len < 1 || len > maxPayload || OriginalLength(buf, offset) < 1) return RecordStatus.Corrupt;
            return RecordStatus.Ok;
        }

        /// <summary>Checks a whole record (header and CRC over header + payload): Missing, Corrupt or Ok.</summary>
        public static RecordStatus Check(byte[] buf, int offset, int maxPayload)
        {
            RecordStatus s = CheckHeader(buf, offset, maxPayload);
            if (s != RecordStatus.Ok) return s;
            int length = HeaderSize + PayloadLength(buf, offset);
            if (offset + length > buf.Length) return RecordStatus.Corrupt;
            uint crc = Crc32.Compute(buf, offset + CrcStart, length - CrcStart);
            return crc == Get32(buf, offset + 4) ? RecordStatus.Ok : RecordStatus.Corrupt;
        }

        public static uint Epoch(byte[] buf, int offset) { return Get32(buf, offset + 8); }
        public static uint Generation(byte[] buf, int offset) { return Get32(buf, offset + 12); }
        public static int Slot(byte[] buf, int offset) { return (int)Get32(buf, offset + 16); }
        public static int Client(byte[] buf, int offset) { return Get16(buf, offset + 20); }
        public static bool IsCompressed(byte[] buf, int offset) { return (buf[offset + 22] & FlagCompressed) != 0; }
        public static int PayloadLength(byte[] buf, int offset) { return Get16(buf, offset + 24); }
        public static int OriginalLength(byte[] buf, int offset) { return Get16(buf, offset + 26); }

        /// <summary>Little-endian field helpers (also used by the superblock).</summary>
        public static void Put32(byte[] b, int o, uint v)
        {
            b[o] = (byte)v;
            b[o + 1] = (byte)(v >> 8);
            b[o + 2] = (byte)(v >> 16);
            b[o + 3] = (byte)(v >> 24);
        }

        public static uint Get32(byte[] b, int o)
        {
            return (uint)b[o] | ((uint)b[o + 1] << 8) | ((uint)b[o + 2] << 16) | ((uint)b[o + 3] << 24);
        }

        public static void Put16(byte[] b, int o, int v)
        {
            b[o] = (byte)v;
            b[o + 1] = (byte)(v >> 8);
        }

        public static int Get16(byte[] b, int o)
        {
            return b[o] | (b[o + 1] << 8);
        }
    }
}
