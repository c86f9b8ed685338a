// The host TestFramework must judge tests as the device's does, or a suite green on the host could fail
// on a board: ThrowsException accepts only the exact type, failed assertions raise
// TestFrameworkShared.AssertFailedException naming the assertion, SkipTest raises SkipTestException.
using System;
using nanoFramework.TestFramework;
using TestFrameworkShared;

namespace ZramEmbedded.UnitTests.Host.Framework
{
    [TestClass]
    public class HostTestFrameworkTests
    {
        private static string FailureOf(Action action)
        {
            try { action(); }
            catch (AssertFailedException ex) { return ex.Message; }
            return null;
        }

        [TestMethod]
        public void ThrowsExceptionPassesOnExactType()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => throw new ArgumentOutOfRangeException("x"));
        }

        [TestMethod]
        public void ThrowsExceptionRejectsSubclassOfExpectedType()
        {
            // ArgumentOutOfRangeException derives from ArgumentException: the device still fails this.
            string failure = FailureOf(() => Assert.ThrowsException(typeof(ArgumentException), () => throw new ArgumentOutOfRangeException("x")));
            Assert.IsNotNull(failure);
            Assert.Contains("ArgumentOutOfRangeException", failure);
        }

        [TestMethod]
        public void ThrowsExceptionFailsWhenNothingIsThrown()
        {
            string failure = FailureOf(() => Assert.ThrowsException(typeof(InvalidOperationException), () => { }));
            Assert.IsNotNull(failure);
            Assert.Contains("No exception thrown", failure);
        }

        [TestMethod]
        public void AreEqualReportsExpectedAndActual()
        {
            string failure = FailureOf(() => Assert.AreEqual(5, 2 + 2));
            Assert.StartsWith("Assert.AreEqual failed.", failure);
            Assert.Contains("Expected:<5>", failure);
            Assert.Contains("Actual:<4>", failure);
        }

        [TestMethod]
        public void AreEqualComparesWithinOneTypeOnly()
        {
            Assert.AreEqual(7L, 7L);
            Assert.AreEqual((byte)200, (byte)200);
            Assert.IsNotNull(FailureOf(() => Assert.AreEqual((object)7, (object)7L)));
        }

        [TestMethod]
        public void IsTrueCarriesTheCallerExpression()
        {
            int x = 1;
            string failure = FailureOf(() => Assert.IsTrue(x > 2));
            Assert.Contains("x > 2", failure);
        }

        [TestMethod]
        public void SkipTestRaisesSkipTestException()
        {
            Assert.ThrowsException(typeof(SkipTestException), () => Assert.SkipTest("because"));
        }

        [TestMethod]
        public void CollectionAssertComparesElementwise()
        {
            CollectionAssert.AreEqual(new byte[] { 1, 2, 3 }, new byte[] { 1, 2, 3 });
            Assert.IsNotNull(FailureOf(() => CollectionAssert.AreEqual(new byte[] { 1, 2, 3 }, new byte[] { 1, 9, 3 })));
            Assert.IsNotNull(FailureOf(() => CollectionAssert.AreEqual(new byte[] { 1, 2 }, new byte[] { 1, 2, 3 })));
        }
    }
}
