// Splitting a command line into words (spaces separate; runs of spaces count as one) and making user input
// safe to echo: printable, and cut to a few characters so a pasted 10,000-character line cannot flood the
// console back.
namespace ZramEmbedded.Firmware.Shell
{
    public static class Words
    {
        public const int MaxEcho = 20;
        public const int MaxWords = 8;

        /// <summary>The words of the line (at most MaxWords + 1: more are one extra marker word "...").</summary>
        public static string[] Split(string line)
        {
            string[] parts = line.Split(' ');
            int n = 0;
            for (int i = 0; i < parts.Length; i++)
                if (parts[i].Length > 0) n++;
            if (n > MaxWords + 1) n = MaxWords + 1;
            string[] words = new string[n];
            int w = 0;
            for (int i = 0; i < parts.Length && w < n; i++)
                if (parts[i].Length > 0) words[w++] = parts[i];
            return words;
        }

        /// <summary>Input as it may be echoed: printable ASCII, at most MaxEcho characters then "...".</summary>
        public static string Echo(string s)
        {
            int n = s.Length < MaxEcho ? s.Length : MaxEcho;
            char[] c = new char[n];
            for (int i = 0; i < n; i++) c[i] = s[i] >= ' ' && s[i] <= '~' ? s[i] : '?';
            return new string(c) + (s.Length > MaxEcho ? "..." : "");
        }

        /// <summary>Parses a decimal integer in [min, max]; false for anything else (no exceptions).</summary>
        public static bool TryInt(string s, int min, int max, out int value)
        {
            value = 0;
            if (s.Length == 0 || s.Length > 9) return false;
            for (int i = 0; i < s.Length; i++)
            {
                if (s[i] < '0' || s[i] > '9') return false;
                value = value * 10 + (s[i] - '0');
            }
            return value >= min && value <= max;
        }
    }
}
