using MLOpsLint.Core.Rules;

namespace MLOpsLint.Cli.Commands;

/// <summary><c>mlops-lint rules</c>: the catalog, one line per rule.</summary>
internal static class RulesCommand
{
    public static int Execute(TextWriter stdout, bool markdown = false)
    {
        if (markdown)
        {
            stdout.Write(RuleTable.Render());
            return ExitCodes.Clean;
        }
        foreach (var family in RuleFamilies.All)
        {
            var rules = RuleCatalog.All.Where(r => r.Family == family).ToArray();
            if (rules.Length == 0) continue;
            stdout.WriteLine($"{family.Prefix()}xx  {family.Title()}");
            foreach (var r in rules)
            {
                stdout.WriteLine($"  {r.Id}  {r.DefaultSeverity.ToName(),-10}  {r.Name,-36}  {r.Title}");
            }
            stdout.WriteLine();
        }
        stdout.WriteLine($"Rule pages: {RuleDescriptor.HelpBaseUri}");
        return ExitCodes.Clean;
    }
}
