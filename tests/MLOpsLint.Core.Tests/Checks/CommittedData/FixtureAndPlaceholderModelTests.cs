using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Findings;
using static MLOpsLint.Core.Tests.Checks.CommittedData.Scan;

namespace MLOpsLint.Core.Tests.Checks.CommittedData;

/// <summary>
/// MLO102 and small models that are not the project's trained models (both judged false on the ecosystem check): an
/// integration test's fixture model in a folder of tests (mlops-zoomcamp's <c>integraton-test/model/model.pkl</c> beside
/// <c>test_docker.py</c>; misspelt, so not in test-paths), and a placeholder an API skeleton labels as such
/// (<c>sample_model/…joblib</c>, 687 B). Each beside the look-alike that must still fire.
/// </summary>
public class FixtureAndPlaceholderModelTests
{
    private static readonly SourceDocument[] IntegrationTests =
    {
        TextDoc("06-best-practices/code/integraton-test/test_docker.py", "import requests\n\ndef test_predict():\n    assert requests.post(URL, json=event).ok\n"),
        TextDoc("06-best-practices/code/integraton-test/test_kinesis.py", "def test_stream():\n    assert True\n"),
    };

    private static IReadOnlyList<Finding> Models(string path, byte[] bytes, params SourceDocument[] others) =>
        Of("MLO102", others.Append(Doc(path, bytes)).ToArray());

    [Fact]
    public void A_small_model_in_a_folder_of_tests_is_their_fixture()
    {
        Assert.Empty(Models("06-best-practices/code/integraton-test/model/model.pkl", Samples.PickleProtocol4, IntegrationTests));
        // nor is the pickle reported on its own (MLO107): the tests beside it load it
        Assert.Empty(Family(IntegrationTests.Append(Doc("06-best-practices/code/integraton-test/model/model.pkl", Samples.PickleProtocol4)).ToArray()));
        // the same folder with the service's own code beside its test is the application's
        Assert.Single(Models("06-best-practices/code/integraton-test/model/model.pkl", Samples.PickleProtocol4,
            IntegrationTests.Append(TextDoc("06-best-practices/code/integraton-test/app.py", "import pickle\nmodel = pickle.load(open('model/model.pkl', 'rb'))\n")).ToArray()));
        // tests at the root say nothing about the root's model; no tests, no fixture
        Assert.Single(Models("model.pkl", Samples.PickleProtocol4, TextDoc("test_app.py", "def test_x():\n    assert True\n")));
        Assert.Single(Models("06-best-practices/code/integraton-test/model/model.pkl", Samples.PickleProtocol4));
        // over the fixture limit it is a model again
        Assert.Single(Models("06-best-practices/code/integraton-test/model/model.pt", Samples.TorchZip(1_100_000), IntegrationTests));
    }

    [Theory]
    [InlineData("sample_model/lin_reg_california_housing_model.joblib")]
    [InlineData("models/dummy_model.pkl")]
    [InlineData("app/toy-classifier.pkl")]
    public void A_small_placeholder_model_is_fine(string path) => Assert.Empty(Family(Doc(path, Samples.PickleProtocol4)));

    [Theory]
    [InlineData("models/model.pkl")]
    [InlineData("app/classifier.pkl")]
    [InlineData("app/resampler.pkl")] // a word that only contains "sample"
    public void A_model_not_named_as_a_placeholder_is_still_reported(string path) => Assert.Single(Models(path, Samples.PickleProtocol4));

    [Fact]
    public void A_placeholder_over_the_fixture_limit_is_a_model_again() =>
        Assert.Single(Models("sample_model/model.pt", Samples.TorchZip(1_100_000)));

    [Fact]
    public void Configured_test_paths_replace_the_scope_model()
    {
        var config = WithOptions("MLO102", ("test-paths", new[] { "fixtures" }));
        Assert.Single(Family(config, IntegrationTests.Append(Doc("06-best-practices/code/integraton-test/model/model.pkl", Samples.PickleProtocol4)).ToArray()), f => f.RuleId == "MLO102");
        Assert.DoesNotContain(Family(config, Doc("fixtures/model.pkl", Samples.PickleProtocol4)), f => f.RuleId == "MLO102");
    }
}
