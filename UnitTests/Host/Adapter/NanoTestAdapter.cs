// VSTest adapter for tests written against nanoFramework.TestFramework, so `dotnet test` runs the device
// test suite on the host and reports every test method (and every [DataRow]) under its own name.
// Execution mirrors the device's UnitTestLauncher: per class, all [Setup] methods, then the test methods in
// declaration order, then all [Cleanup] methods; the class is never constructed (the device invokes test
// methods with a null target), a SkipTestException skips, any other exception fails with its message.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Adapter;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Logging;

namespace ZramEmbedded.TestAdapter
{
    [FileExtension(".dll")]
    [DefaultExecutorUri(ExecutorUriString)]
    [ExtensionUri(ExecutorUriString)]
    public sealed class NanoTestAdapter : ITestDiscoverer, ITestExecutor
    {
        public const string ExecutorUriString = "executor://ZramEmbedded/nanoFramework.TestFramework";
        private static readonly Uri ExecutorUri = new Uri(ExecutorUriString);
        private static readonly string[] FilterProperties = { "FullyQualifiedName", "Name", "DisplayName" };
        private volatile bool _cancelled;

        public void DiscoverTests(IEnumerable<string> sources, IDiscoveryContext discoveryContext, IMessageLogger logger, ITestCaseDiscoverySink discoverySink)
        {
            foreach (string source in sources)
                foreach (var pair in Discover(source, logger))
                    discoverySink.SendTestCase(pair.Value);
        }

        public void RunTests(IEnumerable<string> sources, IRunContext runContext, IFrameworkHandle frameworkHandle)
        {
            ITestCaseFilterExpression filter = runContext?.GetTestCaseFilter(FilterProperties, _ => null);
            foreach (string source in sources)
            {
                var tests = Discover(source, frameworkHandle);
                if (filter != null) tests = tests.Where(p => filter.MatchTestCase(p.Value, name => Property(p.Value, name))).ToList();
                Run(tests, frameworkHandle);
            }
        }

        public void RunTests(IEnumerable<TestCase> tests, IRunContext runContext, IFrameworkHandle frameworkHandle)
        {
            foreach (var group in tests.GroupBy(t => t.Source))
            {
                var wanted = new HashSet<string>(group.Select(t => t.FullyQualifiedName), StringComparer.Ordinal);
                Run(Discover(group.Key, frameworkHandle).Where(p => wanted.Contains(p.Key.FullyQualifiedName)).ToList(), frameworkHandle);
            }
        }

        public void Cancel() => _cancelled = true;

        private static object Property(TestCase test, string name) => name switch
        {
            "FullyQualifiedName" => test.FullyQualifiedName,
            "DisplayName" => test.DisplayName,
            "Name" => test.DisplayName,
            _ => null,
        };

        private static List<KeyValuePair<TestInfo, TestCase>> Discover(string source, IMessageLogger logger)
        {
            var result = new List<KeyValuePair<TestInfo, TestCase>>();
            Assembly assembly;
            try
            {
                if (!ReferencesTestFramework(source)) return result;
                assembly = Assembly.LoadFrom(source);
            }
            catch (Exception ex)
            {
                logger?.SendMessage(TestMessageLevel.Error, "nanoFramework test adapter: cannot load " + source + ": " + ex.Message);
                return result;
            }
            foreach (TestClassInfo cls in TestModel.Load(assembly))
                foreach (TestInfo t in cls.Tests)
                    result.Add(new KeyValuePair<TestInfo, TestCase>(t, new TestCase(t.FullyQualifiedName, ExecutorUri, source) { DisplayName = t.DisplayName }));
            return result;
        }

        private static bool ReferencesTestFramework(string source)
        {
            if (Path.GetFileName(source).StartsWith("nanoFramework.TestFramework", StringComparison.OrdinalIgnoreCase)) return false;
            AssemblyName[] refs = LoadReferences(source);
            return refs != null && refs.Any(r => r.Name == "nanoFramework.TestFramework");
        }

        private static AssemblyName[] LoadReferences(string source)
        {
            using var stream = File.OpenRead(source);
            using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
            if (!pe.HasMetadata) return null;
            var md = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
            return md.AssemblyReferences.Select(h => md.GetAssemblyReference(h).GetAssemblyName()).ToArray();
        }

        private void Run(List<KeyValuePair<TestInfo, TestCase>> tests, IFrameworkHandle handle)
        {
            foreach (var byClass in tests.GroupBy(p => p.Key.Owner))
            {
                if (_cancelled) return;
                TestClassInfo cls = byClass.Key;
                object target = RuntimeHelpers.GetUninitializedObject(cls.Type);

                string setupFailure = null;
                bool skipClass = false;
                foreach (MethodInfo setup in cls.Setups)
                {
                    var outcome = Invoke(setup, target, null, out string message, out string stack, out string output);
                    if (outcome == TestOutcome.Skipped) { skipClass = true; setupFailure = message; break; }
                    if (outcome == TestOutcome.Failed) { setupFailure = "[Setup] " + setup.Name + " failed: " + message + "\n" + stack; break; }
                }

                foreach (var pair in byClass)
                {
                    if (_cancelled) return;
                    TestCase testCase = pair.Value;
                    handle.RecordStart(testCase);
                    var result = new TestResult(testCase) { StartTime = DateTimeOffset.Now };
                    if (setupFailure != null)
                    {
                        result.Outcome = skipClass ? TestOutcome.Skipped : TestOutcome.Failed;
                        result.ErrorMessage = setupFailure;
                    }
                    else
                    {
                        var watch = System.Diagnostics.Stopwatch.StartNew();
                        result.Outcome = Invoke(pair.Key.Method, target, pair.Key.Row, out string message, out string stack, out string output);
                        result.Duration = watch.Elapsed;
                        result.ErrorMessage = message;
                        result.ErrorStackTrace = stack;
                        if (!string.IsNullOrEmpty(output)) result.Messages.Add(new TestResultMessage(TestResultMessage.StandardOutCategory, output));
                    }
                    result.EndTime = DateTimeOffset.Now;
                    handle.RecordEnd(testCase, result.Outcome);
                    handle.RecordResult(result);
                }

                foreach (MethodInfo cleanup in cls.Cleanups)
                {
                    var outcome = Invoke(cleanup, target, null, out string message, out string stack, out string output);
                    if (outcome != TestOutcome.Failed) continue;
                    var testCase = new TestCase(cls.Type.FullName + "." + cleanup.Name, ExecutorUri, byClass.First().Value.Source) { DisplayName = cls.Type.Name + "." + cleanup.Name + " [Cleanup]" };
                    handle.RecordResult(new TestResult(testCase) { Outcome = TestOutcome.Failed, ErrorMessage = message, ErrorStackTrace = stack });
                }
            }
        }

        private static TestOutcome Invoke(MethodInfo method, object target, object[] args, out string message, out string stack, out string output)
        {
            message = null;
            stack = null;
            TextWriter saved = Console.Out;
            var capture = new StringWriter();
            Console.SetOut(capture);
            try
            {
                object[] actual = args;
                if (args != null && method.GetParameters().Length != args.Length)
                    throw new ArgumentException("[DataRow] has " + args.Length + " values but " + method.Name + " takes " + method.GetParameters().Length);
                method.Invoke(method.IsStatic ? null : target, actual);
                return TestOutcome.Passed;
            }
            catch (TargetInvocationException tie) when (tie.InnerException != null)
            {
                return Classify(tie.InnerException, out message, out stack);
            }
            catch (Exception ex)
            {
                return Classify(ex, out message, out stack);
            }
            finally
            {
                Console.SetOut(saved);
                output = capture.ToString();
            }
        }

        private static TestOutcome Classify(Exception ex, out string message, out string stack)
        {
            stack = ex.StackTrace;
            if (ex.GetType().FullName == "nanoFramework.TestFramework.SkipTestException")
            {
                message = ex.Message;
                return TestOutcome.Skipped;
            }
            message = ex.GetType().FullName == "TestFrameworkShared.AssertFailedException"
                ? ex.Message
                : ex.GetType().FullName + ": " + ex.Message;
            return TestOutcome.Failed;
        }
    }
}
