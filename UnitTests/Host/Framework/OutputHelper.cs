// Test output, as the device's OutputHelper (which writes to the console / debug channel). On the host
// the adapter captures what a test writes and attaches it to that test's result.
using System;

namespace nanoFramework.TestFramework
{
    public static class OutputHelper
    {
        public static void Write(string message) => Console.Write(message);

        public static void WriteLine(string message) => Console.WriteLine(message);
    }
}
