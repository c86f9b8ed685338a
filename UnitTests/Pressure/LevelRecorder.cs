// Test helper: records Watermarks.LevelChanged events (count, last transition) and can be told to throw
// or to call Update again from inside the handler (re-entrancy).
using System;
using ZramEmbedded.Allocator.Pressure;

namespace ZramEmbedded.UnitTests.Pressure
{
    public sealed class LevelRecorder
    {
        public int Events;
        public PressureLevel LastPrevious;
        public PressureLevel LastCurrent;
        public long LastFree;
        public bool Throw;
        public Watermarks ReenterWith;   // when set, the handler calls ReenterWith.Update once
        public long ReenterUsed;
        public long ReenterCapacity;

        public void Attach(Watermarks w)
        {
            w.LevelChanged += OnChanged;
        }

        private void OnChanged(PressureLevel previous, PressureLevel current, long freeBytes, long capacityBytes)
        {
            Events++;
            LastPrevious = previous;
            LastCurrent = current;
            LastFree = freeBytes;
            if (ReenterWith != null)
            {
                Watermarks w = ReenterWith;
                ReenterWith = null;
                w.Update(ReenterUsed, ReenterCapacity);
            }
            if (Throw) throw new InvalidOperationException("handler failure (test)");
        }
    }
}
