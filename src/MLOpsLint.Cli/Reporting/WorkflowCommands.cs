using System.Text;

namespace MLOpsLint.Cli.Reporting;

/// <summary>
/// GitHub Actions workflow commands, escaped exactly as the Actions toolkit (@actions/core) escapes them:
/// data: % \r \n; property values additionally : and ,. Properties in the toolkit's order
/// (title, file, line, endLine, col, endColumn), empty ones left out.
/// </summary>
internal static class WorkflowCommands
{
    public static string EscapeData(string s) =>
        s.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    public static string EscapeProperty(string s) =>
        s.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A").Replace(":", "%3A").Replace(",", "%2C");

    /// <summary><c>::warning title=…,file=…,line=…,endLine=…,col=…,endColumn=…::message</c>.</summary>
    public static string Annotation(string command, string message, string? title, string? file,
        int? line, int? endLine, int? col, int? endColumn)
    {
        var props = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value)) props.Add(key + "=" + EscapeProperty(value!));
        }
        Add("title", title);
        Add("file", file);
        Add("line", line is > 0 ? line.Value.ToString() : null);
        Add("endLine", endLine is > 0 ? endLine.Value.ToString() : null);
        Add("col", col is > 0 ? col.Value.ToString() : null);
        Add("endColumn", endColumn is > 0 ? endColumn.Value.ToString() : null);
        var sb = new StringBuilder("::").Append(command);
        if (props.Count > 0) sb.Append(' ').Append(string.Join(",", props));
        sb.Append("::").Append(EscapeData(message));
        return sb.ToString();
    }
}
