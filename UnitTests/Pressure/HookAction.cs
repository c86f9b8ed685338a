// What a TestApp's hook does besides its normal job (re-entrancy tests).
namespace ZramEmbedded.UnitTests.Pressure
{
    public enum HookAction
    {
        None = 0,
        Throw = 1,
        WritePage = 2,     // writes a fresh page into its first empty slot
        DiscardAll = 3,
        ReleaseClient = 4,
        Unregister = 5,
        Restart = 6,       // Kill only: registers a new store client and re-registers with the killer
    }
}
