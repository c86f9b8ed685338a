// Device build: the firmware runs on the board the runtime says it is on. The nanoCLR reports its target name
// (SystemInfo.TargetName, the name nanoff --target takes, e.g. ST_STM32F769I_DISCOVERY), and the profile with
// that name is used, so one build serves every supported board and choosing a board needs no source edit.
// A board always runs interactively and never finishes (the console shell has no `exit` there).
using nanoFramework.Runtime.Native;
using ZramEmbedded.Board;
using ZramEmbedded.Board.Device;

namespace ZramEmbedded.Firmware
{
    public static class BoardFactory
    {
        public static IBoard Create()
        {
            string target = SystemInfo.TargetName;
            BoardProfile profile = BoardProfile.Find(target);
            if (profile == null) throw new System.NotSupportedException("no board profile for target " + target + " (see Board/BoardProfile.cs)");
            return new DeviceBoard(profile);
        }

        public static RunPlan Plan()
        {
            return RunPlan.Interactive;
        }

        public static void Finish(int code)
        {
        }
    }
}
