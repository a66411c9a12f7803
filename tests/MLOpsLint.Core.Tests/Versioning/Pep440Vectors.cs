using System.Text.Json;

namespace MLOpsLint.Core.Tests.Versioning;

/// <summary>The PEP 440 conformance vectors in TestData/pep440 (from pypa/packaging's own tests; see the README there).</summary>
internal static class Pep440Vectors
{
    private static readonly Dictionary<string, JsonElement> Cache = new();

    public static JsonElement Load(string file)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(file, out var root))
            {
                var path = Path.Combine(AppContext.BaseDirectory, "TestData", "pep440", file);
                using var doc = JsonDocument.Parse(File.ReadAllText(path));
                root = doc.RootElement.Clone();
                Cache[file] = root;
            }
            return root;
        }
    }

    public static IEnumerable<JsonElement> Array(string file, string property) =>
        Load(file).GetProperty(property).EnumerateArray();

    public static IReadOnlyList<string> Strings(string file, string property) =>
        Array(file, property).Select(e => e.GetString()!).ToArray();

    public static bool? NullableBool(this JsonElement e, string property) =>
        e.GetProperty(property).ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        };

    /// <summary>Makes control characters visible in test names and messages.</summary>
    public static string Show(string s) => JsonSerializer.Serialize(s);
}
