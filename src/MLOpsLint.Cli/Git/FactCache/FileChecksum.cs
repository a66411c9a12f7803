using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;

namespace MLOpsLint.Cli.Git.FactCache;

/// <summary>
/// The 64-bit checksum that ends a facts cache file (<see cref="BlobFactCache"/>): it tells a whole file from a truncated,
/// torn or damaged one. Not a defence against anyone who can write <c>.git</c> (they can change the repository itself), so a
/// cryptographic hash is not needed, and SHA-256 over the 12 MB of a 10,000-file repository's cache cost ~10 ms of every
/// staged scan. The xxHash64 construction (four multiply-rotate lanes over 32-byte stripes, then an avalanche): every
/// step of a lane is a bijection of its state, so one changed byte always changes that lane, and two different files
/// collide with a chance of about 2^-64.
/// </summary>
internal static class FileChecksum
{
    private const ulong P1 = 11400714785074694791UL;
    private const ulong P2 = 14029467366897019727UL;
    private const ulong P3 = 1609587929392839161UL;
    private const ulong P4 = 9650029242287828579UL;
    private const ulong P5 = 2870177450012600261UL;

    public static ulong Of(ReadOnlySpan<byte> data)
    {
        unchecked
        {
            ulong h;
            int stripes = data.Length / 32;
            if (stripes > 0)
            {
                ulong v1 = P1 + P2, v2 = P2, v3 = 0, v4 = 0UL - P1;
                var words = MemoryMarshal.Cast<byte, ulong>(data.Slice(0, stripes * 32));
                bool little = BitConverter.IsLittleEndian;
                for (int i = 0; i < words.Length; i += 4)
                {
                    v1 = Round(v1, little ? words[i] : BinaryPrimitives.ReverseEndianness(words[i]));
                    v2 = Round(v2, little ? words[i + 1] : BinaryPrimitives.ReverseEndianness(words[i + 1]));
                    v3 = Round(v3, little ? words[i + 2] : BinaryPrimitives.ReverseEndianness(words[i + 2]));
                    v4 = Round(v4, little ? words[i + 3] : BinaryPrimitives.ReverseEndianness(words[i + 3]));
                }
                h = BitOperations.RotateLeft(v1, 1) + BitOperations.RotateLeft(v2, 7) + BitOperations.RotateLeft(v3, 12) + BitOperations.RotateLeft(v4, 18);
                h = Merge(Merge(Merge(Merge(h, v1), v2), v3), v4);
            }
            else
            {
                h = P5;
            }
            h += (ulong)data.Length;
            var rest = data.Slice(stripes * 32);
            while (rest.Length >= 8)
            {
                h ^= Round(0, BinaryPrimitives.ReadUInt64LittleEndian(rest));
                h = BitOperations.RotateLeft(h, 27) * P1 + P4;
                rest = rest.Slice(8);
            }
            foreach (byte b in rest)
            {
                h ^= b * P5;
                h = BitOperations.RotateLeft(h, 11) * P1;
            }
            h ^= h >> 33;
            h *= P2;
            h ^= h >> 29;
            h *= P3;
            h ^= h >> 32;
            return h;
        }
    }

    private static ulong Round(ulong acc, ulong input) => unchecked(BitOperations.RotateLeft(acc + input * P2, 31) * P1);

    private static ulong Merge(ulong h, ulong lane) => unchecked((h ^ Round(0, lane)) * P1 + P4);
}
