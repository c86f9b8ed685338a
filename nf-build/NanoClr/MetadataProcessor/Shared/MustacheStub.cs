// Stands in for the mustache-sharp package (not served by NuGet), which the MetadataProcessor uses only to write
// native skeletons (-generateSkeleton) and dumps (-dump_all). The real-runtime path converts .dll to .pe and never
// asks for either, so these throw.
namespace Mustache
{
    public sealed class FormatCompiler
    {
        public bool RemoveNewLines { get; set; }

        public Generator Compile(string format)
        {
            throw new System.NotSupportedException("mustache-sharp is not available: -generateSkeleton and -dump_all are not supported by this build");
        }
    }

    public sealed class Generator
    {
        public string Render(object source)
        {
            throw new System.NotSupportedException("mustache-sharp is not available");
        }
    }
}
