using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using MLOpsLint.Analyzers.Rules;
using MLOpsLint.Analyzers.Tests.Support;

namespace MLOpsLint.Analyzers.Tests.Rules;

/// <summary>MLO401/MLO402/MLO403/MLO404/MLO407 on C# string literals. Every credential is generated (valid checksums) at test time.</summary>
public class HardcodedCredentialAnalyzerTests
{
    private static readonly string Hf = FakeSecrets.HuggingFace();
    private static readonly string Gh = FakeSecrets.GitHub();
    private static readonly string OpenAI = FakeSecrets.OpenAIProject();
    private static readonly string Token = FakeSecrets.Token32();
    private static readonly string Password = FakeSecrets.Password();

    private static CSharpAnalyzerTest<HardcodedCredentialAnalyzer, DefaultVerifier> Test(string source) =>
        new() { ReferenceAssemblies = TestReferences.Net80, TestCode = source };

    private static string InMethod(string body) => $$"""
        using System;
        using System.Collections.Generic;

        class Config
        {
            void Run(Action<string> use)
            {
        {{body}}
            }
        }
        """;

    public static TheoryData<string> Reported() => new()
    {
        // MLO401: provider formats, wherever the literal is
        $$"""var token = "{|MLO401:{{Hf}}|}";""",
        $$"""use("{|MLO401:{{Gh}}|}");""",
        $$"""var header = "Bearer {|MLO401:{{OpenAI}}|}";""",
        "var raw = \"\"\"{|MLO401:" + Hf + "|}\"\"\";",
        "var multiline = {|MLO401:\"\"\"\n        " + Hf + "\n        \"\"\"|};",
        $$"""var verbatim = @"{|MLO401:{{Gh}}|}";""",
        $$"""var utf8 = "{|MLO401:{{Hf}}|}"u8.ToArray();""",
        $$"""var url = $"https://api.example.com/{|MLO401:{{Hf}}|}/{use}";""",
        // a literal with escapes: located at the whole literal
        $$"""var escaped = {|MLO401:"tab\t{{Gh}}"|};""",
        // MLO403
        """var db = "Server=db.internal;User Id=trainer;Password={|MLO403:Xk9vQ2mLp7Rt|};";""",
        """var url = "postgresql://trainer:{|MLO403:Xk9vQ2mLp7Rt|}@db.internal:5432/ml";""",
        // MLO404: a random value under a secret name
        $$"""var apiKey = "{|MLO404:{{Token}}|}";""",
        $$"""string dbPassword = "{|MLO404:{{Password}}|}";""",
        $$"""var d = new Dictionary<string, string> { ["api_token"] = "{|MLO404:{{Token}}|}" };""",
        $$"""var o = new Options(); o.ClientSecret = "{|MLO404:{{Token}}|}";""",
        $$"""Connect(apiKey: "{|MLO404:{{Token}}|}");""",
        // MLO402: a private key in a raw or verbatim string
        "var pem = {|MLO402:\"\"\"\n" + FakeSecrets.Pem() + "\n\"\"\"|};",
        // MLO407: an AWS access key id with no secret near it
        $$"""var keyId = "{|MLO407:{{FakeSecrets.AwsKeyId()}}|}";""",
    };

    [Theory]
    [MemberData(nameof(Reported))]
    public Task Reports(string body)
    {
        var test = Test(InMethod(body) + Helpers);
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        return test.RunAsync();
    }

    private const string Helpers = """

        class Options { public string ClientSecret { get; set; } = ""; }
        static class Api { }
        """;

    [Fact]
    public Task Reports_fields_properties_and_parameter_defaults() => Test($$"""
        class Settings
        {
            private const string OpenAiApiKey = "{|MLO404:{{Token}}|}";
            public string AccessToken { get; } = "{|MLO404:{{Token}}|}";
            public string Secret => "{|MLO404:{{Token}}|}";
            public string HfToken = "{|MLO401:{{Hf}}|}";
            void Login(string password = "{|MLO404:{{Password}}|}") { }
        }
        """).RunAsync();

    public static TheoryData<string> NotReported() => new()
    {
        """var apiKey = "YOUR_API_KEY";""",
        """var token = "<token>";""",
        """var password = "changeme";""",
        """var apiKey = Environment.GetEnvironmentVariable("OPENAI_API_KEY");""",
        """var hf = Environment.GetEnvironmentVariable("HF_TOKEN") ?? throw new InvalidOperationException("Set HF_TOKEN");""",
        $$"""var apiKey = $"{{Token.Substring(0, 10)}}{use}{{Token.Substring(10)}}";""",
        $$"""var value = "{{FakeSecrets.GitHubBadChecksum()}}";""",
        """var apiKey = "test-api-key";""",
        """var apiKey = "fake_key_for_tests";""",
        """var password = "password";""",
        """var tokenizer = "bert-base-uncased-whole-word-masking";""",
        $$"""var commit = "{{FakeSecrets.Random("0123456789abcdef", 40, 5)}}";""",
        """var secretName = "OPENAI_API_KEY";""",
        """var url = "https://huggingface.co/bert-base-uncased";""",
    };

    [Theory]
    [MemberData(nameof(NotReported))]
    public Task Look_alikes_are_not_reported(string body) => Test(InMethod(body)).RunAsync();

    [Fact]
    public async Task Messages_never_hold_the_whole_secret()
    {
        foreach (var (source, secret) in new[]
        {
            ($$"""class C { string HfToken = "{{Hf}}"; }""", Hf),
            ($$"""class C { string ApiKey = "{{Token}}"; }""", Token),
            ("""class C { string Db = "postgresql://trainer:Xk9vQ2mLp7Rt@db.internal/ml"; }""", "Xk9vQ2mLp7Rt"),
        })
        {
            var diagnostics = await Diagnose(source);
            var diagnostic = Assert.Single(diagnostics);
            string message = diagnostic.GetMessage();
            Assert.DoesNotContain(secret, message);
            Assert.Contains(secret.Substring(0, secret.Length >= 16 ? 4 : 2) + "***", message);
        }
    }

    [Fact]
    public async Task Private_keys_and_lone_aws_key_ids_read_as_the_cli_words_them()
    {
        var key = Assert.Single(await Diagnose("class C { string Key = @\"" + FakeSecrets.Pem() + "\"; }"));
        Assert.Equal("MLO402", key.Id);
        Assert.Equal("Private key committed (RSA)", key.GetMessage());
        string id = FakeSecrets.AwsKeyId();
        var alone = Assert.Single(await Diagnose($$"""class C { string AwsKeyId = "{{id}}"; }"""));
        Assert.Equal("MLO407", alone.Id);
        Assert.Equal($"AWS access key id hardcoded ({id.Substring(0, 4)}********); no secret access key found within 5 lines", alone.GetMessage());
    }

    [Fact]
    public async Task Message_names_the_provider_and_the_variable()
    {
        var diagnostic = Assert.Single(await Diagnose($$"""class C { string HfToken = "{{Hf}}"; }"""));
        Assert.Equal("MLO401", diagnostic.Id);
        Assert.Equal($"Hugging Face access token hardcoded in 'HfToken' ({Hf.Substring(0, 4)}********)", diagnostic.GetMessage());
        Assert.Equal("HF_TOKEN", diagnostic.Properties[HardcodedCredentialAnalyzer.VariableProperty]);
    }

    [Theory]
    [InlineData("openAiApiKey", "OPEN_AI_API_KEY")]
    [InlineData("_dbPassword", "DB_PASSWORD")]
    [InlineData("HFToken", "HF_TOKEN")]
    [InlineData("api_token", "API_TOKEN")]
    public async Task Variable_is_the_name_in_upper_snake_case(string name, string variable)
    {
        var diagnostic = Assert.Single(await Diagnose($$"""class C { string {{name}} = "{{Token}}"; }"""));
        Assert.Equal(variable, diagnostic.Properties[HardcodedCredentialAnalyzer.VariableProperty]);
    }

    [Fact]
    public async Task Variable_without_a_name_is_the_providers()
    {
        var diagnostic = Assert.Single(await Diagnose($$"""class C { void M(System.Action<string> f) => f("{{Gh}}"); }"""));
        Assert.Equal("GITHUB_TOKEN", diagnostic.Properties[HardcodedCredentialAnalyzer.VariableProperty]);
    }

    [Fact]
    public Task Pragma_suppresses() => Test($$"""
        class C
        {
        #pragma warning disable MLO401
            string HfToken = "{{Hf}}";
        #pragma warning restore MLO401
        }
        """).RunAsync();

    private static async Task<Diagnostic[]> Diagnose(string source)
    {
        var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source);
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("t", new[] { tree });
        var diagnostics = await compilation
            .WithAnalyzers(System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new HardcodedCredentialAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();
        return diagnostics.ToArray();
    }
}
