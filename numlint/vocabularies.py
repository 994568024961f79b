"""Shared vocabularies: named word lists kept once in ``rules/vocabularies/*.toml``.

Each top-level key of those files is one vocabulary, a list of strings; a name is defined in one
file only. An item ``"@name"`` splices in another shared vocabulary, so a list can be "the change
words, plus these two". Rule definitions refer to a shared vocabulary the same way:

    [vocabularies]
    change_markers = "@change_markers"                 # the shared list itself
    change_words = ["@change_words", "tumbled"]        # the shared list and one more word

Code below the rules (facts, ``numlint.changes``) and kinds that want a list no rule names read
one directly: ``numlint.vocabularies.get("months")``. Nothing here imports the rest of numlint,
so any stage may use it.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

try:  # Python 3.11+
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

REFERENCE = "@"


class VocabularyError(Exception):
    """A shared vocabulary file is broken, or a reference names no shared vocabulary."""


def definitions_dir() -> Path:
    """Where the TOML rules are: inside the installed wheel, or rules/ at the top of a checkout."""
    here = Path(__file__).resolve().parent
    installed = here / "rule_definitions"
    if installed.is_dir():
        return installed
    return here.parent / "rules"


def vocabularies_dir() -> Path:
    return definitions_dir() / "vocabularies"


@functools.cache
def _raw() -> dict[str, tuple[tuple[str, ...], str]]:
    """name -> (items as written, file), every file read once per process."""
    out: dict[str, tuple[tuple[str, ...], str]] = {}
    for path in sorted(vocabularies_dir().glob("*.toml")):
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise VocabularyError(f"{path}: {exc}") from exc
        for name, items in data.items():
            if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
                raise VocabularyError(f"{path}: vocabulary {name!r} must be a list of strings")
            if name in out:
                raise VocabularyError(f"{path}: vocabulary {name!r} is already defined in {out[name][1]}")
            out[name] = (tuple(items), str(path))
    return out


def names() -> tuple[str, ...]:
    """Every shared vocabulary's name."""
    return tuple(sorted(_raw()))


def source(name: str) -> str:
    """The file that defines a shared vocabulary."""
    return _raw()[name][1]


@functools.cache
def get(name: str) -> tuple[str, ...]:
    """A shared vocabulary, its references spliced in (in order, each item once)."""
    return _expand(name, ())


def _expand(name: str, seen: tuple[str, ...]) -> tuple[str, ...]:
    raw = _raw()
    if name not in raw:
        raise VocabularyError(f"no shared vocabulary {name!r} (in {vocabularies_dir()}: {', '.join(sorted(raw))})")
    if name in seen:
        raise VocabularyError(f"shared vocabulary {name!r} refers to itself ({' -> '.join(seen + (name,))})")
    return resolve(raw[name][0], seen + (name,))


def resolve(items, _seen: tuple[str, ...] = ()) -> tuple[str, ...]:
    """A list as a rule or a vocabulary file writes it ("@name" items spliced in, in place), as a tuple;
    a bare string "@name" stands for the list ["@name"]."""
    if isinstance(items, str):
        items = [items]
    out: list[str] = []
    for item in items:
        if item.startswith(REFERENCE) and len(item) > 1:
            out.extend(_expand(item[1:], _seen))
        else:
            out.append(item)
    return tuple(out)


def alternation(words) -> str:
    """A regex alternation of the words, escaped, longest first (so "up from" wins over "up")."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
