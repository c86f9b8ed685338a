// DateTime (UTC only, no DateTime.Now) and TimeSpan (From* take long, not double) of mscorlib 1.17.
namespace System
{
    public enum DateTimeKind
    {
        Utc = 1,
        [Obsolete("nanoFramework doesn't support local time", true)]
        Local = 2,
    }

    public enum DayOfWeek { Sunday = 0, Monday = 1, Tuesday = 2, Wednesday = 3, Thursday = 4, Friday = 5, Saturday = 6 }

    public struct DateTime
    {
        public static readonly DateTime MinValue;
        public static readonly DateTime MaxValue;
        public static readonly DateTime UnixEpoch;
        public DateTime(long ticks) { throw null; }
        public DateTime(long ticks, DateTimeKind kind) { throw null; }
        public DateTime(int year, int month, int day) { throw null; }
        public DateTime(int year, int month, int day, int hour, int minute, int second) { throw null; }
        public DateTime(int year, int month, int day, int hour, int minute, int second, int millisecond) { throw null; }
        public DateTime Add(TimeSpan val) { throw null; }
        public DateTime AddDays(double val) { throw null; }
        public DateTime AddHours(double val) { throw null; }
        public DateTime AddMilliseconds(double val) { throw null; }
        public DateTime AddMinutes(double val) { throw null; }
        public DateTime AddSeconds(double val) { throw null; }
        public DateTime AddTicks(long val) { throw null; }
        public static int Compare(DateTime t1, DateTime t2) { throw null; }
        public int CompareTo(object val) { throw null; }
        public static int DaysInMonth(int year, int month) { throw null; }
        public override bool Equals(object obj) { throw null; }
        public static bool Equals(DateTime t1, DateTime t2) { throw null; }
        public DateTime Date { get { throw null; } }
        public int Day { get { throw null; } }
        public DayOfWeek DayOfWeek { get { throw null; } }
        public int DayOfYear { get { throw null; } }
        public int Hour { get { throw null; } }
        public DateTimeKind Kind { get { throw null; } }
        public int Millisecond { get { throw null; } }
        public int Minute { get { throw null; } }
        public int Month { get { throw null; } }
        public static DateTime UtcNow { get { throw null; } }
        public int Second { get { throw null; } }
        public long Ticks { get { throw null; } }
        public TimeSpan TimeOfDay { get { throw null; } }
        public static DateTime Today { get { throw null; } }
        public int Year { get { throw null; } }
        public TimeSpan Subtract(DateTime val) { throw null; }
        public DateTime Subtract(TimeSpan val) { throw null; }
        public override string ToString() { throw null; }
        public string ToString(string format) { throw null; }
        public static DateTime operator +(DateTime d, TimeSpan t) { throw null; }
        public static DateTime operator -(DateTime d, TimeSpan t) { throw null; }
        public static TimeSpan operator -(DateTime d1, DateTime d2) { throw null; }
        public static bool operator ==(DateTime d1, DateTime d2) { throw null; }
        public static bool operator !=(DateTime t1, DateTime t2) { throw null; }
        public static bool operator <(DateTime t1, DateTime t2) { throw null; }
        public static bool operator <=(DateTime t1, DateTime t2) { throw null; }
        public static bool operator >(DateTime t1, DateTime t2) { throw null; }
        public static bool operator >=(DateTime t1, DateTime t2) { throw null; }
        public static DateTime FromUnixTimeSeconds(long seconds) { throw null; }
        public long ToUnixTimeSeconds() { throw null; }
        public override int GetHashCode() { throw null; }
        public static DateTime Parse(string s) { throw null; }
        public static bool TryParse(string s, out DateTime result) { throw null; }
    }

    public struct TimeSpan
    {
        public const long TicksPerMillisecond = 10000;
        public const long TicksPerSecond = 10000000;
        public const long TicksPerMinute = 600000000;
        public const long TicksPerHour = 36000000000;
        public const long TicksPerDay = 864000000000;
        public static readonly TimeSpan Zero;
        public static readonly TimeSpan MaxValue;
        public static readonly TimeSpan MinValue;
        public TimeSpan(long ticks) { throw null; }
        public TimeSpan(int hours, int minutes, int seconds) { throw null; }
        public TimeSpan(int days, int hours, int minutes, int seconds) { throw null; }
        public TimeSpan(int days, int hours, int minutes, int seconds, int milliseconds) { throw null; }
        public long Ticks { get { throw null; } }
        public int Days { get { throw null; } }
        public int Hours { get { throw null; } }
        public int Milliseconds { get { throw null; } }
        public int Minutes { get { throw null; } }
        public int Seconds { get { throw null; } }
        public double TotalDays { get { throw null; } }
        public double TotalHours { get { throw null; } }
        public double TotalMilliseconds { get { throw null; } }
        public double TotalMinutes { get { throw null; } }
        public double TotalSeconds { get { throw null; } }
        public TimeSpan Add(TimeSpan ts) { throw null; }
        public static int Compare(TimeSpan t1, TimeSpan t2) { throw null; }
        public int CompareTo(object value) { throw null; }
        public TimeSpan Duration() { throw null; }
        public override bool Equals(object value) { throw null; }
        public static bool Equals(TimeSpan t1, TimeSpan t2) { throw null; }
        public override int GetHashCode() { throw null; }
        public TimeSpan Negate() { throw null; }
        public TimeSpan Subtract(TimeSpan ts) { throw null; }
        public static TimeSpan FromTicks(long value) { throw null; }
        public static TimeSpan FromMilliseconds(long value) { throw null; }
        public static TimeSpan FromSeconds(long value) { throw null; }
        public static TimeSpan FromMinutes(long value) { throw null; }
        public static TimeSpan FromHours(long value) { throw null; }
        public static TimeSpan FromDays(long value) { throw null; }
        public override string ToString() { throw null; }
        public static TimeSpan operator -(TimeSpan t) { throw null; }
        public static TimeSpan operator -(TimeSpan t1, TimeSpan t2) { throw null; }
        public static TimeSpan operator +(TimeSpan t) { throw null; }
        public static TimeSpan operator +(TimeSpan t1, TimeSpan t2) { throw null; }
        public static bool operator ==(TimeSpan t1, TimeSpan t2) { throw null; }
        public static bool operator !=(TimeSpan t1, TimeSpan t2) { throw null; }
        public static bool operator <(TimeSpan t1, TimeSpan t2) { throw null; }
        public static bool operator <=(TimeSpan t1, TimeSpan t2) { throw null; }
        public static bool operator >(TimeSpan t1, TimeSpan t2) { throw null; }
        public static bool operator >=(TimeSpan t1, TimeSpan t2) { throw null; }
    }
}
