"""Configuration: defaults < pyproject [tool.numlint] / .numlint.toml < --config < command line.

Selection works by code prefix, as in ruff: ``NL1`` selects every NL1xx rule.

Where settings come from:

* a ``.numlint.toml`` (top-level keys) or a ``pyproject.toml`` with a ``[tool.numlint]`` table, found
  by walking up from each checked file's directory; the nearest wins (in one directory
  ``.numlint.toml`` beats ``pyproject.toml``); a ``pyproject.toml`` without ``[tool.numlint]`` is
  passed over. Lookups are cached per directory, so an archive of 10,000 articles reads each config
  file once;
* ``--config FILE`` replaces discovery: that file applies to every checked file;
* the command line overrides both.

Every problem in a file is a ``ConfigError`` whose message starts ``FILE:LINE:`` so the user can
jump to it; the CLI prints it as ``numlint: FILE:LINE: what is wrong`` and exits 2.
"""

from __future__ import annotations

import fnmatch
import os
import re
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


# ---------------------------------------------------------------------------------------------
# Reading and validating one file

_TOP_KEYS = {
    "select": "codes",
    "extend-select": "codes",
    "ignore": "codes",
    "per-file-ignores": "table",
    "fail-on": "fail-on",
    "include": "globs",
    "exclude": "globs",
    "extend-exclude": "globs",
    "format": "format",
    "rules": "table",
}
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


def read_config_file(path: str | os.PathLike, known: dict | None = None) -> Config:
    """The settings of one config file (``.numlint.toml``, ``pyproject.toml`` or any TOML given by
    ``--config``), validated. A ``pyproject.toml`` uses its ``[tool.numlint]`` table; any other file
    its top level (or its ``[tool.numlint]`` table when it has one)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError(f"{shown(path)}: no such config file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{shown(path)}: cannot read config file: {getattr(exc, 'strerror', None) or exc}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # tomllib: "Expected '=' after a key in a key/value pair (at line 3, column 7)"
        m = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        line = m.group(1) if m else "1"
        what = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc)) if m else str(exc)
        col = f" (column {m.group(2)})" if m else ""
        raise ConfigError(f"{shown(path)}:{line}: invalid TOML: {what}{col}") from None
    tool = data.get("tool", {}).get("numlint") if isinstance(data.get("tool"), dict) else None
    if path.name == "pyproject.toml" or tool is not None:
        table: tuple[str, ...] = ("tool", "numlint")
        settings = tool if isinstance(tool, dict) else {}
    else:
        table = ()
        settings = data
    return _settings(path, text, table, settings, known if known is not None else _known_rules())


def has_numlint_table(path: Path) -> bool:
    """Whether a pyproject.toml configures numlint (without validating it)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return False
    if "numlint" not in text:
        return False
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return True  # let read_config_file report where it is broken
    tool = data.get("tool")
    return isinstance(tool, dict) and "numlint" in tool


def _settings(path: Path, text: str, table: tuple[str, ...], settings: dict, known: dict) -> Config:
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
    if "extend_exclude" in values:
        values["exclude"] = values.get("exclude", ()) + values.pop("extend_exclude")
    return Config(**values)


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
                found = self._file(candidate)
                break
        if found is None:
            parent = os.path.dirname(directory)
            found = self._discovered(parent) if parent != directory else Config()
        self._by_dir[directory] = found
        return found

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
