namespace MLOpsLint.Core.Python.Tokens;

/// <summary>A problem the lexer met and stepped over: <see cref="Start"/>/<see cref="End"/> are offsets into the
/// tokenized text, <see cref="Line"/> 1-based and <see cref="Column"/> 0-based (UTF-16), as in <see cref="PyToken"/>.</summary>
public readonly record struct PyLexError(int Start, int End, int Line, int Column, string Message);
