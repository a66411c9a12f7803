using MLOpsLint.Core.Documents;

namespace MLOpsLint.Core.Tests.Engine;

/// <summary>A working-tree file read on demand (as the CLI's source is), counting its reads.</summary>
internal sealed class CountingFileSource : ContentSource
{
    private readonly string path;
    private int reads;

    public CountingFileSource(string path)
    {
        this.path = path;
        Length = new FileInfo(path).Length;
    }

    public long Length { get; }

    public int Reads => Volatile.Read(ref reads);

    public override ReadOnlyMemory<byte> Read()
    {
        Interlocked.Increment(ref reads);
        return File.ReadAllBytes(path);
    }
}
