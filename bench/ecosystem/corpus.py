"""The ecosystem corpus: repos.tsv parsed, and where each repository's snapshot lives."""

import os
from dataclasses import dataclass

HERE = os.path.dirname(os.path.abspath(__file__))
REPOS_TSV = os.path.join(HERE, "repos.tsv")
KINDS = ("course", "kaggle", "service", "research", "library")


@dataclass(frozen=True)
class Repo:
    name: str  # owner/name
    commit: str  # 40 hex digits
    kind: str
    why: str

    @property
    def slug(self):
        """owner+name: the folder name of a snapshot and of a checkout."""
        return self.name.replace("/", "+")


def load(path=REPOS_TSV):
    repos = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if len(cells) != 3 or "@" not in cells[0]:
                raise SystemExit(f"{path}:{number}: expected 'owner/name@sha<TAB>kind<TAB>why'")
            name, commit = cells[0].rsplit("@", 1)
            if len(commit) != 40 or any(c not in "0123456789abcdef" for c in commit):
                raise SystemExit(f"{path}:{number}: {commit!r} is not a 40-digit commit")
            if cells[1] not in KINDS:
                raise SystemExit(f"{path}:{number}: kind {cells[1]!r} is not one of {', '.join(KINDS)}")
            repos.append(Repo(name, commit, cells[1], cells[2]))
    names = [r.name for r in repos]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise SystemExit(f"{path}: listed twice: {', '.join(duplicates)}")
    return repos


def snapshot_git_dir(mirror_root, repo):
    """The bare git directory of a local snapshot (the fetch tool's layout), or None."""
    base = os.path.join(mirror_root, repo.slug, "repo")
    for candidate in (os.path.join(base, ".git"), base):
        if os.path.isfile(os.path.join(candidate, "HEAD")) and os.path.isdir(os.path.join(candidate, "objects")):
            return candidate
    return None
