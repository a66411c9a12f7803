namespace MLOpsLint.Cli.Server;

/// <summary>A file open in the editor as a text document.</summary>
internal sealed record OpenText(string Uri, string Path, int? Version, string Text);

/// <summary>A notebook open in the editor (LSP 3.17 notebook sync): its cells, each a text document of its own.</summary>
internal sealed class OpenNotebook
{
    public OpenNotebook(string uri, string path)
    {
        Uri = uri;
        Path = path;
    }

    public string Uri { get; }

    public string Path { get; }

    public int Version { get; set; }

    /// <summary>The cells in order: kind, text document URI, text, version of the cell document.</summary>
    public List<(bool IsCode, string CellUri, string Text, int? Version)> Cells { get; } = new();
}
