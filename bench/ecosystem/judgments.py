"""judgments.tsv: one verdict per result, keyed by (repo, rule, path, line); repositories are pinned, so a verdict
holds in every later run that reports the same place."""

import csv
import hashlib
import os
from collections import defaultdict

import corpus

JUDGMENTS_TSV = os.path.join(corpus.HERE, "judgments.tsv")
COLUMNS = ["repo", "commit", "rule", "path", "line", "verdict", "why"]
VERDICTS = ("true", "false", "debatable")
RARE_BELOW = 40  # a rule with fewer results than this in the corpus has every result judged
SAMPLE = 30  # otherwise at least this many, stratified by repository


def key(row):
    return (row["repo"], row["rule"], row["path"], int(row["line"]))


def load(path=JUDGMENTS_TSV):
    verdicts = {}
    if not os.path.exists(path):
        return verdicts
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        if reader.fieldnames != COLUMNS:
            raise SystemExit(f"{path}: header must be {' '.join(COLUMNS)}")
        for number, row in enumerate(reader, 2):
            if row["verdict"] not in VERDICTS:
                raise SystemExit(f"{path}:{number}: verdict {row['verdict']!r} is not one of {', '.join(VERDICTS)}")
            if not (row["why"] or "").strip():
                raise SystemExit(f"{path}:{number}: a verdict needs a why")
            k = key(row)
            if k in verdicts:
                raise SystemExit(f"{path}:{number}: judged twice: {k}")
            verdicts[k] = row
    return verdicts


def _hash(*parts):
    return hashlib.sha1("|".join(str(p) for p in parts).encode()).hexdigest()


def sample_order(findings):
    """A rule's results in a deterministic order stratified by repository: round robin over the repositories
    (hash-ordered), each repository's results in hash order. Taking a prefix samples every repository early."""
    per_repo = defaultdict(list)
    for f in findings:
        per_repo[f["repo"]].append(f)
    queues = [sorted(fs, key=lambda f: _hash(f["repo"], f["rule"], f["path"], f["line"], f["column"]))
              for _, fs in sorted(per_repo.items(), key=lambda kv: _hash(kv[0]))]
    order, i = [], 0
    while any(queues):
        for q in queues:
            if len(q) > i:
                order.append(q[i])
        i += 1
        if all(len(q) <= i for q in queues):
            break
    return order


def to_judge(findings, verdicts):
    """What the judging policy still asks for: every result of a rare rule, and for a frequent rule the first
    results of sample_order until SAMPLE distinct places are judged."""
    per_rule = defaultdict(list)
    for f in findings:
        per_rule[f["rule"]].append(f)
    wanted = []
    for rule, fs in sorted(per_rule.items()):
        seen = set()
        if len(fs) < RARE_BELOW:
            for f in sorted(fs, key=lambda f: (f["repo"], f["path"], f["line"])):
                if key(f) not in verdicts and key(f) not in seen:
                    seen.add(key(f))
                    wanted.append(f)
            continue
        judged = {key(f) for f in fs if key(f) in verdicts}
        need = SAMPLE - len(judged)
        for f in sample_order(fs):
            if need <= 0:
                break
            if key(f) in verdicts or key(f) in seen:
                continue
            seen.add(key(f))
            wanted.append(f)
            need -= 1
    return wanted
