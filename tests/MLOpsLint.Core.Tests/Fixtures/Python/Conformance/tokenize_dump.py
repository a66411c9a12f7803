"""Dump CPython's tokenize output for every .py file under a directory, as JSON lines.

Used by CPythonConformanceTests: one Python process for all files (a pool of worker processes,
one per core). The first line is a header: Python version, token names, and whether this
Python reports f-strings as FSTRING_START/MIDDLE/END (3.12+) or as one STRING token.
Each following line is one file:
  {"path": ..., "encoding": ..., "source": <decoded text, only when not UTF-8>,
   "error": <message when tokenize raised, else null>,
   "tokens": [[type, start_line, start_col, end_line, end_col, text], ...]}
ENCODING tokens are left out. When tokenize raises, "tokens" holds what it produced before.
Usage: python3 tokenize_dump.py ROOT [--skip DIRNAME ...]
"""
import json
import multiprocessing
import os
import sys
import tokenize


def dump(path):
    tokens = []
    error = None
    encoding = None
    source = None
    try:
        with open(path, "rb") as f:
            encoding = tokenize.detect_encoding(f.readline)[0]
        if encoding not in ("utf-8", "utf-8-sig"):
            with open(path, "rb") as f:
                source = f.read().decode(encoding)
        with open(path, "rb") as f:
            for tok in tokenize.tokenize(f.readline):
                if tok.type == tokenize.ENCODING:
                    continue
                tokens.append([tok.type, tok.start[0], tok.start[1], tok.end[0], tok.end[1], tok.string])
    except Exception as e:  # TokenError, IndentationError, SyntaxError (bad coding), UnicodeDecodeError
        error = "%s: %s" % (type(e).__name__, e)
    return json.dumps({"path": path, "encoding": encoding, "source": source, "error": error, "tokens": tokens},
                      ensure_ascii=False, separators=(",", ":"))


def main():
    root = sys.argv[1]
    skip = set()
    args = sys.argv[2:]
    while args:
        if args[0] == "--skip" and len(args) > 1:
            skip.add(args[1])
            args = args[2:]
        else:
            args = args[1:]
    paths = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in skip)
        paths.extend(os.path.join(dirpath, f) for f in sorted(filenames) if f.endswith(".py"))
    out = sys.stdout
    header = {
        "version": sys.version.split()[0],
        "tok_name": {str(k): v for k, v in tokenize.tok_name.items()},
        "fstring_tokens": hasattr(tokenize, "FSTRING_START"),
        "files": len(paths),
    }
    out.write(json.dumps(header) + "\n")
    with multiprocessing.Pool(os.cpu_count() or 1) as pool:
        for line in pool.imap(dump, paths, chunksize=8):
            out.write(line)
            out.write("\n")
    out.flush()


if __name__ == "__main__":
    main()
