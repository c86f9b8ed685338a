// Checks each hand-written surface in nf-build/ref against the public sources of its package: the library's
// sources at the release tag are compiled with Roslyn against the real mscorlib (and the real-source compilations
// of the surfaces it depends on), and every public or protected type and member our out/ref/<Name>.dll declares
// (each property accessor and delegate signature included) is looked up by signature there. Prints, per surface,
// how many members were checked and which are missing; exit code 1 if any is. Compile errors in the public
// sources (e.g. InternalsVisibleTo for a signed build) do not matter: only the declarations are compared.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NanoBuild;

namespace SurfaceCheck
{
    public static class Program
    {
        private static readonly SymbolDisplayFormat Format = SymbolDisplayFormat.CSharpErrorMessageFormat
            .WithMemberOptions(SymbolDisplayMemberOptions.IncludeParameters | SymbolDisplayMemberOptions.IncludeType
                | SymbolDisplayMemberOptions.IncludeContainingType | SymbolDisplayMemberOptions.IncludeRef)
            .WithParameterOptions(SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeParamsRefOut
                | SymbolDisplayParameterOptions.IncludeDefaultValue);

        public static int Main(string[] args)
        {
            if (args.Length != 1 || !Directory.Exists(args[0]))
            {
                Console.Error.WriteLine("usage: SurfaceCheck <folder with clones of the nanoframework repositories in surfaces.txt>");
                return 2;
            }
            string nf = Probe.FindNfBuild();
            var mscorlib = MetadataReference.CreateFromFile(NanoPackages.LibraryPath(NanoPackages.Load(nf)["nanoFramework.CoreLibrary"], "mscorlib"));
            string outRef = Path.Combine(nf, "out", "ref");
            var real = new Dictionary<string, MetadataReference>();
            int missingTotal = 0;
            foreach (string raw in File.ReadAllLines(Path.Combine(nf, "SurfaceCheck", "surfaces.txt")))
            {
                if (raw.Trim().Length == 0 || raw.TrimStart().StartsWith("#")) continue;
                string[] f = raw.Split('|').Select(x => x.Trim()).ToArray();
                string name = f[0], repo = Path.Combine(args[0], f[1]), tag = f[2], folder = f[3];
                string[] deps = f.Length > 4 ? f[4].Split(' ', StringSplitOptions.RemoveEmptyEntries) : new string[0];

                var parse = new CSharpParseOptions(LanguageVersion.CSharp9);
                var files = Git(repo, "ls-tree", "-r", "--name-only", tag).Split('\n').Where(p => p.StartsWith(folder) && p.EndsWith(".cs")).ToList();
                var trees = files.Select(p => CSharpSyntaxTree.ParseText(Git(repo, "show", tag + ":" + p), parse, p)).ToList();
                var source = CSharpCompilation.Create(name, trees, new[] { mscorlib }.Concat(deps.Select(d => real[d])),
                    new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));
                real[name] = source.ToMetadataReference();

                var oursRef = MetadataReference.CreateFromFile(Path.Combine(outRef, name + ".dll"));
                var host = CSharpCompilation.Create("check", null,
                    new[] { mscorlib, oursRef }.Concat(deps.Select(d => (MetadataReference)MetadataReference.CreateFromFile(Path.Combine(outRef, d + ".dll")))));
                var ours = (IAssemblySymbol)host.GetAssemblyOrModuleSymbol(oursRef);

                int checkedMembers = 0;
                var missing = new List<string>();
                foreach (INamedTypeSymbol t in Types(ours.GlobalNamespace).Where(Visible))
                {
                    string metadataName = t.ContainingNamespace.ToDisplayString() + "." + MetadataName(t);
                    INamedTypeSymbol rt = source.GetTypeByMetadataName(metadataName);
                    if (rt == null || !Visible(rt)) { missing.Add("type " + metadataName); continue; }
                    if (rt.TypeKind != t.TypeKind) missing.Add("kind of " + metadataName + ": " + t.TypeKind + ", real " + rt.TypeKind);
                    var realSignatures = new HashSet<string>(rt.GetMembers().Where(m => Visible(m) || IsImplicitPublic(m)).SelectMany(Signatures));
                    foreach (ISymbol m in t.GetMembers().Where(Visible).Where(m => !(m is INamedTypeSymbol)))
                    {
                        foreach (string sig in Signatures(m))
                        {
                            checkedMembers++;
                            if (!realSignatures.Contains(sig)) missing.Add(sig);
                        }
                    }
                }
                Console.WriteLine($"{name} @ {tag}: {files.Count} source files, {checkedMembers} declared members checked, {missing.Count} not in the package");
                foreach (string m in missing) Console.WriteLine("   missing: " + m);
                missingTotal += missing.Count;
            }
            return missingTotal == 0 ? 0 : 1;
        }

        private static string Git(string repo, params string[] args)
        {
            var psi = new ProcessStartInfo("git") { RedirectStandardOutput = true, WorkingDirectory = repo, UseShellExecute = false };
            foreach (string a in args) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi);
            string output = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0) throw new InvalidOperationException("git " + string.Join(" ", args) + " failed in " + repo);
            return output;
        }

        private static string MetadataName(INamedTypeSymbol t) =>
            t.ContainingType != null ? MetadataName(t.ContainingType) + "+" + t.MetadataName : t.MetadataName;

        private static bool Visible(ISymbol s) =>
            (s.DeclaredAccessibility == Accessibility.Public || s.DeclaredAccessibility == Accessibility.Protected
             || s.DeclaredAccessibility == Accessibility.ProtectedOrInternal)
            && !s.IsImplicitlyDeclared && (s.ContainingType == null || Visible(s.ContainingType));

        /// <summary>Members the compiler declares in source (default constructors, delegate Invoke): present in metadata.</summary>
        private static bool IsImplicitPublic(ISymbol s) =>
            s is IMethodSymbol m && s.IsImplicitlyDeclared && s.DeclaredAccessibility != Accessibility.Private
            && (m.MethodKind == MethodKind.Constructor || m.MethodKind == MethodKind.DelegateInvoke);

        private static IEnumerable<INamedTypeSymbol> Types(INamespaceSymbol ns)
        {
            foreach (INamedTypeSymbol t in ns.GetTypeMembers())
                foreach (INamedTypeSymbol n in WithNested(t)) yield return n;
            foreach (INamespaceSymbol child in ns.GetNamespaceMembers())
                foreach (INamedTypeSymbol t in Types(child)) yield return t;
        }

        private static IEnumerable<INamedTypeSymbol> WithNested(INamedTypeSymbol t)
        {
            yield return t;
            foreach (INamedTypeSymbol n in t.GetTypeMembers())
                foreach (INamedTypeSymbol x in WithNested(n)) yield return x;
        }

        /// <summary>Comparable signatures of a member: static-ness, type, name, parameters; a property's accessors; a delegate's Invoke.</summary>
        private static IEnumerable<string> Signatures(ISymbol m)
        {
            if (m is IMethodSymbol accessor && (accessor.MethodKind == MethodKind.PropertyGet || accessor.MethodKind == MethodKind.PropertySet
                || accessor.MethodKind == MethodKind.EventAdd || accessor.MethodKind == MethodKind.EventRemove)) yield break;
            if (m.ContainingType.TypeKind == TypeKind.Delegate)
            {
                if (m is IMethodSymbol invoke && invoke.MethodKind == MethodKind.DelegateInvoke) yield return "delegate " + m.ToDisplayString(Format);
                yield break;
            }
            string s = (m.IsStatic ? "static " : "") + m.ToDisplayString(Format);
            yield return s;
            if (m is IPropertySymbol p)
            {
                if (p.GetMethod != null && Visible(p.GetMethod)) yield return s + " get";
                if (p.SetMethod != null && Visible(p.SetMethod)) yield return s + " set";
            }
        }
    }
}
