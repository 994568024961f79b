"""Configuration: defaults < pyproject [tool.numlint] / .numlint.toml < --config < command line.

Selection works by code prefix, as in ruff: ``NL1`` selects every NL1xx rule.

Where settings come from:

* a ``.numlint.toml`` (top-level keys) or a ``pyproject.toml`` with a ``[tool.numlint]`` table, found
  by walking up from each checked file's directory; the nearest wins (in one directory
  ``.numlint.toml`` beats ``pyproject.toml``); a ``pyproject.toml`` without ``[tool.numlint]`` is
  passed over. The walk stops at the root of the git repository holding the file (the directory
  with ``.git``) or at the user's home, whichever it meets first, so a checkout never picks up a
  stray file above it. Lookups are cached per directory, so an archive of 10,000 articles reads each
  config file once;
* a discovered file writable by anyone, or (outside a git repository) owned by another user or
  writable by its group, is ignored with a warning: whoever can write it could otherwise change
  what a commit hook lets through (``untrusted_reason``);
* ``extend = "../pyproject.toml"`` (ruff's meaning) reads that file first, then lays this file's
  settings over it: a key set here replaces the extended value, ``extend-select``, ``ignore`` and
  ``extend-exclude`` add to it (unless this file sets ``select``, which starts the selection over),
  and per-rule tables are merged key by key. Paths in each file are relative to that file;
* ``--config FILE`` replaces discovery: that file applies to every checked file; it must be a
  regular file (a FIFO or a device is refused, not read);
* the command line overrides both.

Every problem in a file is a ``ConfigError`` whose message starts ``FILE:LINE:`` so the user can
jump to it; the CLI prints it as ``numlint: FILE:LINE: what is wrong`` and exits 2. The keys and
their types are declared once, in ``TOP_KEYS`` below and the rule kinds' ``Option`` declarations;
``numlint.schema`` turns the same declarations into the published JSON Schema.
"""

from __future__ import annotations

import fnmatch
import glob
import os
import re
import stat
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any

from numlint.options import OptionError

try:  # Python 3.11+
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

FAIL_ON = ("error", "warning", "info")
SEVERITIES = ("info", "warning", "error")
FORMATS = ("text", "concise", "json", "sarif", "github", "html")
CONFIG_FILES = (".numlint.toml", "pyproject.toml")


class ConfigError(Exception):
    """A configuration problem the user must fix: reported as one line, exit code 2."""


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()          # empty = every rule that is on by default
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str = "warning"
    severity: dict[str, str] = field(default_factory=dict)       # code -> severity override
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)  # code or name -> options
    # glob -> codes ignored for files that match it (relative to ``root``, or the file's name).
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    include: tuple[str, ...] = ()         # globs of files to take from a walked directory (empty = default suffixes)
    exclude: tuple[str, ...] = ()         # globs of files and directories to skip in a walk
    format: str | None = None             # report format; None = text (github under GitHub Actions)
    force_exclude: bool = False           # apply exclude to paths named on the command line too (ruff's meaning)
    html_scope: str = "article"           # HTML read: "article" (without the page's chrome) or "all"
    root: str | None = None               # directory of the config file the settings came from
    source: str | None = None             # that file, for messages

    def is_selected(self, code: str, enabled_by_default: bool) -> bool:
        """A rule runs when selected (explicitly, by prefix) and not ignored by a longer prefix."""
        chosen = _longest_prefix(code, self.select + self.extend_select)
        dropped = _longest_prefix(code, self.ignore)
        if chosen is None:
            if self.select:
                return False
            if not enabled_by_default:
                return False
            chosen = ""
        # The more specific prefix wins; on a tie, ignore wins (select NL1, ignore NL1 -> off).
        return dropped is None or len(dropped) < len(chosen)

    def for_path(self, path: str) -> Config:
        """This configuration with the ``per-file-ignores`` that match ``path`` added to ``ignore``."""
        extra: list[str] = []
        for pattern, codes in self.per_file_ignores:
            if path_matches(path, pattern, self.root):
                extra.extend(codes)
        if not extra:
            return self
        return replace(self, ignore=self.ignore + tuple(extra))


def _longest_prefix(code: str, prefixes: tuple[str, ...]) -> str | None:
    best = None
    for prefix in prefixes:
        p = prefix.strip().upper()
        if p == "ALL":
            p = ""
        if code.startswith(p) and (best is None or len(p) > len(best)):
            best = p
    return best


def path_matches(path: str, pattern: str, root: str | None = None) -> bool:
    """Whether a glob matches a path: its path relative to ``root`` (or as given), or, for a pattern
    without a slash, its file name. ``**/`` may stand for no directory at all, as in gitignore."""
    candidates = {PurePosixPath(path.replace(os.sep, "/")).as_posix()}
    if root is not None:
        try:
            rel = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
        except ValueError:  # another drive on Windows
            rel = None
        if rel is not None and not rel.startswith(".."):
            candidates.add(rel.replace(os.sep, "/"))
    patterns = {pattern, pattern[3:]} if pattern.startswith("**/") else {pattern}
    for cand in candidates:
        for pat in patterns:
            if fnmatch.fnmatchcase(cand, pat):
                return True
            if "/" not in pat and fnmatch.fnmatchcase(PurePosixPath(cand).name, pat):
                return True
    return False


def is_force_excluded(path: str, config: Config) -> bool:
    """Whether a path named on the command line is skipped: ``force-exclude`` is on and an
    ``exclude`` glob matches the path or one of its directories (as a walk would have pruned it)."""
    if not config.force_exclude or not config.exclude:
        return False
    parts = PurePosixPath(os.path.normpath(path).replace(os.sep, "/")).parts
    prefixes = ["/".join(parts[:i]) for i in range(1, len(parts) + 1)]
    if parts and parts[0] == "/":
        prefixes = ["/" + "/".join(parts[1:i]) for i in range(2, len(parts) + 1)]
    return any(path_matches(p, pattern, config.root) for p in prefixes for pattern in config.exclude)


# ---------------------------------------------------------------------------------------------
# Reading and validating one file

# Every top-level key: (kind of value, what it does). The one declaration of the file format; the
# reader below and the JSON Schema (numlint/schema.py) are both written from it.
TOP_KEYS: dict[str, tuple[str, str]] = {
    "extend": ("path", "Another config file (relative to this one) read first; this file's settings are laid over it."),
    "select": ("codes", "Rule codes, prefixes (NL1) or names to check; replaces the default selection."),
    "extend-select": ("codes", "Codes, prefixes or names to check in addition to the selected ones."),
    "ignore": ("codes", "Codes, prefixes or names to skip."),
    "per-file-ignores": ("table", "Glob (relative to this file) = codes ignored in the files it matches."),
    "fail-on": ("fail-on", "Lowest severity that makes the exit status 1."),
    "include": ("globs", "Globs of the files to take from a walked directory (default: .txt, .md, .markdown, "
                         ".html, .htm)."),
    "exclude": ("globs", "Globs of files and directories to skip when walking a directory."),
    "extend-exclude": ("globs", "Globs added to exclude (also to an extended file's)."),
    "force-exclude": ("bool", "Apply exclude to files named on the command line too, as pre-commit names them."),
    "format": ("format", "Report format (default text; github under GitHub Actions)."),
    "rules": ("table", "Per-rule tables, [rules.NL101] or [rules.conflicting-values]: severity, options, "
                       "vocabulary additions."),
}
_TOP_KEYS = {key: kind for key, (kind, _) in TOP_KEYS.items()}
_RULE_RESERVED = {"severity"}


def _line_of(text: str, table: tuple[str, ...], key: str | None) -> int:
    """The 1-based line where ``key`` is set inside ``[table]`` (or where the table starts).

    tomllib gives values, not positions; a light scan of headers and ``key =`` lines finds where a
    setting was written, which is all an error message needs. Falls back to the table's header, then 1.
    """
    header_re = re.compile(r"^\s*\[\s*([^\[\]]+?)\s*\]\s*(#.*)?$")
    wanted = tuple(p.strip('"\'') for p in table)
    current: tuple[str, ...] = ()
    header_line = 1
    key_re = re.compile(r"^\s*(?:\"([^\"]*)\"|'([^']*)'|([A-Za-z0-9_\-]+))\s*[=.]") if key is not None else None
    for number, line in enumerate(text.splitlines(), start=1):
        m = header_re.match(line)
        if m:
            current = tuple(part.strip().strip('"\'') for part in _split_dotted(m.group(1)))
            if key is not None and current[:len(wanted) + 1] == wanted + (key,):
                return number  # the key is a table of its own: [tool.numlint.rules.NL777]
            if current == wanted:
                header_line = number
            continue
        if key_re is not None and current == wanted:
            km = key_re.match(line)
            if km and (km.group(1) or km.group(2) or km.group(3)) == key:
                return number
    # Inline or dotted forms (``rules.NL101 = {..}``, ``[tool.numlint] rules = {...}``): search loosely.
    if key is not None:
        loose = re.compile(r"(^|[\s{,.\"'])" + re.escape(key) + r"[\"']?\s*[=.]")
        for number, line in enumerate(text.splitlines(), start=1):
            if loose.search(line):
                return number
    return header_line


def _split_dotted(name: str) -> list[str]:
    return [p for p in re.findall(r"\"[^\"]*\"|'[^']*'|[^.]+", name)]


def shown(path: Path) -> str:
    """A config file's path as messages show it: relative to the current directory when inside it."""
    if not path.is_absolute():
        return str(path)
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if rel.startswith("..") else rel


class _FileReader:
    """Validates the settings of one file; every error names the file and the line."""

    def __init__(self, path: Path, text: str, table: tuple[str, ...]):
        self.path = shown(path)
        self.text = text
        self.table = table

    def fail(self, message: str, key: str | None = None, table: tuple[str, ...] | None = None) -> ConfigError:
        line = _line_of(self.text, table if table is not None else self.table, key)
        return ConfigError(f"{self.path}:{line}: {message}")

    def codes(self, key: str, value: Any, known: dict) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(f"'{key}' must be a list of rule codes, e.g. [\"NL1\", \"NL301\"]", key)
        try:
            return resolve_codes(value, known)
        except ValueError as exc:
            raise self.fail(f"'{key}': {exc}", key) from None

    def globs(self, key: str, value: Any) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(f"'{key}' must be a list of glob patterns", key)
        return tuple(value)


def resolve_codes(values, known: dict) -> tuple[str, ...]:
    """Codes, code prefixes (``NL1``), ``ALL`` or rule names (``percent-vs-points``) as codes and
    prefixes, upper-cased; ``ValueError`` names the first that is none of these."""
    names = {spec.name.lower(): code for code, spec in known.items()}
    out = []
    for given in values:
        value = given.strip()
        code = value.upper()
        if code == "ALL" or any(k.startswith(code) for k in known):
            out.append(code)
        elif value.lower() in names:
            out.append(names[value.lower()])
        else:
            raise ValueError(f"unknown rule code {code!r} (see 'numlint rules')")
    return tuple(out)


def _known_rules() -> dict:
    from numlint.registry import load_rules

    return load_rules()


MAX_CONFIG_BYTES = 1024 * 1024   # a config file is a few hundred bytes; past this it is not one


def _read_text(path: Path) -> str:
    """A config file's text, refusing what is not a regular file (a FIFO would block, /dev/zero never
    ends) and anything larger than ``MAX_CONFIG_BYTES``: one-line ``ConfigError`` either way."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise ConfigError(f"{shown(path)}: no such config file") from None
    except OSError as exc:
        raise ConfigError(f"{shown(path)}: cannot read config file: {exc.strerror or exc}") from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            what = ("a directory" if stat.S_ISDIR(mode) else "a FIFO" if stat.S_ISFIFO(mode)
                    else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "a socket" if stat.S_ISSOCK(mode)
                    else "not a regular file")
            raise ConfigError(f"{shown(path)}: cannot read config file: {what}, not a regular file")
        with os.fdopen(fd, "rb", closefd=True) as fh:
            fd = -1
            data = fh.read(MAX_CONFIG_BYTES + 1)
    except OSError as exc:
        raise ConfigError(f"{shown(path)}: cannot read config file: {exc.strerror or exc}") from None
    finally:
        if fd >= 0:
            os.close(fd)
    if len(data) > MAX_CONFIG_BYTES:
        raise ConfigError(f"{shown(path)}: cannot read config file: larger than {MAX_CONFIG_BYTES // 1024} kB")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{shown(path)}: cannot read config file: not valid UTF-8 ({exc.reason})") from None


def _parse(path: Path, text: str) -> dict:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # tomllib: "Expected '=' after a key in a key/value pair (at line 3, column 7)"
        m = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        line = m.group(1) if m else "1"
        what = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc)) if m else str(exc)
        col = f" (column {m.group(2)})" if m else ""
        raise ConfigError(f"{shown(path)}:{line}: invalid TOML: {what}{col}") from None
    except RecursionError:
        # tomllib parses nested arrays and inline tables recursively: thousands of "[" exhaust the stack
        raise ConfigError(f"{shown(path)}:1: invalid TOML: arrays or tables nested too deeply") from None


def read_config_file(path: str | os.PathLike, known: dict | None = None, _extending: tuple[str, ...] = ()) -> Config:
    """The settings of one config file (``.numlint.toml``, ``pyproject.toml`` or any TOML given by
    ``--config``), validated, with the file it ``extend``s laid under it. A ``pyproject.toml`` uses
    its ``[tool.numlint]`` table; any other file its top level (or its ``[tool.numlint]`` table when
    it has one)."""
    path = Path(path)
    text = _read_text(path)
    data = _parse(path, text)
    tool = data.get("tool", {}).get("numlint") if isinstance(data.get("tool"), dict) else None
    if path.name == "pyproject.toml" or tool is not None:
        table: tuple[str, ...] = ("tool", "numlint")
        settings = tool if isinstance(tool, dict) else {}
    else:
        table = ()
        settings = data
    known = known if known is not None else _known_rules()
    values = _settings(path, text, table, settings, known)
    if "extend" not in values:
        return Config(**_finish(values))
    reader = _FileReader(path, text, table)
    target = (path.parent / values.pop("extend")).resolve()
    chain = _extending + (str(path.resolve()),)
    if str(target) in chain:
        cycle = " -> ".join(shown(Path(p)) for p in chain + (str(target),))
        raise reader.fail(f"'extend' makes a cycle: {cycle}", "extend")
    if not target.exists():
        raise reader.fail(f"'extend' names {shown(target)}, which does not exist", "extend")
    base = read_config_file(target, known, chain)
    return _laid_over(base, values)


def _finish(values: dict[str, Any]) -> dict[str, Any]:
    """Config fields from one file's values: extend-exclude added to exclude."""
    values = dict(values)
    if "extend_exclude" in values:
        values["exclude"] = values.get("exclude", ()) + values.pop("extend_exclude")
    return values


def _rebased(pattern: str, root: str | None) -> str:
    """An extended file's glob, anchored at that file's directory so it keeps its meaning under the
    extending file's root: "archive/**" -> "/abs/parent/archive/**". Name patterns (no slash) and
    "**/" patterns match anywhere and are kept."""
    if root is None or "/" not in pattern or pattern.startswith(("**/", "/")):
        return pattern
    return glob.escape(root.replace(os.sep, "/")) + "/" + pattern


def _laid_over(base: Config, values: dict[str, Any]) -> Config:
    """``values`` (one file's settings, as set) over ``base`` (the file it extends), as ruff does."""
    out: dict[str, Any] = {
        "select": base.select, "extend_select": base.extend_select, "ignore": base.ignore,
        "fail_on": base.fail_on, "format": base.format, "force_exclude": base.force_exclude,
        "include": tuple(_rebased(p, base.root) for p in base.include),
        "exclude": tuple(_rebased(p, base.root) for p in base.exclude),
        "per_file_ignores": tuple((_rebased(p, base.root), c) for p, c in base.per_file_ignores),
        "severity": dict(base.severity),
        "rule_options": {code: dict(opts) for code, opts in base.rule_options.items()},
    }
    if "select" in values:
        # a selection of its own starts over, dropping what the extended file added or ignored
        out.update(select=values["select"], extend_select=(), ignore=())
    out["extend_select"] += values.get("extend_select", ())
    out["ignore"] += values.get("ignore", ())
    for key in ("fail_on", "format", "force_exclude", "include", "exclude", "per_file_ignores"):
        if key in values:
            out[key] = values[key]
    out["exclude"] += values.get("extend_exclude", ())
    out["severity"].update(values.get("severity", {}))
    for code, opts in values.get("rule_options", {}).items():
        out["rule_options"].setdefault(code, {}).update(opts)
    out["root"], out["source"] = values["root"], values["source"]
    return Config(**out)


def has_numlint_table(path: Path) -> bool:
    """Whether a pyproject.toml configures numlint (without validating it)."""
    try:
        text = _read_text(path)
    except ConfigError:
        return False
    if "numlint" not in text:
        return False
    try:
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError):
        return True  # let read_config_file report where it is broken
    tool = data.get("tool")
    return isinstance(tool, dict) and "numlint" in tool


def _settings(path: Path, text: str, table: tuple[str, ...], settings: dict, known: dict) -> dict[str, Any]:
    """The settings one file sets, validated, as Config field name -> value (only those it sets)."""
    reader = _FileReader(path, text, table)
    values: dict[str, Any] = {"root": str(path.parent.resolve()), "source": str(path)}
    for key, value in settings.items():
        kind = _TOP_KEYS.get(key)
        if kind is None:
            hint = f" (did you mean '{key.replace('_', '-')}'?)" if key.replace("_", "-") in _TOP_KEYS else ""
            raise reader.fail(f"unknown key '{key}'{hint}; known keys: {', '.join(sorted(_TOP_KEYS))}", key)
        if kind == "codes":
            values[key.replace("-", "_")] = reader.codes(key, value, known)
        elif kind == "globs":
            values[key.replace("-", "_")] = reader.globs(key, value)
        elif kind == "fail-on":
            if value not in FAIL_ON:
                raise reader.fail(f"'fail-on' must be one of {', '.join(FAIL_ON)}, not {value!r}", key)
            values["fail_on"] = value
        elif kind == "path":
            if not isinstance(value, str) or not value.strip():
                raise reader.fail(f"'{key}' must be the path of a config file, e.g. \"../pyproject.toml\"", key)
            values["extend"] = value
        elif kind == "bool":
            if not isinstance(value, bool):
                raise reader.fail(f"'{key}' must be true or false, not {value!r}", key)
            values[key.replace("-", "_")] = value
        elif kind == "format":
            if value not in FORMATS:
                raise reader.fail(f"'format' must be one of {', '.join(FORMATS)}, not {value!r}", key)
            values["format"] = value
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise reader.fail("'per-file-ignores' must be a table of glob = [codes]", key)
            pfi = []
            for pattern, codes in value.items():
                sub = _FileReader(path, text, table + ("per-file-ignores",))
                pfi.append((pattern, sub.codes(pattern, codes, known)))
            values["per_file_ignores"] = tuple(pfi)
        elif key == "rules":
            if not isinstance(value, dict):
                raise reader.fail("'rules' must be a table of [rules.CODE] tables", key)
            severity, options = _rule_settings(path, text, table + ("rules",), value, known)
            values["severity"] = severity
            values["rule_options"] = options
    return values


def _rule_settings(path: Path, text: str, table: tuple[str, ...], rules: dict, known: dict):
    """Per-rule tables, keyed by code or name, checked against the rule's declared options."""
    by_name = {spec.name: spec for spec in known.values()}
    severity: dict[str, str] = {}
    options: dict[str, dict[str, Any]] = {}
    for ident, opts in rules.items():
        spec = known.get(ident.upper()) or by_name.get(ident)
        reader = _FileReader(path, text, table)
        if spec is None:
            raise reader.fail(f"unknown rule {ident!r} in 'rules' (see 'numlint rules')", ident)
        sub = _FileReader(path, text, table + (ident,))
        if not isinstance(opts, dict):
            raise reader.fail(f"'rules.{ident}' must be a table of options", ident)
        declared = {o.name: o for o in getattr(spec, "option_specs", ())}
        vocabularies = dict(getattr(spec, "vocabularies", {}) or {})
        chosen: dict[str, Any] = {}
        for key, value in opts.items():
            if key == "severity":
                if value not in SEVERITIES:
                    raise sub.fail(f"{spec.code} severity must be one of {', '.join(SEVERITIES)}, not {value!r}", key)
                severity[spec.code] = value
                continue
            if key in vocabularies:
                if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                    raise sub.fail(f"{spec.code} vocabulary '{key}' must be a list of strings "
                                   "(they extend the built-in list)", key)
                chosen[key] = tuple(value)
                continue
            if key not in declared:
                allowed = sorted(set(declared) | set(vocabularies) | _RULE_RESERVED)
                raise sub.fail(f"{spec.code} ({spec.name}) has no option '{key}'; options: {', '.join(allowed)}", key)
            try:
                chosen[key] = declared[key].check(value)
            except OptionError as exc:
                raise sub.fail(f"{spec.code} option '{key}' {exc}", key) from None
        if chosen:
            options.setdefault(spec.code, {}).update(chosen)
    return severity, options


# ---------------------------------------------------------------------------------------------
# Discovery and layering

def merge(base: Config, overrides: dict[str, Any]) -> Config:
    """Command-line settings laid over a file's: ``select``, ``fail_on`` and ``format`` replace what
    the file says; ``extend_select`` and ``ignore`` add to it (as ruff's flags do)."""
    changes: dict[str, Any] = {}
    for name, value in overrides.items():
        if name in ("extend_select", "ignore"):
            changes[name] = getattr(base, name) + tuple(value)
        else:
            changes[name] = value
    return replace(base, **changes) if changes else base


def _warn_on_stderr(message: str) -> None:
    print(f"numlint: warning: {message}", file=sys.stderr)


def _is_walk_boundary(directory: str) -> bool:
    """Discovery goes no higher than a git repository's root (it holds ``.git``, a directory or, in a
    worktree or submodule, a file) or the user's home."""
    if os.path.lexists(os.path.join(directory, ".git")):
        return True
    home = os.path.expanduser("~")
    return home not in ("", "~") and os.path.normcase(directory) == os.path.normcase(os.path.abspath(home))


def _in_repository(directory: Path) -> bool:
    return any(os.path.lexists(d / ".git") for d in (directory, *directory.parents))


def untrusted_reason(path: Path) -> str | None:
    """Why a discovered config file must not be obeyed, or None. POSIX only.

    Anyone can write a file writable by anyone. Outside a git repository (an article in /tmp, a
    folder of copy in a shared directory) a file is also refused when it belongs to another user
    (root excepted, as for system directories), when its group can write it, or when it sits in a
    directory anyone can write to without the sticky bit. Inside a repository the file is part of
    the checkout, trusted as the checkout is: a CI container running as root over a checkout that
    the runner's user owns, or a group-shared repository, keeps its configuration."""
    if not hasattr(os, "geteuid"):
        return None
    try:
        st = path.stat()
        parent = path.parent.stat()
    except OSError:
        return None  # gone: reading it will say so
    if st.st_mode & stat.S_IWOTH:
        return "writable by other users (chmod go-w to use it)"
    if _in_repository(path.parent.absolute()):
        return None
    if st.st_uid not in (os.geteuid(), 0):
        return f"owned by another user (uid {st.st_uid})"
    if st.st_mode & stat.S_IWGRP:
        return "writable by other users (chmod go-w to use it)"
    if parent.st_mode & stat.S_IWOTH and not parent.st_mode & stat.S_ISVTX:
        return f"its directory {shown(path.parent)} is writable by anyone"
    return None


@dataclass
class Resolver:
    """The configuration for each checked file: discovered file < --config < command line.

    ``overrides`` holds only what the command line set (Config field name -> value).
    ``isolated`` ignores every config file.
    """

    overrides: dict[str, Any] = field(default_factory=dict)
    config_path: str | None = None
    isolated: bool = False
    _by_dir: dict[str, Config] = field(default_factory=dict)
    _by_file: dict[str, Config] = field(default_factory=dict)
    _known: dict | None = None
    warn: Any = None            # warn(message): how a warning is shown; default: a line on stderr
    _warned: set = field(default_factory=set)

    def __post_init__(self):
        if self.warn is None:
            self.warn = _warn_on_stderr

    def known(self) -> dict:
        if self._known is None:
            self._known = _known_rules()
        return self._known

    def _file(self, path: Path) -> Config:
        key = str(path)
        if key not in self._by_file:
            self._by_file[key] = read_config_file(path, self.known())
        return self._by_file[key]

    def _discovered(self, directory: str) -> Config:
        directory = os.path.abspath(directory)
        if directory in self._by_dir:
            return self._by_dir[directory]
        found: Config | None = None
        for name in CONFIG_FILES:
            candidate = Path(directory) / name
            if candidate.is_file() and (name != "pyproject.toml" or has_numlint_table(candidate)):
                if not self._trusted(candidate):
                    continue
                found = self._file(candidate)
                break
        if found is None:
            parent = os.path.dirname(directory)
            last = parent == directory or _is_walk_boundary(directory)
            found = Config() if last else self._discovered(parent)
        self._by_dir[directory] = found
        return found

    def _trusted(self, path: Path) -> bool:
        """Whether a discovered file may configure the run; an untrusted one is warned about once."""
        problem = untrusted_reason(path)
        if problem is None:
            return True
        key = str(path)
        if key not in self._warned:
            self._warned.add(key)
            self.warn(f"ignoring {shown(path)}: {problem}")
        return False

    def base(self, directory: str) -> Config:
        """Settings from files only, for a directory."""
        if self.isolated:
            return Config()
        if self.config_path:
            return self._file(Path(self.config_path))
        return self._discovered(directory)

    def for_directory(self, directory: str) -> Config:
        return merge(self.base(directory), self.overrides)

    def for_file(self, path: str) -> Config:
        """The full configuration for one file, per-file-ignores applied."""
        directory = os.path.dirname(os.path.abspath(path)) if path not in ("-", "<stdin>") else os.getcwd()
        return self.for_directory(directory).for_path(path)
