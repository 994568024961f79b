"""Baselines: record today's findings so that only new ones are reported (adopting numlint over an archive).

A finding is recorded by content, never by line: its file (relative to the directory that holds the
baseline file, forward slashes, so the baseline matches whatever directory numlint runs from), its code,
``Finding.fingerprint`` (the code, the mention's text and metric, the related mentions' texts) and
an occurrence counter for identical findings in the same file. Moving a paragraph, or adding lines
above it, therefore keeps every baselined finding matched; changing the number itself makes a new
finding, which is the point. Matching is a multiset: two identical findings need two entries.

The file is JSON, written atomically (a temporary file beside it, then a rename)::

    {"numlint_baseline": 1, "numlint": "0.1.0", "paths": "relative to this file",
     "findings": [{"path": "news/a.txt", "code": "NL101", "fingerprint": "9c1e...", "occurrence": 0,
                   "line": 5, "message": "..."}]}

A baseline without ``"paths"`` (written before 0.1.0's relative paths) names files from the git work
tree, else the current directory, as it was written; it is still read that way.

A baseline is read like a configuration file: a regular file of bounded size (a FIFO or
``/dev/zero`` is refused, not read forever), UTF-8 with or without a BOM; anything wrong with it is
a one-line error, its echo of a bad entry cut short.
``line`` and ``message`` are there for a person reading the file; matching ignores them.
"""

from __future__ import annotations

import functools
import json
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from numlint import __version__
from numlint.model import FileResult, Finding

FORMAT_VERSION = 1


PATHS_RELATIVE_TO_FILE = "relative to this file"
MAX_ECHO = 120  # characters of a bad entry repeated in an error message


class BaselineError(Exception):
    """A baseline that cannot be read: a one-line reason (exit 2)."""


@dataclass(frozen=True)
class Baseline:
    """The recorded findings: a multiset of (path, code, fingerprint, occurrence), each path
    relative to ``root`` (the baseline file's directory; for an old baseline, the source root)."""

    keys: Counter
    root: str


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


def relative_path(path: str, root: str) -> str:
    """``path`` relative to the directory ``root``, forward slashes ("../news/a.txt" is fine);
    stdin's name as it is, and an absolute path when there is no relative one (another drive)."""
    if path.startswith("<") or path == "-":
        return path
    try:
        rel = os.path.relpath(os.path.abspath(path), root)
    except ValueError:  # another drive on Windows
        return os.path.abspath(path).replace(os.sep, "/")
    return rel.replace(os.sep, "/")


def keyed(result: FileResult, root: str | None = None) -> list[tuple[tuple[str, str, str, int], Finding]]:
    """Each finding of a file with its baseline key (path, code, fingerprint, occurrence); the path
    is relative to ``root``, or (None) to ``source_root`` as ``repo_path`` gives it."""
    path = repo_path(result.path) if root is None else relative_path(result.path, root)
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


def render(results: list[FileResult], baseline_path: str | None = None) -> str:
    """The baseline file's text; paths relative to the directory ``baseline_path`` is in (the
    current directory when None)."""
    root = os.path.dirname(os.path.abspath(baseline_path or "baseline.json"))
    entries = []
    for result in results:
        for (path, code, fingerprint, occurrence), f in keyed(result, root):
            entries.append(
                {"path": path, "code": code, "fingerprint": fingerprint, "occurrence": occurrence,
                 "line": f.line, "message": f.message}
            )
    payload = {"numlint_baseline": FORMAT_VERSION, "numlint": __version__, "paths": PATHS_RELATIVE_TO_FILE,
               "findings": entries}
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def _echo(value) -> str:
    """A short repr for an error message: a 3 MB entry must not become a 3 MB line."""
    try:
        text = repr(value)
    except RecursionError:
        text = "<nested too deeply>"
    return text if len(text) <= MAX_ECHO else text[:MAX_ECHO - 1] + "…"


def _no_constant(name: str):
    raise ValueError(f"{name} is not a number a baseline holds")


def _occurrence(value) -> int:
    """A count written by numlint: a non-negative integer (no bool, no 1e400, no Infinity)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError("occurrence is not a non-negative integer")
    return value


def load(path: str) -> Baseline:
    """The findings recorded in a baseline file (``BaselineError`` with a one-line reason)."""
    from numlint.sources import SourceError, read_bounded

    try:
        raw = read_bounded(path)
    except FileNotFoundError:
        raise BaselineError(f"{path}: no such baseline file (create it with --write-baseline)") from None
    except SourceError as exc:
        raise BaselineError(f"{path}: cannot read baseline: {exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BaselineError(f"{path}: not a numlint baseline (not UTF-8 at byte {exc.start})") from None
    try:
        data = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{path}:{exc.lineno}: not a numlint baseline (invalid JSON: {exc.msg})") from None
    except ValueError as exc:
        raise BaselineError(f"{path}: not a numlint baseline ({exc})") from None
    except RecursionError:
        raise BaselineError(f"{path}: not a numlint baseline (JSON nested too deeply)") from None
    if (not isinstance(data, dict) or data.get("numlint_baseline") != FORMAT_VERSION
            or not isinstance(data.get("findings"), list)):
        raise BaselineError(f"{path}: not a numlint baseline (expected \"numlint_baseline\": {FORMAT_VERSION})")
    keys: Counter = Counter()
    for number, entry in enumerate(data["findings"], start=1):
        try:
            key = (entry["path"], entry["code"], entry["fingerprint"], _occurrence(entry.get("occurrence", 0)))
            if not all(isinstance(part, str) for part in key[:3]):
                raise TypeError("path, code and fingerprint are strings")
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            why = f"missing {exc}" if isinstance(exc, KeyError) else str(exc)
            raise BaselineError(f"{path}: malformed entry {number} ({why}): {_echo(entry)}") from None
        keys[key] += 1
    if data.get("paths") == PATHS_RELATIVE_TO_FILE:
        root = os.path.dirname(os.path.abspath(path))
    else:  # an old baseline: from the source root, as it was written
        root = str(source_root())
    return Baseline(keys, root)


def filter_new(results: list[FileResult], baseline: Baseline | Counter) -> tuple[list[FileResult], int]:
    """The results with baselined findings removed, and how many were removed. A bare Counter is
    keyed from the source root (``keyed``'s default)."""
    import dataclasses

    root = baseline.root if isinstance(baseline, Baseline) else None
    remaining = Counter(baseline.keys if isinstance(baseline, Baseline) else baseline)
    removed = 0
    out = []
    for result in results:
        kept = []
        for key, f in keyed(result, root):
            if remaining[key] > 0:
                remaining[key] -= 1
                removed += 1
            else:
                kept.append(f)
        out.append(dataclasses.replace(result, findings=tuple(kept)) if len(kept) != len(result.findings) else result)
    return out, removed
