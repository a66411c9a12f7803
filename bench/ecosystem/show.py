#!/usr/bin/env python3
"""Print the code around results, to judge them: reads judgments.tsv-shaped rows on stdin (as report.py --to-judge
or --unjudged prints them) and shows each place from the checkouts (run.sh --keep), numbered so verdicts can be
written back by row.

  bench/ecosystem/report.py --to-judge --rule MLO213 | bench/ecosystem/show.py [-n LINES]
"""

import argparse
import csv
import os
import sys

import corpus


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("-n", type=int, default=3, help="lines of context either side (default 3)")
    p.add_argument("--eco-dir", default=os.environ.get("ECO_DIR", "/tmp/mlops-eco"))
    args = p.parse_args()
    rows = list(csv.reader(sys.stdin, delimiter="\t", quoting=csv.QUOTE_NONE))
    for number, row in enumerate(rows[1:], 1):
        repo, _, rule, path, line = row[:5]
        message = row[7] if len(row) > 7 else ""
        print(f"### [{number}] {rule} {repo} {path}:{line}  {message}")
        file = os.path.join(args.eco_dir, corpus.Repo(repo, "", "", "").slug, path)
        try:
            with open(file, encoding="utf-8", errors="replace") as f:
                lines = f.read().split("\n")
        except OSError as e:
            print(f"    ({e.strerror}: run.sh --keep first)")
            continue
        at = int(line)
        for k in range(max(1, at - args.n), min(len(lines), at + args.n) + 1):
            print(f"{'>' if k == at else ' '}{k:6} {lines[k - 1][:200]}")


if __name__ == "__main__":
    main()
