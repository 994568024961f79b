"""Finding and reading the files to check: directory walks, decoding, one-line input errors.

Nothing here writes: numlint never modifies, creates or deletes a user's file (``--output`` is the
reporters' business and is atomic).
"""

from __future__ import annotations

import codecs
import fnmatch
import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


class SourceError(Exception):
    """A file that cannot be checked; str(exc) is the one-line reason (the path is added by callers)."""


@dataclass(frozen=True)
class SourcePath:
    path: str               # as the user should see it (relative when given relative)
    error: str | None = None


def _excluded(path: str, exclude: tuple[str, ...]) -> bool:
    parts = Path(path).parts
    return any(
        fnmatch.fnmatch(path, pat) or fnmatch.fnmatch(Path(path).name, pat) or any(fnmatch.fnmatch(p, pat) for p in parts)
        for pat in exclude
    )


def iter_sources(paths, suffixes=DEFAULT_SUFFIXES, exclude: tuple[str, ...] = ()):
    """Yield a SourcePath for every file named or found under a named directory, in a stable order.

    Files named explicitly are always checked (pre-commit passes exactly the files it wants);
    directories are walked for ``suffixes``. Symlinked directories are followed once: a loop is
    cut by remembering the real paths already walked.
    """
    for given in paths:
        if not os.path.lexists(given):
            yield SourcePath(given, "no such file or directory")
            continue
        if not os.path.isdir(given):
            yield SourcePath(given)
            continue
        seen: set[str] = set()
        for root, dirs, files in os.walk(given, followlinks=True, onerror=None):
            real = os.path.realpath(root)
            if real in seen:
                dirs[:] = []
                continue
            seen.add(real)
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not _excluded(os.path.join(root, d), exclude))
            for name in sorted(files):
                full = os.path.join(root, name)
                if name.lower().endswith(tuple(suffixes)) and not _excluded(full, exclude):
                    yield SourcePath(full)


def decode(data: bytes) -> str:
    """Bytes -> text: UTF-8 with or without a BOM. Anything else is a SourceError saying what it is."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise SourceError("UTF-16 text is not supported; save the file as UTF-8")
    sample = data[:8192]
    if sample and sample.count(0) > len(sample) // 10:
        raise SourceError("binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(f"not valid UTF-8 (byte {exc.start}: {data[exc.start:exc.start + 1]!r}); save the file as UTF-8") from None


def read_source(path: str) -> str:
    """The decoded text of one file, or a SourceError with a one-line reason."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except IsADirectoryError:
        raise SourceError("is a directory") from None
    except PermissionError:
        raise SourceError("permission denied") from None
    except FileNotFoundError:
        raise SourceError("no such file or directory") from None
    except OSError as exc:
        raise SourceError(exc.strerror or str(exc)) from None
    return decode(data)
