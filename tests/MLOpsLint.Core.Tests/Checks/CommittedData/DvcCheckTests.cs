using static MLOpsLint.Core.Tests.Checks.CommittedData.Scan;

namespace MLOpsLint.Core.Tests.Checks.CommittedData;

/// <summary>MLO105: paths tracked by DVC that are also in git.</summary>
public class DvcCheckTests
{
    private const string DotDvc = """
        outs:
        - md5: 1b3a5e7cd9be8c5d0b5b1c4a0e4f0b1a
          size: 650000
          hash: md5
          path: train.csv
        """;

    [Fact]
    public void A_file_next_to_its_dvc_file_is_reported()
    {
        var findings = Family(
            TextDoc("data/train.csv.dvc", DotDvc),
            TextDoc("data/train.csv", "a,b\n1,2\n"));
        var f = Assert.Single(findings);
        Assert.Equal("MLO105", f.RuleId);
        Assert.Equal("data/train.csv", f.Path);
        Assert.Contains("data/train.csv.dvc", f.Message);
        Assert.Contains("git rm --cached data/train.csv", f.Fix);
        var related = Assert.Single(f.Related);
        Assert.Equal("data/train.csv.dvc", related.Path);
        Assert.Equal(5, related.Span.StartLine);
    }

    [Fact]
    public void The_dvc_file_alone_is_fine() =>
        Assert.Empty(Family(TextDoc("data/train.csv.dvc", DotDvc), TextDoc("data/other.csv", "a\n")));

    [Fact]
    public void Dvc_outputs_replace_the_data_and_model_rules()
    {
        var big = Samples.Pad(Samples.Npy(), 700_000);
        var ids = Ids(Family(
            TextDoc("features.npy.dvc", "outs:\n- path: features.npy\n"),
            Doc("features.npy", big)));
        Assert.Equal(new[] { "MLO105" }, ids);
    }

    [Fact]
    public void Directory_outputs_cover_the_files_below_them()
    {
        var f = Assert.Single(Of("MLO105",
            TextDoc("data/raw.dvc", "outs:\n- path: raw\n  nfiles: 2\n"),
            TextDoc("data/raw/a.csv", "x\n"),
            TextDoc("data/rawer/b.csv", "x\n")));
        Assert.Equal("data/raw/a.csv", f.Path);
        Assert.Contains("inside the output data/raw/", f.Message);
    }

    private const string DvcYaml = """
        stages:
          prepare:
            cmd: python prepare.py
            deps:
            - prepare.py
            outs:
            - data/prepared
          train:
            wdir: ml
            cmd: python train.py
            outs:
            - models/model.pkl
            - reports/plot.png:
                cache: false
            metrics:
            - metrics.json:
                cache: false
          evaluate:
            foreach: [a, b]
            do:
              cmd: python eval.py ${item}
              outs:
              - eval/${item}.json
        """;

    [Fact]
    public void Dvc_yaml_outputs_are_tracked_unless_cache_is_false()
    {
        var findings = Of("MLO105",
            TextDoc("dvc.yaml", DvcYaml),
            TextDoc("data/prepared/x.csv", "x\n"),
            Doc("ml/models/model.pkl", Samples.PickleProtocol4),
            Doc("ml/reports/plot.png", Samples.Filler(100, 1)),
            TextDoc("ml/metrics.json", "{\"acc\": 0.9}\n"));
        Assert.Equal(new[] { "data/prepared/x.csv", "ml/models/model.pkl" }, findings.Select(f => f.Path).ToArray());
        Assert.Equal(12, findings[1].Related[0].Span.StartLine);
    }

    [Fact]
    public void Dvc_lock_outputs_count_but_not_ones_dvc_yaml_keeps_in_git()
    {
        const string lockText = """
            schema: '2.0'
            stages:
              train:
                cmd: python train.py
                outs:
                - path: models/model.pkl
                  md5: 0f343b0931126a20f133d67c2b018a3b
                  size: 746
                - path: reports/plot.png
                  md5: 1f343b0931126a20f133d67c2b018a3b
                  size: 100
            """;
        var findings = Of("MLO105",
            TextDoc("ml/dvc.yaml", "stages:\n  train:\n    cmd: python train.py\n    outs:\n    - reports/plot.png:\n        cache: false\n"),
            TextDoc("ml/dvc.lock", lockText),
            Doc("ml/models/model.pkl", Samples.PickleProtocol4),
            Doc("ml/reports/plot.png", Samples.Filler(100, 1)));
        var f = Assert.Single(findings);
        Assert.Equal("ml/models/model.pkl", f.Path);
        Assert.Contains("ml/dvc.lock", f.Message);
    }

    [Fact]
    public void Malformed_dvc_yaml_is_a_scan_diagnostic_not_an_exception()
    {
        var result = Run(TextDoc("dvc.yaml", "stages:\n  train:\n    outs: [a, b\n    cmd: x\n"), TextDoc("a", "x"));
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "MLO105");
        var d = Assert.Single(result.Diagnostics, x => x.Path == "dvc.yaml");
        Assert.Equal(Core.Findings.ScanDiagnosticLevel.Warning, d.Level);
        Assert.Contains("malformed DVC file", d.Message);
        Assert.True(d.Line >= 3, $"line {d.Line}");
        Assert.DoesNotContain(result.Diagnostics, x => x.Level == Core.Findings.ScanDiagnosticLevel.Error);
    }

    [Fact]
    public void Paths_outside_the_repository_and_remote_outputs_are_ignored() =>
        Assert.Empty(Of("MLO105",
            TextDoc("a/b.dvc", "outs:\n- path: ../../outside.csv\n- path: s3://bucket/data.csv\n- path: /abs/data.csv\n"),
            TextDoc("outside.csv", "x\n")));

    [Fact]
    public void A_yaml_syntax_error_reports_its_line()
    {
        var result = Run(TextDoc("data.dvc", "outs:\n- path: data\n  md5: \"unterminated\n"));
        var d = Assert.Single(result.Diagnostics, x => x.Path == "data.dvc");
        Assert.Contains("malformed DVC file", d.Message);
        Assert.True(d.Line >= 3, $"line {d.Line}");
    }
}
