namespace MLOpsLint.Core.Scope;

/// <summary>What the whole repository is, decided once per scan (<see cref="RepositoryProfile"/>).</summary>
public enum RepositoryKind
{
    /// <summary>Something run or deployed: a training project, a service, a competition solution, course work.</summary>
    Application,

    /// <summary>A package published for others to import: a build backend and packages, and nothing at the root that deploys it.</summary>
    Library,

    /// <summary>A collection of examples or tutorials, each a small project of its own.</summary>
    ExampleCollection,
}

public static class RepositoryKinds
{
    public static string Name(RepositoryKind kind) => kind switch
    {
        RepositoryKind.Library => "library",
        RepositoryKind.ExampleCollection => "examples",
        _ => "application",
    };

    /// <summary>As written in <c>repository-kind</c>: application (app), library (lib), examples (example-collection).</summary>
    public static bool TryParse(string text, out RepositoryKind kind)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "application": case "app":
                kind = RepositoryKind.Application;
                return true;
            case "library": case "lib":
                kind = RepositoryKind.Library;
                return true;
            case "examples": case "example": case "example-collection": case "tutorials":
                kind = RepositoryKind.ExampleCollection;
                return true;
        }
        kind = RepositoryKind.Application;
        return false;
    }
}
