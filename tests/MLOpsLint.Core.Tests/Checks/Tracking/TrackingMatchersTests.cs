using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Tests.Checks.Seeds;
using static MLOpsLint.Core.Tests.Checks.Tracking.TrackingFixtures;

namespace MLOpsLint.Core.Tests.Checks.Tracking;

/// <summary>The MLO7xx matchers as they read source text without making strings of it: words of a name or a printed
/// string matched whatever their case, a string literal read as Python decodes it (escapes, raw strings), a module's
/// functions looked up by name, and a helper module whose name many folders share.</summary>
public class TrackingMatchersTests
{
    private const string Fit = "from sklearn.linear_model import LogisticRegression\n\nif __name__ == '__main__':\n"
        + "    model = LogisticRegression().fit(X, y)\n";

    [Theory]
    [InlineData("    print('Val ACC:', acc)\n")]                  // upper case
    [InlineData("    print('epoch\\nloss', l)\n")]                 // "\n" ends a word: "loss" is one
    [InlineData("    print('\\x6coss', l)\n")]                     // an escape spells "loss"
    [InlineData("    print(f'{{epoch}} Loss {l:.3f}')\n")]         // an f-string with doubled braces
    public void A_printed_measurement_is_read_as_python_reads_the_string(string line)
    {
        Assert.Single(SeedsFixtures.Of("MLO701", Doc("train.py", Fit + line)));
    }

    [Theory]
    [InlineData("    print('Validating', n)\n")]                   // not a metric word
    [InlineData("    print(r'epoch\\nloss', n)\n")]                // a raw string keeps its backslash: "nloss"
    [InlineData("    print('glossary', n)\n")]                     // "loss" inside a longer word
    public void A_printed_look_alike_measures_nothing(string line)
    {
        // a run that measures nothing has no experiment to record
        Assert.Empty(SeedsFixtures.Of("MLO701", Doc("train.py", Fit + line)));
    }

    [Theory]
    [InlineData("    open('METRICS.json', 'w').write(str(s))\n")]
    [InlineData("    open('train_history.csv', 'a').write(str(s))\n")]
    public void A_file_named_for_a_record_records_whatever_its_case(string line)
    {
        Assert.Empty(SeedsFixtures.Of("MLO701", Doc("train.py", Fit + Scored + line)));
    }

    [Theory]
    [InlineData("    open('logits.txt', 'w').write(str(s))\n")]   // "logits" is not "log"
    [InlineData("    open('state.txt', 'w').write(str(s))\n")]
    public void A_file_named_like_a_record_but_not_one_records_nothing(string line)
    {
        Assert.Single(SeedsFixtures.Of("MLO701", Doc("train.py", Fit + Scored + line)));
    }

    private const string Scored = "    s = model.score(X, y)\n";

    private const string Recorded = "import json\nmeta = {\n    KEY: \"abc1234\",  # expect: MLO703\n}\njson.dump(meta, open('meta.json', 'w'))\n";

    [Theory]
    [InlineData("\"Git-SHA\"")]          // case and separators normalise to git_sha
    [InlineData("\"git\\x5fsha\"")]      // an escape spells the underscore
    [InlineData("'DATA_VERSION'")]
    public void A_lineage_key_is_read_as_python_reads_it(string key) =>
        SeedsFixtures.AssertExpectations("MLO703", Doc("train.py", Recorded.Replace("KEY", key)));

    [Theory]
    [InlineData("r\"git\\x5fsha\"")]     // raw: the key is git\x5fsha
    [InlineData("\"git_shas\"")]
    [InlineData("\"legit_sha_x\"")]
    public void A_look_alike_key_is_not_lineage(string key) =>
        Assert.Empty(SeedsFixtures.Of("MLO703", Doc("train.py", Recorded.Replace("KEY", key))));

    [Theory]
    [InlineData("sha = getGitSha()\n")]                  // camelCase words
    [InlineData("sha = read__commit()\n")]               // a doubled underscore
    [InlineData("cmd = \"git\\x20rev-parse HEAD\"\n")]   // an escape spells the command
    public void A_module_that_works_its_lineage_out_is_silent(string line) =>
        Assert.Empty(SeedsFixtures.Of("MLO703", Doc("train.py", line + Recorded.Replace("KEY", "\"git_sha\"").Replace("  # expect: MLO703", ""))));

    [Theory]
    [InlineData("x = legitimate()\n")]
    [InlineData("cmd = r\"git\\x20rev-parse HEAD\"\n")]  // raw: no command in it
    public void A_look_alike_of_working_lineage_out_leaves_the_literal_reported(string line) =>
        SeedsFixtures.AssertExpectations("MLO703", Doc("train.py", line + Recorded.Replace("KEY", "\"git_sha\"")));

    /// <summary>A helper module with many functions (looked up by name, not read through), one of which records: a
    /// module-level function, a method of the same name elsewhere, and a class whose methods record.</summary>
    private static string Helpers(bool records)
    {
        var sb = new System.Text.StringBuilder("import json\n\n");
        for (int i = 0; i < 20; i++) sb.Append($"def helper_{i}(x):\n    return x + {i}\n\n");
        sb.Append("class Report:\n    def save_scores(self, s):\n        json.dump(s, open('metrics.json', 'w'))\n\n");
        sb.Append(records ? "def save_scores(s):\n    json.dump(s, open('metrics.json', 'w'))\n" : "def save_scores(s):\n    print(s)\n");
        return sb.ToString();
    }

    private static SourceDocument[] Scripts(string call, SourceDocument helpers) =>
        Enumerable.Range(0, 12).Select(i => Doc($"exp_{i:00}/train.py",
            $"from helpers import save_scores, Report\nimport helpers\n\nif __name__ == '__main__':\n    model = LogisticRegression().fit(X, y)\n    {call}\n"))
            .Append(helpers).ToArray();

    [Fact]
    public void Many_scripts_calling_a_helper_of_a_large_module_follow_it_by_name()
    {
        // save_scores() resolves to the module-level function: it records in one version of helpers.py, not in the other
        Assert.Empty(SeedsFixtures.Of("MLO701", Scripts("save_scores(model.score(X, y))", Doc("helpers.py", Helpers(records: true)))));
        Assert.Single(SeedsFixtures.Of("MLO701", Scripts("save_scores(model.score(X, y))", Doc("helpers.py", Helpers(records: false)))));
        // another function of the module records nothing
        Assert.Single(SeedsFixtures.Of("MLO701", Scripts("print(helpers.helper_3(model.score(X, y)))", Doc("helpers.py", Helpers(records: true)))));
        // building the class whose method records stands for using it, though the function of that name prints
        Assert.Empty(SeedsFixtures.Of("MLO701", Scripts("Report().save_scores(model.score(X, y))", Doc("helpers.py", Helpers(records: false)))));
    }

    [Fact]
    public void A_helper_module_whose_name_many_folders_share_is_followed_into_each()
    {
        // twelve experiment folders, each with its own features.py (as a Kaggle repository has): the scripts import
        // `features`, which the index resolves to every module of that name
        SourceDocument[] Repo(int recordingFolder) => Enumerable.Range(0, 12).SelectMany(i => new[]
        {
            Doc($"exp_{i:00}/train.py", "from features import log_scores\nfrom sklearn.svm import SVC\n\nif __name__ == '__main__':\n"
                + "    model = SVC().fit(X, y)\n    log_scores(model.score(X, y))\n"),
            Doc($"exp_{i:00}/features.py", i == recordingFolder
                ? "import json\n\ndef log_scores(s):\n    json.dump(s, open('scores.json', 'w'))\n"
                : "def log_scores(s):\n    print(s)\n"),
        }).ToArray();
        Assert.Empty(SeedsFixtures.Of("MLO701", Repo(recordingFolder: 7)));
        var f = Assert.Single(SeedsFixtures.Of("MLO701", Repo(recordingFolder: -1)));
        Assert.Equal(11, f.Related.Count); // one finding for the twelve scripts
    }
}
