using System.Security.Cryptography;
using System.Text;
using MLOpsLint.Core.Artifacts;
using MLOpsLint.Core.Documents;

namespace MLOpsLint.Core.Checks.CommittedData;

/// <summary>Per-finding fix text and stable fingerprints for committed files.</summary>
internal static class FixAdvice
{
    private const int FingerprintBytes = 1 << 20;

    /// <summary>How to get a committed file out of git and into DVC or Git LFS, with this file's path. The LFS
    /// pattern is <c>*.ext</c> when the extension says what the file is, else the path itself (a pickle named
    /// notes.txt must not send every .txt file to LFS).</summary>
    public static string Untrack(string path, bool extensionNamesTheFormat = true)
    {
        string q = Quote(path);
        string ext = ArtifactExtensions.ExtensionOf(DocumentClassifier.FileName(path));
        string lfsPattern = extensionNamesTheFormat && ext.Length > 0 ? "*" + ext : path;
        return $"Stop tracking it: git rm --cached {q}, and add the line /{path} to .gitignore. "
            + $"Then version it with DVC (dvc add {q}) or Git LFS (git lfs track \"{lfsPattern}\"; "
            + $"git lfs migrate import --include=\"{lfsPattern}\" also moves the copies already in history).";
    }

    public static string ForLfs(string path) =>
        $"Install Git LFS (git lfs install), then re-add the file so git stores a pointer: git rm --cached {Quote(path)} && git add {Quote(path)}. "
        + $"git lfs migrate import --include=\"{path}\" --everything rewrites the copies already in history.";

    public static string ForDvc(string path) =>
        $"git rm --cached {Quote(path)} and commit; DVC keeps the data (dvc push to share it), and the .gitignore entry written by dvc add keeps it out of git.";

    /// <summary>Content-based identity for a file finding: a SHA-256 of the bytes at hand (at most the
    /// first MB) and the size. Binary files have no source line to fingerprint.</summary>
    public static string ContentFingerprint(SourceDocument document) => document.GetOrAdd(d => new Fingerprint(Compute(d))).Value;

    /// <summary>A file's content fingerprint, kept on the document and in the facts cache: a staged scan fingerprints every
    /// committed model it finds (the folder findings list them), and need not read them again for it.</summary>
    internal sealed class Fingerprint
    {
        public Fingerprint(string value) => Value = value;

        public string Value { get; }
    }

    /// <summary>Keeps <see cref="Fingerprint"/> in the facts cache (<see cref="FormCodecs"/>).</summary>
    internal static readonly FormCodec<Fingerprint> FingerprintCodec = new("committed-data.fingerprint", (f, w) => w.Write(f.Value), r => new Fingerprint(r.ReadString()));

    private static string Compute(SourceDocument document)
    {
        var bytes = document.Content;
        if (bytes.Length > FingerprintBytes) bytes = bytes.Slice(0, FingerprintBytes);
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(bytes.ToArray());
        var sb = new StringBuilder("sha256:", 7 + 64 + 24);
        foreach (var b in hash) sb.Append(b.ToString("x2"));
        return sb.Append(" size:").Append(document.Size).ToString();
    }

    /// <summary>POSIX shell quoting when the path needs it.</summary>
    public static string Quote(string path) =>
        path.All(c => char.IsLetterOrDigit(c) || "/._-+@%=:,".IndexOf(c) >= 0) ? path : "'" + path.Replace("'", "'\\''") + "'";
}
