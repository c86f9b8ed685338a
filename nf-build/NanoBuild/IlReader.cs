// Walks the IL of a method body instruction by instruction (operand sizes taken from System.Reflection.Emit's
// OpCodes table), yielding metadata-token operands and switch-table sizes for the IL check.
using System;
using System.Collections.Generic;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;

namespace NanoBuild
{
    public static class IlReader
    {
        private static readonly Dictionary<ushort, OperandType> Operands = BuildTable();

        private static Dictionary<ushort, OperandType> BuildTable()
        {
            var t = new Dictionary<ushort, OperandType>();
            foreach (FieldInfo f in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
                if (f.GetValue(null) is OpCode op) t[(ushort)op.Value] = op.OperandType;
            return t;
        }

        public struct Instruction
        {
            public int Offset;
            public ushort OpCode;
            public int Token;          // metadata token operand, 0 if none
            public int SwitchTargets;  // number of switch targets, -1 if not a switch
        }

        public static IEnumerable<Instruction> Read(byte[] il)
        {
            int pos = 0;
            while (pos < il.Length)
            {
                var ins = new Instruction { Offset = pos, SwitchTargets = -1 };
                ushort code = il[pos++];
                if (code == 0xFE) code = (ushort)(0xFE00 | il[pos++]);
                ins.OpCode = code;
                if (!Operands.TryGetValue(code, out OperandType ot))
                    throw new InvalidOperationException($"unknown IL opcode 0x{code:X} at IL_{ins.Offset:X4}");
                switch (ot)
                {
                    case OperandType.InlineNone: break;
                    case OperandType.ShortInlineBrTarget:
                    case OperandType.ShortInlineI:
                    case OperandType.ShortInlineVar: pos += 1; break;
                    case OperandType.InlineVar: pos += 2; break;
                    case OperandType.InlineBrTarget:
                    case OperandType.InlineI:
                    case OperandType.ShortInlineR: pos += 4; break;
                    case OperandType.InlineI8:
                    case OperandType.InlineR: pos += 8; break;
                    case OperandType.InlineSwitch:
                        int n = BitConverter.ToInt32(il, pos);
                        ins.SwitchTargets = n;
                        pos += 4 + 4 * n;
                        break;
                    default: // InlineField, InlineMethod, InlineSig, InlineString, InlineTok, InlineType
                        ins.Token = BitConverter.ToInt32(il, pos);
                        pos += 4;
                        break;
                }
                yield return ins;
            }
        }
    }
}
