namespace MLOpsLint.Core.Rules;

/// <summary>The README's rule table, rendered from the catalog (a test keeps the README equal to it).</summary>
public static class RuleTable
{
    public static string Render()
    {
        var sb = new System.Text.StringBuilder();
        sb.Append("| Id | Name | Default | Title |\n|---|---|---|---|\n");
        foreach (var r in RuleCatalog.All)
        {
            sb.Append($"| [{r.Id}]({r.DocPath}) | {r.Name} | {r.DefaultSeverity.ToName()} | {r.Title} |\n");
        }
        return sb.ToString();
    }
}
