// System.Type and the reflection subset of the full mscorlib 1.17 flavour (the flavour NFUnitTest needs).
namespace System
{
    public abstract class Type : System.Reflection.MemberInfo, System.Reflection.IReflect
    {
        public override Type DeclaringType { get { throw null; } }
        public abstract System.Reflection.Assembly Assembly { get; }
        public abstract string FullName { get; }
        public abstract string AssemblyQualifiedName { get; }
        public abstract Type BaseType { get; }
        public static Type GetType(string typeName) { throw null; }
        public static Type GetTypeFromHandle(RuntimeTypeHandle handle) { throw null; }
        public object InvokeMember(string name, System.Reflection.BindingFlags invokeAttr, System.Reflection.Binder binder, object target, object[] args) { throw null; }
        public System.Reflection.ConstructorInfo GetConstructor(Type[] types) { throw null; }
        public System.Reflection.ConstructorInfo[] GetConstructors() { throw null; }
        public System.Reflection.MethodInfo GetMethod(string name, Type[] types) { throw null; }
        public System.Reflection.MethodInfo GetMethod(string name, System.Reflection.BindingFlags bindingAttr) { throw null; }
        public System.Reflection.MethodInfo GetMethod(string name) { throw null; }
        public System.Reflection.MethodInfo[] GetMethods() { throw null; }
        public abstract System.Reflection.MethodInfo[] GetMethods(System.Reflection.BindingFlags bindingAttr);
        public abstract System.Reflection.FieldInfo GetField(string name, System.Reflection.BindingFlags bindingAttr);
        public System.Reflection.FieldInfo GetField(string name) { throw null; }
        public System.Reflection.FieldInfo[] GetFields() { throw null; }
        public abstract System.Reflection.FieldInfo[] GetFields(System.Reflection.BindingFlags bindingAttr);
        public abstract Type[] GetInterfaces();
        public bool IsNotPublic { get { throw null; } }
        public bool IsPublic { get { throw null; } }
        public bool IsClass { get { throw null; } }
        public bool IsInterface { get { throw null; } }
        public bool IsValueType { get { throw null; } }
        public bool IsAbstract { get { throw null; } }
        public bool IsEnum { get { throw null; } }
        public bool IsArray { get { throw null; } }
        public bool IsSerializable { get { throw null; } }
        public abstract Type GetElementType();
        public virtual bool IsSubclassOf(Type c) { throw null; }
        public virtual bool IsInstanceOfType(object o) { throw null; }
        public override string ToString() { throw null; }
    }

    public sealed class Version
    {
        public Version(int major, int minor, int build, int revision) { }
        public Version(int major, int minor) { }
        public int Major { get { throw null; } }
        public int Minor { get { throw null; } }
        public int Revision { get { throw null; } }
        public int Build { get { throw null; } }
        public override bool Equals(object obj) { throw null; }
        public override string ToString() { throw null; }
        public override int GetHashCode() { throw null; }
    }
}

namespace System.Reflection
{
    public interface IReflect { }

    public abstract class Binder { }

    [Flags]
    public enum BindingFlags
    {
        Default = 0x00, IgnoreCase = 0x01, DeclaredOnly = 0x02, Instance = 0x04, Static = 0x08, Public = 0x10,
        NonPublic = 0x20, FlattenHierarchy = 0x40, InvokeMethod = 0x0100, CreateInstance = 0x0200,
        GetField = 0x0400, SetField = 0x0800, GetProperty = 0x1000, SetProperty = 0x2000,
        PutDispProperty = 0x4000, PutRefDispProperty = 0x8000, ExactBinding = 0x010000,
        SuppressChangeType = 0x020000, OptionalParamBinding = 0x040000, IgnoreReturn = 0x01000000,
    }

    [Flags]
    public enum MemberTypes
    {
        Constructor = 0x01, Event = 0x02, Field = 0x04, Method = 0x08, Property = 0x10, TypeInfo = 0x20,
        Custom = 0x40, NestedType = 0x80, All = 0xBF,
    }

    public abstract class MemberInfo
    {
        public abstract MemberTypes MemberType { get; }
        public abstract string Name { get; }
        public abstract Type DeclaringType { get; }
        public abstract object[] GetCustomAttributes(bool inherit);
    }

    public abstract class MethodBase : MemberInfo
    {
        public bool IsPublic { get { throw null; } }
        public bool IsStatic { get { throw null; } }
        public bool IsFinal { get { throw null; } }
        public bool IsVirtual { get { throw null; } }
        public bool IsAbstract { get { throw null; } }
        public abstract ParameterInfo[] GetParameters();
        public object Invoke(object obj, object[] parameters) { throw null; }
        public override string Name { get { throw null; } }
        public override Type DeclaringType { get { throw null; } }
    }

    public abstract class MethodInfo : MethodBase
    {
        public override MemberTypes MemberType { get { throw null; } }
        public abstract Type ReturnType { get; }
    }

    public abstract class ConstructorInfo : MethodBase
    {
        public override MemberTypes MemberType { get { throw null; } }
        public object Invoke(object[] parameters) { throw null; }
    }

    public abstract class FieldInfo : MemberInfo
    {
        public override MemberTypes MemberType { get { throw null; } }
        public abstract Type FieldType { get; }
        public abstract object GetValue(object obj);
        public virtual void SetValue(object obj, object value) { throw null; }
    }

    public abstract class PropertyInfo : MemberInfo
    {
        public abstract Type PropertyType { get; }
        public virtual object GetValue(object obj, object[] index) { throw null; }
        public virtual void SetValue(object obj, object value, object[] index) { throw null; }
    }

    public abstract class ParameterInfo
    {
        public virtual Type ParameterType { get { throw null; } }
    }

    public sealed class AssemblyName
    {
        public string Name { get { throw null; } }
        public string FullName { get { throw null; } }
        public Version Version { get { throw null; } }
    }

    public class Assembly
    {
        public virtual string FullName { get { throw null; } }
        public static Assembly GetExecutingAssembly() { throw null; }
        public AssemblyName GetName() { throw null; }
        public static Assembly GetAssembly(Type type) { throw null; }
        public virtual Type GetType(string name) { throw null; }
        public virtual Type GetType(string name, bool throwOnError) { throw null; }
        public virtual Type[] GetTypes() { throw null; }
        public static Assembly Load(string assemblyString) { throw null; }
        public static Assembly Load(byte[] rawAssembly) { throw null; }
    }
}
