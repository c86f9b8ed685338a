// Host build: the firmware runs on the virtual board.
using ZramEmbedded.Board;
using ZramEmbedded.Board.Host;

namespace ZramEmbedded.Firmware
{
    public static class BoardFactory
    {
        public static IBoard Create()
        {
            return new VirtualBoard();
        }
    }
}
