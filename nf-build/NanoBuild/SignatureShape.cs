// Decodes metadata signatures (System.Reflection.Metadata) into a display name plus the features the
// nanoFramework 1.x metadata processor / runtime cannot handle: generic instantiations or generic parameters,
// pointers, and multi-dimensional arrays.
using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection.Metadata;

namespace NanoBuild
{
    [Flags]
    public enum ShapeFlags
    {
        None = 0,
        Generic = 1,
        Pointer = 2,
        MultiDimArray = 4,
    }

    public readonly struct Shape
    {
        public Shape(string name, ShapeFlags flags) { Name = name; Flags = flags; }
        public string Name { get; }
        public ShapeFlags Flags { get; }
        public override string ToString() => Name;
    }

    public sealed class ShapeProvider : ISignatureTypeProvider<Shape, object>
    {
        public static readonly ShapeProvider Instance = new ShapeProvider();

        public Shape GetPrimitiveType(PrimitiveTypeCode typeCode) => new Shape(typeCode.ToString(), ShapeFlags.None);

        public Shape GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
            new Shape(MetadataNames.Type(reader, handle), ShapeFlags.None);

        public Shape GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) =>
            new Shape(MetadataNames.Type(reader, handle), ShapeFlags.None);

        public Shape GetTypeFromSpecification(MetadataReader reader, object genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        public Shape GetSZArrayType(Shape elementType) => new Shape(elementType.Name + "[]", elementType.Flags);

        public Shape GetArrayType(Shape elementType, ArrayShape shape) =>
            new Shape(elementType.Name + "[" + new string(',', Math.Max(0, shape.Rank - 1)) + "]", elementType.Flags | ShapeFlags.MultiDimArray);

        public Shape GetPointerType(Shape elementType) => new Shape(elementType.Name + "*", elementType.Flags | ShapeFlags.Pointer);

        public Shape GetByReferenceType(Shape elementType) => new Shape(elementType.Name + "&", elementType.Flags);

        public Shape GetPinnedType(Shape elementType) => new Shape(elementType.Name + " pinned", elementType.Flags);

        public Shape GetModifiedType(Shape modifier, Shape unmodifiedType, bool isRequired) => unmodifiedType;

        public Shape GetGenericInstantiation(Shape genericType, ImmutableArray<Shape> typeArguments)
        {
            var flags = ShapeFlags.Generic;
            foreach (var a in typeArguments) flags |= a.Flags;
            string name = genericType.Name;
            int tick = name.IndexOf('`');
            if (tick > 0) name = name.Substring(0, tick);
            return new Shape(name + "<" + string.Join(", ", typeArguments.Select(a => a.Name)) + ">", flags);
        }

        public Shape GetGenericTypeParameter(object genericContext, int index) => new Shape("!" + index, ShapeFlags.Generic);

        public Shape GetGenericMethodParameter(object genericContext, int index) => new Shape("!!" + index, ShapeFlags.Generic);

        public Shape GetFunctionPointerType(MethodSignature<Shape> signature) => new Shape("fnptr", ShapeFlags.Pointer);
    }

    public static class MetadataNames
    {
        public static string Type(MetadataReader r, TypeDefinitionHandle h)
        {
            var td = r.GetTypeDefinition(h);
            string name = r.GetString(td.Name);
            if (td.IsNested) return Type(r, td.GetDeclaringType()) + "/" + name;
            string ns = r.GetString(td.Namespace);
            return ns.Length == 0 ? name : ns + "." + name;
        }

        public static string Type(MetadataReader r, TypeReferenceHandle h)
        {
            var tr = r.GetTypeReference(h);
            string name = r.GetString(tr.Name);
            if (tr.ResolutionScope.Kind == HandleKind.TypeReference) return Type(r, (TypeReferenceHandle)tr.ResolutionScope) + "/" + name;
            string ns = r.GetString(tr.Namespace);
            return ns.Length == 0 ? name : ns + "." + name;
        }

        public static string Method(MetadataReader r, MethodDefinitionHandle h) => r.GetString(r.GetMethodDefinition(h).Name);
    }
}
