"""Materialise every corpus repository, scan it with default settings, write results/current.json and counts.md.

Called by run.sh (which publishes the CLI); see README.md. Python standard library only.
"""

import argparse
import fcntl
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

import checkout
import corpus
import counts

RESULTS = os.path.join(corpus.HERE, "results")
SCAN_TIMEOUT = 900  # seconds per repository


def finding_row(repo, f):
    """One finding as committed: no source text beyond the tool's own message. A grouped finding (one for the data
    files, logs or run outputs of a folder: MLO101, MLO108, MLO109) keeps the other paths it names (`related`), so
    that the report's recall counts every file it reports."""
    row = {
        "repo": repo.name,
        "commit": repo.commit,
        "rule": f["ruleId"],
        "family": f.get("family", ""),
        "severity": f["severity"],
        "path": f["path"],
        "line": f.get("startLine", 0),
        "column": f.get("startColumn", 0),
        "fingerprint": f.get("fingerprint", ""),
        "message": f["message"],
    }
    related = [r["path"] for r in f.get("related", []) if r.get("path") and r["path"] != f["path"]]
    if related:
        row["related"] = sorted(set(related))
    return row


def sort_key(row):
    return (row["repo"], row["path"], row["line"], row["column"], row["rule"], row["fingerprint"], row["message"])


def dumps(result):
    """One repository or finding a line, keys in a fixed order: small, readable diffs between runs."""
    def lines(items):
        return ",\n".join("  " + json.dumps(item, ensure_ascii=False) for item in items)
    return (f'{{\n "tool_commit": {json.dumps(result["tool_commit"])},\n'
            f' "repos": [\n{lines(result["repos"])}\n ],\n'
            f' "findings": [\n{lines(result["findings"])}\n ]\n}}\n')


def scan_one(repo, args, log):
    # Several people may run the check at once on one machine: one lock per repository keeps two runs from
    # materialising or removing the same checkout at the same time.
    os.makedirs(os.path.join(args.eco_dir, ".locks"), exist_ok=True)
    with open(os.path.join(args.eco_dir, ".locks", repo.slug), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _scan_one(repo, args, log)


def _scan_one(repo, args, log):
    started = time.monotonic()
    snapshot = corpus.snapshot_git_dir(args.mirror, repo)
    try:
        state = checkout.materialise(repo, args.eco_dir, snapshot)
    except Exception as e:  # one broken repository must not stop the others
        log(f"{repo.name}: not materialised: {e}")
        return {"repo": repo.name, "commit": repo.commit, "kind": repo.kind, "status": f"not materialised: {e}"}, []
    dest = os.path.join(args.eco_dir, repo.slug)
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as out:
        report_path = out.name
    try:
        proc = subprocess.run(
            [os.path.join(args.cli, "mlops-lint"), "scan", dest, "--format", "json", "--output", report_path],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=SCAN_TIMEOUT,
            env={**os.environ, "NO_COLOR": "1", "DOTNET_CLI_TELEMETRY_OPTOUT": "1"})
        with open(report_path, encoding="utf-8") as f:
            report = json.load(f) if proc.returncode in (0, 1) else None
    except subprocess.TimeoutExpired:
        proc, report = None, None
    except (OSError, ValueError) as e:
        proc, report = None, None
        log(f"{repo.name}: unreadable report: {e}")
    finally:
        os.unlink(report_path)
    meta = {
        "repo": repo.name, "commit": repo.commit, "kind": repo.kind,
        "source": state["source"], "files": state["files"],
        "missing_blobs": state["missing_blobs"],
    }
    if report is None:
        why = "timed out" if proc is None else f"exit {proc.returncode}: {proc.stderr.decode(errors='replace')[-400:]}"
        meta["status"] = f"scan failed: {why}"
        log(f"{repo.name}: {meta['status']}")
        return meta, []
    rows = [finding_row(repo, f) for f in report.get("findings", [])]
    meta.update({
        "status": "ok",
        "files_scanned": report["summary"]["filesScanned"],
        "findings": len(rows),
        "diagnostics": sorted(d.get("message", str(d)) if isinstance(d, dict) else str(d)
                              for d in report.get("diagnostics", [])),
    })
    if not args.keep and not state["reused"]:  # a checkout someone kept for judging stays
        shutil.rmtree(dest, ignore_errors=True)
    log(f"{repo.name}: {len(rows)} findings, {state['missing_blobs']} blobs missing, "
        f"{time.monotonic() - started:.1f} s")
    return meta, rows


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--cli", required=True, help="folder holding a published mlops-lint")
    p.add_argument("--eco-dir", default=os.environ.get("ECO_DIR", "/tmp/mlops-eco"))
    p.add_argument("--mirror", default=os.environ.get("MIRROR_DIR", "/work/.mirror"))
    p.add_argument("--only", action="append", default=[], help="owner/name (repeatable); other repos keep their results")
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--keep", action="store_true", help="keep the checkouts (needed to judge findings)")
    p.add_argument("--tool-commit", default="unknown")
    p.add_argument("--results", default=RESULTS)
    args = p.parse_args()

    repos = corpus.load()
    if args.only:
        unknown = sorted(set(args.only) - {r.name for r in repos})
        if unknown:
            sys.exit(f"not in repos.tsv: {', '.join(unknown)}")
        repos = [r for r in repos if r.name in args.only]
    os.makedirs(args.eco_dir, exist_ok=True)
    # The configuration search walks up from the scanned folder: an empty file here stops it at the corpus root,
    # so every repository is scanned with the defaults whatever lies above ECO_DIR.
    open(os.path.join(args.eco_dir, "mlops-lint.toml"), "a").close()

    def log(message):
        print(message, file=sys.stderr, flush=True)

    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        done = list(pool.map(lambda r: scan_one(r, args, log), repos))

    current_path = os.path.join(args.results, "current.json")
    previous = {"repos": [], "findings": []}
    if args.only and os.path.exists(current_path):
        with open(current_path, encoding="utf-8") as f:
            previous = json.load(f)
    scanned = {r.name for r in repos}
    listed = {r.name for r in corpus.load()}
    metas = [m for m in previous["repos"] if m["repo"] not in scanned and m["repo"] in listed]
    rows = [r for r in previous["findings"] if r["repo"] not in scanned and r["repo"] in listed]
    for meta, found in done:
        metas.append(meta)
        rows.extend(found)
    result = {
        "tool_commit": args.tool_commit,
        "repos": sorted(metas, key=lambda m: m["repo"]),
        "findings": sorted(rows, key=sort_key),
    }
    os.makedirs(args.results, exist_ok=True)
    with open(current_path, "w", encoding="utf-8") as f:
        f.write(dumps(result))
    with open(os.path.join(args.results, "counts.md"), "w", encoding="utf-8") as f:
        f.write(counts.markdown(result, corpus.load()))
    failed = [m["repo"] for m in result["repos"] if m.get("status") != "ok"]
    log(f"{len(result['findings'])} findings in {len(result['repos'])} repositories -> {current_path}")
    if failed:
        log(f"not scanned: {', '.join(failed)}")
        sys.exit(1)


if __name__ == "__main__":
    main()
