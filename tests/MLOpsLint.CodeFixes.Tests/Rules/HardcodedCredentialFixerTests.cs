using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using MLOpsLint.Analyzers.Rules;
using MLOpsLint.Analyzers.Tests.Support;
using MLOpsLint.CodeFixes.Rules;

namespace MLOpsLint.CodeFixes.Tests.Rules;

/// <summary>MLO401/MLO404: the literal becomes <c>Environment.GetEnvironmentVariable("NAME") ?? throw …</c>.
/// Credentials are generated at test time (valid checksums).</summary>
public class HardcodedCredentialFixerTests
{
    private static readonly string Hf = FakeSecrets.HuggingFace();
    private static readonly string Gh = FakeSecrets.GitHub();
    private static readonly string Token = FakeSecrets.Token32();

    private static CSharpCodeFixTest<HardcodedCredentialAnalyzer, HardcodedCredentialFixer, DefaultVerifier> Test(string source, string fixedSource) =>
        new() { ReferenceAssemblies = TestReferences.Net80, TestCode = source, FixedCode = fixedSource };

    private static string Class(string members) => $$"""
        using System;

        class Settings
        {
        {{members}}
        }
        """;

    private static string Read(string name) => $"Environment.GetEnvironmentVariable(\"{name}\") ?? throw new InvalidOperationException(\"Set {name}\")";

    [Fact]
    public Task Field_named_after_its_variable() => Test(
        Class($$"""    private string openAiApiKey = "{|MLO404:{{Token}}|}";"""),
        Class($$"""    private string openAiApiKey = {{Read("OPEN_AI_API_KEY")}};""")).RunAsync();

    [Fact]
    public Task Provider_token_under_a_name() => Test(
        Class($$"""    public string HfToken { get; } = "{|MLO401:{{Hf}}|}";"""),
        Class($$"""    public string HfToken { get; } = {{Read("HF_TOKEN")}};""")).RunAsync();

    [Fact]
    public Task Provider_token_without_a_name_takes_the_providers_variable() => Test(
        Class($$"""    void Login(Action<string> login) => login("{|MLO401:{{Gh}}|}");"""),
        Class($$"""    void Login(Action<string> login) => login({{Read("GITHUB_TOKEN")}});""")).RunAsync();

    [Fact]
    public Task Raw_string() => Test(
        Class($$""""    string apiToken = """{|MLO404:{{Token}}|}""";""""),
        Class($$"""    string apiToken = {{Read("API_TOKEN")}};""")).RunAsync();

    [Fact]
    public Task Local_in_a_larger_expression_is_parenthesized() => Test(
        Class($$"""    int Length() { var n = "{|MLO401:{{Hf}}|}".Length; return n; }"""),
        Class($$"""    int Length() { var n = ({{Read("HF_TOKEN")}}).Length; return n; }""")).RunAsync();

    [Fact]
    public Task Without_using_System_the_names_are_qualified() => Test(
        $$"""
        class Settings
        {
            string hfToken = "{|MLO401:{{Hf}}|}";
        }
        """,
        $$"""
        class Settings
        {
            string hfToken = System.Environment.GetEnvironmentVariable("HF_TOKEN") ?? throw new System.InvalidOperationException("Set HF_TOKEN");
        }
        """).RunAsync();

    [Fact]
    public Task No_fix_for_a_const_or_a_secret_inside_a_longer_string()
    {
        string source = Class($$"""
                const string ApiToken = "{|MLO404:{{Token}}|}";
                string header = "Bearer {|MLO401:{{Hf}}|}";
            """);
        return Test(source, source).RunAsync();
    }

    [Fact]
    public Task No_fix_for_a_password_in_a_url()
    {
        string source = Class("""    string db = "postgresql://trainer:{|MLO403:Xk9vQ2mLp7Rt|}@db.internal/ml";""");
        return Test(source, source).RunAsync();
    }
}
