using MLOpsLint.Core.Documents;

namespace MLOpsLint.Core.Checks;

/// <summary>
/// A repository check that reads something of many documents (every Python module's seed calls, every file's first bytes)
/// keeps a compact summary of each (<see cref="SourceDocument.GetOrAdd{T}"/>), made in the document pass while the
/// document's bytes, text and parsed module are at hand: the engine drops those when the document's checks are done, so
/// asking for them again in the repository pass would read and parse the file a second time, and holding them would make
/// memory grow with the repository. A summary never reports anything (scopes and selection do not apply: every document
/// the repository check will read is summarised). In a scan that reports only some documents (<c>--staged</c>) only those
/// are summarised in the document pass: the repository check makes what it needs of the others on demand, often for far
/// fewer of them (<see cref="CheckContext.Reported"/>).
/// </summary>
public interface IDocumentSummarizer
{
    /// <summary>Cheap test on path/kind/size: the documents the repository check will ask about.</summary>
    bool Summarizes(SourceDocument document);

    /// <summary>Computes and caches the summary (the context gives the configuration; nothing is reported to it).</summary>
    void Summarize(SourceDocument document, CheckContext context);
}
