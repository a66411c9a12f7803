#!/usr/bin/env python3
"""Generates a synthetic ML repository for whole-process benchmarks: ~10,000 files, ~100 MB.

Mix: Python sources (training scripts with sklearn/numpy/torch calls, paths, string literals),
notebooks with outputs, requirements/pyproject/environment.yml/Dockerfiles/workflows, C#, Markdown,
CSV data and a few binary artifacts. Deterministic (fixed seed), so runs are comparable.

usage: gen_repo.py OUT_DIR [--files N] [--mb M]
"""
import argparse, json, os, random, struct, pickle, subprocess

def py_file(rng, i, target):
    # Like a real project: most scripts seed and pass random_state; a few percent of calls do not (the
    # mistakes the linter exists for), so the benchmark measures scanning, not reporting 300k findings.
    careless = rng.random() < 0.05
    lines = [
        "import os", "import numpy as np", "import pandas as pd",
        "from sklearn.ensemble import RandomForestClassifier as RFC",
        "from sklearn.model_selection import train_test_split, KFold",
        "import torch", "from torch.utils.data import DataLoader", "",
    ]
    if not careless:
        lines += ["np.random.seed(0)", "torch.manual_seed(0)", "g = torch.Generator().manual_seed(0)", ""]
    n = 0
    while sum(len(l) + 1 for l in lines) < target:
        n += 1
        k = rng.randrange(10)
        if k == 0:
            rs = "" if careless and rng.random() < 0.5 else ", random_state=42"
            lines.append(f"X_tr, X_te, y_tr, y_te = train_test_split(X{n}, y{n}, test_size=0.2{rs})")
        elif k == 1:
            rs = "" if careless and rng.random() < 0.5 else ", random_state=42"
            lines.append(f"clf{n} = RFC(n_estimators={rng.randrange(10, 500)}, max_depth={rng.randrange(2, 20)}{rs})")
        elif k == 2:
            lines.append(f"noise{n} = np.random.normal(size=({rng.randrange(10, 1000)}, 8))")
        elif k == 3:
            lines.append(f"DATA_{n} = os.path.join(os.path.dirname(__file__), 'data', 'part_{n}.csv')")
        elif k == 4:
            gen = "" if careless else ", generator=g"
            lines.append(f"loader{n} = DataLoader(ds, batch_size={rng.choice([16, 32, 64])}, shuffle=True{gen})")
        elif k == 5:
            lines.append(f"def step_{n}(model, batch):\n    out = model(batch)\n    loss = out.mean() * {rng.random():.4f}\n    return loss")
        elif k == 6:
            lines.append(f"# comment {n}: tune the learning rate; see the experiment log for run {rng.randrange(10**6)}")
        elif k == 7:
            lines.append(f"msg{n} = f\"epoch {{epoch}} loss {{loss:.4f}} acc {{acc:.2%}} ({n})\"")
        elif k == 8:
            lines.append(f"cfg{n} = {{'lr': {rng.random():.5f}, 'layers': {rng.randrange(1, 12)}, 'name': 'model_{n}'}}")
        else:
            lines.append(f"class Block{n}(torch.nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.fc = torch.nn.Linear({rng.randrange(8, 512)}, {rng.randrange(8, 512)})")
    return "\n".join(lines) + "\n"

def notebook(rng, i, target):
    cells = []
    size = 0
    while size < target:
        src = py_file(rng, i, rng.randrange(300, 1500)).splitlines(keepends=True)
        out = [{"name": "stdout", "output_type": "stream", "text": [f"step {j} loss {rng.random():.4f}\n" for j in range(rng.randrange(1, 30))]}]
        cells.append({"cell_type": "code", "execution_count": len(cells) + 1, "metadata": {}, "outputs": out, "source": src})
        size += sum(len(s) for s in src) + 200
    nb = {"cells": cells, "metadata": {"language_info": {"name": "python"}}, "nbformat": 4, "nbformat_minor": 5}
    return json.dumps(nb, indent=1) + "\n"

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--files", type=int, default=10000)
    ap.add_argument("--mb", type=float, default=100)
    a = ap.parse_args()
    rng = random.Random(42)
    os.makedirs(a.out, exist_ok=True)
    avg = int(a.mb * 1_000_000 / a.files)
    total = 0
    for i in range(a.files):
        pkg = f"pkg{i % 40:02d}/sub{i % 7}"
        k = i % 100
        if k < 62:
            path, text = f"{pkg}/module_{i}.py", py_file(rng, i, rng.randrange(avg // 2, avg * 3 // 2))
        elif k < 70:
            path, text = f"notebooks/{pkg}/nb_{i}.ipynb", notebook(rng, i, rng.randrange(avg // 2, avg * 2))
        elif k < 74:
            path, text = f"{pkg}/requirements-{i}.txt", "".join(f"package{j}=={rng.randrange(1, 9)}.{rng.randrange(20)}.{rng.randrange(9)}\n" for j in range(rng.randrange(3, 40)))
        elif k < 77:
            path, text = f"{pkg}/config_{i}.yaml", "".join(f"key_{j}:\n  value: {rng.random()}\n  name: item_{j}\n" for j in range(rng.randrange(5, 200)))
        elif k < 79:
            path, text = f"{pkg}/Service{i}.cs", "using System;\nnamespace Svc;\npublic static class S%d\n{\n%s}\n" % (i, "".join(f"    public static int F{j}(int x) => x * {j} + {rng.randrange(100)};\n" for j in range(rng.randrange(5, 300))))
        elif k < 81:
            path, text = f"{pkg}/Dockerfile.{i}", f"FROM python:3.11.9-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\nCMD [\"python\", \"serve.py\"]\n"
        elif k < 83:
            path, text = f"{pkg}/pyproject_{i}.toml", f"[project]\nname = \"p{i}\"\nversion = \"0.1.{i}\"\ndependencies = [\"numpy==1.26.4\", \"pandas==2.1.3\"]\n"
        elif k < 90:
            path, text = f"docs/{pkg}/page_{i}.md", "".join(f"Paragraph {j} about experiment {rng.randrange(1000)} and its results.\n\n" for j in range(rng.randrange(5, avg // 60 + 6)))
        elif k < 99:
            path, text = f"data/{pkg}/small_{i}.csv", "a,b,c\n" + "".join(f"{rng.random():.6f},{rng.randrange(100)},{rng.randrange(2)}\n" for j in range(rng.randrange(10, avg // 20 + 11)))
        else:
            path, text = f"artifacts/{pkg}/model_{i}.pkl", None
        full = os.path.join(a.out, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        if text is None:
            data = pickle.dumps({"weights": [rng.random() for _ in range(rng.randrange(100, 5000))]}, protocol=4)
            open(full, "wb").write(data)
            total += len(data)
        else:
            open(full, "w").write(text)
            total += len(text)
    subprocess.run(["git", "init", "-q", a.out], check=True)
    subprocess.run(["git", "-C", a.out, "add", "-A"], check=True)
    subprocess.run(["git", "-C", a.out, "-c", "user.email=b@b", "-c", "user.name=bench", "commit", "-q", "-m", "synthetic"], check=True)
    print(f"{a.files} files, {total / 1e6:.1f} MB in {a.out}")

if __name__ == "__main__":
    main()
