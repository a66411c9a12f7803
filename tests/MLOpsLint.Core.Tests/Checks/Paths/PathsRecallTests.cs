using MLOpsLint.Core.Tests.Support;

namespace MLOpsLint.Core.Tests.Checks.Paths;

/// <summary>Issue 13's path recall classes: <c>/root/…</c> project paths, and paths in shell and R scripts. Each file has
/// <c>expect:</c> marks on the lines that must fire; every other line is a look-alike that must stay silent.</summary>
public class PathsRecallTests
{
    [Fact]
    public void Root_home_project_paths_fire_and_tool_folders_under_root_do_not()
    {
        const string config = """
            import os

            MODEL_PATH = "/root/docker_data/bert-base-uncased"  # expect: MLO501
            TRAINING_FILE = "/root/docker_data/imdb.csv"  # expect: MLO501
            CACHE = "/root/.cache/huggingface"
            KAGGLE = "/root/.kaggle/kaggle.json"
            ROOT = "/root"
            DATA = "/root/data"
            OUT = os.path.join("/root/workspace", "runs", "best.pt")
            """;
        Fixture.AssertExpectations("src/config.py", config, "MLO501");
    }

    [Fact]
    public void Paths_in_shell_script_commands_fire_and_comments_and_variables_do_not()
    {
        const string script = """
            #!/usr/bin/env bash
            # data lives in /home/bloodaxe/datasets on the lab machine
            set -euo pipefail
            export KAGGLE_2020_ALASKA2=/home/bloodaxe/datasets/ALASKA2  # expect: MLO501
            python train.py --checkpoint /home/bloodaxe/develop/runs/best.pth --fold 0  # expect: MLO501
            python train.py --data "$HOME/datasets/ALASKA2" --out /home/$USER/runs
            cp runs/best.pth /content/drive/MyDrive/alaska2/  # expect: MLO502
            echo done
            """;
        var findings = Fixture.AssertExpectations("scripts/train_b6.sh", script, "MLO501");
        Assert.Contains(findings, f => f.Span.StartLine == 4 && f.Span.StartColumn == 28);
        Fixture.AssertExpectations("scripts/train_b6.sh", script, "MLO502");
    }

    [Fact]
    public void A_file_named_for_the_platform_holds_that_platforms_mounts()
    {
        const string profile = "data_dir: /kaggle/input/hms-harmful-brain-activity-classification\nout_dir: /kaggle/working/hms\n";
        Assert.Empty(Fixture.Findings("run/conf/env/kaggle.yaml", profile, "MLO502"));
        Assert.Equal(2, Fixture.Findings("run/conf/env/local.yaml", profile, "MLO502").Count);
        Assert.Single(Fixture.Findings("run/conf/env/kaggle.yaml", "data_dir: /content/drive/MyDrive/hms\n", "MLO502")); // Colab's mount in Kaggle's profile
    }

    [Fact]
    public void Paths_in_r_string_literals_fire_and_comments_do_not()
    {
        const string r = """
            library(readr)
            # setwd("/Users/bob/thesis")
            train <- read_csv("/Users/alice/Documents/thesis/train.csv")  # expect: MLO501
            test <- read_csv(file.path(getwd(), "data", "test.csv"))
            model_dir <- 'D:\\projects\\thesis\\models\\rf.rds'  # expect: MLO503
            `/home/alice/col` <- 1
            """;
        Fixture.AssertExpectations("analysis/model.R", r, "MLO501");
        Fixture.AssertExpectations("analysis/model.R", r, "MLO503");
    }
}
