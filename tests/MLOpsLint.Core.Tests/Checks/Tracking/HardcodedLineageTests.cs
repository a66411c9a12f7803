using MLOpsLint.Core.Tests.Checks.Seeds;
using static MLOpsLint.Core.Tests.Checks.Tracking.TrackingFixtures;

namespace MLOpsLint.Core.Tests.Checks.Tracking;

/// <summary>MLO703: lineage a run records as a literal (the course mini-lab's <c>"git_sha": "abc123"</c>).</summary>
public class HardcodedLineageTests
{
    private const string MiniLab =
        "import json\n"
        + "from sklearn.linear_model import LogisticRegression\n"
        + "\n"
        + "model = LogisticRegression(random_state=0).fit(X, y)\n"
        + "metadata = {\n"
        + "    \"git_sha\": \"abc123\",  # In real code, get from git  expect: MLO703\n"
        + "    \"data_version\": \"v1\",  # expect: MLO703\n"
        + "    \"seed\": 0,\n"
        + "    \"accuracy\": model.score(X, y),\n"
        + "}\n"
        + "with open(\"metadata.json\", \"w\") as f:\n"
        + "    json.dump(metadata, f)\n";

    [Fact]
    public void The_mini_labs_literals_fire() => SeedsFixtures.AssertExpectations("MLO703", Doc("train.py", MiniLab));

    [Fact]
    public void The_message_and_fix_name_the_literal_and_the_command()
    {
        var findings = SeedsFixtures.Of("MLO703", Doc("train.py", MiniLab));
        var code = Assert.Single(findings, f => f.Message.StartsWith("git_sha"));
        Assert.Equal("git_sha = \"abc123\" is written by hand: every run records the same commit, whatever actually ran", code.Message);
        Assert.Contains("git\", \"rev-parse\", \"HEAD\"", code.Fix);
        var data = Assert.Single(findings, f => f.Message.StartsWith("data_version"));
        Assert.Contains("DVC hash", data.Fix);
    }

    [Theory]
    [InlineData("mlflow.set_tag(\"mlflow.source.git.commit\", \"abc123\")  # expect: MLO703", "mlflow.source.git.commit tag")]
    [InlineData("mlflow.log_params({\"git_commit\": \"0f3c2a1\"})  # expect: MLO703", "mlflow.source.git.commit tag")]
    public void Tracker_calls_with_a_literal_commit_fire(string line, string fix)
    {
        string script = "import mlflow\nmlflow.start_run()\n" + line + "\n";
        var f = Assert.Single(SeedsFixtures.AssertExpectations("MLO703", Doc("train.py", script)));
        Assert.Contains(fix, f.Fix);
    }

    [Fact]
    public void Computed_lineage_and_fallbacks_are_silent()
    {
        string computed = "import subprocess\n" + MiniLab.Replace("\"abc123\"", "subprocess.check_output(['git', 'rev-parse', 'HEAD']).decode()")
            .Replace("  # In real code, get from git  expect: MLO703", "").Replace("  # expect: MLO703", "");
        Assert.Empty(SeedsFixtures.Of("MLO703", Doc("train.py", computed)));
        const string fallback = "import json\ntry:\n    sha = get_git_sha()\nexcept OSError:\n    sha = None\nmeta = {\"git_sha\": \"unknown\"}\njson.dump(meta, open('m.json', 'w'))\n";
        Assert.Empty(SeedsFixtures.Of("MLO703", Doc("train.py", fallback)));
    }

    [Fact]
    public void A_literal_nothing_records_is_silent()
    {
        // a configuration dict that no tracker or file ever sees is not lineage
        const string config = "DEFAULTS = {\"git_sha\": \"abc123\", \"data_version\": \"v1\"}\nprint(DEFAULTS)\n";
        Assert.Empty(SeedsFixtures.Of("MLO703", Doc("settings.py", config)));
    }

    [Fact]
    public void A_data_version_beside_dvc_is_left_alone_but_a_commit_is_not()
    {
        var findings = SeedsFixtures.Of("MLO703", Doc("train.py", MiniLab), Doc("data.dvc", "outs:\n- md5: 3863d0e317dee0a55c4e59d2ec0eef33.dir\n  path: data\n"));
        Assert.Equal("git_sha", Assert.Single(findings).Message.Split(' ')[0]);
    }

    [Fact]
    public void Tests_are_not_judged() =>
        Assert.Empty(SeedsFixtures.Of("MLO703", Doc("tests/test_metadata.py", "import pytest\n" + MiniLab.Replace("  # In real code, get from git  expect: MLO703", "").Replace("  # expect: MLO703", ""))));
}
