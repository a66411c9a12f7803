using System.Collections.Concurrent;
using MLOpsLint.Core.Findings;
using NuGet.Common;
using NuGet.Configuration;
using NuGet.Protocol;
using NuGet.Protocol.Core.Types;
using NuGet.Versioning;

namespace MLOpsLint.Cli.Dependencies;

/// <summary>
/// <c>scan --online</c>: asks the NuGet feeds configured for the repository (NuGet.Config, found as restore finds it
/// with <see cref="Settings.LoadDefaultSettings(string)"/>) for the stable versions of each package id.
/// Only ever constructed when the flag is given — the default scan never reaches this type, so it never touches the
/// network. Every id is asked once per run (results are cached); the whole lookup has one time budget, and a feed
/// that fails or does not answer in time becomes a warning, never an error.
/// </summary>
internal sealed class OnlineVersionLookup : IDisposable
{
    public static readonly TimeSpan DefaultBudget = TimeSpan.FromSeconds(10);

    private static int constructed;

    /// <summary>Stable versions of each id across the feeds that answered, ascending; null when none has one.</summary>
    private readonly ConcurrentDictionary<string, IReadOnlyList<NuGetVersion>?> cache = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> failedSources = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<PackageSource> sources;
    private readonly TimeSpan budget;
    private readonly SourceCacheContext cacheContext = new();
    private readonly string? configProblem;
    private int queries;

    public OnlineVersionLookup(string root, TimeSpan? budget = null)
    {
        Interlocked.Increment(ref constructed);
        this.budget = budget ?? DefaultBudget;
        try
        {
            var settings = Settings.LoadDefaultSettings(root);
            sources = new PackageSourceProvider(settings).LoadPackageSources().Where(s => s.IsEnabled).ToArray();
        }
        catch (Exception e) when (e is NuGetConfigurationException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            sources = Array.Empty<PackageSource>();
            configProblem = $"--online: the NuGet configuration cannot be read ({e.Message}); fix texts stay generic";
        }
    }

    /// <summary>How many lookups were built in this process (tests use it to show the offline path builds none).</summary>
    public static int Constructed => Volatile.Read(ref constructed);

    /// <summary>Package ids actually asked of the feeds (each at most once per run).</summary>
    public int Queries => Volatile.Read(ref queries);

    public IReadOnlyList<PackageSource> Sources => sources;

    /// <summary>
    /// Every stable version of each id across the enabled feeds, ascending (null when no feed that answered has one).
    /// Problems (unreachable feeds, the time budget running out) are added to <paramref name="warnings"/>.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<NuGetVersion>?> StableVersions(IEnumerable<string> ids, ICollection<ScanDiagnostic> warnings)
    {
        var wanted = ids.Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        var missing = wanted.Where(id => !cache.ContainsKey(id)).ToArray();
        if (configProblem != null)
        {
            warnings.Add(new ScanDiagnostic(ScanDiagnosticLevel.Warning, configProblem));
        }
        else if (missing.Length > 0)
        {
            if (sources.Count == 0)
            {
                warnings.Add(new ScanDiagnostic(ScanDiagnosticLevel.Warning, "--online: no NuGet package source is configured; fix texts stay generic"));
            }
            else
            {
                // Task.Run: no synchronisation context to deadlock on, whoever calls this
                Task.Run(() => QueryAsync(missing, warnings)).GetAwaiter().GetResult();
            }
        }
        return wanted.ToDictionary(id => id, id => cache.TryGetValue(id, out var v) ? v : null, StringComparer.OrdinalIgnoreCase);
    }

    private async Task QueryAsync(string[] ids, ICollection<ScanDiagnostic> warnings)
    {
        using var timeout = new CancellationTokenSource(budget);
        var token = timeout.Token;
        foreach (var id in ids) Interlocked.Increment(ref queries);
        var perSource = await Task.WhenAll(sources.Select(s => QuerySourceAsync(s, ids, token))).ConfigureAwait(false);
        foreach (var id in ids)
        {
            var all = new SortedSet<NuGetVersion>();
            foreach (var answers in perSource)
            {
                if (answers.TryGetValue(id, out var v) && v != null) all.UnionWith(v);
            }
            cache[id] = all.Count > 0 ? all.ToArray() : null;
        }
        lock (warnings)
        {
            foreach (var (source, problem) in failedSources.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                warnings.Add(new ScanDiagnostic(ScanDiagnosticLevel.Warning,
                    $"--online: NuGet feed '{source}' {problem}; fix texts that need it stay generic"));
            }
        }
    }

    private async Task<Dictionary<string, IReadOnlyList<NuGetVersion>?>> QuerySourceAsync(PackageSource source, string[] ids, CancellationToken token)
    {
        var found = new Dictionary<string, IReadOnlyList<NuGetVersion>?>(StringComparer.OrdinalIgnoreCase);
        if (source.IsLocal && !Directory.Exists(source.Source))
        {
            failedSources.TryAdd(source.Name, $"cannot be reached: the folder {source.Source} does not exist");
            return found;
        }
        try
        {
            var repository = Repository.Factory.GetCoreV3(source);
            var resource = await repository.GetResourceAsync<FindPackageByIdResource>(token).ConfigureAwait(false);
            if (resource == null)
            {
                failedSources.TryAdd(source.Name, "does not support looking packages up by id");
                return found;
            }
            var answers = await Task.WhenAll(ids.Select(async id =>
            {
                var versions = await resource.GetAllVersionsAsync(id, cacheContext, NullLogger.Instance, token).ConfigureAwait(false);
                return (id, stable: (IReadOnlyList<NuGetVersion>?)versions?.Where(v => !v.IsPrerelease).ToArray());
            })).ConfigureAwait(false);
            foreach (var (id, stable) in answers) found[id] = stable;
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            failedSources.TryAdd(source.Name, $"did not answer within {budget.TotalSeconds:0} s");
        }
        catch (Exception e)
        {
            failedSources.TryAdd(source.Name, $"cannot be reached ({Flatten(e)})");
        }
        return found;
    }

    private static string Flatten(Exception e)
    {
        if (e is AggregateException { InnerExceptions.Count: 1 } a) e = a.InnerExceptions[0];
        var message = e.Message;
        for (var inner = e.InnerException; inner != null; inner = inner.InnerException) message += ": " + inner.Message;
        return message.ReplaceLineEndings(" ");
    }

    public void Dispose() => cacheContext.Dispose();
}
