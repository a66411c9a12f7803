using MLOpsLint.Core.Documents;

namespace MLOpsLint.Core.Environments;

/// <summary>Whether a notebook or YAML file's text shows it may hold environment facts (<see cref="FactReader.MayHoldFacts"/>),
/// cached on the document: the repository checks ask about every such file after its text was dropped
/// (<see cref="FactReader.Summarize"/> asks while it is at hand). Its codec lives here, not in <see cref="FactReader"/>: the facts cache's codecs are all built when
/// a staged scan opens the cache, and a static field of FactReader would construct its dozen regular expressions in a
/// scan that reads no environment fact (~4 ms of a warm staged scan).</summary>
internal sealed class TextSign
{
    public TextSign(bool value) => Value = value;

    public bool Value { get; }

    /// <summary>Keeps the sign in the facts cache (<see cref="FormCodecs"/>).</summary>
    internal static readonly FormCodec<TextSign> Codec = FormCodec<TextSign>.Flag("facts.text-sign", f => f.Value, v => new TextSign(v));
}
