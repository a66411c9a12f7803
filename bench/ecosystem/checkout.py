"""Materialise one corpus repository at its pinned commit, surviving blobs a snapshot lacks.

A snapshot of a public repository may lack some blobs (files of 4 MiB and more, Git LFS content). `git checkout`
stops at the first missing blob, so the tree is checked out by hand: the index is read from the pinned commit's
tree (trees are always there), and only the blobs that exist are written to the work tree. A missing file is then
tracked but absent from the work tree, as in a sparse or partial checkout; how many were missing is recorded.
"""

import json
import os
import shutil
import subprocess

MARKER = "mlops-eco.json"  # inside .git: what was materialised, so a rerun can reuse the checkout


def git(*args, cwd=None, stdin=None, check=True):
    result = subprocess.run(
        ["git", "-c", "core.autocrlf=false", "-c", "advice.detachedHead=false", *args],
        cwd=cwd, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if check and result.returncode != 0:
        raise RuntimeError(f"git {' '.join(args[:3])}… failed: {result.stderr.decode(errors='replace').strip()}")
    return result


def _reusable(dest, repo):
    marker = os.path.join(dest, ".git", MARKER)
    try:
        with open(marker, encoding="utf-8") as f:
            state = json.load(f)
    except (OSError, ValueError):
        return None
    return state if state.get("commit") == repo.commit else None


def _clone(source, dest, commit):
    git("clone", "--quiet", "--no-checkout", source, dest)
    if git("cat-file", "-e", f"{commit}^{{commit}}", cwd=dest, check=False).returncode != 0:
        git("fetch", "--quiet", "origin", commit, cwd=dest)  # a remote clone whose branches moved on


def _github_origin(dest, repo):
    """origin names the repository on GitHub, as in a user's clone (a snapshot clone would name the local mirror): the
    tool learns the repository's owner from it (MLO208's first-party actions)."""
    git("config", "remote.origin.url", f"https://github.com/{repo.name}.git", cwd=dest)


def _tree_entries(dest, commit):
    """(mode, sha, path) of every file in the commit's tree; gitlinks (submodules) are left out."""
    out = git("ls-tree", "-r", "-z", "--full-tree", commit, cwd=dest).stdout.decode("utf-8", "surrogateescape")
    entries = []
    for record in out.split("\0"):
        if not record:
            continue
        meta, path = record.split("\t", 1)
        mode, kind, sha = meta.split(" ")
        if kind == "blob":
            entries.append((mode, sha, path))
    return entries


def _missing_blobs(dest, shas):
    if not shas:
        return set()
    stdin = "".join(f"{sha}\n" for sha in shas).encode()
    out = git("cat-file", "--batch-check=%(objectname) %(objecttype)", cwd=dest, stdin=stdin).stdout.decode()
    return {line.split(" ")[0] for line in out.splitlines() if line.endswith(" missing")}


def materialise(repo, eco_dir, snapshot):
    """Check out repo at its commit into eco_dir/owner+name; snapshot is a local git dir or None (then GitHub).

    Returns {"source", "files", "missing_blobs", "missing_paths"}."""
    dest = os.path.join(eco_dir, repo.slug)
    state = _reusable(dest, repo)
    if state is not None:
        _github_origin(dest, repo)
        return {**state, "reused": True}
    shutil.rmtree(dest, ignore_errors=True)
    source = snapshot or f"https://github.com/{repo.name}.git"
    _clone(source, dest, repo.commit)
    _github_origin(dest, repo)
    git("update-ref", "--no-deref", "HEAD", repo.commit, cwd=dest)
    git("read-tree", repo.commit, cwd=dest)
    entries = _tree_entries(dest, repo.commit)
    missing = _missing_blobs(dest, sorted({sha for _, sha, _ in entries}))
    present = [path for _, sha, path in entries if sha not in missing]
    git("checkout-index", "--force", "-z", "--stdin", cwd=dest,
        stdin="".join(p + "\0" for p in present).encode("utf-8", "surrogateescape"))
    git("update-index", "-q", "--refresh", cwd=dest, check=False)  # missing files answer "needs update"
    state = {
        "commit": repo.commit,
        "source": "snapshot" if snapshot else "github",
        "files": len(entries),
        "missing_blobs": len(entries) - len(present),
        "missing_paths": sorted(path for _, sha, path in entries if sha in missing),
    }
    with open(os.path.join(dest, ".git", MARKER), "w", encoding="utf-8") as f:
        json.dump(state, f, indent=1, sort_keys=True)
    return {**state, "reused": False}
