"""What the language server asks of numlint, in one place and without any LSP types.

This is the only module of ``numlint.lsp`` that imports numlint's own modules, and it uses their
public entry points: ``numlint.linter.lint`` (findings and the quantities they were found among, in
one pass), ``numlint.config.Resolver`` (configuration found exactly as ``numlint check`` finds it),
``numlint.document`` (format by suffix) and the rule catalogue for ``explain``. Everything here works
in code-point offsets into the document's text, as numlint does; ``positions`` converts for the client.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CONFIG_NAMES = (".numlint.toml", "pyproject.toml")
LANGUAGE_FORMATS = {"plaintext": "text", "text": "text", "markdown": "markdown", "html": "html"}
# The files an editor edits as text: the walked suffixes of numlint.sources, less Word's .docx.
WALKED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
_SETTING_KEYS = {"select": "select", "extend-select": "extend_select", "ignore": "ignore", "fail-on": "fail_on",
                 "config": "config", "isolated": "isolated", "debounce-ms": "debounce_ms"}


# ---------------------------------------------------------------------------------------------
# Settings from the client (initializationOptions, workspace/didChangeConfiguration)

@dataclass(frozen=True)
class Settings:
    """The editor's settings, laid over the configuration files as the command line's flags are:
    ``select`` replaces the file's, ``extend-select`` and ``ignore`` add to it. ``fail-on`` is the
    editor's own: findings below it are shown as hints (they would not fail ``numlint check``);
    when it is not set, error/warning/info map to Error/Warning/Information."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    config: str | None = None        # like --config FILE: no discovery
    isolated: bool = False           # like --isolated
    debounce_ms: int = 150

    def overrides(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.select is not None:
            out["select"] = self.select
        if self.extend_select:
            out["extend_select"] = self.extend_select
        if self.ignore:
            out["ignore"] = self.ignore
        return out


def _code_list(value: Any) -> tuple[str, ...] | None:
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        return None
    return tuple(v.strip().upper() for v in value if v.strip())


def parse_settings(raw: Any, known: dict | None = None) -> tuple[Settings, list[str]]:
    """Settings from what a client sent, and one warning per value that was left out. Accepts the
    bare table or one nested under "numlint" (as VS Code sends a settings section); keys may be
    written fail-on, fail_on or failOn."""
    problems: list[str] = []
    if isinstance(raw, dict) and isinstance(raw.get("numlint"), dict):
        raw = raw["numlint"]
    if not isinstance(raw, dict):
        return Settings(), ([] if raw in (None, "", []) else [f"settings must be a table, not {type(raw).__name__}"])
    values: dict[str, Any] = {}
    for key, value in raw.items():
        norm = re.sub(r"(?<=[a-z])([A-Z])", r"-\1", str(key)).replace("_", "-").lower()
        name = _SETTING_KEYS.get(norm)
        if name is None:
            problems.append(f"unknown setting {key!r}; known: {', '.join(sorted(_SETTING_KEYS))}")
            continue
        if name in ("select", "extend_select", "ignore"):
            codes = _code_list(value)
            if codes is None:
                problems.append(f"{norm!r} must be a list of rule codes such as [\"NL1\", \"NL301\"]")
                continue
            if known is not None:
                bad = [c for c in codes if c != "ALL" and not any(k.startswith(c) for k in known)]
                if bad:
                    plural = "s" if len(bad) > 1 else ""
                    problems.append(f"{norm!r}: unknown rule code{plural} {', '.join(bad)} (left out)")
                    codes = tuple(c for c in codes if c not in bad)
            values[name] = codes
        elif name == "fail_on":
            if value in (None, ""):
                continue
            if value not in ("error", "warning", "info"):
                problems.append(f"'fail-on' must be error, warning or info, not {value!r}")
                continue
            values[name] = value
        elif name == "config":
            if value not in (None, ""):
                if not isinstance(value, str):
                    problems.append("'config' must be a path")
                    continue
                values[name] = os.path.expanduser(value)
        elif name == "isolated":
            values[name] = bool(value)
        elif name == "debounce_ms":
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 10_000:
                problems.append("'debounce-ms' must be a number of milliseconds from 0 to 10000")
                continue
            values[name] = int(value)
    return Settings(**values), problems


# ---------------------------------------------------------------------------------------------
# Configuration files

@dataclass(frozen=True)
class ConfigProblem:
    """A configuration file that cannot be used: shown as one diagnostic on that file."""

    path: str | None       # absolute path of the file, when the message names one
    line: int | None       # 0-based line, when the message names one
    message: str           # the CLI's one-line message, without the FILE:LINE: prefix


def config_problem(message: str, base_dir: str) -> ConfigProblem:
    """Split numlint's ``FILE:LINE: what`` (or ``FILE: what``) into its parts."""
    m = re.match(r"^(?P<file>.+?\.toml):(?:(?P<line>\d+):)?\s*(?P<what>.*)$", message, re.S)
    if not m:
        return ConfigProblem(None, None, message)
    path = m.group("file")
    if not os.path.isabs(path):
        path = os.path.join(base_dir, path)
    line = int(m.group("line")) - 1 if m.group("line") else None
    return ConfigProblem(os.path.normpath(path), line, m.group("what").strip())


def _stamp_dir(directory: str) -> tuple:
    """What the configuration of files in ``directory`` depends on: each candidate config file from
    here up to the root, with its size and modification time (or its absence)."""
    out = []
    directory = os.path.abspath(directory)
    while True:
        for name in CONFIG_NAMES:
            candidate = os.path.join(directory, name)
            try:
                st = os.stat(candidate)
                out.append((candidate, st.st_mtime_ns, st.st_size))
            except OSError:
                pass
        parent = os.path.dirname(directory)
        if parent == directory:
            return tuple(out)
        directory = parent


# ---------------------------------------------------------------------------------------------
# Linting one document

@dataclass
class Outcome:
    """One lint of one version of a document."""

    text: str
    format: str
    findings: tuple = ()
    quantities: tuple = ()
    config_problem: ConfigProblem | None = None
    config_source: str | None = None
    skipped: str | None = None       # why the document was not linted (excluded, not numlint's file type)


def document_format(path: str | None, language_id: str | None) -> str | None:
    """numlint's format for a document: by the client's language id, else by suffix; None when the
    document is neither a language numlint reads nor a file it would walk."""
    lang = (language_id or "").lower()
    if lang in LANGUAGE_FORMATS:
        return LANGUAGE_FORMATS[lang]
    if path:
        from numlint.document import format_for_path

        if Path(path).suffix.lower() in WALKED_SUFFIXES:
            return format_for_path(path)
    return None


class Engine:
    """The server's numlint: configuration per document (cached, reloaded when a config file changes)
    and lints. ``root`` is the workspace folder, used for documents that are not files."""

    def __init__(self, settings: Settings | None = None, root: str | None = None):
        self.settings = settings or Settings()
        self.root = root or os.getcwd()
        self._resolver = None
        self._stamps: dict[str, tuple] = {}

    def set_settings(self, settings: Settings) -> None:
        if settings.config and not os.path.isabs(settings.config):
            from dataclasses import replace

            settings = replace(settings, config=os.path.join(self.root, settings.config))
        self.settings = settings
        self._resolver = None

    def reload(self) -> None:
        """Forget every configuration read so far (a config file changed)."""
        self._resolver = None
        self._stamps.clear()

    def config_changed(self, directories) -> bool:
        """Whether a config file that documents in these directories depend on changed since their
        last lint (the caller then lints them again, which reloads)."""
        for directory in directories:
            seen = self._stamps.get(directory)
            if seen is not None and not self.settings.config and seen != _stamp_dir(directory):
                return True
        return False

    def known_rules(self) -> dict:
        from numlint.config import Resolver

        return Resolver().known()

    def _resolver_for(self, directory: str):
        from numlint.config import Resolver

        stamp = _stamp_dir(directory) if not self.settings.config else (self.settings.config,)
        if self.settings.config:
            try:
                st = os.stat(self.settings.config)
                stamp = (self.settings.config, st.st_mtime_ns, st.st_size)
            except OSError:
                pass
        if self._stamps.get(directory) != stamp:
            # A config file appeared, changed or went away: start again (the Resolver caches by directory).
            self._resolver = None
            self._stamps = {}
        self._stamps[directory] = stamp
        if self._resolver is None:
            self._resolver = Resolver(overrides=self.settings.overrides(), config_path=self.settings.config,
                                      isolated=self.settings.isolated)
        return self._resolver

    def config_for(self, path: str | None):
        """(Config, None) for a document, or (default Config, ConfigProblem) when its config is broken."""
        from numlint.config import Config, ConfigError, merge

        directory = os.path.dirname(os.path.abspath(path)) if path else os.path.abspath(self.root)
        resolver = self._resolver_for(directory)
        try:
            if path:
                return resolver.for_file(path), None
            return resolver.for_directory(directory), None
        except ConfigError as exc:
            problem = config_problem(str(exc), os.getcwd())
            # The file is unusable: lint with the defaults (and the editor's own settings), as the
            # diagnostic on the config file says, rather than show nothing.
            return merge(Config(), self.settings.overrides()), problem

    def lint(self, text: str, path: str | None, language_id: str | None = None) -> Outcome:
        """Lint one version of a document. Raises only on a bug in numlint (the server contains it)."""
        from numlint.config import path_matches
        from numlint.document import Document
        from numlint.linter import lint

        fmt = document_format(path, language_id)
        if fmt is None:
            return Outcome(text, "text", skipped="not a file type numlint checks")
        config, problem = self.config_for(path)
        if path and config.exclude and any(path_matches(path, pat, config.root) for pat in config.exclude):
            return Outcome(text, fmt, config_problem=problem, skipped=f"excluded by {config.source}")
        result = lint(Document(path or "<editor>", text, fmt), config)
        return Outcome(text, fmt, findings=tuple(result.findings), quantities=tuple(result.quantities),
                       config_problem=problem, config_source=config.source)


# ---------------------------------------------------------------------------------------------
# Rule documentation

def rule(code: str):
    from numlint.registry import load_rules

    return load_rules().get(code.upper())


def rule_url(code: str) -> str | None:
    """The rule's documentation page, as SARIF's ``helpUri`` gives it (docs/rules/CODE.md)."""
    spec = rule(code)
    if spec is None:
        return None
    from numlint.reporters.sarif import help_uri

    return help_uri(spec.code)


def explain(code: str) -> str | None:
    """``numlint explain CODE``'s text, as Markdown for a hover (None for an unknown code)."""
    spec = rule(code)
    if spec is None:
        return None
    from numlint.explain import explain_text

    text = explain_text(spec)
    head, _, rest = text.partition("\n")
    # Hovers are small: one heading level down, the title in bold.
    return f"**{head}**\n" + re.sub(r"(?m)^## ", "#### ", rest)


# ---------------------------------------------------------------------------------------------
# Hover over a figure

def quantity_at(quantities, offset: int):
    """The quantity whose span holds ``offset`` (its end too, where the cursor sits after typing it)."""
    best = None
    for q in quantities:
        if q.start <= offset <= q.end and (best is None or q.end - q.start < best.end - best.start):
            best = q
    return best


def _number(value: float | None) -> str:
    if value is None:
        return "?"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6g}" if abs(value) < 1e6 else f"{value:,.2f}"


def describe_quantity(q, quantities, line_of) -> str:
    """Markdown: what numlint read from one mention, and the other mentions of the same metric.

    ``line_of(offset)`` gives the 1-based line of an offset. numlint's Quantity has no owner or time
    yet; they are shown when it does (the contract allows them)."""
    value = _number(q.value) if q.value is not None else f"{_number(q.low)} to {_number(q.high)}"
    rows = [("value", value)]
    unit = q.unit or ("(a count)" if q.kind == "count" else "")
    if unit:
        written = f" (written {q.surface_unit!r})" if q.surface_unit and q.surface_unit != q.unit else ""
        rows.append(("unit", unit + written))
    rows.append(("kind", q.kind))
    approx = {"~": "about", ">": "more than", "<": "less than", ">=": "at least", "<=": "up to"}.get(q.approx)
    if approx:
        rows.append(("approx", approx))
    if q.change:
        rows.append(("change", q.change))
    for name in ("metric", "owner", "time", "base"):
        val = getattr(q, name, None)
        if val:
            rows.append((name, val))
    lines = [f"**{q.text}** (numlint read)", "", "| | |", "|---|---|"]
    lines += [f"| {k} | {v.replace('|', '/')} |" for k, v in rows]
    if q.metric:
        others = [o for o in quantities if o is not q and o.metric == q.metric and (o.start, o.end) != (q.start, q.end)]
        if others:
            lines += ["", f"Other mentions of *{q.metric}*:"]
            for o in others[:12]:
                lines.append(f"- line {line_of(o.start)}: {o.text}")
            if len(others) > 12:
                lines.append(f"- ... and {len(others) - 12} more")
    return "\n".join(lines)


_CODE_RE = re.compile(r"NL\d{3}", re.I)


def code_at(text: str, offset: int) -> str | None:
    """A rule code written at ``offset`` (in a suppression directive, say), if any."""
    lo = max(0, offset - 5)
    for m in _CODE_RE.finditer(text, lo, offset + 5):
        if m.start() <= offset <= m.end():
            return m.group().upper()
    return None


# ---------------------------------------------------------------------------------------------
# Quick fixes: from the values a finding's message was rendered with

@dataclass(frozen=True)
class Fix:
    title: str
    new_text: str          # replaces the finding's own span [start, end)
    preferred: bool = False


def _template_values(template: str, message: str) -> dict[str, str] | None:
    """The values a message was rendered from, read back through its template (the rule's TOML
    ``message``): numlint's findings carry the message, not the values, so this is the machine-
    readable route to them. None when the message does not fit the template."""
    pattern, seen = [], set()
    pos = 0
    fields = list(re.finditer(r"\{(\w+)\}", template))
    for i, m in enumerate(fields):
        pattern.append(re.escape(template[pos:m.start()]))
        name = m.group(1)
        if name in seen:
            pattern.append(f"(?P={name})")
        else:
            pattern.append(f"(?P<{name}>.+)" if i == len(fields) - 1 else f"(?P<{name}>.+?)")
            seen.add(name)
        pos = m.end()
    pattern.append(re.escape(template[pos:]))
    found = re.fullmatch("".join(pattern), message, re.S)
    return found.groupdict() if found else None


_NUM_RE = re.compile(r"(?<![\w.])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w.])\d+(?:\.\d+)?")


def _leading_number(text: str) -> str | None:
    m = re.match(r"\s*(?:about\s+|multiplied by\s+)?(-?\d[\d,]*(?:\.\d+)?)", text)
    return m.group(1) if m and not text.strip().startswith("multiplied") else None


def _replace_number(mention: str, number: str) -> str | None:
    """The mention with its one written number replaced ("15 miles" -> "26.1 miles"); None when the
    mention has no digits or more than one number (a spelled or compound figure: no safe edit)."""
    nums = list(_NUM_RE.finditer(mention))
    if len(nums) != 1:
        return None
    m = nums[0]
    return mention[:m.start()] + number + mention[m.end():]


def _pct(text: str) -> float | None:
    m = re.fullmatch(r"\s*(-?\d+(?:\.\d+)?)\s*%\s*", text)
    return float(m.group(1)) if m else None


def fixes(finding, text: str) -> list[Fix]:
    """Quick fixes for one finding, where numlint's finding names the right figure:

    * NL203 wrong conversion: the converted figure ("15 miles" -> "26.1 miles");
    * NL303 percent vs points: the gap in percentage points ("3%" -> "3 percentage points", preferred)
      or the relative change it would be as a percentage;
    * NL401 change arithmetic: the change the figures give ("rose 20%" -> "rose 30%"), when the stated
      change is a figure (not "doubled").

    Other rules report a conflict without knowing which side is right (NL1xx, NL201 scale slip,
    NL202, NL301, NL402): no fix is offered for them, only "silence this line".
    """
    spec = rule(finding.code)
    if spec is None:
        return []
    values = _template_values(spec.message, finding.message)
    if values is None:
        return []
    mention = text[finding.start:finding.end]
    out: list[Fix] = []
    if finding.code == "NL203" and "expected" in values:
        number = _leading_number(values["expected"])
        new = _replace_number(mention, number) if number else None
        if new and new != mention:
            out.append(Fix(f"Change to {new}", new, preferred=True))
    elif finding.code == "NL303":
        old, new_v = _pct(values.get("old", "")), _pct(values.get("new", ""))
        if old is not None and new_v is not None and _pct(mention) is not None:
            gap = abs(new_v - old)
            shown = f"{gap:.10g}"
            unit = "percentage point" if gap == 1 else "percentage points"
            out.append(Fix(f"Change to {shown} {unit}", f"{shown} {unit}", preferred=True))
            relative = values.get("relative", "?")
            if _pct(relative) is not None:
                out.append(Fix(f"Change to {relative.strip()} (the change as a percentage)", relative.strip()))
    elif finding.code == "NL401" and "actual" in values:
        stated = values.get("stated", "").strip()
        number = _leading_number(values["actual"])
        if number and stated == mention.strip():
            new = _replace_number(mention, number)
            if new and new != mention:
                out.append(Fix(f"Change to {new}", new, preferred=True))
    return out


# ---------------------------------------------------------------------------------------------
# "Silence this line": the suppression directive of docs/reporting.md for the file's format

_TRAILING_COMMENT = re.compile(r"<!--[ \t]*numlint[ \t]*:[ \t]*disable-line(?P<codes>(?:[ \t,]+NL\w*)*)"
                               r"(?P<rest>[^>]*?)-->[ \t]*$", re.I)
_TRAILING_BRACKET = re.compile(r"\[[ \t]*numlint[ \t]*:[ \t]*disable-line(?P<codes>(?:[ \t,]+NL\w*)*)"
                               r"(?P<rest>[^\]\n]*)\][ \t]*$", re.I)


@dataclass(frozen=True)
class Insertion:
    offset: int          # code-point offset where new_text goes (a zero-width edit)
    new_text: str
    title: str


def silence_line(text: str, start: int, code: str, fmt: str) -> Insertion:
    """The edit that silences ``code`` on the line holding offset ``start``: a ``disable-line``
    directive at the end of that line (``<!-- ... -->`` for Markdown and HTML, invisible once
    published; ``[numlint: ...]`` for plain text). A directive already closing the line gets the code
    added. The end of the line is used, not a ``disable-next-line`` line above, because a comment line
    inside a Markdown paragraph would split the paragraph."""
    from numlint.lsp.positions import LineIndex

    index = LineIndex(text)
    line, _ = index.position(start, "utf-32")
    line_start = index.starts[line]
    body = index.line_text(line)
    pattern = _TRAILING_BRACKET if fmt == "text" else _TRAILING_COMMENT
    existing = pattern.search(body)
    title = f"Silence {code} on this line"
    if existing:
        at = line_start + existing.end("codes")
        sep = ", " if existing.group("codes").strip(" \t,") else " "
        return Insertion(at, f"{sep}{code}", title)
    stripped = len(body.rstrip(" \t"))
    at = line_start + stripped
    if fmt == "text":
        return Insertion(at, f" [numlint: disable-line {code}]", title)
    return Insertion(at, f" <!-- numlint: disable-line {code} -->", title)
