using MLOpsLint.Core.Checks;
using MLOpsLint.Core.Checks.Seeds;
using MLOpsLint.Core.Documents;

namespace MLOpsLint.Core.Tests.Checks.Seeds;

/// <summary>
/// The closure of a staged scan's modules (<see cref="ReportedModuleClosure"/>) finds the importers of the reported modules
/// by asking each file about the frontier's names only. It must hold exactly the modules the closure over every file's
/// possible imports holds (the definition, written out here as it was computed before: every file's imports first, then
/// the reverse edges): on generated repositories whose files name each other by words, relative imports, packages,
/// notebooks, conftest files and look-alike names.
/// </summary>
public class ReportedModuleClosureTests
{
    [Fact]
    public void The_closure_equals_the_one_over_every_files_imports_on_generated_repositories()
    {
        var random = new Random(1607);
        int compared = 0, withImporters = 0;
        for (int repo = 0; repo < 60; repo++)
        {
            var docs = Repository(random, 10 + random.Next(60));
            for (int pick = 0; pick < 8; pick++)
            {
                var reported = docs.Where(_ => random.Next(docs.Length) < 1 + pick % 3).Select(d => d.Path).ToHashSet(StringComparer.Ordinal);
                var expected = Reference(docs, reported.Contains);
                var actual = ReportedModuleClosure.Of(docs, reported.Contains).Select(d => d.Path).ToArray();
                Assert.Equal(expected, actual);
                compared++;
                if (expected.Length > reported.Count + docs.Count(d => d.FileName == "conftest.py")) withImporters++;
            }
        }
        // the generated repositories exercise the importer levels, not only the reported files themselves
        Assert.True(withImporters > compared / 3, $"{withImporters} of {compared} closures went beyond the reported files");
    }

    [Fact]
    public void A_module_named_by_a_word_of_another_file_has_it_as_importer_and_a_look_alike_word_does_not()
    {
        var docs = new[]
        {
            SourceDocument.FromText("lib/helpers.py", "def seed_all():\n    pass\n"),
            SourceDocument.FromText("train.py", "from lib import helpers\nhelpers.seed_all()\n"),
            SourceDocument.FromText("eval.py", "helpers_old = 1\n"), // helpers_old is one word: not the module's name
            SourceDocument.FromText("pkg/__init__.py", "x = 1\n"),
            SourceDocument.FromText("pkg/sub/job.py", "from .. import x\n"),
            SourceDocument.FromText("other/job2.py", "from . import y\n"), // a relative import of another package
        };
        string[] Closure(params string[] reported) => ReportedModuleClosure.Of(docs, reported.Contains).Select(d => d.Path).ToArray();

        Assert.Equal(new[] { "lib/helpers.py", "train.py" }, Closure("lib/helpers.py"));
        Assert.Equal(new[] { "pkg/__init__.py", "pkg/sub/job.py" }, Closure("pkg/__init__.py"));
    }

    [Fact]
    public void Sorted_arrays_share_a_value_only_when_one_is_in_both()
    {
        Assert.True(ReportedModuleClosure.SharesAny(new uint[] { 1, 5, 9 }, new uint[] { 2, 9 }));
        Assert.True(ReportedModuleClosure.SharesAny(new uint[] { 0 }, new uint[] { 0, uint.MaxValue }));
        Assert.True(ReportedModuleClosure.SharesAny(new uint[] { uint.MaxValue }, new uint[] { 3, uint.MaxValue }));
        Assert.False(ReportedModuleClosure.SharesAny(new uint[] { 1, 5, 9 }, new uint[] { 2, 6, 10 }));
        Assert.False(ReportedModuleClosure.SharesAny(new uint[] { 1, 2 }, new uint[] { 3, 4 }));
        Assert.False(ReportedModuleClosure.SharesAny(Array.Empty<uint>(), new uint[] { 3 }));
    }

    private static readonly string[] Folders = { "", "pkg", "pkg/sub", "lib", "lib/deep/er", "tests", "notebooks" };

    private static SourceDocument[] Repository(Random random, int count)
    {
        var names = new List<string>();
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            string folder = Folders[random.Next(Folders.Length)];
            string stem = random.Next(10) switch
            {
                0 => "__init__",
                1 => "conftest",
                _ => "m" + random.Next(count),
            };
            string ext = random.Next(12) == 0 ? ".ipynb" : random.Next(20) == 0 ? ".PY" : ".py";
            string path = (folder.Length == 0 ? "" : folder + "/") + stem + ext;
            names.Add(stem == "__init__" ? (folder.Length == 0 ? "" : folder[(folder.LastIndexOf('/') + 1)..]) : stem);
            files[path] = "";
        }
        var paths = files.Keys.ToArray();
        foreach (var path in paths)
        {
            var words = new List<string>();
            for (int w = random.Next(4); w > 0; w--)
            {
                string name = names[random.Next(names.Count)];
                // a look-alike word (m12x is not m12) beside the real ones
                words.Add(random.Next(4) == 0 ? name + "x" : name);
            }
            string text = "import " + string.Join(", ", words.Where(w => w.Length > 0).DefaultIfEmpty("os")) + "\n";
            if (random.Next(5) == 0) text += "from . import thing\n";
            if (path.EndsWith(".ipynb", StringComparison.Ordinal))
            {
                text = "{\"cells\": [{\"cell_type\": \"code\", \"source\": [\"" + text.Replace("\n", "\\n") + "\"]}], \"metadata\": {}, \"nbformat\": 4}";
            }
            files[path] = text;
        }
        return files.Select(f => SourceDocument.FromText(f.Key, f.Value)).Where(ScriptScope.IsPython).ToArray();
    }

    /// <summary>The closure as defined: every file's possible imports, their reverse edges, three importer levels up from the
    /// reported files, then everything the needed files may import.</summary>
    private static string[] Reference(IReadOnlyList<SourceDocument> docs, Func<string, bool> reported)
    {
        var byName = new Dictionary<uint, List<int>>();
        var packageByFolder = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < docs.Count; i++)
        {
            string path = docs[i].Path;
            if (docs[i].Kind != DocumentKind.Python || !path.EndsWith(".py", StringComparison.OrdinalIgnoreCase)) continue;
            int slash = path.LastIndexOf('/');
            string folder = slash < 0 ? "" : path[..slash];
            string stem = path.Substring(slash + 1, path.Length - slash - 4);
            if (stem == "__init__")
            {
                packageByFolder[folder] = i;
                stem = folder[(folder.LastIndexOf('/') + 1)..];
            }
            if (stem.Length == 0) continue;
            uint key = ModuleWords.Hash(stem.AsSpan());
            if (!byName.TryGetValue(key, out var list)) byName[key] = list = new List<int>();
            list.Add(i);
        }
        var mayImport = new HashSet<int>[docs.Count];
        for (int f = 0; f < docs.Count; f++)
        {
            var words = ModuleWords.Build(docs[f].Text);
            var found = new HashSet<int>();
            foreach (uint w in words.Hashes)
            {
                if (byName.TryGetValue(w, out var targets)) found.UnionWith(targets);
            }
            if (words.HasRelativeImport)
            {
                string folder = docs[f].Path;
                while (true)
                {
                    int slash = folder.LastIndexOf('/');
                    folder = slash < 0 ? "" : folder[..slash];
                    if (packageByFolder.TryGetValue(folder, out int package)) found.Add(package);
                    if (slash < 0) break;
                }
            }
            mayImport[f] = found;
        }
        var needed = new bool[docs.Count];
        var frontier = new List<int>();
        for (int i = 0; i < docs.Count; i++)
        {
            if (reported(docs[i].Path))
            {
                needed[i] = true;
                frontier.Add(i);
            }
            else if (docs[i].FileName == "conftest.py")
            {
                needed[i] = true;
            }
        }
        for (int level = 0; level < SeedIndex.ImporterLevels; level++)
        {
            var next = new List<int>();
            for (int f = 0; f < docs.Count; f++)
            {
                if (!needed[f] && frontier.Any(t => t != f && mayImport[f].Contains(t))) next.Add(f);
            }
            foreach (int f in next) needed[f] = true;
            frontier = next;
        }
        var stack = new Stack<int>(Enumerable.Range(0, docs.Count).Where(i => needed[i]));
        while (stack.Count > 0)
        {
            foreach (int t in mayImport[stack.Pop()])
            {
                if (needed[t]) continue;
                needed[t] = true;
                stack.Push(t);
            }
        }
        return Enumerable.Range(0, docs.Count).Where(i => needed[i]).Select(i => docs[i].Path).ToArray();
    }
}
