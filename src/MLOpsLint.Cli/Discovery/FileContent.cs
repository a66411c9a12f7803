using MLOpsLint.Core.Documents;

namespace MLOpsLint.Cli.Discovery;

/// <summary>A working-tree file's bytes, read on demand (the first <c>length</c> bytes, as many as the file had when it was
/// found). A file that cannot be read any more, or that shrank, gives what could be read: the scan goes on.</summary>
internal sealed class FileContent : ContentSource
{
    private readonly string fullPath;
    private readonly long length;

    public FileContent(string fullPath, long length)
    {
        this.fullPath = fullPath;
        this.length = length;
    }

    public override ReadOnlyMemory<byte> Read()
    {
        try
        {
            using var handle = File.OpenHandle(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var buffer = new byte[length];
            int read = 0;
            while (read < buffer.Length)
            {
                int n = RandomAccess.Read(handle, buffer.AsSpan(read), read);
                if (n == 0) break;
                read += n;
            }
            return read == buffer.Length ? buffer : buffer.AsMemory(0, read);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ReadOnlyMemory<byte>.Empty;
        }
    }
}
