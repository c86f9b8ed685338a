// Number formatting for the console without float formatting (which needs the reflection flavour of
// mscorlib on the device): integer tenths, KiB, right-aligned columns.
namespace ZramEmbedded.Firmware.Shell
{
    public static class Format
    {
        /// <summary>part/whole as a percentage with one decimal, e.g. "91.2".</summary>
        public static string Percent(long part, long whole)
        {
            if (whole <= 0) return "0.0";
            long t = (part * 1000 + whole / 2) / whole;
            return (t / 10).ToString() + "." + (t % 10).ToString();
        }

        /// <summary>a/b with one decimal, e.g. "3.1"; "-" when b is 0.</summary>
        public static string Ratio(long a, long b)
        {
            if (b <= 0) return "-";
            long t = (a * 10 + b / 2) / b;
            return (t / 10).ToString() + "." + (t % 10).ToString();
        }

        /// <summary>Bytes as KiB with one decimal.</summary>
        public static string Kib(long bytes)
        {
            return Ratio(bytes, 1024);
        }

        public static string Right(long value, int width)
        {
            return Right(value.ToString(), width);
        }

        public static string Right(string s, int width)
        {
            return s.Length >= width ? s : new string(' ', width - s.Length) + s;
        }

        public static string Left(string s, int width)
        {
            return s.Length >= width ? s : s + new string(' ', width - s.Length);
        }

        /// <summary>Length of the first piece of text to print in at most width columns: the whole text when it
        /// fits, else up to its last space within width, else width characters.</summary>
        public static int WrapAt(string text, int width)
        {
            if (text.Length <= width) return text.Length;
            int space = text.LastIndexOf(' ', width);
            return space > 0 ? space : width;
        }

        /// <summary>Milliseconds as "1h02m03.4s" style (hours only when there are some).</summary>
        public static string Duration(long ms)
        {
            long tenths = ms / 100;
            long s = tenths / 10;
            long h = s / 3600;
            long m = (s / 60) % 60;
            string sec = ((s % 60) < 10 ? "0" : "") + (s % 60).ToString() + "." + (tenths % 10).ToString() + "s";
            if (h > 0) return h.ToString() + "h" + (m < 10 ? "0" : "") + m.ToString() + "m" + sec;
            return m.ToString() + "m" + sec;
        }
    }
}
