using System.Text;

namespace PlanarGen.Weights
{
    /// <summary>Writes JSON string literals for the writers (names and metadata are ASCII in PlanarGen's files, but any
    /// string is escaped correctly).</summary>
    internal static class JsonText
    {
        public static StringBuilder AppendString(this StringBuilder sb, string value)
        {
            sb.Append('"');
            foreach (char c in value)
            {
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\r': sb.Append("\\r"); break;
                    case '\t': sb.Append("\\t"); break;
                    default:
                        if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("X4"));
                        else sb.Append(c);
                        break;
                }
            }
            return sb.Append('"');
        }
    }
}
