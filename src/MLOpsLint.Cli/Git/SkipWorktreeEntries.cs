using System.Buffers.Binary;
using System.Text;

namespace MLOpsLint.Cli.Git;

/// <summary>
/// The index entries that carry the <b>skip-worktree</b> bit: the files a sparse checkout (<c>git sparse-checkout set</c>)
/// leaves out of the work tree on purpose. libgit2 reads that bit but LibGit2Sharp does not expose it, so it is read here
/// from the index file (git's format, versions 2 to 4: the bit is in an entry's extended flags, which exist from version 3).
/// A file that is not there, or that this reader cannot make sense of (another hash size, a split index), gives
/// <c>null</c>: then no entry is taken for skip-worktree, and a file missing from the work tree is named as not scanned.
/// </summary>
internal static class SkipWorktreeEntries
{
    private const int HashSize = 20; // SHA-1; a SHA-256 index does not parse, and null is returned
    private const ushort ExtendedFlag = 0x4000;
    private const ushort SkipWorktreeFlag = 0x4000;

    /// <summary>The paths ('/' separators, as git stores them) whose entry has the skip-worktree bit; empty when none
    /// has; null when the index cannot be read.</summary>
    public static IReadOnlySet<string>? Read(string indexPath)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(indexPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        return Parse(bytes);
    }

    internal static IReadOnlySet<string>? Parse(ReadOnlySpan<byte> index)
    {
        if (index.Length < 12 || !index.Slice(0, 4).SequenceEqual("DIRC"u8)) return null;
        uint version = BinaryPrimitives.ReadUInt32BigEndian(index.Slice(4));
        uint count = BinaryPrimitives.ReadUInt32BigEndian(index.Slice(8));
        if (version is < 2 or > 4) return null;
        // only version 3 and later has extended flags: a version 2 index has no skip-worktree entry
        var result = new HashSet<string>(StringComparer.Ordinal);
        if (version == 2) return result;

        int pos = 12;
        byte[] previous = Array.Empty<byte>();
        for (uint i = 0; i < count; i++)
        {
            int start = pos;
            int flagsAt = start + 40 + HashSize;
            if (flagsAt + 2 > index.Length) return null;
            ushort flags = BinaryPrimitives.ReadUInt16BigEndian(index.Slice(flagsAt));
            int pathAt = flagsAt + 2;
            ushort extended = 0;
            if ((flags & ExtendedFlag) != 0)
            {
                if (pathAt + 2 > index.Length) return null;
                extended = BinaryPrimitives.ReadUInt16BigEndian(index.Slice(pathAt));
                pathAt += 2;
            }
            byte[] path;
            if (version == 4)
            {
                // the path is the previous one less N bytes (a varint), then a NUL-terminated suffix; no padding
                if (!ReadVarint(index, ref pathAt, out long strip) || strip > previous.Length) return null;
                int nul = index.Slice(pathAt).IndexOf((byte)0);
                if (nul < 0) return null;
                path = new byte[previous.Length - strip + nul];
                previous.AsSpan(0, (int)(previous.Length - strip)).CopyTo(path);
                index.Slice(pathAt, nul).CopyTo(path.AsSpan((int)(previous.Length - strip)));
                pos = pathAt + nul + 1;
            }
            else
            {
                int nul = index.Slice(pathAt).IndexOf((byte)0);
                if (nul < 0) return null;
                path = index.Slice(pathAt, nul).ToArray();
                // the entry is padded with 1 to 8 NULs to a multiple of 8 bytes
                int length = pathAt - start + nul;
                pos = start + ((length + 8) & ~7);
                if (pos > index.Length) return null;
            }
            previous = path;
            if ((extended & SkipWorktreeFlag) != 0) result.Add(Encoding.UTF8.GetString(path));
        }
        return result;
    }

    /// <summary>git's offset varint (<c>varint.c</c>): 7 bits a byte, high bit set on all but the last, plus one per continuation.</summary>
    private static bool ReadVarint(ReadOnlySpan<byte> data, ref int pos, out long value)
    {
        value = 0;
        if (pos >= data.Length) return false;
        byte c = data[pos++];
        value = c & 0x7f;
        while ((c & 0x80) != 0)
        {
            if (pos >= data.Length || value > int.MaxValue) return false;
            value += 1;
            c = data[pos++];
            value = (value << 7) + (c & 0x7f);
        }
        return true;
    }
}
