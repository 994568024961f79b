"""The research corpora every bench script reads, and the one dev/test split they share.

The corpora are research material outside this repository: ``../shared/corpora`` beside the checkout
(as in CI), or ``$NUMLINT_SHARED/corpora``. No test reads them.

The split is fixed once, by a hash of each article's path relative to the corpora folder, so it does
not depend on the order files are listed in, on which corpora are present, or on anything numlint
computes. Tune and learn on ``dev``; measure on ``test`` and do not read its misses one by one.

    from bench.corpus import articles
    for path in articles(split="dev"): ...
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

SHARED = Path(os.environ.get("NUMLINT_SHARED", str(Path(__file__).resolve().parents[2] / "shared")))
CORPORA = SHARED / "corpora"

# name -> folder under CORPORA holding one article per .txt file
CORPUS_DIRS = {
    "bbc": "news/bbc-news-2005",
    "reuters": "news/reuters-21578",
    "modern": "modern-news/articles",
}
DEFAULT_CORPORA = ("bbc", "reuters", "modern")
SPLITS = ("dev", "test", "all")


def split_of(relative_path: str) -> str:
    """'dev' or 'test' for an article, from a hash of its path relative to the corpora folder."""
    digest = hashlib.sha256(relative_path.replace(os.sep, "/").encode("utf-8")).digest()
    return "dev" if digest[0] % 2 == 0 else "test"


def relative(path: Path) -> str:
    """An article's path relative to the corpora folder ('news/bbc-news-2005/business-001.txt')."""
    return Path(path).resolve().relative_to(CORPORA.resolve()).as_posix()


def corpus_of(path: Path) -> str:
    """'bbc', 'reuters' or 'modern' for an article path."""
    rel = relative(path)
    for name, folder in CORPUS_DIRS.items():
        if rel.startswith(folder + "/"):
            return name
    raise ValueError(f"{path}: not in a known corpus")


def articles(corpora=DEFAULT_CORPORA, split: str = "all") -> list[Path]:
    """Article paths of the named corpora (sorted), restricted to one half of the split."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {', '.join(SPLITS)}")
    if not CORPORA.is_dir():
        raise SystemExit(f"corpora not found at {CORPORA} (set NUMLINT_SHARED)")
    paths: list[Path] = []
    for name in corpora:
        folder = CORPORA / CORPUS_DIRS[name]
        for p in sorted(folder.glob("*.txt")):
            if p.name == "SOURCE.md":
                continue
            if split == "all" or split_of(relative(p)) == split:
                paths.append(p)
    return paths


if __name__ == "__main__":
    for name in DEFAULT_CORPORA:
        counts = {s: len(articles((name,), s)) for s in ("dev", "test")}
        print(f"{name:8} dev {counts['dev']:5}  test {counts['test']:5}")
