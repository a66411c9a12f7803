#!/usr/bin/env python3
"""Ecosystem report: precision per family and rule from judgments.tsv, the library kind against the noise budget,
and what appeared or disappeared since the committed run.

  report.py                     the report (text; --markdown for notes)
  report.py --unjudged          every result that has no verdict yet, as judgments.tsv rows to fill in
  report.py --to-judge          only what the judging policy still asks for (every result of a rule with fewer than
                                40 results; 30 per frequent rule, stratified by repository)
  report.py --accept            make the current run the committed one (copy current.json to committed.json)
  --current FILE / --against FILE   compare other runs (default results/current.json and results/committed.json)
"""

import argparse
import csv
import json
import os
import re
import shutil
import sys
from collections import Counter, defaultdict

import corpus
import judgments
from counts import NOISE_BUDGET

RESULTS = os.path.join(corpus.HERE, "results")


def load_run(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def place(f):
    """What identifies one result between runs: a rule at a position (a merged finding makes the others go)."""
    return (f["repo"], f["rule"], f["path"], f["line"], f["column"])


def load_misses(path=os.path.join(corpus.HERE, "misses.tsv")):
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


# rules whose one finding reports several files of a folder
GROUPED = {"MLO101", "MLO108", "MLO109"}


def named_files(finding):
    """The files a result reports: its path and, for a grouped result (one finding for the data files, logs or run
    outputs of a folder: MLO101, MLO108, MLO109), the other files it names (the JSON's related locations, at most 9,
    which scan.py keeps as `related`)."""
    if finding["rule"] not in GROUPED:
        return [finding["path"]]  # other related locations are another side (a mismatch's other file), not reported files
    return [finding["path"]] + [p for p in finding.get("related", []) if p != finding["path"]]


# "…, in data/ (each over …)", "…, in 2 places (nnet/mark/logs/, nnet/mark/opt6/).", "…, in app/__pycache__/."
_FOLDER = re.compile(r", in (?!\d+ places )(.+?/)(?: \(|\.$)")
_PLACES = re.compile(r", in \d+ places \((.+?)\)\.$")


def named_folders(finding):
    """The folders a grouped result's message names: its fix removes them whole, so a file in them is reported."""
    if finding["rule"] not in GROUPED:
        return []
    m = _FOLDER.search(finding["message"])
    if m:
        return [m.group(1)]
    m = _PLACES.search(finding["message"])
    return [p for p in m.group(1).split(", ") if p.endswith("/")] if m else []


def covers(miss, finding):
    """Whether a result reports the place a miss names: a file it names (and the line, if the miss names one), a file
    or folder inside a folder a grouped result names, or (a miss naming a folder) a file inside it."""
    if finding["repo"] != miss["repo"]:
        return False
    files = named_files(finding)
    if miss["path"].endswith("/"):
        return any(p.startswith(miss["path"]) for p in files) or any(d.startswith(miss["path"]) for d in named_folders(finding))
    if any(miss["path"].startswith(d) for d in named_folders(finding)):
        return True
    return (miss["path"] in files and (miss["line"] in ("", "0") or int(miss["line"]) == finding["line"]
                                        or miss["path"] != finding["path"]))


def named_as_skipped(miss, run):
    """Whether the run's diagnostics for the miss's repository name its path (a tracked file the scan could not read,
    named as not scanned): not a finding, but not dropped without a word either."""
    return any(miss["path"] in d for m in run["repos"] if m["repo"] == miss["repo"] for d in m.get("diagnostics", []))


def precision(t, f):
    return f"{100 * t / (t + f):.0f}%" if t + f else "n/a"


def tally(findings, verdicts):
    c = Counter()
    for f in findings:
        v = verdicts.get(judgments.key(f))
        c[v["verdict"] if v else "unjudged"] += 1
    return c


def estimated(rules, per_rule, verdicts):
    """Precision of a group of rules with each rule's judged precision weighted by its number of results, so a
    sampled frequent rule counts for all its results, not only the sample."""
    num = den = 0.0
    for r in rules:
        c = tally(per_rule[r], verdicts)
        if c["true"] + c["false"]:
            n = len(per_rule[r])
            num += n * c["true"] / (c["true"] + c["false"])
            den += n
    return f"{100 * num / den:.0f}%" if den else "n/a"


class Out:
    def __init__(self, markdown):
        self.markdown, self.lines = markdown, []

    def heading(self, text):
        self.lines.append(f"\n## {text}\n" if self.markdown else f"\n{text}\n{'=' * len(text)}")

    def text(self, text):
        self.lines.append(text)

    def table(self, header, rows):
        if self.markdown:
            self.lines.append("| " + " | ".join(header) + " |")
            self.lines.append("|" + "---|" * len(header))
            self.lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
        else:
            cells = [list(map(str, header))] + [[str(c) for c in row] for row in rows]
            widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
            for r in cells:
                self.lines.append("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())
        self.lines.append("")


def report(run, previous, verdicts, markdown, limit=200):
    findings = run["findings"]
    kind_of = {m["repo"]: m["kind"] for m in run["repos"]}
    per_rule, per_family, family_rules = defaultdict(list), defaultdict(list), defaultdict(set)
    for f in findings:
        per_rule[f["rule"]].append(f)
        per_family[f["family"]].append(f)
        family_rules[f["family"]].add(f["rule"])
    out = Out(markdown)
    out.text(f"{'# ' if markdown else ''}Ecosystem report: tool {run['tool_commit']}, {len(findings)} results in "
             f"{len(run['repos'])} repositories, {len(verdicts)} judgments")

    header = ["results", "true", "false", "debatable", "unjudged", "precision (judged)", "precision (estimated)"]
    out.heading("Precision per family")
    rows = []
    for fam in sorted(per_family):
        c = tally(per_family[fam], verdicts)
        rows.append((fam, len(per_family[fam]), c["true"], c["false"], c["debatable"], c["unjudged"],
                     precision(c["true"], c["false"]), estimated(family_rules[fam], per_rule, verdicts)))
    c = tally(findings, verdicts)
    rows.append(("all", len(findings), c["true"], c["false"], c["debatable"], c["unjudged"],
                 precision(c["true"], c["false"]), estimated(per_rule, per_rule, verdicts)))
    out.table(["family"] + header, rows)
    out.text("precision = true / (true + false) over the judged results; estimated = each rule's judged precision "
             "weighted by its number of results (a sampled frequent rule counts for all of its results).")

    if previous is not None:
        out.heading(f"Before and after: the committed run (tool {previous['tool_commit'][:12]}) and this one")
        before_family = defaultdict(list)
        for f in previous["findings"]:
            before_family[f["family"]].append(f)
        rows = []
        for fam in sorted(set(per_family) | set(before_family)):
            b, a = tally(before_family[fam], verdicts), tally(per_family[fam], verdicts)
            rows.append((fam, len(before_family[fam]), precision(b["true"], b["false"]), b["unjudged"],
                         len(per_family[fam]), precision(a["true"], a["false"]), a["unjudged"]))
        b, a = tally(previous["findings"], verdicts), tally(findings, verdicts)
        rows.append(("all", len(previous["findings"]), precision(b["true"], b["false"]), b["unjudged"],
                     len(findings), precision(a["true"], a["false"]), a["unjudged"]))
        out.table(["family", "results before", "precision before", "unjudged before",
                   "results now", "precision now", "unjudged now"], rows)

    misses = load_misses()
    if misses:
        out.heading("Recall per family (against misses.tsv)")
        rows = []
        for fam in sorted(set(per_family) | {m["family"] for m in misses}):
            true_now = list({judgments.key(f): f for f in per_family[fam]
                             if (verdicts.get(judgments.key(f)) or {}).get("verdict") == "true"}.values())
            # a grouped result counts once per file it names
            true_places = {(f["repo"], p, f["line"] if p == f["path"] else 0) for f in true_now for p in named_files(f)}
            fam_misses = [m for m in misses if m["family"] == fam]
            open_misses = [m for m in fam_misses if not any(covers(m, f) for f in true_now)]
            skipped = sum(1 for m in open_misses if named_as_skipped(m, run))
            rows.append((fam, len(true_now), len(true_places), len(fam_misses), len(fam_misses) - len(open_misses),
                         len(open_misses), skipped,
                         f"{100 * len(true_places) / (len(true_places) + len(open_misses)):.0f}%"
                         if true_places or open_misses else "n/a"))
        out.table(["family", "true results", "true places", "misses noted", "now reported", "still missed",
                   "of which named as skipped", "recall (true places / (true places + still missed))"], rows)
        out.text("A grouped result (one finding for the data files, logs or run outputs of a folder: MLO101, MLO108, "
                 "MLO109) counts once per file it names (its path and its related locations, at most 10), and reports "
                 "every file in the folders its message names (its fix removes them whole). A miss is 'now reported' "
                 "when a result judged true of its family names its file (and line, if the miss names one) or a folder "
                 "holding it; a miss that is a folder is reported by a result inside it. 'Named as skipped': still "
                 "missed, but the scan's diagnostics name the file as not scanned (a blob the checkout lacks). The "
                 "misses are those a reviewer noticed while judging, not an exhaustive search, so recall is an upper "
                 "bound.")

    out.heading("Precision per rule")
    rows = []
    for r in sorted(per_rule):
        c = tally(per_rule[r], verdicts)
        rows.append((r, per_rule[r][0]["family"], len(per_rule[r]), c["true"], c["false"], c["debatable"],
                     c["unjudged"], precision(c["true"], c["false"])))
    out.table(["rule", "family"] + header[:-1], rows)

    out.heading(f"Library kind against the noise budget (at most {NOISE_BUDGET}, every one true or debatable)")
    rows, meeting = [], 0
    per_repo = defaultdict(list)
    for f in findings:
        per_repo[f["repo"]].append(f)
    before = Counter(f["repo"] for f in previous["findings"]) if previous else None
    for m in run["repos"]:
        if m["kind"] != "library":
            continue
        fs = per_repo[m["repo"]]
        c = tally(fs, verdicts)
        ok = len(fs) <= NOISE_BUDGET and c["false"] == 0 and c["unjudged"] == 0
        meeting += ok
        rows.append((m["repo"], before[m["repo"]] if before is not None else "", len(fs), c["false"], c["unjudged"],
                     "meets" if ok else "misses"))
    out.table(["repository", "committed run", "results", "false", "unjudged", "budget"], rows)
    out.text(f"{meeting} of {len(rows)} library repositories meet the budget.")

    out.heading("Per kind")
    rows = []
    for kind in corpus.KINDS:
        fs = [f for f in findings if kind_of.get(f["repo"]) == kind]
        c = tally(fs, verdicts)
        rows.append((kind, sum(1 for m in run["repos"] if m["kind"] == kind), len(fs), c["true"], c["false"],
                     c["debatable"], c["unjudged"], precision(c["true"], c["false"])))
    out.table(["kind", "repositories"] + header[:-1], rows)

    if previous is not None:
        now, then = Counter(map(place, findings)), Counter(map(place, previous["findings"]))
        appeared, gone = now - then, then - now
        out.heading(f"Against the committed run (tool {previous['tool_commit']})")
        rules = sorted({p[1] for p in appeared} | {p[1] for p in gone} | set(per_rule))
        gone_verdicts = defaultdict(Counter)  # a true result that disappears is a recall loss
        for f in previous["findings"]:
            if place(f) in gone:
                v = verdicts.get(judgments.key(f))
                gone_verdicts[f["rule"]][v["verdict"] if v else "unjudged"] += 1
        def rule_precision(fs):
            c = tally(fs, verdicts)
            return precision(c["true"], c["false"])

        rows = [(r, sum(1 for f in previous["findings"] if f["rule"] == r), len(per_rule.get(r, [])),
                 sum(n for p, n in appeared.items() if p[1] == r), sum(n for p, n in gone.items() if p[1] == r),
                 "/".join(str(gone_verdicts[r][v]) for v in ("true", "false", "debatable", "unjudged")),
                 rule_precision([f for f in previous["findings"] if f["rule"] == r]),
                 rule_precision(per_rule.get(r, [])))
                for r in rules]
        out.table(["rule", "committed", "current", "appeared", "disappeared",
                   "disappeared true/false/debatable/unjudged", "precision before", "precision now"], rows)
        for title, diff, run_of in (("appeared", appeared, findings), ("disappeared", gone, previous["findings"])):
            if not diff:
                continue
            out.text(f"{title} ({sum(diff.values())}):")
            verdict_of = lambda f: (verdicts.get(judgments.key(f)) or {}).get("verdict", "unjudged")
            listed = sorted((f for f in run_of if place(f) in diff), key=place)
            if limit and len(listed) > limit:
                out.text(f"(the first {limit}; --limit 0 lists all)")
                listed = listed[:limit]
            for f in listed:
                out.text(f"{'- ' if markdown else '  '}{f['rule']} {f['repo']} {f['path']}:{f['line']} "
                         f"[{verdict_of(f)}] {f['message'][:140]}")
            out.text("")
    return "\n".join(out.lines) + "\n"


def judgment_rows(findings):
    """Rows for judgments.tsv with the verdict and why left for the judge; the message follows as a hint."""
    seen, lines = set(), ["\t".join(judgments.COLUMNS) + "\tmessage (delete before committing)"]
    for f in findings:
        k = judgments.key(f)
        if k in seen:
            continue
        seen.add(k)
        lines.append("\t".join([f["repo"], f["commit"], f["rule"], f["path"], str(f["line"]), "", "",
                                f["message"].replace("\t", " ")]))
    return "\n".join(lines) + "\n"


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--current", default=os.path.join(RESULTS, "current.json"))
    p.add_argument("--against", default=os.path.join(RESULTS, "committed.json"))
    p.add_argument("--markdown", action="store_true")
    p.add_argument("--unjudged", action="store_true")
    p.add_argument("--to-judge", action="store_true")
    p.add_argument("--rule", action="append", default=[], help="with --unjudged/--to-judge: only these rules")
    p.add_argument("--accept", action="store_true")
    p.add_argument("--limit", type=int, default=200, help="at most this many appeared/disappeared results listed")
    args = p.parse_args()

    if args.accept:
        shutil.copyfile(args.current, args.against)
        print(f"{args.current} -> {args.against}")
        return
    run = load_run(args.current)
    verdicts = judgments.load()
    if args.unjudged or args.to_judge:
        fs = [f for f in run["findings"] if not args.rule or f["rule"] in args.rule]
        if args.unjudged:
            wanted = [f for f in fs if judgments.key(f) not in verdicts]
        else:
            wanted = [f for f in judgments.to_judge(run["findings"], verdicts) if not args.rule or f["rule"] in args.rule]
        sys.stdout.write(judgment_rows(wanted))
        return
    previous = load_run(args.against) if os.path.exists(args.against) else None
    sys.stdout.write(report(run, previous, verdicts, args.markdown, args.limit))


if __name__ == "__main__":
    main()
