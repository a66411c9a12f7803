namespace MLOpsLint.Core.Documents;

/// <summary>
/// Where a document's parsed forms may come from without reading its bytes: the CLI's cache of per-blob facts
/// (<c>scan --staged</c> reads the facts the repository checks need of every unchanged file from it). A store answers
/// only for the forms it knows how to keep and the document it was made for; for any other form, or when it has nothing,
/// the form is computed from the bytes as always. Core never reads the disk itself: the store is given by the CLI.
/// </summary>
public abstract class FormStore
{
    /// <summary>The form of type <typeparamref name="T"/> kept for this document, when there is one.</summary>
    public abstract bool TryLoad<T>(SourceDocument document, out T? form)
        where T : class;

    /// <summary>A form just computed from the document's bytes, for the store to keep if it keeps that type.</summary>
    public abstract void Save<T>(SourceDocument document, T form)
        where T : class;
}
