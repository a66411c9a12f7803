using System.Text;
using MLOpsLint.Core.Secrets;

namespace MLOpsLint.Analyzers.Tests.Support;

/// <summary>
/// Credentials in their providers' real formats, generated at test time with valid checksums (the generator of
/// MLOpsLint.Core.Tests' FakeSecrets, trimmed), so the repository holds no live-looking secret. Seeded: the same
/// values on every run.
/// </summary>
public static class FakeSecrets
{
    private const string Base62 = Checksums.Base62Alphabet;
    private const string Base64UrlChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string Random(string alphabet, int length, int seed)
    {
        var r = new Random(seed);
        var sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) sb.Append(alphabet[r.Next(alphabet.Length)]);
        return sb.ToString();
    }

    /// <summary>A random string with at least one lower-case, upper-case letter and digit.</summary>
    public static string Mixed(string alphabet, int length, int seed)
    {
        for (int s = seed; ; s += 1000)
        {
            string v = Random(alphabet, length, s);
            if (v.Any(char.IsLower) && v.Any(char.IsUpper) && v.Any(char.IsDigit)) return v;
        }
    }

    /// <summary>GitHub classic token: prefix + 30 base62 + base62 CRC32 of those 30.</summary>
    public static string GitHub(string prefix = "ghp_", int seed = 1)
    {
        string body = Mixed(Base62, 30, seed);
        return prefix + body + Checksums.Base62(Checksums.Crc32(body));
    }

    /// <summary>The same token with its last checksum digit changed.</summary>
    public static string GitHubBadChecksum(int seed = 1)
    {
        string t = GitHub(seed: seed);
        return t.Substring(0, t.Length - 1) + (t[t.Length - 1] == 'A' ? 'B' : 'A');
    }

    public static string OpenAIProject(int seed = 9) => "sk-proj-" + Mixed(Base64UrlChars, 74, seed) + "T3BlbkFJ" + Mixed(Base64UrlChars, 74, seed + 1);

    public static string HuggingFace(int seed = 11)
    {
        for (int s = seed; ; s += 1000)
        {
            string v = Random(Letters, 34, s);
            if (v.Any(char.IsUpper) && v.Any(char.IsLower)) return "hf_" + v;
        }
    }

    /// <summary>A random-looking value with no provider prefix (MLO404 under a secret name).</summary>
    public static string Token32(int seed = 77) => Mixed(Base62, 32, seed);

    /// <summary>A random-looking password.</summary>
    public static string Password(int seed = 78) => Mixed(Base62, 12, seed) + "!#";
}
