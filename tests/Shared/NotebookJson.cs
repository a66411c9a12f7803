// Shared by every test project (linked by tests/Directory.Build.props).
using System.Text.Json;

namespace MLOpsLint.Tests.Shared;

/// <summary>A real Jupyter notebook (nbformat 4.5, indented JSON as Jupyter writes it) of code cells executed in order,
/// each cell's source split into lines the way Jupyter stores them (every line but the last keeps its "\n").</summary>
public static class NotebookJson
{
    /// <summary>Code cells under the plain <c>python3</c> kernelspec.</summary>
    public static string Code(params string[] cells) => WithKernel(new { name = "python3" }, cells);

    /// <summary>Code cells under the given kernelspec object (serialised as it is).</summary>
    public static string WithKernel(object kernelspec, params string[] cells) =>
        JsonSerializer.Serialize(new
        {
            cells = cells.Select((c, i) => new
            {
                cell_type = "code",
                execution_count = i + 1,
                metadata = new { },
                outputs = Array.Empty<object>(),
                source = SourceLines(c),
            }),
            metadata = new { kernelspec },
            nbformat = 4,
            nbformat_minor = 5,
        }, new JsonSerializerOptions { WriteIndented = true });

    public static string[] SourceLines(string cell)
    {
        var ls = cell.Split('\n');
        return ls.Select((l, k) => k < ls.Length - 1 ? l + "\n" : l).ToArray();
    }
}
