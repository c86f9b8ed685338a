// The states a demo app is in, with printable names (enum ToString gives a number on the device).
namespace ZramEmbedded.Firmware.Apps
{
    public enum AppState { Active = 0, Quiet = 1, Killed = 2 }

    public static class AppStates
    {
        public static string Name(AppState s)
        {
            switch (s)
            {
                case AppState.Active: return "active";
                case AppState.Quiet: return "quiet";
                default: return "killed";
            }
        }
    }
}
