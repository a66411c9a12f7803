using System.Text.RegularExpressions;
using MLOpsLint.Core.Documents;

namespace MLOpsLint.Core.Checks.Seeds;

/// <summary>
/// The distinct words of a Python module or notebook (as 32-bit hashes) and whether it has a relative import: what
/// <see cref="ReportedModuleClosure"/> needs to tell which modules a file may import, kept on the document and in the facts
/// cache, so that a staged scan with a warm cache finds the staged modules' importers without reading every module. A
/// hash shared by two words can only add a module that may be imported (the closure over-approximates anyway), never
/// lose one.
/// </summary>
internal sealed class ModuleWords
{
    private static readonly Regex RelativeImport = new(@"\bfrom[\s\\]*\.", RegexOptions.CultureInvariant);

    private ModuleWords(uint[] hashes, bool hasRelativeImport)
    {
        Hashes = hashes;
        HasRelativeImport = hasRelativeImport;
    }

    /// <summary>The hashes (<see cref="Hash"/>) of the distinct words, ascending.</summary>
    public uint[] Hashes { get; }

    /// <summary>A <c>from .</c> import (of the package of its folder or one above).</summary>
    public bool HasRelativeImport { get; }

    public static ModuleWords Of(SourceDocument document) => document.GetOrAdd(d => Build(d.Text));

    internal static ModuleWords Build(string text)
    {
        var found = new HashSet<uint>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '\\')
            {
                // an escape in a notebook's JSON (\n, \", \u00e9) or a line continuation: never part of a name
                i += i + 1 < text.Length && text[i + 1] == 'u' ? 6 : 2;
                continue;
            }
            if (!IsNameChar(c))
            {
                i++;
                continue;
            }
            int start = i;
            while (i < text.Length && IsNameChar(text[i])) i++;
            found.Add(Hash(text.AsSpan(start, i - start)));
        }
        var hashes = found.ToArray();
        Array.Sort(hashes);
        return new ModuleWords(hashes, RelativeImport.IsMatch(text));
    }

    /// <summary>FNV-1a over the UTF-16 code units: stable across processes (the cache outlives them), unlike string hashes.
    /// 32 bits: a module of 400 distinct words in a repository of 10,000 modules shares a hash with some module name once in
    /// about a thousand modules, which adds a module to the closure (parsed for nothing), and the cache stays half the size.</summary>
    public static uint Hash(ReadOnlySpan<char> word)
    {
        uint h = 2166136261;
        foreach (char c in word)
        {
            h = (h ^ c) * 16777619;
        }
        return h;
    }

    public static bool IsNameChar(char c) => c < 128 ? (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_') : char.IsLetterOrDigit(c);

    /// <summary>Keeps the words in the facts cache (<see cref="FormCodecs"/>).</summary>
    internal static readonly FormCodec<ModuleWords> Codec = new("seeds.module-words", Write, Read);

    private static void Write(ModuleWords words, BinaryWriter w)
    {
        w.Write(words.HasRelativeImport);
        w.Write(words.Hashes.Length);
        foreach (uint h in words.Hashes) w.Write(h);
    }

    private static ModuleWords Read(BinaryReader r)
    {
        bool relative = r.ReadBoolean();
        int n = r.ReadInt32();
        if (n < 0 || (long)n * 4 > r.BaseStream.Length - r.BaseStream.Position) throw new InvalidDataException("bad word count");
        // one read of the whole array (the cache holds thousands of modules' words), then the order checked
        var hashes = new uint[n];
#if NET
        var raw = System.Runtime.InteropServices.MemoryMarshal.AsBytes(hashes.AsSpan());
        for (int got = 0; got < raw.Length;)
        {
            int read = r.Read(raw.Slice(got));
            if (read <= 0) throw new EndOfStreamException();
            got += read;
        }
        if (!BitConverter.IsLittleEndian)
        {
            for (int i = 0; i < n; i++) hashes[i] = System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(hashes[i]);
        }
#else
        var bytes = r.ReadBytes(n * 4);
        if (bytes.Length != n * 4) throw new EndOfStreamException();
        for (int i = 0; i < n; i++) hashes[i] = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i * 4));
#endif
        for (int i = 1; i < n; i++)
        {
            if (hashes[i] <= hashes[i - 1]) throw new InvalidDataException("words out of order");
        }
        return new ModuleWords(hashes, relative);
    }
}
