using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Findings;

namespace MLOpsLint.Cli.Discovery;

/// <summary>Reads discovered files into documents, in parallel. A file over the size cap keeps only its head
/// (signature rules still see it; text rules do not). An unreadable file becomes a scan warning.
/// With <c>lazy</c> (a scan) each file is only opened here, to learn its size and that it can be read: its bytes are read
/// when a check first asks for them and dropped when the document's checks are done (<see cref="FileContent"/>), so that
/// memory grows with the largest file and the number of files, not with the bytes of the repository.</summary>
internal static class DocumentLoader
{
    /// <summary>How much of an over-cap file is kept: enough for every content signature we know.</summary>
    public const int HeadBytes = 64 * 1024;

    public static (IReadOnlyList<SourceDocument> Documents, IReadOnlyList<ScanDiagnostic> Diagnostics) Load(
        IReadOnlyList<DiscoveredFile> files, long maxTextFileSize, bool lazy = false)
    {
        var docs = new SourceDocument?[files.Count];
        var diags = new ScanDiagnostic?[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            var f = files[i];
            if (f.Blob is { } blob)
            {
                // outside the sparse checkout: the index blob, read when checked (lazy) or now
                bool whole = blob.Size <= maxTextFileSize;
                long keep = whole ? blob.Size : Math.Min(blob.Size, HeadBytes);
                var content = new Git.IndexBlobContent(blob.Store, blob.Sha, keep);
                docs[i] = lazy
                    ? new SourceDocument(f.RelativePath, content, blob.Size, whole, Git.IndexBlobContent.Origin)
                    : new SourceDocument(f.RelativePath, content.Read(), blob.Size, whole, Git.IndexBlobContent.Origin);
                if (!whole) diags[i] = OverCap(f, blob.Size, maxTextFileSize);
                return;
            }
            if (FileType.NotRegular(f.FullPath) is { } what)
            {
                // opening a FIFO blocks until a writer comes, and a device never ends: never opened
                diags[i] = new ScanDiagnostic(ScanDiagnosticLevel.Warning, $"cannot be read (it is {what}, not a regular file; never opened); skipped", f.RelativePath);
                return;
            }
            try
            {
                if (lazy)
                {
                    long length;
                    using (var handle = File.OpenHandle(f.FullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
                    {
                        length = RandomAccess.GetLength(handle);
                    }
                    bool whole = length <= maxTextFileSize;
                    docs[i] = new SourceDocument(f.RelativePath, new FileContent(f.FullPath, whole ? length : Math.Min(length, HeadBytes)), length, whole);
                    if (!whole) diags[i] = OverCap(f, length, maxTextFileSize);
                    return;
                }
                using var stream = new FileStream(f.FullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
                long size = stream.Length;
                bool complete = size <= maxTextFileSize;
                int toRead = (int)Math.Min(size, complete ? size : HeadBytes);
                var buffer = new byte[toRead];
                int read = 0;
                while (read < toRead)
                {
                    int n = stream.Read(buffer, read, toRead - read);
                    if (n == 0) break;
                    read += n;
                }
                var content = read == buffer.Length ? buffer : buffer.AsSpan(0, read).ToArray();
                docs[i] = new SourceDocument(f.RelativePath, content, size, complete);
                if (!complete)
                {
                    diags[i] = OverCap(f, size, maxTextFileSize);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diags[i] = new ScanDiagnostic(ScanDiagnosticLevel.Warning, $"cannot be read ({e.Message}); skipped", f.RelativePath);
            }
        });
        return (docs.Where(d => d != null).ToArray()!, diags.Where(d => d != null).ToArray()!);
    }

    private static ScanDiagnostic OverCap(DiscoveredFile f, long size, long maxTextFileSize) =>
        new(ScanDiagnosticLevel.Note,
            $"{Core.Configuration.Sizes.Format(size)} is over max-file-size ({Core.Configuration.Sizes.Format(maxTextFileSize)}): only its first bytes were checked",
            f.RelativePath);
}
