using MLOpsLint.Core.Scope;
using static MLOpsLint.Core.Tests.Checks.Seeds.SeedsFixtures;

namespace MLOpsLint.Core.Tests.Checks.Seeds;

/// <summary>
/// The false-positive classes of the missing-seeds family left on the ecosystem corpus after the first round of
/// issue 13 (bench/ecosystem/FINDINGS.md), each fixed in general: a fixture that must stay silent and a look-alike
/// that must fire, under Fixtures/Seeds/classes/precision/, with <c>expect:</c> markers on the lines that must fire.
/// </summary>
public class PrecisionClassTests
{
    private static Documents.SourceDocument Class(string fixture, string? path = null) =>
        File("classes/precision/" + fixture, path ?? fixture);

    private static void AssertAll(params Documents.SourceDocument[] docs)
    {
        foreach (var rule in new[] { "MLO301", "MLO302", "MLO304", "MLO305", "MLO306" }) AssertExpectations(rule, docs);
    }

    // fchollet/deep-learning-with-python-notebooks chapter03: `torch.normal(...)` alone in a cell shows a random tensor
    [Theory]
    [InlineData("shown_draws.ipynb")]   // draws whose value is only the cell's output
    [InlineData("kept_draws.ipynb")]    // look-alike: the values are kept and trained on; an in-place shuffle is a statement too
    public void A_draw_whose_value_is_thrown_away_or_only_shown_is_not_training_randomness(string fixture) => AssertAll(Class(fixture));

    // openai/guided-diffusion evaluator.py: a random graph-scope prefix; facebookresearch/dino: a shuffled colour palette
    [Theory]
    [InlineData("names_and_palettes.py")]            // f"{random.randrange(...)}", str(random.randint(...)), random.shuffle(colors)
    [InlineData("names_and_palettes_lookalike.py")]  // look-alike: a shuffle of batches, a learning rate printed in an f-string
    [InlineData("pick_in_fstring.py")]               // look-alike: a pick inside an f-string still selects data
    public void A_draw_that_makes_a_name_or_a_palette_is_not_training_randomness(string fixture) => AssertAll(Class(fixture));

    // CompVis/taming-transformers notebook: print(yaml.dump(config)) made a demo that decodes random codes "write data"
    [Theory]
    [InlineData("config_shown.py")]    // yaml.dump to a string, printed: nothing is written
    [InlineData("config_written.py")]  // look-alike: yaml.dump(..., f) writes the random numbers out
    public void Text_that_is_only_printed_is_not_data_written_out(string fixture) => AssertAll(Class(fixture));

    private static Documents.SourceDocument[] Repo(string folder, params string[] files) =>
        files.Select(f => File($"classes/precision/{folder}/{f}", f)).ToArray();

    // CompVis/taming-transformers taming/models/vqgan.py: a model module built from a config string, whose only calls
    // outside a function body were @torch.no_grad() on a method and a parameter's default (ignore_keys=list()), was taken
    // for a script and told about its imports' dropout
    [Fact]
    public void A_decorator_or_a_parameter_default_does_not_make_a_model_module_a_script()
    {
        Assert.Empty(Of("MLO302", Repo("decorated", "taming/models/vq.py", "taming/modules/blocks.py")));
        var findings = AssertExpectations("MLO302", Repo("decorated_script", "taming/models/vq.py", "taming/modules/blocks.py"));
        Assert.Contains("taming/modules/blocks.py (imported here)", Assert.Single(findings).Message);
    }

    // DataTalksClub/mlops-zoomcamp 05-monitoring: random.Random() filling a dashboard with dummy metrics, or never used
    [Theory]
    [InlineData("dummy_metrics.py")]     // never used; drawn only in a function that makes dummy values
    [InlineData("search_generator.py")]  // look-alike: handed to a search as random_state, drawn to pick features
    public void A_generator_nothing_depends_on_is_not_reported(string fixture) => AssertAll(Class(fixture));

    // mverleg/kaggle_otto nnet/mark/playground/tutorial1.py (make_classification to try a library), a book's chapter
    // notebooks (fchollet/deep-learning-with-python-notebooks) and a course's tutorial notebook (Kulbear's "Keras -
    // Tutorial - Happy House"): code written to be read along with a text, as examples are
    [Theory]
    [InlineData("toy_classification.py", "playground/tutorial1.py")]
    [InlineData("toy_classification.py", "nnet/tutorial_convert.py")]
    [InlineData("keras_classifier.ipynb", "chapter02_mathematical-building-blocks.ipynb")]
    [InlineData("keras_classifier.ipynb", "second_edition/ch09_part03_interpreting.ipynb")]
    [InlineData("keras_classifier.ipynb", "Convolutional Neural Networks/Keras - Tutorial - Happy House v1.ipynb")]
    [InlineData("keras_classifier.ipynb", "lesson1.ipynb")]
    public void A_tutorial_or_a_chapter_by_its_name_is_an_example(string fixture, string path)
    {
        var doc = Class(fixture, path);
        Assert.Empty(Run(doc).Findings.Where(f => f.RuleId.StartsWith("MLO30", StringComparison.Ordinal)));
        Assert.Equal(FileScope.Example, PathScopes.Of(path, doc.Kind)?.Scope);
    }

    [Theory]
    [InlineData("toy_classification.py", "playground/train1.py")]
    [InlineData("keras_classifier.ipynb", "classifier.ipynb")]
    [InlineData("keras_classifier.ipynb", "notes/summary_by_chapter.ipynb")]     // "chapter" only as the first word
    [InlineData("keras_classifier.ipynb", "research_lecture_notes.ipynb")]      // a lesson or lecture only as the first word
    [InlineData("keras_classifier.ipynb", "chat_model.ipynb")]                  // "ch" without a number
    public void Look_alike_names_are_still_judged(string fixture, string path)
    {
        var doc = Class(fixture, path);
        Assert.NotEmpty(Run(doc).Findings.Where(f => f.RuleId.StartsWith("MLO30", StringComparison.Ordinal)));
        AssertAll(doc);
    }

    // fchollet/deep-learning-with-python-notebooks first_edition/2.1-a-first-look-at-a-neural-network.ipynb: numbered
    // like a section, in a repository whose README says it holds a book's code samples
    [Fact]
    public void A_book_companion_repository_is_an_example_collection()
    {
        var notebook = Class("keras_classifier.ipynb", "first_edition/2.1-a-first-look-at-a-neural-network.ipynb");
        var book = new[] { File("classes/precision/book/README.md", "README.md"), notebook };
        Assert.Empty(Of("MLO302", book));
        var profile = RepositoryProfile.Of(book, ScopeSettings.Empty);
        Assert.Equal(RepositoryKind.ExampleCollection, profile.Kind);
        Assert.Contains("README.md says it holds a book's code samples", profile.Reason);

        // look-alike: a tutorial's project (the README names a tutorial, not a book): its training is judged
        var project = new[] { File("classes/precision/lookalike_project/README.md", "README.md"), notebook };
        Assert.Equal(RepositoryKind.Application, RepositoryProfile.Of(project, ScopeSettings.Empty).Kind);
        AssertExpectations("MLO302", project);
    }

    // BloodAxe/Kaggle-2020-Alaska2 abba/train/tools/torch_utils.py, sthalles/SimCLR run.py: determinism asked for and undone
    [Theory]
    [InlineData("seed_helper_cudnn.py")]          // in a seed_everything helper (any module); another function's benchmark is a speed choice
    [InlineData("train_cudnn_contradiction.py")]  // at a script's top level, beside torch.use_deterministic_algorithms(True)
    public void Cudnn_benchmark_beside_a_request_for_determinism_is_reported_by_default(string fixture) => AssertAll(Class(fixture));
}
