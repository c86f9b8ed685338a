// A bounded byte queue between a host reader thread (stdin, a TCP client) and the firmware's main loop,
// which takes bytes without blocking. A full queue makes the reader wait (TCP flow control pushes back on
// the sender), so no byte is ever dropped. Host-only.
using System;
using System.Threading;

namespace ZramEmbedded.Board.Host
{
    internal sealed class ByteQueue
    {
        private readonly byte[] _ring;
        private readonly object _lock = new object();
        private int _head;
        private int _count;
        private bool _ended;

        public ByteQueue(int capacity) => _ring = new byte[capacity];

        /// <summary>Adds bytes, waiting while the queue is full.</summary>
        public void Add(byte[] data, int offset, int count)
        {
            lock (_lock)
            {
                while (count > 0)
                {
                    while (_count == _ring.Length) Monitor.Wait(_lock);
                    int tail = (_head + _count) % _ring.Length;
                    int n = Math.Min(count, Math.Min(_ring.Length - _count, _ring.Length - tail));
                    Array.Copy(data, offset, _ring, tail, n);
                    _count += n;
                    offset += n;
                    count -= n;
                }
            }
        }

        /// <summary>No more bytes will come: Take returns -1 once the queue is empty.</summary>
        public void End()
        {
            lock (_lock) _ended = true;
        }

        /// <summary>Bytes available now (0 if none, -1 if ended and drained); never blocks.</summary>
        public int Take(byte[] buffer, int offset, int count)
        {
            lock (_lock)
            {
                if (_count == 0) return _ended ? -1 : 0;
                int n = Math.Min(count, _count);
                for (int i = 0; i < n; i++) buffer[offset + i] = _ring[(_head + i) % _ring.Length];
                _head = (_head + n) % _ring.Length;
                _count -= n;
                Monitor.PulseAll(_lock);
                return n;
            }
        }
    }
}
