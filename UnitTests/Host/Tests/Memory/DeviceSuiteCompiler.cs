// Measures the device test suite: for every device test project (nf-build/device/*/*.nfproj with IsTestProject, each
// an NFUnitTest assembly of its own), compiles exactly the files the nano build compiles for it, for the host, with
// PeakMemory.cs and MeasureMain.cs, into a program whose allocation sites are instrumented for PeakMemory, and runs
// it in a process of its own (one program per project, as each is deployed and run on its own):
//   new T[n]                 -> new T[PeakMemory.Size(n, sizeof element)]
//   new C(...) / new(...)    -> PeakMemory.Then(PeakMemory.Before(), new C(...))   for classes of the project
//                               (namespace ZramEmbedded.*), whose constructors allocate buffers;
//   every statement of a block is preceded by PeakMemory.Check(), which samples when enough was allocated since
//                               the last sample (strings, exceptions and other garbage of loops stay bounded).
// The program references the same host builds of Allocator, Allocator.Store, Board, Firmware.Core and the host TestFramework as
// NFUnitTest does (copied beside it).
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NanoBuild;

namespace ZramEmbedded.UnitTests.Host.Memory
{
    public static class DeviceSuiteCompiler
    {
        private const string Probe = "global::ZramEmbedded.UnitTests.Host.Memory.PeakMemory";

        /// <summary>One measured test: its bound on peak live bytes and the number of samples taken.</summary>
        public sealed class Figure
        {
            /// <summary>The device test project (nf-build/device/&lt;Suite&gt;) the test belongs to.</summary>
            public string Suite;
            public string Test;
            public long PeakBytes;
            public int Samples;
        }

        /// <summary>
        /// Measures every device test project, each instrumented in a process of its own. Figures and failures name
        /// the project; <paramref name="unmeasured"/> lists the [TestClass]es of a project that produced no figure.
        /// </summary>
        public static List<Figure> MeasureDeviceSuite(out List<string> failures, out List<string> unmeasured)
        {
            string nf = NanoBuild.Probe.FindNfBuild();
            string repo = Path.GetDirectoryName(nf);
            var all = new List<Figure>();
            failures = new List<string>();
            unmeasured = new List<string>();
            List<NfProject> suites = DeviceBuild.TestProjects(nf);
            if (suites.Count == 0) throw new InvalidOperationException("no device test project under " + Path.Combine(nf, "device"));
            foreach (NfProject project in suites)
            {
                string suite = Path.GetFileNameWithoutExtension(project.Path);
                var sources = project.Sources.Select(f => (Path.GetRelativePath(repo, f), File.ReadAllText(f))).ToList();
                var figures = Measure(sources, out List<string> failed);
                foreach (Figure f in figures) f.Suite = suite;
                all.AddRange(figures);
                failures.AddRange(failed.Select(f => suite + ": " + f));
                var measured = new HashSet<string>(figures.Select(f => f.Test.Substring(0, f.Test.IndexOf('.'))), StringComparer.Ordinal);
                unmeasured.AddRange(TestClasses(sources.Select(s => s.Item2)).Where(c => !measured.Contains(c)).Select(c => suite + ": " + c));
            }
            return all;
        }

        /// <summary>Names of the classes marked [TestClass] in the given sources (what the device launcher runs).</summary>
        public static List<string> TestClasses(IEnumerable<string> sources) =>
            sources.SelectMany(text => CSharpSyntaxTree.ParseText(text).GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>())
                .Where(c => c.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString() == "TestClass" || a.Name.ToString().EndsWith(".TestClass")))
                .Select(c => c.Identifier.Text).Distinct().ToList();

        /// <summary>Measures any device-style test sources (path, text) the same way (for the check's own tests).</summary>
        public static List<Figure> Measure(IEnumerable<(string Path, string Text)> sources, out List<string> failures)
        {
            string dir = Path.Combine(Path.GetTempPath(), "zram-peak-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(dir);
            try
            {
                string exe = Compile(sources, dir);
                string output = Run(exe, out string errors, out int exit);
                if (exit != 0) throw new InvalidOperationException("the measuring run failed (exit " + exit + "):\n" + errors + output);
                var figures = new List<Figure>();
                failures = new List<string>();
                foreach (string line in output.Split('\n'))
                {
                    string l = line.TrimEnd('\r');
                    if (l.StartsWith("FAIL ")) failures.Add(l.Substring(5));
                    if (!l.StartsWith("PEAK ")) continue;
                    string[] parts = l.Split(' ', 4);
                    figures.Add(new Figure { PeakBytes = long.Parse(parts[1]), Samples = int.Parse(parts[2]), Test = parts[3] });
                }
                return figures;
            }
            finally
            {
                try { Directory.Delete(dir, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
        }

        private static string Run(string exe, out string errors, out int exit)
        {
            string dotnet = Environment.ProcessPath;
            if (dotnet == null || !Path.GetFileNameWithoutExtension(dotnet).Equals("dotnet", StringComparison.OrdinalIgnoreCase)) dotnet = "dotnet";
            var psi = new System.Diagnostics.ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            psi.ArgumentList.Add("exec");
            psi.ArgumentList.Add(exe);
            using var p = System.Diagnostics.Process.Start(psi);
            var err = p.StandardError.ReadToEndAsync();
            string output = p.StandardOutput.ReadToEnd();
            if (!p.WaitForExit(300_000)) { p.Kill(true); throw new TimeoutException("the measuring run took over 5 minutes"); }
            errors = err.Result;
            exit = p.ExitCode;
            return output;
        }

        /// <summary>Writes the instrumented program, its host dependencies and a runtimeconfig into dir.</summary>
        private static string Compile(IEnumerable<(string Path, string Text)> sources, string dir)
        {
            string here = Path.Combine(Path.GetDirectoryName(NanoBuild.Probe.FindNfBuild()), "UnitTests", "Host", "Tests", "Memory");
            var parse = new CSharpParseOptions(LanguageVersion.CSharp9, preprocessorSymbols: new[] { "DEBUG", "TRACE" });
            var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, parse, s.Path)).ToList();
            var references = HostReferences(out List<string> dependencies);
            // Debug, as the device suite runs: locals keep their objects until overwritten or the method returns.
            var options = new CSharpCompilationOptions(OutputKind.ConsoleApplication)
                .WithOptimizationLevel(OptimizationLevel.Debug).WithNullableContextOptions(NullableContextOptions.Disable)
                .WithMainTypeName("ZramEmbedded.UnitTests.Host.Memory.MeasureMain");
            var original = CSharpCompilation.Create("DeviceSuiteMeasured", trees, references, options);

            var rewritten = new List<SyntaxTree>();
            foreach (SyntaxTree t in trees)
            {
                var rewriter = new AllocationSites(original.GetSemanticModel(t));
                rewritten.Add(t.WithRootAndOptions(rewriter.Visit(t.GetRoot()), parse));
            }
            foreach (string f in new[] { "PeakMemory.cs", "MeasureMain.cs" })
                rewritten.Add(CSharpSyntaxTree.ParseText(File.ReadAllText(Path.Combine(here, f)), parse, f));
            var compilation = original.RemoveAllSyntaxTrees().AddSyntaxTrees(rewritten);

            string exe = Path.Combine(dir, "DeviceSuiteMeasured.dll");
            var emit = compilation.Emit(exe);
            var errors = emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (!emit.Success || errors.Count > 0)
                throw new InvalidOperationException("the instrumented device suite does not compile:\n" + string.Join("\n", errors.Take(20)));
            foreach (string d in dependencies) File.Copy(d, Path.Combine(dir, Path.GetFileName(d)), true);
            Version v = Environment.Version;
            File.WriteAllText(Path.Combine(dir, "DeviceSuiteMeasured.runtimeconfig.json"),
                "{ \"runtimeOptions\": { \"tfm\": \"net" + v.Major + "." + v.Minor + "\", "
                + "\"framework\": { \"name\": \"Microsoft.NETCore.App\", \"version\": \"" + v.Major + "." + v.Minor + "." + v.Build + "\" }, "
                + "\"configProperties\": { \"System.GC.Concurrent\": false, \"System.GC.Server\": false } } }");
            return exe;
        }

        /// <summary>The runtime's assemblies plus the host builds the device suite uses (never this test assembly).</summary>
        private static List<MetadataReference> HostReferences(out List<string> dependencies)
        {
            string runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location);
            // The runtime assemblies behind what the device suite can use (the nanoFramework subset of the BCL).
            var paths = new[] { "System.Private.CoreLib", "System.Runtime", "System.Collections", "System.Collections.NonGeneric",
                    "System.Console", "System.Threading", "System.Runtime.Extensions", "System.Diagnostics.Debug", "System.Linq" }
                .Select(n => Path.Combine(runtimeDir, n + ".dll")).Where(File.Exists).ToList();
            dependencies = new List<string>
            {
                typeof(ZramEmbedded.Allocator.Pool.ZsPool).Assembly.Location,
                typeof(ZramEmbedded.Allocator.Store.PageStore).Assembly.Location,
                typeof(ZramEmbedded.Board.IBoard).Assembly.Location,
                typeof(ZramEmbedded.Firmware.Boot).Assembly.Location,
                typeof(nanoFramework.TestFramework.Assert).Assembly.Location,
            };
            paths.AddRange(dependencies);
            var result = new List<MetadataReference>();
            foreach (string p in paths.Distinct()) result.Add(MetadataReference.CreateFromFile(p));
            return result;
        }

        private sealed class AllocationSites : CSharpSyntaxRewriter
        {
            private readonly SemanticModel _model;

            public AllocationSites(SemanticModel model) { _model = model; }

            public override SyntaxNode VisitBlock(BlockSyntax node)
            {
                var visited = (BlockSyntax)base.VisitBlock(node);
                var statements = new List<StatementSyntax>();
                foreach (StatementSyntax st in visited.Statements)
                {
                    if (!(st is LocalFunctionStatementSyntax)) statements.Add(SyntaxFactory.ParseStatement(Probe + ".Check();"));
                    statements.Add(st);
                }
                return visited.WithStatements(SyntaxFactory.List(statements));
            }

            // A loop body that is a single statement gets its own check, as a block's statements do.
            public override SyntaxNode VisitForStatement(ForStatementSyntax node)
            {
                var v = (ForStatementSyntax)base.VisitForStatement(node);
                return v.WithStatement(Checked(v.Statement));
            }

            public override SyntaxNode VisitForEachStatement(ForEachStatementSyntax node)
            {
                var v = (ForEachStatementSyntax)base.VisitForEachStatement(node);
                return v.WithStatement(Checked(v.Statement));
            }

            public override SyntaxNode VisitWhileStatement(WhileStatementSyntax node)
            {
                var v = (WhileStatementSyntax)base.VisitWhileStatement(node);
                return v.WithStatement(Checked(v.Statement));
            }

            public override SyntaxNode VisitDoStatement(DoStatementSyntax node)
            {
                var v = (DoStatementSyntax)base.VisitDoStatement(node);
                return v.WithStatement(Checked(v.Statement));
            }

            private static StatementSyntax Checked(StatementSyntax body) =>
                body is BlockSyntax ? body : SyntaxFactory.Block(SyntaxFactory.ParseStatement(Probe + ".Check();"), body);

            public override SyntaxNode VisitArrayCreationExpression(ArrayCreationExpressionSyntax node)
            {
                var type = _model.GetTypeInfo(node).Type as IArrayTypeSymbol;
                var visited = (ArrayCreationExpressionSyntax)base.VisitArrayCreationExpression(node);
                ArrayRankSpecifierSyntax rank = visited.Type.RankSpecifiers[0];
                // new T[3] { ... } needs a constant size; such arrays are small and counted in the bytes allocated.
                if (type == null || visited.Initializer != null || rank.Sizes.Count != 1 || rank.Sizes[0] is OmittedArraySizeExpressionSyntax) return visited;
                ExpressionSyntax size = SyntaxFactory.ParseExpression(
                    Probe + ".Size(" + rank.Sizes[0].ToString() + ", " + ElementBytes(type.ElementType) + ")");
                var newRank = rank.WithSizes(SyntaxFactory.SingletonSeparatedList(size));
                return visited.WithType(visited.Type.WithRankSpecifiers(visited.Type.RankSpecifiers.Replace(rank, newRank)));
            }

            public override SyntaxNode VisitObjectCreationExpression(ObjectCreationExpressionSyntax node)
            {
                ITypeSymbol type = _model.GetTypeInfo(node).Type;
                var visited = (ExpressionSyntax)base.VisitObjectCreationExpression(node);
                return IsProjectClass(type) ? Wrap(visited) : visited;
            }

            public override SyntaxNode VisitImplicitObjectCreationExpression(ImplicitObjectCreationExpressionSyntax node)
            {
                ITypeSymbol type = _model.GetTypeInfo(node).Type;
                var visited = (ImplicitObjectCreationExpressionSyntax)base.VisitImplicitObjectCreationExpression(node);
                if (!IsProjectClass(type)) return visited;
                var explicitNew = SyntaxFactory.ObjectCreationExpression(
                    SyntaxFactory.ParseTypeName(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)),
                    visited.ArgumentList, visited.Initializer);
                return Wrap(explicitNew);
            }

            private static ExpressionSyntax Wrap(ExpressionSyntax creation) =>
                SyntaxFactory.ParseExpression(Probe + ".Then(" + Probe + ".Before(), " + creation.ToString() + ")")
                    .WithTriviaFrom(creation);

            private static bool IsProjectClass(ITypeSymbol type) =>
                type != null && type.TypeKind == TypeKind.Class
                && type.ContainingNamespace.ToDisplayString().StartsWith("ZramEmbedded", StringComparison.Ordinal);

            private static int ElementBytes(ITypeSymbol t)
            {
                switch (t.SpecialType)
                {
                    case SpecialType.System_Byte: case SpecialType.System_SByte: case SpecialType.System_Boolean: return 1;
                    case SpecialType.System_Int16: case SpecialType.System_UInt16: case SpecialType.System_Char: return 2;
                    case SpecialType.System_Int32: case SpecialType.System_UInt32: case SpecialType.System_Single: return 4;
                    case SpecialType.System_Int64: case SpecialType.System_UInt64: case SpecialType.System_Double: return 8;
                }
                return 8; // references and structs: counted as one 8-byte slot each; what they allocate is counted when it is
            }
        }
    }
}
