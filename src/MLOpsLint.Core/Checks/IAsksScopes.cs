namespace MLOpsLint.Core.Checks;

/// <summary>
/// A repository check that asks the scope (<see cref="CheckContext.ScopeOf"/>, <see cref="Scope.ScopeModel.IsTest"/>) of the
/// Python modules it reads. The engine then decides each module's scope in the document pass, while its text and parsed
/// module are at hand: asked first in the repository pass, the answer reads the text (and may parse the module) again, and
/// everything a repository check reads stays held until its pass ends — every module of the repository at once.
/// </summary>
public interface IAsksScopes
{
}
