namespace MLOpsLint.Core.Checks.Tracking;

/// <summary>The repository pass asks which modules are experiment scripts (<see cref="IAsksScopes"/>).</summary>
public sealed partial class TrackingCheck : IAsksScopes
{
}
