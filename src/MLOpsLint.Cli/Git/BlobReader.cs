using LibGit2Sharp;
using MLOpsLint.Core.Documents;

namespace MLOpsLint.Cli.Git;

/// <summary>Reads git blobs into documents: all of a blob up to the size cap, only its head beyond.</summary>
internal static class BlobReader
{
    public static SourceDocument Read(Blob blob, string path, string? origin, long maxTextFileSize)
    {
        long size = blob.Size;
        bool complete = size <= maxTextFileSize;
        int toRead = (int)Math.Min(size, complete ? size : Discovery.DocumentLoader.HeadBytes);
        var buffer = Head(blob, toRead);
        return new SourceDocument(path, buffer, size, complete, origin);
    }

    /// <summary>The first <paramref name="toRead"/> bytes of <paramref name="blob"/> (fewer if it is shorter).</summary>
    public static byte[] Head(Blob blob, long toRead)
    {
        var buffer = new byte[Math.Min(toRead, blob.Size)];
        using var stream = blob.GetContentStream();
        int read = 0;
        while (read < buffer.Length)
        {
            int n = stream.Read(buffer, read, buffer.Length - read);
            if (n == 0) break;
            read += n;
        }
        if (read < buffer.Length) Array.Resize(ref buffer, read);
        return buffer;
    }
}
