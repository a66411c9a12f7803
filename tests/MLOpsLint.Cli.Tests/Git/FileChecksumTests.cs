using MLOpsLint.Cli.Git.FactCache;

namespace MLOpsLint.Cli.Tests.Git;

/// <summary>The checksum that tells a whole facts cache file from a damaged one (<see cref="FileChecksum"/>): any one changed
/// byte, in the 32-byte stripes or the tail, changes it, and so do a truncation and a byte appended; equal bytes give it equal.</summary>
public class FileChecksumTests
{
    [Fact]
    public void Every_changed_byte_truncation_or_extension_changes_the_checksum()
    {
        var random = new Random(42);
        int compared = 0;
        foreach (int length in new[] { 0, 1, 7, 8, 31, 32, 33, 63, 64, 65, 100, 257 })
        {
            var data = new byte[length];
            random.NextBytes(data);
            ulong whole = FileChecksum.Of(data);
            Assert.Equal(whole, FileChecksum.Of(data.ToArray()));
            for (int i = 0; i < length; i++)
            {
                foreach (byte flip in new byte[] { 0x01, 0x20, 0x80, 0xFF })
                {
                    data[i] ^= flip;
                    Assert.NotEqual(whole, FileChecksum.Of(data));
                    data[i] ^= flip;
                    compared++;
                }
            }
            if (length > 0) Assert.NotEqual(whole, FileChecksum.Of(data.AsSpan(0, length - 1)));
            Assert.NotEqual(whole, FileChecksum.Of(data.Concat(new byte[] { 0 }).ToArray()));
        }
        Assert.True(compared > 2000);
        // runs of zeros of different lengths (a file cut or padded with zeros) differ too
        var seen = new HashSet<ulong>();
        for (int n = 0; n < 200; n++) Assert.True(seen.Add(FileChecksum.Of(new byte[n])));
    }
}
