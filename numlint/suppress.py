"""Inline suppression: directives in the copy that silence findings, and which of them did nothing.

Markdown and HTML (invisible once published)::

    <!-- numlint: disable-next-line NL301 -->       the next non-blank line
    ... 16% of state expenditure. <!-- numlint: disable-line NL301 -->   the line it stands on
    <!-- numlint: disable NL101, NL2 -->            from here ...
    <!-- numlint: enable -->                        ... to here (or to the end of the file)
    <!-- numlint: disable-file -->                  the whole file

Plain-text copy has no comments, so a directive is a line of its own in square brackets, the way
desks already mark editors' notes that are stripped before publication (and HTML comments work too)::

    [numlint: disable-next-line NL301 -- two sources, both attributed]

``disable-line`` may also close a line of plain text: ``... 16% of state expenditure. [numlint:
disable-line NL301]`` (in brackets at the very end of the line).

Codes are optional (none = every rule), separated by commas or spaces, and may be prefixes (``NL1``).
Anything after `` -- `` is a reason for the next editor and is ignored. A directive covers a finding
when the finding's own mention (not a related one) lies in its scope.

Directives are found with one regular expression over the ORIGINAL text, so their positions are the
file's own offsets; ``mask`` blanks their insides so that "NL301" is never read as a quantity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from numlint.lang.lines import LineIndex

_ACTION = r"(?P<action>disable-next-line|disable-line|disable-file|disable|enable)"
COMMENT_RE = re.compile(r"<!--[ \t]*numlint[ \t]*:[ \t]*" + _ACTION + r"(?![\w]|-(?!->))" + r"(?P<rest>.*?)-->",
                        re.IGNORECASE | re.DOTALL)
# Plain text: a line of its own, or (disable-line only, which names the line it is on) the end of a line.
_BRACKET = r"\[[ \t]*numlint[ \t]*:[ \t]*{action}(?![\w-])(?P<rest>[^\]\n]*)\][ \t]*\r?$"
BRACKET_RE = re.compile(r"^[ \t]*" + _BRACKET.format(action=_ACTION), re.IGNORECASE | re.MULTILINE)
TRAILING_BRACKET_RE = re.compile(r"(?<=\S)[ \t]*" + _BRACKET.format(action=r"(?P<action>disable-line)"),
                                 re.IGNORECASE | re.MULTILINE)
CODE_TOKEN_RE = re.compile(r"[^\s,]+")


@dataclass
class Directive:
    """One directive as written: its action, the codes it names (empty = all) and where it is."""

    action: str
    codes: tuple[str, ...]
    start: int                      # the whole directive, original offsets
    end: int
    code_spans: tuple[tuple[int, int], ...] = ()
    line: int = 0                   # 1-based line of the directive's start
    reason: str = ""
    # Filled by ``apply``: the codes (or "*" for all) that silenced at least one finding.
    used: set[str] = field(default_factory=set)
    scope: tuple[int, int] = (0, 0)  # original offsets covered; for disable-next-line, a line range
    target_line: int | None = None

    @property
    def text_codes(self) -> str:
        return ", ".join(self.codes) if self.codes else "all rules"

    def covers_code(self, code: str) -> str | None:
        """The code or prefix of this directive that names ``code`` ("*" for a directive without codes)."""
        if not self.codes:
            return "*"
        best = None
        for c in self.codes:
            prefix = "" if c == "ALL" else c
            if code.startswith(prefix) and (best is None or len(c) > len(best)):
                best = c
        return best


def parse(text: str, fmt: str = "text") -> list[Directive]:
    """Every directive in ``text`` (any format: HTML comments; plain text also bracket lines)."""
    found: list[Directive] = []
    patterns = [COMMENT_RE] + ([BRACKET_RE, TRAILING_BRACKET_RE] if fmt == "text" else [])
    for pattern in patterns:
        for m in pattern.finditer(text):
            rest_start = m.start("rest")
            rest = m.group("rest")
            reason = ""
            cut = re.search(r"(?:^|\s)--(?:\s|$)", rest)
            if cut:
                reason = rest[cut.end():].strip()
                rest = rest[:cut.start()]
            codes, spans = [], []
            for tok in CODE_TOKEN_RE.finditer(rest):
                codes.append(tok.group().upper())
                spans.append((rest_start + tok.start(), rest_start + tok.end()))
            end = m.end()
            if pattern is not COMMENT_RE:
                end = m.start() + len(m.group().rstrip("\r"))
            found.append(Directive(m.group("action").lower(), tuple(codes), m.start(), end, tuple(spans),
                                   reason=reason))
    found.sort(key=lambda d: d.start)
    return found


def mask(text: str, directives: list[Directive]) -> str:
    """``text`` with each directive's words blanked (same length, line breaks kept): extraction then
    never reads "NL301" as 301. An HTML comment keeps its ``<!--``/``-->`` so markup still sees one."""
    if not directives:
        return text
    chars = list(text)
    for d in directives:
        lo, hi = d.start, d.end
        if text.startswith("<!--", lo):
            lo, hi = lo + 4, hi - 3
        for i in range(lo, hi):
            if chars[i] not in "\r\n":
                chars[i] = " "
    return "".join(chars)


def resolve_scopes(text: str, directives: list[Directive], line_col) -> None:
    """Fill each directive's line and scope. ``line_col(offset) -> (line, column)`` is Document's."""
    index = LineIndex(text)
    starts = index.starts
    lines = [text[slice(*index.span(i + 1))] for i in range(len(index))]
    open_ranges: list[Directive] = []
    for d in directives:
        d.line = line_col(d.start)[0]
        end_line = line_col(max(d.start, d.end - 1))[0]
        if d.action == "disable-file":
            d.scope = (0, len(text))
        elif d.action == "disable-next-line":
            target = end_line + 1
            while target <= len(lines) and not _visible(lines[target - 1]):
                target += 1
            d.target_line = target if target <= len(lines) else None
            if d.target_line is not None:
                lo = starts[target - 1]
                d.scope = (lo, lo + len(lines[target - 1]))
        elif d.action == "disable-line":
            # the line(s) the directive stands on, from the first one's start to the last one's end
            d.target_line = d.line
            d.scope = (starts[d.line - 1], starts[end_line - 1] + len(lines[end_line - 1]))
        elif d.action == "disable":
            d.scope = (d.end, len(text))
            open_ranges.append(d)
        elif d.action == "enable":
            for opened in list(open_ranges):
                if (not d.codes or set(opened.codes) & set(d.codes)
                        or (opened.codes and set(opened.codes) <= set(d.codes))):
                    opened.scope = (opened.end, d.start)
                    open_ranges.remove(opened)
                    d.used.add("*")  # an enable that ends a range did its job


def _visible(line: str) -> bool:
    """A line a reader would see: not blank and not itself only a directive."""
    stripped = line.strip()
    if not stripped:
        return False
    if COMMENT_RE.fullmatch(stripped) or BRACKET_RE.fullmatch(stripped):
        return False
    # A line of tags only (``<p>``, ``<div class="body">``) shows nothing: the text is on a later line.
    return bool(_TAG_RE.sub("", stripped).strip())


_TAG_RE = re.compile(r"<!--.*?-->|</?[A-Za-z][^>]*>", re.DOTALL)


def apply(findings, directives: list[Directive]):
    """(kept, suppressed): findings outside / inside the scope of a directive naming their code.

    Every directive that covers a finding is marked used, so overlapping directives are not
    reported as unused for each other's work.
    """
    kept, suppressed = [], []
    for f in findings:
        hit = False
        for d in directives:
            if d.action == "enable":
                continue
            lo, hi = d.scope
            if not (lo <= f.start < hi or (d.action == "disable-file")):
                continue
            token = d.covers_code(f.code)
            if token is None:
                continue
            d.used.add(token)
            hit = True
        (suppressed if hit else kept).append(f)
    return kept, suppressed


@dataclass(frozen=True)
class Unused:
    """A directive (or one code in it) that silenced nothing: what NL901 reports."""

    directive: Directive
    code: str | None          # None: the whole directive
    start: int
    end: int
    why: str                  # "suppresses nothing", "NL999 is not a rule", ...


def unused(directives: list[Directive], selected: set[str], known: set[str]) -> list[Unused]:
    """Directives that did nothing in this run.

    A code naming no known rule is always reported. A code whose rules did not run (not selected,
    e.g. ``--select NL1`` and a ``disable NL301``) is NOT reported: whether it is needed cannot be
    known from this run, and a partial run must not tell editors to delete a needed directive.
    """
    out: list[Unused] = []
    for d in directives:
        if d.action == "enable":
            if not d.used:
                out.append(Unused(d, None, d.start, d.end, "enable with no open disable before it"))
            continue
        if d.action == "disable-next-line" and d.target_line is None:
            out.append(Unused(d, None, d.start, d.end, "no line follows it"))
            continue
        if not d.codes:
            if "*" not in d.used and selected:
                out.append(Unused(d, None, d.start, d.end, "suppresses nothing"))
            continue
        for code, (lo, hi) in zip(d.codes, d.code_spans, strict=True):
            prefix = "" if code == "ALL" else code
            if not any(k.startswith(prefix) for k in known):
                out.append(Unused(d, code, lo, hi, f"{code} is not a rule (see 'numlint rules')"))
            elif code in d.used:
                continue
            elif any(s.startswith(prefix) for s in selected):
                out.append(Unused(d, code, lo, hi, f"{code} suppresses nothing"))
    return out
