"""SARIF 2.1.0 for GitHub code scanning (github/codeql-action/upload-sarif) and other SARIF viewers.

Decisions:

* Columns and character offsets are UTF-16 code units (``run.columnKind = "utf16CodeUnits"``, SARIF's
  default), converted from numlint's code-point positions using the file's text. GitHub and VS Code
  index text in UTF-16, and a consumer that ignores ``columnKind`` assumes the default; for text
  without characters beyond U+FFFF (emoji, rare CJK) the two counts are the same.
* ``artifactLocation.uri`` is relative to ``%SRCROOT%``: the git work tree that holds the current
  directory (GitHub resolves paths from the repository root), else the current directory; forward
  slashes, percent-encoded. ``originalUriBaseIds`` gives the root as an absolute ``file://`` URI.
* ``partialFingerprints["numlintFingerprint/v1"]`` is the content fingerprint plus an occurrence
  counter (the same key as the baseline), so an alert survives moved lines. GitHub adds its own
  ``primaryLocationLineHash`` on upload.
* Messages quote the figures as a reader sees them (``£4.5bn``, ``10 miles``), as every report does;
  a region's ``snippet`` is the file's own text of the region (``&pound;4.5bn``), as SARIF requires
  (§3.30.13), so a viewer can match it against the file. For HTML, Markdown and Word the
  ``contextRegion`` is the reader's paragraph, its ``message`` that paragraph as read.
* Every known rule is listed in ``tool.driver.rules`` so ``ruleIndex`` is stable across runs, each
  with ``helpUri`` at its page of docs/rules/ (generated from the rule definitions). The project has
  no public web address yet, so the links are to the pages numlint ships: a ``Documentation`` URL in
  the package metadata (``[project.urls]`` in pyproject.toml) when one is published, else the
  ``file://`` URI of the docs installed with numlint (docs/ in a checkout, numlint/docs/ in the
  wheel), which a SARIF viewer on the same machine opens. Never an address that does not exist.
"""

from __future__ import annotations

import json
import os
import re
from functools import cache
from pathlib import Path
from urllib.parse import quote

from numlint import __version__, baseline
from numlint.baseline import keyed
from numlint.lang.lines import LineIndex
from numlint.model import FileResult, Finding

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
# A context region reaches at most this far either side of the mention (a paragraph of news copy is
# shorter; a page without paragraph breaks is cut, not quoted whole for every finding).
CONTEXT_REACH = 1000
FAMILY = {"1": "consistency", "2": "units-and-scale", "3": "percentages", "4": "arithmetic", "9": "house-style"}


def docs_dir() -> Path:
    """numlint's docs/: shipped in the wheel as numlint/docs, or docs/ at the top of a checkout."""
    here = Path(__file__).resolve().parent.parent
    installed = here / "docs"
    return installed if installed.is_dir() else here.parent / "docs"


@cache
def docs_base_uri() -> str:
    """Where numlint's docs/ is, as an absolute URI ending in "/": the ``Documentation`` project URL
    of the installed package when it is a web address, else the installed docs/ as a file URI."""
    from importlib import metadata

    try:
        urls = metadata.metadata("numlint").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        urls = []
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip().lower() == "documentation" and url.strip().startswith(("https://", "http://")):
            return url.strip().rstrip("/") + "/"
    return docs_dir().as_uri() + "/"


def help_uri(code: str) -> str:
    """The rule's page, docs/rules/CODE.md."""
    return f"{docs_base_uri()}rules/{quote(code)}.md"


def information_uri() -> str:
    """numlint's documentation: the rule index, docs/rules/README.md."""
    return f"{docs_base_uri()}rules/README.md"


def source_root(cwd: str | None = None) -> Path:
    """The git work tree that holds ``cwd`` (GitHub's paths are repository-relative), else ``cwd``."""
    return baseline.source_root(cwd or os.getcwd())


def artifact_uri(path: str, root: Path) -> tuple[str, bool]:
    """(uri, relative?) of a checked file: relative to ``root`` with forward slashes when inside it."""
    if path.startswith("<"):
        return quote(path, safe=""), True
    absolute = Path(os.path.abspath(path))
    try:
        rel = absolute.relative_to(root)
    except ValueError:
        return absolute.as_uri(), False
    return quote(rel.as_posix(), safe="/"), True


class _Utf16:
    """Code-point positions -> UTF-16 columns and offsets for one file's text."""

    def __init__(self, text: str | None):
        self.text = text
        self.astral = text is not None and any(ord(ch) > 0xFFFF for ch in text)
        self._lines: LineIndex | None = None

    @property
    def lines(self) -> LineIndex:
        """The file's line index, made on first use (only a context region needs it)."""
        if self._lines is None:
            self._lines = LineIndex(self.text or "")
        return self._lines

    def offset(self, cp: int) -> int:
        if not self.astral:
            return cp
        return cp + sum(1 for ch in self.text[:cp] if ord(ch) > 0xFFFF)

    def column(self, cp_offset: int, column: int) -> int:
        """UTF-16 column of the position whose code-point offset is ``cp_offset`` and column ``column``."""
        if not self.astral:
            return column
        line_start = cp_offset - (column - 1)
        return column + sum(1 for ch in self.text[line_start:cp_offset] if ord(ch) > 0xFFFF)


def _region(u: _Utf16, start: int, end: int, line: int, column: int, end_line: int, end_column: int) -> dict:
    region = {
        "startLine": line,
        "startColumn": u.column(start, column),
        "endLine": end_line or line,
        "endColumn": u.column(end, end_column) if end_column else u.column(start, column) + 1,
        "charOffset": u.offset(start),
        "charLength": u.offset(end) - u.offset(start),
    }
    if u.text is not None:
        region["snippet"] = {"text": u.text[start:end]}
    return region


def _context(u: _Utf16, prose, start: int, end: int, line: int, end_line: int) -> dict:
    """The paragraph around a finding as SARIF's contextRegion, so a viewer shows the sentence around
    the figure: the whole lines of plain text; for HTML, Markdown and a Word file (its line is its
    paragraph), the file's span of the reader's paragraph (not the whole line, which for an
    exported page can be the whole document), with that paragraph as read in the region's message
    when it differs from the file's text."""
    if u.text is None:
        return {}
    around = prose.paragraph_around(start, end, reach=CONTEXT_REACH) if prose is not None else None
    if around is not None:
        lo, hi = prose.to_original(around[0], around[1])
        (first, column), (last, end_column) = u.lines.line_col(lo), u.lines.line_col(hi)
        paragraph = prose.text[around[0]:around[1]].replace("\n", " ")
        region = {
            "startLine": first, "startColumn": u.column(lo, column),
            "endLine": last, "endColumn": u.column(hi, end_column),
            "charOffset": u.offset(lo), "charLength": u.offset(hi) - u.offset(lo),
            "snippet": {"text": u.text[lo:hi]},
        }
        if paragraph != region["snippet"]["text"]:
            region["message"] = {"text": paragraph}
        return {"contextRegion": region}
    # The lines as the one line index counts them (a lone CR ends a line too), read from the file's
    # text by their bounds: splitting the whole text again for every finding would cost its length.
    last = max(end_line or line, line)
    text = u.text[u.lines.start(line):u.lines.bounds(last)[1]]
    return {"contextRegion": {"startLine": line, "endLine": last, "snippet": {"text": text}}}


def _escape_message(text: str) -> str:
    """Brackets are link syntax in SARIF messages: escape them in plain text."""
    return re.sub(r"([\[\]\\])", r"\\\1", text)


def _first_paragraph(text: str) -> str:
    return " ".join(text.strip().split("\n\n")[0].split())


def _cap(text: str, limit: int = 1000) -> str:
    """Descriptions stay under the 1,024 characters code scanning shows; the full text is in ``help``."""
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def rule_descriptor(rule) -> dict:
    from numlint.explain import explain_text

    help_text = explain_text(rule)
    markdown = help_text
    for heading in ("What it does", "Why is this bad?", "Example", "Use instead", "Options", "Vocabularies",
                    "How to silence it"):
        markdown = markdown.replace(f"## {heading}", f"### {heading}")
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": _cap(rule.summary)},
        "fullDescription": {"text": _cap(_first_paragraph(rule.why) or rule.summary)},
        "help": {"text": help_text, "markdown": markdown},
        "helpUri": help_uri(rule.code),
        "defaultConfiguration": {"level": LEVEL[rule.severity], "enabled": bool(rule.enabled)},
        "properties": {
            "tags": ["numbers", FAMILY.get(rule.code[2:3], "other")],
            "precision": "medium",
        },
    }


def _fallback_descriptor(code: str, name: str, severity: str) -> dict:
    return {
        "id": code,
        "name": name,
        "shortDescription": {"text": name},
        "fullDescription": {"text": name},
        "help": {"text": f"numlint explain {code}", "markdown": f"`numlint explain {code}`"},
        "defaultConfiguration": {"level": LEVEL.get(severity, "warning")},
    }


def build(results: list[FileResult], rules: dict | None = None, cwd: str | None = None) -> dict:
    """The SARIF log as a dict. ``rules`` (code -> RuleSpec) defaults to every known rule."""
    if rules is None:
        from numlint.registry import load_rules

        rules = load_rules()
    root = source_root(cwd)
    descriptors = [rule_descriptor(r) for r in rules.values()]
    index = {d["id"]: i for i, d in enumerate(descriptors)}
    for result in results:
        for f in result.findings:
            if f.code not in index:
                index[f.code] = len(descriptors)
                descriptors.append(_fallback_descriptor(f.code, f.rule, f.severity))

    sarif_results = []
    notifications = []
    artifacts: list[dict] = []
    for result in results:
        uri, relative = artifact_uri(result.path, root)
        artifact_location = {"uri": uri, **({"uriBaseId": "%SRCROOT%"} if relative else {})}
        if result.error:
            notifications.append({
                "level": "error",
                "message": {"text": f"{result.path}: {result.error}"},
                "locations": [{"physicalLocation": {"artifactLocation": artifact_location}}],
            })
            continue
        artifacts.append({"location": artifact_location, **({"encoding": "utf-8"} if result.text is not None else {})})
        u = _Utf16(result.text)
        for (_, _, fingerprint, occurrence), f in keyed(result):
            sarif_results.append(_result(f, artifact_location, u, result.prose, index, f"{fingerprint}:{occurrence}"))

    run = {
        "tool": {
            "driver": {
                "name": "numlint",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": information_uri(),
                "rules": descriptors,
            }
        },
        "originalUriBaseIds": {"%SRCROOT%": {"uri": root.as_uri() + "/"}},
        "columnKind": "utf16CodeUnits",
        "artifacts": artifacts,
        "invocations": [{
            "executionSuccessful": not notifications,
            "toolExecutionNotifications": notifications,
        }],
        "results": sarif_results,
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def _result(f: Finding, artifact_location: dict, u: _Utf16, prose, index: dict, fingerprint: str) -> dict:
    text = _escape_message(f.message)
    if f.related:
        links = ", ".join(f"[{_escape_message(r.message or 'related')}]({i})" for i, r in enumerate(f.related, start=1))
        text += f" (see {links})"
    result = {
        "ruleId": f.code,
        "ruleIndex": index[f.code],
        "level": LEVEL[f.severity],
        "message": {"text": text},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": artifact_location,
                "region": _region(u, f.start, f.end, f.line, f.column, f.end_line, f.end_column),
                **_context(u, prose, f.start, f.end, f.line, f.end_line),
            }
        }],
        "partialFingerprints": {"numlintFingerprint/v1": fingerprint},
    }
    if f.related:
        result["relatedLocations"] = [
            {
                "id": i,
                "physicalLocation": {
                    "artifactLocation": artifact_location,
                    "region": _region(u, r.start, r.end, r.line, r.column, r.end_line, r.end_column),
                },
                "message": {"text": r.message or "related mention"},
            }
            for i, r in enumerate(f.related, start=1)
        ]
    return result


def render(results: list[FileResult], rules: dict | None = None, cwd: str | None = None) -> str:
    return json.dumps(build(results, rules, cwd), indent=2, ensure_ascii=False) + "\n"
