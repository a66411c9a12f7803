using MLOpsLint.Core.Documents;
using static MLOpsLint.Core.Tests.Checks.Seeds.SeedsFixtures;

namespace MLOpsLint.Core.Tests.Checks.Seeds;

/// <summary>The seed and tracking indexes resolve a call across files only when its last name may reach a helper that
/// seeds (or records, or trains): the names of such functions, closed over the imports that rebind them. A helper reached
/// under another name (an alias, a package's re-export under a new name, a chain of both) still counts, and the same
/// shapes around a helper that does nothing still report. The rules stay silent on a repository where nothing can be
/// reported (no index is built) and speak as soon as one module can.</summary>
public class HelperNameResolutionTests
{
    private const string Train = "import pandas as pd\nfrom sklearn.ensemble import RandomForestClassifier\nfrom pkg import configure\n\n"
        + "configure(0)\ndf = pd.read_csv('d.csv')\nRandomForestClassifier().fit(df.x, df.y)";

    private static SourceDocument[] Repository(string helperBody, string train) => new[]
    {
        Doc("pkg/utils.py", "import numpy as np\n\ndef set_all(value):\n" + helperBody),
        Doc("pkg/__init__.py", "from .utils import set_all as configure\n"),
        Doc("train.py", train),
    };

    [Fact]
    public void A_seeding_helper_re_exported_under_another_name_seeds_the_script()
    {
        AssertExpectations("MLO301", Repository("    np.random.seed(value)\n", Train + "\n"));
        // the same names around a helper that seeds nothing: the script is unseeded
        AssertExpectations("MLO301", Repository("    print(value)\n", Train + "  # expect: MLO301\n"));
    }

    [Fact]
    public void A_chain_of_aliases_and_helpers_is_followed()
    {
        const string script = "import pandas as pd\nfrom sklearn.ensemble import RandomForestClassifier\nfrom prep import prepare\n\n"
            + "prepare()\ndf = pd.read_csv('d.csv')\nRandomForestClassifier().fit(df.x, df.y)";
        SourceDocument[] Repo(string impl, string expect) => new[]
        {
            Doc("seeding.py", "import numpy as np\n\ndef _impl():\n" + impl),
            Doc("prep.py", "from seeding import _impl as reseed\n\ndef prepare():\n    reseed()\n"),
            Doc("train.py", script + expect + "\n"),
        };
        AssertExpectations("MLO301", Repo("    np.random.seed(0)\n", ""));
        AssertExpectations("MLO301", Repo("    return np.zeros(3)\n", "  # expect: MLO301"));
    }

    [Fact]
    public void A_recording_helper_re_exported_under_another_name_records_the_run()
    {
        const string script = "from sklearn.linear_model import LogisticRegression\nfrom sklearn.metrics import accuracy_score\nfrom helpers import keep\n\n"
            + "if __name__ == '__main__':\n    model = LogisticRegression().fit(X, y)  {0}\n    keep({{'acc': accuracy_score(y, model.predict(X))}})\n";
        SourceDocument[] Repo(string body, string expect) => new[]
        {
            Doc("logs.py", "import json\n\ndef write_metrics(m):\n" + body),
            Doc("helpers/__init__.py", "from logs import write_metrics as keep\n"),
            Doc("train.py", string.Format(script, expect)),
        };
        AssertExpectations("MLO701", Repo("    json.dump(m, open('metrics.json', 'w'))\n", ""));
        AssertExpectations("MLO701", Repo("    return sorted(m)\n", "# expect: MLO701"));
    }

    [Fact]
    public void Draws_in_a_test_module_are_reported_only_when_tests_are_judged()
    {
        // the only module that imports an ML library and draws is a test: by default nothing can be reported
        var test = Doc("tests/test_shapes.py", "import random\nimport numpy as np\n\nif __name__ == '__main__':\n"
            + "    model.fit(np.random.rand(10, 3), y)  # expect: MLO302\n");
        var library = Doc("lib/io.py", "import random\n\ndef pick(xs):\n    return random.choice(xs)\n");
        Assert.Empty(Of("MLO302", test, library));
        AssertExpectations("MLO302", WithOptions("MLO302", ("include-tests", true)), test, library);
    }
}
