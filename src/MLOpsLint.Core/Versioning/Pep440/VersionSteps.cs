namespace MLOpsLint.Core.Versioning.Pep440;

/// <summary>Neighbouring versions in the PEP 440 order, used to place the bounds of specifiers.</summary>
internal static class VersionSteps
{
    /// <summary>The smallest version above <paramref name="v"/> and all its local variants:
    /// <c>1.0</c> → <c>1.0.post0.dev0</c>, <c>1.0.post1</c> → <c>1.0.post2.dev0</c>, <c>1.0.dev1</c> → <c>1.0.dev2</c>.</summary>
    public static Pep440Version Successor(Pep440Version v)
    {
        if (v.Dev.HasValue) return WithSuffix(v, v.PreKind, v.PreNumberOrZero, v.Post, v.Dev.Value + 1);
        if (v.Post.HasValue) return WithSuffix(v, v.PreKind, v.PreNumberOrZero, v.Post.Value + 1, 0);
        return WithSuffix(v, v.PreKind, v.PreNumberOrZero, 0, 0);
    }

    /// <summary>The first version after every post and local release of <paramref name="v"/>
    /// (lower bound of <c>&gt;V</c>); for a final V that limit has no version of its own.</summary>
    public static VersionCut AfterPostReleases(Pep440Version v)
    {
        if (v.Dev.HasValue) return VersionCut.Before(WithSuffix(v, v.PreKind, v.PreNumberOrZero, v.Post, v.Dev.Value + 1));
        if (v.Post.HasValue) return VersionCut.Before(WithSuffix(v, v.PreKind, v.PreNumberOrZero, v.Post.Value + 1, 0));
        if (v.PreKind != Pep440Version.NoPre) return VersionCut.Before(WithSuffix(v, v.PreKind, v.PreNumberOrZero + 1, null, 0));
        return VersionCut.AfterRelease(v);
    }

    /// <summary><c>V.dev0</c> with V's pre and post kept: the first pre-release of V.</summary>
    public static Pep440Version Dev0(Pep440Version v) => WithSuffix(v, v.PreKind, v.PreNumberOrZero, v.Post, 0);

    /// <summary><c>E!R.dev0</c>: the smallest version whose release is R.</summary>
    public static Pep440Version ReleaseDev0(long epoch, long[] release) =>
        new(epoch, release, Pep440Version.NoPre, 0, null, 0, null);

    /// <summary><c>1.2</c> → <c>1.3.dev0</c>: the smallest version past every version starting with the prefix.</summary>
    public static Pep440Version NextPrefixDev0(long epoch, long[] prefix)
    {
        var next = (long[])prefix.Clone();
        next[next.Length - 1]++;
        return ReleaseDev0(epoch, next);
    }

    /// <summary>The smallest final (non-pre-release) version at or above <paramref name="v"/>.</summary>
    /// <remarks><c>1.0a1.post1</c> → <c>1.0</c>; <c>1.0.post1.dev2</c> → <c>1.0.post1</c>.</remarks>
    public static Pep440Version LowestFinalAtOrAbove(Pep440Version v)
    {
        if (!v.IsPrerelease) return v;
        return v.PreKind != Pep440Version.NoPre
            ? WithSuffix(v, Pep440Version.NoPre, 0, null, null)
            : WithSuffix(v, Pep440Version.NoPre, 0, v.Post, null);
    }

    private static Pep440Version WithSuffix(Pep440Version v, byte preKind, long preNumber, long? post, long? dev) =>
        new(v.Epoch, v.ReleaseArray, preKind, preNumber, post, dev, null);
}
