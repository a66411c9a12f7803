#!/usr/bin/env python3
"""Generates a git repository with a long history for the --history benchmark, through git fast-import.

Two shapes, both deterministic (fixed seed):
- small (default): 5,000 commits over ~2,000 small files in 60 folders; each commit appends to 1-4 Python files,
  every 50th adds a small model or data blob, every 200th deletes one. ~4 MB of blob content: start-up dominates.
- large: 5,000 commits over 8,000 files in nested packages (pkgNN/subNN/), modules of a few KB that commits edit in
  place (1-6 files each), YAML configs, notebooks with outputs, and every 25th commit a model or data blob.
  ~100 MB of blob content, the shape of a mid-sized ML repository.

usage: gen_history.py OUT_DIR [--shape small|large] [--commits N] [--files N]
"""
import argparse, json, pickle, random, subprocess

def python_module(rng, name, lines):
    out = [f'"""{name}: generated module."""', "import numpy as np", "import torch", ""]
    for i in range(lines // 4):
        out += [f"def step_{i}(x, lr={rng.random():.4f}):", f"    y = np.tanh(x) * {rng.random():.6f}", f"    return torch.as_tensor(y + {i})", ""]
    return "\n".join(out) + "\n"

def notebook(rng, n):
    cells = [{"cell_type": "code", "execution_count": i, "metadata": {}, "source": [f"loss = train(epoch={i})\n", "print(loss)\n"],
              "outputs": [{"name": "stdout", "output_type": "stream", "text": [f"epoch {i} loss {rng.random():.5f}\n" for _ in range(20)]}]}
             for i in range(n)]
    return json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1) + "\n"

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--shape", choices=["small", "large"], default="small")
    ap.add_argument("--commits", type=int, default=5000)
    ap.add_argument("--files", type=int)
    a = ap.parse_args()
    large = a.shape == "large"
    nfiles = a.files or (8000 if large else 2000)
    rng = random.Random(7)
    subprocess.run(["git", "init", "-q", "-b", "main", a.out], check=True)
    p = subprocess.Popen(["git", "-C", a.out, "fast-import", "--quiet"], stdin=subprocess.PIPE)
    w = p.stdin.write
    if large:
        files = []
        for i in range(nfiles):
            d = f"pkg{i % 40:02d}/sub{(i // 40) % 25:02d}"
            kind = i % 20
            files.append(f"{d}/config_{i}.yaml" if kind == 0 else f"{d}/explore_{i}.ipynb" if kind == 1 else f"{d}/mod_{i}.py")
        contents = {}
        for f in files:
            if f.endswith(".py"): contents[f] = python_module(rng, f, rng.randrange(40, 200))
            elif f.endswith(".yaml"): contents[f] = "".join(f"param_{k}: {rng.random():.4f}\n" for k in range(30))
            else: contents[f] = notebook(rng, rng.randrange(3, 10))
    else:
        files = [f"pkg{i % 60:02d}/mod_{i}.py" for i in range(nfiles)]
        contents = {f: f"# {f}\nimport numpy as np\nVALUE = {i}\n" for i, f in enumerate(files)}
    binaries = []
    t = 1_600_000_000
    every = 25 if large else 50
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
            for f in rng.sample(files, rng.randrange(1, 7 if large else 5)):
                if large and f.endswith(".ipynb"):
                    contents[f] = notebook(rng, rng.randrange(3, 10))
                elif large:
                    lines = contents[f].split("\n")
                    at = rng.randrange(4, max(5, len(lines) - 1))
                    lines[at:at + 3] = [f"    # tuned in commit {c}", f"    y = y * {rng.random():.6f}", "    y = y.clip(-1, 1)"]
                    contents[f] = "\n".join(lines)
                else:
                    contents[f] += f"def f_{c}(x):\n    return x * {rng.random():.6f}\n"
                data = contents[f].encode()
                w(f"M 100644 inline {f}\ndata {len(data)}\n".encode() + data + b"\n")
            if c % every == 0:
                path = f"artifacts/model_{c}.pkl" if c % (2 * every) else f"data/train_{c}.csv"
                if path.endswith(".pkl"):
                    data = pickle.dumps({"w": [rng.random() for _ in range(rng.randrange(200, 3000))]}, protocol=4)
                else:
                    data = "".join(f"{rng.random():.5f},{rng.random():.5f},{rng.randrange(2)}\n" for _ in range(rng.randrange(2000, 20000))).encode()
                binaries.append(path)
                w(f"M 100644 inline {path}\ndata {len(data)}\n".encode() + data + b"\n")
            if c % 200 == 0 and binaries:
                w(f"D {binaries.pop(0)}\n".encode())
        w(b"\n")
    p.stdin.close()
    if p.wait() != 0:
        raise SystemExit("git fast-import failed")
    subprocess.run(["git", "-C", a.out, "checkout", "-q", "-f", "main"], check=True)
    print(f"{a.commits} commits, {nfiles} files ({a.shape}) in {a.out}")

if __name__ == "__main__":
    main()
