namespace MLOpsLint.Core.Documents;

/// <summary>Where a document's bytes come from when they are not held from the start: the CLI gives a working-tree file
/// (<c>DocumentLoader</c>), read when a check first asks and again after the engine released them. Core
/// never reads the disk itself; a source that cannot read any more (the file was deleted during the scan) gives what it can
/// (empty bytes), never throws.</summary>
public abstract class ContentSource
{
    public abstract ReadOnlyMemory<byte> Read();

    /// <summary>True when reading again costs more than holding the bytes (a git blob, inflated again on every read): a
    /// released document keeps the bytes of such a source once read, until it is released again, instead of reading them
    /// for every check that asks (a cold staged scan reads each unchanged file for four repository checks).</summary>
    public virtual bool CostlyToReadAgain => false;
}
