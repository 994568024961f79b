"""Baselines: record today's findings so that only new ones are reported (adopting numlint over an archive).

A finding is recorded by content, never by line: its file (relative to the git work tree, else the
current directory; forward slashes), its code,
``Finding.fingerprint`` (the code, the mention's text and metric, the related mentions' texts) and
an occurrence counter for identical findings in the same file. Moving a paragraph, or adding lines
above it, therefore keeps every baselined finding matched; changing the number itself makes a new
finding, which is the point. Matching is a multiset: two identical findings need two entries.

The file is JSON, written atomically (a temporary file beside it, then a rename)::

    {"numlint_baseline": 1, "numlint": "0.1.0",
     "findings": [{"path": "news/a.txt", "code": "NL101", "fingerprint": "9c1e...", "occurrence": 0,
                   "line": 5, "message": "..."}]}

``line`` and ``message`` are there for a person reading the file; matching ignores them.
"""

from __future__ import annotations

import functools
import json
import os
from collections import Counter
from pathlib import Path

from numlint import __version__
from numlint.model import FileResult, Finding

FORMAT_VERSION = 1


class BaselineError(Exception):
    """A baseline that cannot be read: a one-line reason (exit 2)."""


def display_path(path: str) -> str:
    """The path as recorded: relative to the current directory when inside it, forward slashes."""
    if path.startswith("<") or path == "-":
        return path
    absolute = os.path.abspath(path)
    try:
        rel = os.path.relpath(absolute)
    except ValueError:
        rel = absolute
    if rel.startswith(".."):
        rel = absolute
    return rel.replace(os.sep, "/")


@functools.lru_cache(maxsize=64)
def source_root(cwd: str | None = None) -> Path:
    """The git work tree that holds ``cwd`` (the current directory), else ``cwd`` itself: the root
    that baselines, SARIF and GitHub annotations name files from, so a baseline written at the top of
    a repository still matches when numlint runs from a subdirectory."""
    here = Path(cwd or os.getcwd()).resolve()
    for directory in (here, *here.parents):
        if (directory / ".git").exists():
            return directory
    return here


def repo_path(path: str, cwd: str | None = None) -> str:
    """A checked file's path relative to ``source_root`` with forward slashes (as given when outside it)."""
    if path.startswith("<") or path == "-":
        return path
    root = source_root(cwd or os.getcwd())
    absolute = os.path.abspath(path)
    try:
        rel = os.path.relpath(absolute, root)
    except ValueError:  # another drive on Windows
        return display_path(path)
    return display_path(path) if rel.startswith("..") else rel.replace(os.sep, "/")


def keyed(result: FileResult) -> list[tuple[tuple[str, str, str, int], Finding]]:
    """Each finding of a file with its baseline key (path, code, fingerprint, occurrence)."""
    path = repo_path(result.path)
    seen: Counter = Counter()
    out = []
    for f in result.findings:
        base = (path, f.code, f.fingerprint or _fallback(f))
        out.append(((*base, seen[base]), f))
        seen[base] += 1
    return out


def _fallback(f: Finding) -> str:
    # A finding built without a fingerprint (by hand, in a test): its code and message still do not
    # depend on the line.
    import hashlib

    return hashlib.sha256(f"{f.code}\x1f{f.message}".encode()).hexdigest()[:16]


def render(results: list[FileResult]) -> str:
    entries = []
    for result in results:
        for (path, code, fingerprint, occurrence), f in keyed(result):
            entries.append(
                {"path": path, "code": code, "fingerprint": fingerprint, "occurrence": occurrence,
                 "line": f.line, "message": f.message}
            )
    payload = {"numlint_baseline": FORMAT_VERSION, "numlint": __version__, "findings": entries}
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def load(path: str) -> Counter:
    """The multiset of keys in a baseline file."""
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except FileNotFoundError:
        raise BaselineError(f"{path}: no such baseline file (create it with --write-baseline)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{path}: cannot read baseline: {exc}") from None
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{path}:{exc.lineno}: not a numlint baseline (invalid JSON: {exc.msg})") from None
    if (not isinstance(data, dict) or data.get("numlint_baseline") != FORMAT_VERSION
            or not isinstance(data.get("findings"), list)):
        raise BaselineError(f"{path}: not a numlint baseline (expected \"numlint_baseline\": {FORMAT_VERSION})")
    keys: Counter = Counter()
    for entry in data["findings"]:
        try:
            keys[(entry["path"], entry["code"], entry["fingerprint"], int(entry.get("occurrence", 0)))] += 1
        except (KeyError, TypeError, ValueError):
            raise BaselineError(f"{path}: malformed entry {entry!r}") from None
    return keys


def filter_new(results: list[FileResult], baseline: Counter) -> tuple[list[FileResult], int]:
    """The results with baselined findings removed, and how many were removed."""
    import dataclasses

    remaining = Counter(baseline)
    removed = 0
    out = []
    for result in results:
        kept = []
        for key, f in keyed(result):
            if remaining[key] > 0:
                remaining[key] -= 1
                removed += 1
            else:
                kept.append(f)
        out.append(dataclasses.replace(result, findings=tuple(kept)) if len(kept) != len(result.findings) else result)
    return out, removed
