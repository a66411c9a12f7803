#!/usr/bin/env python3
"""Generates a repository shaped like a real Kaggle competition repository, for whole-process benchmarks:
~9,000 files, ~130 MB, as a git repository with one commit.

Shape (after the Kaggle repository the speed issue measured: thousands of small generated files, not a few big ones):
- solutions/<team>/: a few hundred experiment folders, each with a training script, a config JSON, a few small
  generated feature modules, an out-of-fold predictions CSV and sometimes a pickled model;
- notebooks/: a few hundred notebooks with code cells and text/table outputs (some with base64 images);
- input/: CSV data (a few big ones, many small), JSON metadata, NumPy arrays;
- the usual requirements.txt, Dockerfile, workflows.
Deterministic (fixed seed).

usage: gen_kaggle.py OUT_DIR [--files N] [--mb M]
"""
import argparse, base64, json, os, pickle, random, struct, subprocess


def train_script(rng, exp):
    lines = [
        "import os, json, random", "import numpy as np", "import pandas as pd",
        "import lightgbm as lgb", "from sklearn.model_selection import StratifiedKFold",
        f"from features_{exp % 7} import make_features", "",
        "SEED = 42", "random.seed(SEED)", "np.random.seed(SEED)", "",
        "train = pd.read_csv('../input/train.csv')", "test = pd.read_csv('../input/test.csv')",
        "cfg = json.load(open('config.json'))",
    ]
    if rng.random() < 0.05:
        lines.append("df = pd.read_csv('/kaggle/input/extra/extra.csv')")
    lines += [
        "skf = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)",
        "oof = np.zeros(len(train))",
        "for fold, (tr, va) in enumerate(skf.split(train, train.target)):",
        "    model = lgb.LGBMClassifier(**cfg['params'], random_state=SEED)",
        "    model.fit(train.iloc[tr], train.target.iloc[tr])",
        "    oof[va] = model.predict_proba(train.iloc[va])[:, 1]",
        "pd.DataFrame({'oof': oof}).to_csv('oof.csv', index=False)",
    ]
    for i in range(rng.randrange(20, 120)):
        lines.append(f"feature_{i} = train['f{i % 50}'] * {rng.random():.6f} + {rng.randrange(100)}")
    return "\n".join(lines) + "\n"


def feature_module(rng, k):
    lines = ["import numpy as np", "import pandas as pd", "", "def make_features(df):"]
    for i in range(rng.randrange(40, 200)):
        lines.append(f"    df['g{i}'] = df['f{i % 50}'].rolling({rng.randrange(2, 30)}).mean().fillna(0)")
    lines.append("    return df")
    return "\n".join(lines) + "\n"


def notebook(rng, i):
    cells = []
    for c in range(rng.randrange(8, 30)):
        src = [f"df_{c} = train.groupby('f{c % 50}').agg({{'target': ['mean', 'std']}})\n", f"df_{c}.head({rng.randrange(3, 20)})\n"]
        outputs = []
        if rng.random() < 0.6:
            rows = "\n".join(f"{r}  {rng.random():.5f}  {rng.random():.5f}" for r in range(rng.randrange(5, 40)))
            outputs.append({"output_type": "execute_result", "execution_count": c + 1, "metadata": {},
                            "data": {"text/plain": [rows]}})
        if rng.random() < 0.08:
            png = base64.b64encode(rng.randbytes(rng.randrange(5_000, 60_000))).decode()
            outputs.append({"output_type": "display_data", "metadata": {}, "data": {"image/png": png, "text/plain": ["<Figure>"]}})
        cells.append({"cell_type": "code", "execution_count": c + 1, "metadata": {}, "outputs": outputs, "source": src})
        if rng.random() < 0.3:
            cells.append({"cell_type": "markdown", "metadata": {}, "source": [f"## Step {c}\n", "Look at the distribution.\n"]})
    return json.dumps({"cells": cells, "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
                       "language_info": {"name": "python", "version": "3.10.12"}}, "nbformat": 4, "nbformat_minor": 5}, indent=1)


def csv(rng, rows, cols):
    out = [",".join(["id"] + [f"f{c}" for c in range(cols)] + ["target"])]
    for r in range(rows):
        out.append(",".join([str(r)] + [f"{rng.random():.4f}" for _ in range(cols)] + [str(rng.randrange(2))]))
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--files", type=int, default=9000)
    ap.add_argument("--mb", type=float, default=130)
    a = ap.parse_args()
    rng = random.Random(20261207)
    os.makedirs(a.out, exist_ok=True)
    written = [0, 0]

    def put(rel, data):
        path = os.path.join(a.out, rel)
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
        mode = "wb" if isinstance(data, bytes) else "w"
        with open(path, mode) as f:
            f.write(data)
        written[0] += 1
        written[1] += len(data)

    put("requirements.txt", "numpy==1.26.4\npandas==2.2.2\nlightgbm==4.3.0\nscikit-learn==1.4.2\ntorch\n")
    put("Dockerfile", "FROM gcr.io/kaggle-images/python:latest\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n")
    put(".github/workflows/ci.yml", "on: [push]\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n        with:\n          python-version: '3.10'\n")
    put("README.md", "# Competition solution\n\nTrain with `python train.py` in each experiment folder.\n")
    # a few big inputs, many small ones: ~45 MB
    put("input/train.csv", csv(rng, 60_000, 50))
    put("input/test.csv", csv(rng, 40_000, 50))
    for i in range(60):
        put(f"input/extra/part_{i:03}.csv", csv(rng, rng.randrange(50, 400), 12))
        put(f"input/meta/meta_{i:03}.json", json.dumps({"id": i, "classes": list(range(rng.randrange(5, 50)))}))
    for i in range(20):
        put(f"input/arrays/emb_{i:02}.npy", b"\x93NUMPY\x01\x00v\x00" + rng.randbytes(rng.randrange(10_000, 200_000)))
    nb = 0
    exp = 0
    while written[0] < a.files and written[1] < a.mb * 1_000_000:
        team = f"solutions/team_{exp % 12:02}/exp_{exp:04}"
        put(f"{team}/train.py", train_script(rng, exp))
        put(f"{team}/config.json", json.dumps({"params": {"num_leaves": rng.randrange(16, 256), "learning_rate": rng.random() / 10},
                                               "features": [f"f{i}" for i in range(rng.randrange(10, 50))]}, indent=2))
        for k in range(rng.randrange(2, 9)):
            put(f"{team}/features_{k}.py", feature_module(rng, k))
        put(f"{team}/oof.csv", "\n".join(f"{i},{rng.random():.6f}" for i in range(rng.randrange(200, 3000))) + "\n")
        if rng.random() < 0.1:
            put(f"{team}/model.pkl", pickle.dumps({"weights": [rng.random() for _ in range(rng.randrange(100, 3000))]}))
        if exp % 4 == 0:
            put(f"notebooks/eda_{nb:04}.ipynb", notebook(rng, nb))
            nb += 1
        exp += 1
    subprocess.run(["git", "init", "-q", a.out], check=True)
    subprocess.run(["git", "-C", a.out, "add", "-A"], check=True)
    subprocess.run(["git", "-C", a.out, "-c", "user.name=bench", "-c", "user.email=bench@example.com",
                    "-c", "commit.gpgsign=false", "commit", "-q", "-m", "generated"], check=True)
    # rewrite the index once more a second later: an index written in the same second as its files marks them racily
    # clean, and libgit2 would re-read every file on every scan
    subprocess.run(["git", "-C", a.out, "status", "--porcelain"], check=True, stdout=subprocess.DEVNULL)
    print(f"{written[0]} files, {written[1] / 1e6:.1f} MB in {a.out}")


if __name__ == "__main__":
    main()
