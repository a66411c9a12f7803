using System.Text.RegularExpressions;

namespace MLOpsLint.Core.Configuration;

/// <summary>
/// The one way a glob (configuration, .editorconfig, .gitattributes, dvc.yaml templates, <c>--exclude</c>) becomes a
/// regex. A backtracking engine is exponential on globs like <c>*a*a*a…*b</c> against a name of many a's (12 groups:
/// 111 s), so on .NET 7 and later the regex runs on the non-backtracking engine, which is linear in the path for a
/// given pattern. The netstandard2.0 build (the IDE analyzer, whose hosts may predate that engine) keeps the
/// backtracking engine with a match timeout: a pattern that runs out of time matches nothing there.
/// </summary>
public static class GlobRegex
{
    /// <summary>How long one match may take on the backtracking engine (netstandard2.0 only).</summary>
    public static readonly TimeSpan BacktrackingTimeout = TimeSpan.FromMilliseconds(200);

    public static Regex Create(string source)
    {
#if NET7_0_OR_GREATER
        try
        {
            return new Regex(source, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            // a construct the engine does not have; none of the translations emits one, but never fail a scan on it
        }
#endif
        return new Regex(source, RegexOptions.CultureInvariant, BacktrackingTimeout);
    }

    /// <summary><see cref="Regex.IsMatch(string)"/>, where running out of time (backtracking engine only) is no match.</summary>
    public static bool IsMatch(Regex regex, string input)
    {
        try
        {
            return regex.IsMatch(input);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary><see cref="Regex.Match(string)"/>, where running out of time is a failed match.</summary>
    public static Match Match(Regex regex, string input)
    {
        try
        {
            return regex.Match(input);
        }
        catch (RegexMatchTimeoutException)
        {
            return System.Text.RegularExpressions.Match.Empty;
        }
    }
}
