"""The two versions ``numlint diff`` compares: two files, ``git:REV:PATH`` for a file as it was at a
git revision, or every article changed since a revision (``--git REV``) against its version there.

Git is run as a subprocess (``git show REV:PATH``, ``git diff --name-only REV``), never written to.
A version that cannot be read is a ``VersionError`` naming it; the caller reports it in one line
and goes on with the other articles.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass

GIT_PREFIX = "git:"


class VersionError(Exception):
    """A version that cannot be read: the message names it and says why, in one line."""


@dataclass(frozen=True)
class Version:
    """One version of an article: the name to show, and its text (None until read)."""

    name: str     # as given: "story.md", "git:HEAD~1:story.md"
    path: str     # the path whose suffix gives the format (and the configuration)
    text: str


def _git(args: list[str], cwd: str | None = None) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except OSError as exc:
        raise VersionError(f"cannot run git: {exc.strerror or exc}") from None
    if done.returncode != 0:
        message = (done.stderr.decode("utf-8", "replace").strip().splitlines() or ["git failed"])[-1]
        raise VersionError(message.removeprefix("fatal: "))
    return done.stdout


def _decode(path: str, data: bytes) -> str:
    from numlint.sources import SourceError, decode_file

    try:
        return decode_file(path, data)
    except SourceError as exc:
        raise VersionError(str(exc)) from None


def parse_git_spec(spec: str) -> tuple[str, str]:
    """``git:REV:PATH`` -> (REV, PATH); ``git:PATH`` means ``git:HEAD:PATH``."""
    rest = spec[len(GIT_PREFIX):]
    rev, sep, path = rest.rpartition(":")
    if not sep:
        rev, path = "HEAD", rest
    if not path:
        raise VersionError(f"{spec}: give git:REV:PATH")
    return rev or "HEAD", path


def git_show(rev: str, path: str) -> str:
    """The text of ``path`` (relative to the current directory) at revision ``rev``."""
    directory = os.path.dirname(os.path.abspath(path)) or "."
    # "./name" makes git read the path relative to the current directory, not the repository root
    data = _git(["show", f"{rev}:./{os.path.basename(path)}"], cwd=directory)
    return _decode(path, data)


def read(spec: str) -> Version:
    """A version given on the command line: a file, or ``git:REV:PATH``."""
    if spec.startswith(GIT_PREFIX):
        rev, path = parse_git_spec(spec)
        return Version(spec, path, git_show(rev, path))
    from numlint.sources import SourceError, read_source

    try:
        return Version(spec, spec, read_source(spec))
    except SourceError as exc:
        raise VersionError(str(exc)) from None


def changed_articles(rev: str, paths: tuple[str, ...] = (), suffixes: tuple[str, ...] | None = None) -> list[str]:
    """Articles (by suffix) that differ between revision ``rev`` and the working copy, relative to
    the current directory, limited to ``paths`` when given; deleted files are left out."""
    from numlint.sources import DEFAULT_SUFFIXES

    suffixes = suffixes or DEFAULT_SUFFIXES
    top = _git(["rev-parse", "--show-toplevel"]).decode("utf-8").strip()
    _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"])
    listed = _git(["diff", "--name-only", "--no-renames", "--diff-filter=AMR", "-z", rev, "--", *paths])
    out = []
    for name in listed.decode("utf-8", "surrogateescape").split("\0"):
        if not name or not name.lower().endswith(tuple(suffixes)):
            continue
        out.append(os.path.relpath(os.path.join(top, name)))
    return sorted(out)


def at_revision(rev: str, path: str) -> Version:
    """``path`` as it was at ``rev``; an article added since then is an empty old version."""
    spec = f"{GIT_PREFIX}{rev}:{path}"
    try:
        return Version(spec, path, git_show(rev, path))
    except VersionError as exc:
        if "exists on disk, but not in" in str(exc) or "does not exist in" in str(exc):
            return Version(spec, path, "")
        raise
