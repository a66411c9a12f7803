using MLOpsLint.Core.Tests.Checks.Seeds;
using static MLOpsLint.Core.Tests.Checks.Tracking.TrackingFixtures;

namespace MLOpsLint.Core.Tests.Checks.Tracking;

/// <summary>The MLO701/MLO702 look-alikes the ecosystem check found on real repositories (a course's homework starter, a
/// prediction script, a script exported from its notebook, a run instruction that keeps the output, a checkpoint that keeps
/// the accuracy, a split derived from committed data), each beside the same code that must still fire.</summary>
public class EcosystemLookAlikesTests
{
    /// <summary>Trains, prints a metric, records nothing: MLO701 fires on it wherever it is an experiment.</summary>
    private const string Script = "from sklearn.ensemble import RandomForestRegressor\nfrom sklearn.metrics import mean_squared_error\n\n"
        + "def run():\n    rf = RandomForestRegressor(max_depth=10, random_state=0)\n    rf.fit(X_train, y_train)\n"
        + "    print('rmse', mean_squared_error(y_valid, rf.predict(X_valid), squared=False))\n\n"
        + "if __name__ == '__main__':\n    run()\n";

    [Fact]
    public void A_course_homework_starter_is_teaching_material()
    {
        // the experiment-tracking homework's train.py leaves out the mlflow.autolog() the students are asked to add
        Assert.Empty(SeedsFixtures.Of("MLO701", Doc("cohorts/2022/02-experiment-tracking/homework/train.py", Script)));
        Assert.Empty(SeedsFixtures.Of("MLO701", Doc("cohorts/2022/03-orchestration/homework.py", Script)));
        Assert.Single(SeedsFixtures.Of("MLO701", Doc("project/train.py", Script)));
        Assert.Single(SeedsFixtures.Of("MLO701", Doc("homeless/train.py", Script)));
    }

    [Theory]
    [InlineData("nnet/predict.py", 0)]
    [InlineData("src/inference.py", 0)]
    [InlineData("serve.py", 0)]
    [InlineData("train_and_predict.py", 1)]   // says it trains too
    [InlineData("make_predictions.py", 1)]    // often trains the model it predicts with: judged
    public void A_script_named_for_prediction_is_not_an_experiment(string path, int expected) =>
        Assert.Equal(expected, SeedsFixtures.Of("MLO701", Doc(path, Script)).Count);

    [Fact]
    public void A_script_exported_from_a_notebook_beside_it_is_judged_as_the_notebook()
    {
        // the executed notebook keeps its outputs (it records); its .py export is the same experiment
        Assert.Empty(SeedsFixtures.Of("MLO701", Doc("ML Solution.py", Script), File("train_notebook_executed.ipynb", "ML Solution.ipynb")));
        Assert.Single(SeedsFixtures.Of("MLO701", Doc("ML Solution.py", Script), File("train_notebook_executed.ipynb", "notebooks/ML Solution.ipynb")));
        // the notebook without outputs fires itself, once: the export is not reported beside it
        var f = Assert.Single(SeedsFixtures.Of("MLO701", Doc("ML Solution.py", Script), File("train_notebook.ipynb", "ML Solution.ipynb")));
        Assert.Equal("ML Solution.ipynb", f.Path);
    }

    [Theory]
    [InlineData("\"\"\"\nnohup python -u 901_reorder_base.py > LOG/_xgb_reorder.txt &\n\"\"\"\n", 0)]
    [InlineData("# run: python train.py 2>&1 | tee logs/train.log\n", 0)]
    [InlineData("# python3 train.py >> runs.log\n", 0)]
    [InlineData("\"\"\"\nnohup python -u train.py > /dev/null &\n\"\"\"\n", 1)]   // thrown away
    [InlineData("# python train.py 2>&1\n", 1)]                                   // no file
    [InlineData("\"\"\"Train the regressor: python train.py --depth 10\"\"\"\n", 1)]
    public void A_run_instruction_that_sends_the_output_to_a_log_file_records(string header, int expected) =>
        Assert.Equal(expected, SeedsFixtures.Of("MLO701", Doc("train.py", header + Script)).Count);

    [Fact]
    public void A_checkpoint_that_keeps_the_metric_with_the_model_records()
    {
        const string loop = "import torch\n\ndef train(epoch):\n    for x, y in loader:\n        optimizer.zero_grad()\n"
            + "        loss = criterion(net(x), y)\n        loss.backward()\n        optimizer.step()\n"
            + "    print('Loss: %.3f' % loss.item())\n\nfor epoch in range(200):\n    train(epoch)\n";
        const string keepsAcc = "    state = {'net': net.state_dict(), 'acc': acc, 'epoch': epoch}\n    torch.save(state, './checkpoint/ckpt.pth')\n";
        const string keepsWeights = "    state = {'net': net.state_dict(), 'epoch': epoch}\n    torch.save(state, './checkpoint/ckpt.pth')\n";
        Assert.Empty(SeedsFixtures.Of("MLO701", Doc("main.py", loop + keepsAcc)));
        Assert.Single(SeedsFixtures.Of("MLO701", Doc("main.py", loop + keepsWeights)));
        // the key must be a dict key: a metric named in a list (Keras' metrics=['accuracy']) keeps nothing
        Assert.Single(SeedsFixtures.Of("MLO701", Doc("main.py", loop + keepsWeights + "names = ['acc', 'loss']\n")));
    }

    [Fact]
    public void An_ignored_file_beside_committed_data_is_derived_from_it()
    {
        // data/.gitignore ignores everything but the committed train.csv: testclas.npy is a split made from it
        const string script = "import numpy as np\nfrom sklearn.linear_model import LinearRegression\n\n"
            + "if __name__ == '__main__':\n    y = np.load('data/testclas.npy')  # expect: MLO702\n    LinearRegression().fit(X, y)\n";
        var ignoreAll = Doc("data/.gitignore", "*\n!train.csv\n!.gitignore\n");
        SeedsFixtures.AssertExpectations("MLO702", Doc("utils/ensemble.py", script), ignoreAll);
        Assert.Empty(SeedsFixtures.Of("MLO702", Doc("utils/ensemble.py", script), ignoreAll, Doc("data/train.csv", "a,b,label\n1,2,0\n")));
        // committed data elsewhere says nothing of data/
        Assert.Single(SeedsFixtures.Of("MLO702", Doc("utils/ensemble.py", script), ignoreAll, Doc("tests/fixtures/tiny.csv", "a\n1\n")));
    }
}
