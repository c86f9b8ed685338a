// Reference surface of mscorlib from nanoFramework.CoreLibrary 1.17.11 (stable 1.x line; CoreLibrary @ main,
// version.json "1.17", assembly version precision "build"). Declarations only: bodies throw. What is absent
// here is absent on the device (no Nullable<T>, Span<T>, Buffer, ValueTuple, List<T>, Linq, Tasks, ...).
[assembly: System.Reflection.AssemblyVersion("1.17.11.0")]
[assembly: System.Reflection.AssemblyNativeVersion("100.5.0.24")]
