// Roslyn in-process, configured the way a nanoFramework project compiles: no standard library (the only
// references are the ones given, mscorlib among them), C# 9.0 (NFProjectSystem.Default.props of the VS
// extension sets <LangVersion>9.0</LangVersion>), Debug defines DEBUG;TRACE as in that props file.
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace NanoBuild
{
    public sealed class CompileOutput
    {
        public byte[] Image;
        public readonly List<Finding> Errors = new List<Finding>();
        public readonly List<string> Warnings = new List<string>();
        public bool Success => Image != null && Errors.Count == 0;
    }

    public static class Compiler
    {
        /// <summary>The language version of nanoFramework projects built by the VS/VS Code project system.</summary>
        public const LanguageVersion NanoLanguageVersion = LanguageVersion.CSharp9;

        public static CSharpParseOptions ParseOptions(bool debug) =>
            new CSharpParseOptions(NanoLanguageVersion, DocumentationMode.None, SourceCodeKind.Regular,
                debug ? new[] { "DEBUG", "TRACE" } : new[] { "TRACE" });

        public static SyntaxTree Parse(string text, string displayPath, bool debug) =>
            CSharpSyntaxTree.ParseText(text, ParseOptions(debug), displayPath, Encoding.UTF8);

        /// <summary>Compiles and emits; keyFile (a .snk), when given, strong-names the assembly as the nanoFramework
        /// packages are (the real-runtime path builds their libraries from source with it).</summary>
        public static CompileOutput Compile(string assemblyName, IEnumerable<SyntaxTree> trees,
            IEnumerable<MetadataReference> references, bool exe, bool allowUnsafe, bool debug, string keyFile = null)
        {
            var options = new CSharpCompilationOptions(
                    exe ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary)
                .WithAllowUnsafe(allowUnsafe)
                .WithOptimizationLevel(debug ? OptimizationLevel.Debug : OptimizationLevel.Release)
                .WithDeterministic(true)
                .WithNullableContextOptions(NullableContextOptions.Disable)
                .WithConcurrentBuild(true)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
                {
                    // Reference assemblies have no public key; version unification notes are noise here.
                    ["CS1701"] = ReportDiagnostic.Suppress,
                    ["CS1702"] = ReportDiagnostic.Suppress,
                });
            if (keyFile != null) options = options.WithCryptoKeyFile(keyFile).WithStrongNameProvider(new DesktopStrongNameProvider());
            var compilation = CSharpCompilation.Create(assemblyName, trees, references, options);
            var result = new CompileOutput();
            using var ms = new MemoryStream();
            EmitResult emit = compilation.Emit(ms, options: new EmitOptions(runtimeMetadataVersion: "v4.0.30319"));
            foreach (var d in emit.Diagnostics.OrderBy(d => d.Location.SourceTree?.FilePath).ThenBy(d => d.Location.SourceSpan.Start))
            {
                if (d.Severity == DiagnosticSeverity.Error)
                    result.Errors.Add(new Finding(d.Id, assemblyName, null, null, d.GetMessage()) { CompilerText = d.ToString() });
                else if (d.Severity == DiagnosticSeverity.Warning)
                    result.Warnings.Add(d.ToString());
            }
            if (emit.Success) result.Image = ms.ToArray();
            return result;
        }
    }
}
