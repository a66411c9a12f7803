using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Python;
using MLOpsLint.Core.Scope;

namespace MLOpsLint.Core.Tests.Scopes;

/// <summary><see cref="ScopeModel.IsTest"/> (which folders hold only tests, asked of every module by the committed-data
/// rules) answers as <see cref="ScopeModel.Of"/> does, and parses no module whose text names neither pytest nor unittest.</summary>
public class IsTestTests
{
    private static readonly (string Path, string Text)[] Files =
    {
        ("integraton-test/test_docker.py", "import requests\n\n\ndef test_ping():\n    assert requests.get('http://localhost').ok\n"), // test by name
        ("checks/smoke.py", "import pytest\n\n\n@pytest.mark.slow\ndef check_model():\n    assert True\n"),      // imports pytest
        ("checks/legacy.py", "import unittest\n\n\nclass Legacy(unittest.TestCase):\n    def test_x(self):\n        pass\n"), // a TestCase
        ("checks/mentions.py", "# run with pytest -q\nimport numpy as np\n\nX = np.zeros(3)\n"),                // names pytest in a comment only
        ("checks/unittest_free.py", "import unittest.mock\n\nmock = unittest.mock.Mock()\n"),                    // unittest, no TestCase
        ("app/serve.py", "from fastapi import FastAPI\n\napp = FastAPI()\n"),
        ("app/train.py", "import numpy as np\n\nif __name__ == '__main__':\n    print(np.zeros(2))\n"),
        ("qa/spec.py", "import numpy as np\n\nX = np.ones(2)\n"),                                              // a test by configuration
        ("tests/helpers.py", "import numpy as np\n"),                                                      // under tests/
    };

    private static readonly ScopeSettings Settings = new(null, new[] { (FileScope.Test, new Glob("qa/**")) });

    private static SourceDocument[] Docs() => Files.Select(f => SourceDocument.FromText(f.Path, f.Text)).ToArray();

    [Fact]
    public void IsTest_answers_as_the_verdict_does()
    {
        var asked = Docs();
        var decided = Docs();
        var isTest = ScopeModel.For(asked, Settings);
        var verdicts = ScopeModel.For(decided, Settings);
        for (int i = 0; i < asked.Length; i++)
        {
            Assert.True(verdicts.Of(decided[i]).Scope == FileScope.Test == isTest.IsTest(asked[i]), asked[i].Path);
        }
        // the cases are worth it: tests by name, content and configuration, and modules that are not
        Assert.Equal(new[] { "integraton-test/test_docker.py", "checks/smoke.py", "checks/legacy.py", "qa/spec.py", "tests/helpers.py" },
            decided.Where(d => verdicts.Of(d).Scope == FileScope.Test).Select(d => d.Path));
    }

    [Fact]
    public void A_module_whose_text_names_no_test_framework_is_not_parsed()
    {
        var docs = Docs();
        var model = ScopeModel.For(docs, Settings);
        var plain = docs.Single(d => d.Path == "app/train.py");
        Assert.False(model.IsTest(plain));
        Assert.False(plain.HoldsTransient<PythonModule>());
        // the look-alike: a module that names pytest is parsed to tell (a comment is not an import)
        var mentions = docs.Single(d => d.Path == "checks/mentions.py");
        Assert.False(model.IsTest(mentions));
        Assert.True(mentions.HoldsTransient<PythonModule>());
    }
}
