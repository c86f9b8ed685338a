// One problem found by the nano build: a compiler diagnostic or an IL-check finding. Printed in the compiler's
// own `path(line,col): error CSxxxx: message` shape for diagnostics and `assembly: type::member: error NANOxxx:
// message` for IL findings, so both read the same in a terminal and in the guard tests.
namespace NanoBuild
{
    public sealed class Finding
    {
        public Finding(string code, string assembly, string type, string member, string message)
        {
            Code = code;
            Assembly = assembly;
            Type = type;
            Member = member;
            Message = message;
        }

        /// <summary>CSxxxx for compiler errors, NANOxxx for IL-check findings.</summary>
        public string Code { get; }
        public string Assembly { get; }
        public string Type { get; }
        public string Member { get; }
        public string Message { get; }

        /// <summary>Set for compiler diagnostics: the formatted compiler line.</summary>
        public string CompilerText { get; init; }

        public override string ToString()
        {
            if (CompilerText != null) return CompilerText;
            string where = Type == null ? Assembly : Assembly + ": " + Type + (Member == null ? "" : "::" + Member);
            return where + ": error " + Code + ": " + Message;
        }
    }
}
