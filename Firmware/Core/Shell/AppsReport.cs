// `apps`: one row per demo app: name, priority (lower is killed first), pages stored out of its slots,
// its footprint (compressed bytes it holds, shared pages counted in full), same-filled and merged pages,
// state, and its checks (reads, mismatches: must stay 0, pages lost to writeback read failures).
using ZramEmbedded.Allocator.Store;
using ZramEmbedded.Firmware.Apps;

namespace ZramEmbedded.Firmware.Shell
{
    public sealed class AppsReport
    {
        public const string Header = "app        prio  pages/slots  kib_stored  same merged  state   writes  nospace  reads mismatch lost trims kills";

        private readonly Workload _apps;
        private readonly ClientStats _stats = new ClientStats();

        public AppsReport(Workload apps)
        {
            _apps = apps;
        }

        public void Print(SerialConsoleWriter w)
        {
            w.Line(Header);
            for (int i = 0; i < _apps.Count; i++)
            {
                DemoApp a = _apps[i];
                int pages = 0, same = 0, merged = 0;
                long stored = 0;
                StoreClient c = a.Client;
                if (c != null)
                {
                    c.GetStats(_stats);
                    pages = _stats.Pages;
                    same = _stats.SameFilled;
                    merged = _stats.Merged;
                    stored = _stats.StoredBytes;
                }
                w.Line(Format.Left(a.Name, 9) + Format.Right(a.Priority, 6) + Format.Right(pages.ToString() + "/" + a.PageCount.ToString(), 13)
                    + Format.Right(Format.Kib(stored), 12) + Format.Right(same, 6) + Format.Right(merged, 7) + "  " + Format.Left(AppStates.Name(a.State), 6)
                    + Format.Right(a.Writes, 8) + Format.Right(a.NoSpaceWrites, 9) + Format.Right(a.Reads, 7) + Format.Right(a.Mismatches, 9)
                    + Format.Right(a.ReadFailures, 5) + Format.Right(a.Trims, 6) + Format.Right(a.Kills, 6));
            }
            w.Line("surge " + (_apps.Surge ? "on" : "off") + "; apps: " + DescribeAll());
        }

        private string DescribeAll()
        {
            string s = "";
            for (int i = 0; i < _apps.Count; i++) s += (i == 0 ? "" : "; ") + _apps[i].Name + " = " + _apps[i].Description;
            return s;
        }
    }
}
