// The IL check: what compiles against the 1.x surface but the nanoFramework metadata processor (MDP 3.x) or the
// 1.x runtime rejects. Each finding names assembly, type and member. Checks:
//   NANO001/002 generic type / method definitions        NANO003 generic instantiations (TypeSpec GenericInst,
//   NANO004 pointer-typed locals (MDP: "Pointer types      MethodSpec, members of generic types, generic types in
//           in unsafe code aren't supported")              signatures)
//   NANO005 multi-dimensional arrays in any signature     NANO006 IL switch with > 255 targets (count is one byte)
//   NANO007 > 255 virtual / instance / static methods     NANO008 IL byte code >= 64 KiB per assembly
//   NANO009 string table >= 64 KiB per assembly           NANO010 [TestClass] type with instance fields
//   NANO012 a string literal holding U+0000 (on the device a string ends at its first NUL)
// IL size is the ECMA IL byte count (MDP rewrites 4-byte tokens to 2 bytes, so the real table is a bit smaller).
// The string table is estimated like MDP builds it: distinct UTF-8 strings + NUL for type/namespace, field,
// method, type-ref, member-ref and assembly names plus every user string literal; MDP additionally drops strings
// found in its built-in constants table, so this estimate errs on the high side.
using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text;

namespace NanoBuild
{
    public sealed class IlChecker
    {
        public const int MaxMethodsPerKind = 255;
        public const int MaxSwitchTargets = 255;
        public const int MaxTableBytes = 65535;

        private readonly MetadataReader _md;
        private readonly PEReader _pe;
        private readonly string _assembly;
        private readonly List<Finding> _findings = new List<Finding>();
        private readonly HashSet<string> _seen = new HashSet<string>();
        private readonly HashSet<int> _attributedSpecs = new HashSet<int>();

        public long IlBytes { get; private set; }
        public long StringTableBytes { get; private set; }

        private IlChecker(PEReader pe, string assembly)
        {
            _pe = pe;
            _md = pe.GetMetadataReader();
            _assembly = assembly;
        }

        public static List<Finding> Check(byte[] image, string assemblyName) => Run(image, assemblyName).Findings;

        public static (List<Finding> Findings, long IlBytes, long StringBytes) Run(byte[] image, string assemblyName)
        {
            using var pe = new PEReader(ImmutableArray.Create(image));
            var c = new IlChecker(pe, assemblyName);
            c.CheckAll();
            return (c._findings, c.IlBytes, c.StringTableBytes);
        }

        private void Add(string code, string type, string member, string message)
        {
            if (_seen.Add(code + "|" + type + "|" + member + "|" + message))
                _findings.Add(new Finding(code, _assembly, type, member, message));
        }

        private void CheckShape(Shape s, string type, string member, string where)
        {
            // A bare T (!0 / !!0) only occurs inside a generic definition, which NANO001/NANO002 already report.
            bool bareParameter = s.Name.StartsWith("!") && s.Name.IndexOfAny(new[] { '[', '<', '*', '&' }) < 0;
            if ((s.Flags & ShapeFlags.Generic) != 0 && !bareParameter)
                Add("NANO003", type, member, $"generic type '{s.Name}' in {where}: nanoFramework 1.x has no generics (it compiles, then fails on the device)");
            if ((s.Flags & ShapeFlags.MultiDimArray) != 0)
                Add("NANO005", type, member, $"multi-dimensional array '{s.Name}' in {where}: not supported by the metadata processor; use a jagged array T[][]");
        }

        private void CheckAll()
        {
            foreach (var th in _md.TypeDefinitions) CheckType(th);
            CheckLeftoverSpecs();
            CheckSizes();
        }

        private void CheckType(TypeDefinitionHandle th)
        {
            var td = _md.GetTypeDefinition(th);
            string type = MetadataNames.Type(_md, th);
            if (td.GetGenericParameters().Count > 0)
                Add("NANO001", type, null, "generic type definition: nanoFramework 1.x has no generics (it compiles, then fails on the device)");
            if (td.BaseType.Kind == HandleKind.TypeSpecification)
                CheckSpec((TypeSpecificationHandle)td.BaseType, type, null, "the base type");
            foreach (var ih in td.GetInterfaceImplementations())
            {
                var iface = _md.GetInterfaceImplementation(ih).Interface;
                if (iface.Kind == HandleKind.TypeSpecification) CheckSpec((TypeSpecificationHandle)iface, type, null, "an implemented interface");
            }

            bool testClass = HasAttribute(td.GetCustomAttributes(), "nanoFramework.TestFramework", "TestClassAttribute");
            foreach (var fh in td.GetFields())
            {
                var fd = _md.GetFieldDefinition(fh);
                string field = _md.GetString(fd.Name);
                CheckShape(fd.DecodeSignature(ShapeProvider.Instance, null), type, field, "the field type");
                if (testClass && (fd.Attributes & FieldAttributes.Static) == 0)
                    Add("NANO010", type, field, "[TestClass] declares an instance field: the device's UnitTestLauncher invokes test methods without creating the class (method.Invoke(null, ...)), so instance state is never initialised; make it static or local");
            }

            int virt = 0, inst = 0, stat = 0;
            foreach (var mh in td.GetMethods())
            {
                var m = _md.GetMethodDefinition(mh);
                if ((m.Attributes & MethodAttributes.Virtual) != 0) virt++;
                else if ((m.Attributes & MethodAttributes.Static) != 0) stat++;
                else inst++;
                CheckMethod(mh, m, type);
            }
            if (virt > MaxMethodsPerKind) Add("NANO007", type, null, $"{virt} virtual methods in one type (the metadata processor allows {MaxMethodsPerKind})");
            if (inst > MaxMethodsPerKind) Add("NANO007", type, null, $"{inst} instance methods in one type (the metadata processor allows {MaxMethodsPerKind})");
            if (stat > MaxMethodsPerKind) Add("NANO007", type, null, $"{stat} static methods in one type (the metadata processor allows {MaxMethodsPerKind})");
        }

        private void CheckMethod(MethodDefinitionHandle mh, MethodDefinition m, string type)
        {
            string name = _md.GetString(m.Name);
            if (m.GetGenericParameters().Count > 0)
                Add("NANO002", type, name, "generic method definition: nanoFramework 1.x has no generics (it compiles, then fails on the device)");
            var sig = m.DecodeSignature(ShapeProvider.Instance, null);
            CheckShape(sig.ReturnType, type, name, "the return type");
            foreach (var p in sig.ParameterTypes) CheckShape(p, type, name, "a parameter type");
            if (m.RelativeVirtualAddress == 0) return;

            var body = _pe.GetMethodBody(m.RelativeVirtualAddress);
            byte[] il = body.GetILBytes() ?? Array.Empty<byte>();
            IlBytes += il.Length;
            if (!body.LocalSignature.IsNil)
            {
                var locals = _md.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(ShapeProvider.Instance, null);
                for (int i = 0; i < locals.Length; i++)
                {
                    if ((locals[i].Flags & ShapeFlags.Pointer) != 0)
                        Add("NANO004", type, name, $"pointer-typed local V_{i} '{locals[i].Name}': the metadata processor rejects pointer types in unsafe code (no unsafe/fixed/stackalloc on the device)");
                    CheckShape(locals[i], type, name, $"local V_{i}");
                }
            }
            foreach (var ins in IlReader.Read(il))
            {
                if (ins.SwitchTargets > MaxSwitchTargets)
                    Add("NANO006", type, name, $"IL switch with {ins.SwitchTargets} targets at IL_{ins.Offset:X4} (the nanoFramework switch table holds at most {MaxSwitchTargets}); split the switch or use a lookup table");
                if (ins.Token != 0) CheckToken(ins.Token, type, name);
            }
        }

        private static string Printable(string s)
        {
            var b = new System.Text.StringBuilder();
            foreach (char c in s.Length > 24 ? s.Substring(0, 24) : s) b.Append(c < 0x20 || c > 0x7E ? $"\\x{(int)c:X2}" : c.ToString());
            return b.Append(s.Length > 24 ? "..." : "").ToString();
        }

        private void CheckToken(int token, string type, string member)
        {
            if ((token >> 24) == 0x70) // ldstr: a user string, counted in the string table
            {
                string literal = _md.GetUserString(MetadataTokens.UserStringHandle(token & 0xFFFFFF));
                int nul = literal.IndexOf('\0');
                if (nul >= 0)
                    Add("NANO012", type, member, $"string literal holds U+0000 at index {nul} (\"{Printable(literal)}\"): on the device a string ends at its first NUL, so it is {nul} chars long there; keep bytes that may be 0 in a byte[]");
                return;
            }
            var handle = MetadataTokens.EntityHandle(token);
            switch (handle.Kind)
            {
                case HandleKind.TypeSpecification:
                    CheckSpec((TypeSpecificationHandle)handle, type, member, "the code");
                    break;
                case HandleKind.MethodSpecification:
                {
                    _attributedSpecs.Add(token);
                    var ms = _md.GetMethodSpecification((MethodSpecificationHandle)handle);
                    Add("NANO003", type, member, $"calls generic method instantiation '{MethodName(ms.Method)}<{string.Join(", ", ms.DecodeSignature(ShapeProvider.Instance, null).Select(a => a.Name))}>': nanoFramework 1.x has no generics");
                    if (ms.Method.Kind == HandleKind.MemberReference) CheckMemberRef((MemberReferenceHandle)ms.Method, type, member);
                    break;
                }
                case HandleKind.MemberReference:
                    CheckMemberRef((MemberReferenceHandle)handle, type, member);
                    break;
            }
        }

        private void CheckMemberRef(MemberReferenceHandle h, string type, string member)
        {
            var mr = _md.GetMemberReference(h);
            if (mr.Parent.Kind == HandleKind.TypeSpecification)
                CheckSpec((TypeSpecificationHandle)mr.Parent, type, member, "a call to " + _md.GetString(mr.Name));
            if (mr.GetKind() == MemberReferenceKind.Method)
            {
                var sig = mr.DecodeMethodSignature(ShapeProvider.Instance, null);
                // !0 / !!0 inside a member of a generic type is reported through its parent TypeSpec.
                foreach (var p in sig.ParameterTypes.Append(sig.ReturnType))
                    if (!p.Name.StartsWith("!")) CheckShape(p, type, member, "a call to " + _md.GetString(mr.Name));
            }
        }

        private void CheckSpec(TypeSpecificationHandle h, string type, string member, string where)
        {
            _attributedSpecs.Add(MetadataTokens.GetToken(h));
            CheckShape(_md.GetTypeSpecification(h).DecodeSignature(ShapeProvider.Instance, null), type, member, where);
        }

        /// <summary>TypeSpecs / MethodSpecs not reached from any type or body (e.g. in custom attributes).</summary>
        private void CheckLeftoverSpecs()
        {
            for (int row = 1; row <= _md.GetTableRowCount(TableIndex.TypeSpec); row++)
            {
                var h = MetadataTokens.TypeSpecificationHandle(row);
                if (!_attributedSpecs.Contains(MetadataTokens.GetToken(h)))
                    CheckShape(_md.GetTypeSpecification(h).DecodeSignature(ShapeProvider.Instance, null), null, null, "TypeSpec row " + row);
            }
            for (int row = 1; row <= _md.GetTableRowCount(TableIndex.MethodSpec); row++)
            {
                var h = MetadataTokens.MethodSpecificationHandle(row);
                if (!_attributedSpecs.Contains(MetadataTokens.GetToken(h)))
                    Add("NANO003", null, null, $"generic method instantiation (MethodSpec row {row}): nanoFramework 1.x has no generics");
            }
        }

        private void CheckSizes()
        {
            if (IlBytes > MaxTableBytes)
                Add("NANO008", null, null, $"IL byte code is {IlBytes} bytes; the nanoFramework byte-code table must stay under 64 KiB per assembly: split the assembly");
            var strings = new HashSet<string>(StringComparer.Ordinal) { "" };
            foreach (var h in _md.TypeDefinitions) { var t = _md.GetTypeDefinition(h); strings.Add(_md.GetString(t.Name)); strings.Add(_md.GetString(t.Namespace)); }
            foreach (var h in _md.FieldDefinitions) strings.Add(_md.GetString(_md.GetFieldDefinition(h).Name));
            foreach (var h in _md.MethodDefinitions) strings.Add(_md.GetString(_md.GetMethodDefinition(h).Name));
            foreach (var h in _md.TypeReferences) { var t = _md.GetTypeReference(h); strings.Add(_md.GetString(t.Name)); strings.Add(_md.GetString(t.Namespace)); }
            foreach (var h in _md.MemberReferences) strings.Add(_md.GetString(_md.GetMemberReference(h).Name));
            foreach (var h in _md.AssemblyReferences) strings.Add(_md.GetString(_md.GetAssemblyReference(h).Name));
            if (_md.IsAssembly) strings.Add(_md.GetString(_md.GetAssemblyDefinition().Name));
            for (var us = _md.GetNextHandle(default(UserStringHandle)); !us.IsNil; us = _md.GetNextHandle(us))
                strings.Add(_md.GetUserString(us));
            long total = 0;
            foreach (string s in strings) total += Encoding.UTF8.GetByteCount(s) + 1;
            StringTableBytes = total;
            if (total > MaxTableBytes)
                Add("NANO009", null, null, $"string table estimated at {total} bytes (names + string literals, UTF-8 + NUL each); the nanoFramework string table must stay under 64 KiB per assembly");
        }

        private bool HasAttribute(CustomAttributeHandleCollection attrs, string ns, string name)
        {
            foreach (var ah in attrs)
            {
                var ctor = _md.GetCustomAttribute(ah).Constructor;
                string full = null;
                if (ctor.Kind == HandleKind.MemberReference)
                {
                    var parent = _md.GetMemberReference((MemberReferenceHandle)ctor).Parent;
                    if (parent.Kind == HandleKind.TypeReference) full = MetadataNames.Type(_md, (TypeReferenceHandle)parent);
                }
                else if (ctor.Kind == HandleKind.MethodDefinition)
                    full = MetadataNames.Type(_md, _md.GetMethodDefinition((MethodDefinitionHandle)ctor).GetDeclaringType());
                if (full == ns + "." + name) return true;
            }
            return false;
        }

        private string MethodName(EntityHandle h)
        {
            if (h.Kind == HandleKind.MethodDefinition)
            {
                var m = _md.GetMethodDefinition((MethodDefinitionHandle)h);
                return MetadataNames.Type(_md, m.GetDeclaringType()) + "." + _md.GetString(m.Name);
            }
            var mr = _md.GetMemberReference((MemberReferenceHandle)h);
            string parent = mr.Parent.Kind switch
            {
                HandleKind.TypeReference => MetadataNames.Type(_md, (TypeReferenceHandle)mr.Parent),
                HandleKind.TypeDefinition => MetadataNames.Type(_md, (TypeDefinitionHandle)mr.Parent),
                HandleKind.TypeSpecification => _md.GetTypeSpecification((TypeSpecificationHandle)mr.Parent).DecodeSignature(ShapeProvider.Instance, null).Name,
                _ => "?",
            };
            return parent + "." + _md.GetString(mr.Name);
        }
    }
}
