"""Writes a 2,000-line training module (functions, imports, sklearn and torch calls, paths, configs) to stdout:
the file the language-server benchmark edits. Deterministic."""
import random
import sys

lines = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
random.seed(7)
out = [
    '"""Training pipeline for the churn model."""',
    "import os",
    "import json",
    "import numpy as np",
    "import pandas as pd",
    "import torch",
    "from sklearn.model_selection import train_test_split, KFold",
    "from sklearn.ensemble import RandomForestClassifier",
    "",
]
tail = [
    "",
    "def main():",
    "    config = json.load(open('config.json'))",
    "    frame = pd.read_csv(config['train'])",
    "    X_train, X_test = train_test_split(frame.x, frame.y, random_state=1)  # EDITED",
    "    return X_train, X_test",
    "",
    "",
    "if __name__ == '__main__':",
    "    main()",
]
n = 0
while len(out) + len(tail) < lines:
    n += 1
    kind = n % 5
    out.append(f"def step_{n}(frame, config):")
    out.append(f'    """Step {n}: {random.choice(["clean", "split", "fit", "score", "export"])} the data."""')
    if kind == 0:
        out.append("    X_train, X_test, y_train, y_test = train_test_split(frame.x, frame.y, test_size=0.2, random_state=42)")
    elif kind == 1:
        out.append("    model = RandomForestClassifier(n_estimators=100, random_state=config['seed'])")
        out.append("    model.fit(frame.x, frame.y)")
    elif kind == 2:
        out.append("    path = os.path.join(config['data_dir'], f'part-{%d}.csv')" % n)
        out.append("    frame = pd.read_csv(path)")
    elif kind == 3:
        out.append("    folds = KFold(n_splits=5, shuffle=True, random_state=7)")
        out.append("    scores = [float(np.mean(frame.y[i])) for i, _ in folds.split(frame.x)]")
    else:
        out.append("    with open(os.path.join(config['out'], 'metrics.json'), 'w') as f:")
        out.append("        json.dump({'step': %d, 'rows': len(frame)}, f)" % n)
    out.append("    return frame")
    out.append("")
out = out[: lines - len(tail)] + tail
sys.stdout.write("\n".join(out) + "\n")
