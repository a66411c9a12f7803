#!/usr/bin/env python3
"""Generates a git repository with a long history for the --history benchmark, through git fast-import.

Default: 5,000 commits over ~2,000 files in 60 folders; each commit edits 1-4 Python/config files, every
50th adds a small model or data blob, every 200th deletes one. Deterministic (fixed seed).

usage: gen_history.py OUT_DIR [--commits N] [--files N]
"""
import argparse, os, pickle, random, subprocess

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--commits", type=int, default=5000)
    ap.add_argument("--files", type=int, default=2000)
    a = ap.parse_args()
    rng = random.Random(7)
    subprocess.run(["git", "init", "-q", "-b", "main", a.out], check=True)
    p = subprocess.Popen(["git", "-C", a.out, "fast-import", "--quiet"], stdin=subprocess.PIPE)
    w = p.stdin.write
    files = [f"pkg{i % 60:02d}/mod_{i}.py" for i in range(a.files)]
    contents = {f: f"# {f}\nimport numpy as np\nVALUE = {i}\n" for i, f in enumerate(files)}
    binaries = []
    t = 1_600_000_000
    for c in range(a.commits):
        t += 600
        msg = f"commit {c}".encode()
        w(b"commit refs/heads/main\n")
        w(f"committer Bench <bench@example.com> {t} +0000\n".encode())
        w(f"data {len(msg)}\n".encode() + msg + b"\n")
        # later commits continue from the branch tip: fast-import needs no "from" for that
        if c == 0:
            for f in files:
                data = contents[f].encode()
                w(f"M 100644 inline {f}\ndata {len(data)}\n".encode() + data + b"\n")
        else:
            for f in rng.sample(files, rng.randrange(1, 5)):
                contents[f] += f"def f_{c}(x):\n    return x * {rng.random():.6f}\n"
                data = contents[f].encode()
                w(f"M 100644 inline {f}\ndata {len(data)}\n".encode() + data + b"\n")
            if c % 50 == 0:
                path = f"artifacts/model_{c}.pkl"
                data = pickle.dumps({"w": [rng.random() for _ in range(rng.randrange(200, 3000))]}, protocol=4)
                binaries.append(path)
                w(f"M 100644 inline {path}\ndata {len(data)}\n".encode() + data + b"\n")
            if c % 200 == 0 and binaries:
                w(f"D {binaries.pop(0)}\n".encode())
        w(b"\n")
    p.stdin.close()
    if p.wait() != 0:
        raise SystemExit("git fast-import failed")
    subprocess.run(["git", "-C", a.out, "checkout", "-q", "-f", "main"], check=True)
    print(f"{a.commits} commits, {a.files} files in {a.out}")

if __name__ == "__main__":
    main()
