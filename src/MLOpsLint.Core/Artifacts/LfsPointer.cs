namespace MLOpsLint.Core.Artifacts;

/// <summary>
/// A Git LFS pointer file (https://github.com/git-lfs/git-lfs/blob/main/docs/spec.md): a small text file
/// <c>version https://git-lfs.github.com/spec/v1</c>, <c>oid sha256:…</c>, <c>size N</c>. What git stores for
/// an LFS-tracked file; never a committed blob.
/// </summary>
public static class LfsPointer
{
    /// <summary>git-lfs ignores anything this big as a pointer candidate.</summary>
    public const int MaxPointerSize = 1024;

    public static bool IsPointer(ReadOnlySpan<byte> b, long size)
    {
        if (size >= MaxPointerSize || b.Length < 20 || b[0] != (byte)'v') return false;
        if (!Bytes.StartsWith(b, "version https://git-lfs.github.com/spec/")
            && !Bytes.StartsWith(b, "version https://hawser.github.com/spec/"))
        {
            return false;
        }
        return Bytes.IndexOf(b, "\noid sha256:") > 0 && Bytes.IndexOf(b, "\nsize ") > 0;
    }
}
