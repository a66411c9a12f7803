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
        var buffer = new byte[toRead];
        using (var stream = blob.GetContentStream())
        {
            int read = 0;
            while (read < toRead)
            {
                int n = stream.Read(buffer, read, toRead - read);
                if (n == 0) break;
                read += n;
            }
            if (read < toRead) Array.Resize(ref buffer, read);
        }
        return new SourceDocument(path, buffer, size, complete, origin);
    }
}
