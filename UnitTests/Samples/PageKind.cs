// The kinds of page content the sample generator produces. Ordered; used as array indices.
namespace ZramEmbedded.UnitTests.Samples
{
    public enum PageKind
    {
        Text = 0,
        Json = 1,
        Csv = 2,
        SensorRecords = 3,
        BinaryStructs = 4,
        HeapLike = 5,
        Zero = 6,
        SameFilled = 7,
        Random = 8,
    }
}
