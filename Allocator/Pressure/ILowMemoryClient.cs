// The hooks a store client gives the low-memory killer when it registers (Android's onTrimMemory and a
// kill). Both are called on the thread that runs the reclaim (an idle slice or a store write that did
// not fit), never with a lock of the killer held, so a hook may call back into the store: write,
// discard, release its client, unregister or re-register. A hook that throws is logged and counts as
// "freed nothing"; the ladder carries on. Hooks should return quickly: a reclaim call may overrun its
// time budget by at most one hook. For a write that did not fit, the store's lock is held by the calling
// thread (re-entrant, so the hook's own store calls work): a hook must not wait for another thread that
// uses the store.
namespace ZramEmbedded.Allocator.Pressure
{
    public interface ILowMemoryClient
    {
        /// <summary>
        /// Give memory back if you can (drop cached pages: StoreClient.Discard). `level` says how bad it
        /// is: Critical when a write is failing, otherwise the current pressure level.
        /// </summary>
        void Trim(PressureLevel level);

        /// <summary>
        /// You are being killed: stop using your StoreClient. The killer releases the client (every page)
        /// right after this returns or throws, so a hook that forgets still gives its memory back.
        /// </summary>
        void Kill();
    }
}
