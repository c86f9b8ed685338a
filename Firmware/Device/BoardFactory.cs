// Device build: the firmware runs on the board it was built for. TargetBoard names the nanoFramework
// target; change it (or the profile) when flashing another board (see nf-build/README.md).
using ZramEmbedded.Board;
using ZramEmbedded.Board.Device;

namespace ZramEmbedded.Firmware
{
    internal static class BoardFactory
    {
        public const string TargetBoard = "ST_STM32F769I_DISCOVERY";

        public static IBoard Create()
        {
            BoardProfile profile = BoardProfile.Find(TargetBoard);
            if (profile == null) throw new System.NotSupportedException("no board profile named " + TargetBoard);
            return new DeviceBoard(profile);
        }
    }
}
