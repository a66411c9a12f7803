namespace MLOpsLint.Cli.Server;

/// <summary>What the worker tells the editor: diagnostics, log lines, progress of the workspace scan.</summary>
internal interface IEditorClient
{
    void Publish(string uri, int? version, IReadOnlyList<EditorFinding> findings, Func<string, string?> uriOfPath);

    void Log(bool error, string message);

    /// <summary>Starts a progress report; dispose it to end it.</summary>
    IProgressReport BeginProgress(string title);
}

internal interface IProgressReport : IDisposable
{
    void Report(string message, int percentage);
}
