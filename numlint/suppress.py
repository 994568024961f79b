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

import bisect
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


def html_comments(text: str):
    """(start, end) of every closed ``<!-- ... -->`` in ``text``, in order. A comment ends at the
    first ``-->`` after its ``<!--``, as in HTML, so ``<!--`` inside a comment opens nothing; each
    character is looked at once (an unclosed ``<!--`` ends the search: nothing after it can close
    another), where a pattern tried at every ``<!--`` would rescan the rest of the file each time."""
    i = text.find("<!--")
    while i >= 0:
        k = text.find("-->", i + 4)
        if k < 0:
            return
        yield i, k + 3
        i = text.find("<!--", k + 3)


def _comment_directives(text: str, comments):
    for lo, hi in comments:
        m = COMMENT_RE.fullmatch(text, lo, hi)
        if m is not None:
            yield m


def _trailing_brackets(text: str):
    """TRAILING_BRACKET_RE's matches, searched only in the last stretch of each line that ends in
    "]" (after the line's previous "]", which the directive cannot hold): tried at every "[" of
    the file, the pattern would scan the rest of a long line once for each."""
    n = len(text)
    start = 0
    while start <= n:
        stop = text.find("\n", start)
        stop = n if stop < 0 else stop
        end = stop
        while end > start and text[end - 1] in " \t\r":
            end -= 1
        if end > start and text[end - 1] == "]":
            region = text.rfind("]", start, end - 1) + 1 or start
            m = TRAILING_BRACKET_RE.search(text, max(region, start), stop)
            if m is not None:
                yield m
        start = stop + 1


def parse(text: str, fmt: str = "text", comments=None) -> list[Directive]:
    """Every directive in ``text`` (any format: HTML comments; plain text also bracket lines).

    ``comments``: the (start, end) spans that are comments, as the markup reader found them
    (``Prose.comments``); None: every ``<!-- ... -->`` of the text counts."""
    found: list[Directive] = []
    matches = [_comment_directives(text, html_comments(text) if comments is None else comments)]
    if fmt == "text":
        matches += [BRACKET_RE.finditer(text), _trailing_brackets(text)]
    for pattern_matches in matches:
        for m in pattern_matches:
            pattern = m.re
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
    """Fill each directive's line and scope. ``line_col(offset) -> (line, column)`` is Document's.

    Linear in the file and the directives: the next visible line is worked out once for every line
    (a page of ``disable-next-line`` comments would otherwise send each one down the same lines),
    and an ``enable`` looks only at the open ranges that share a code with it."""
    index = LineIndex(text)
    starts = index.starts
    lines = [text[slice(*index.span(i + 1))] for i in range(len(index))]
    next_visible: list[int | None] | None = None
    open_all: dict[int, Directive] = {}             # id -> every open range, in order
    open_by_code: dict[str, list[Directive]] = {}   # a code -> the open ranges naming it
    for d in directives:
        d.line = line_col(d.start)[0]
        end_line = line_col(max(d.start, d.end - 1))[0]
        if d.action == "disable-file":
            d.scope = (0, len(text))
        elif d.action == "disable-next-line":
            if next_visible is None:
                next_visible = _next_visible_lines(lines)
            target = next_visible[end_line] if end_line < len(next_visible) else None
            d.target_line = target
            if target is not None:
                lo = starts[target - 1]
                d.scope = (lo, lo + len(lines[target - 1]))
        elif d.action == "disable-line":
            # the line(s) the directive stands on, from the first one's start to the last one's end
            d.target_line = d.line
            d.scope = (starts[d.line - 1], starts[end_line - 1] + len(lines[end_line - 1]))
        elif d.action == "disable":
            d.scope = (d.end, len(text))
            open_all[id(d)] = d
            for code in set(d.codes):
                open_by_code.setdefault(code, []).append(d)
        elif d.action == "enable":
            # An enable without codes ends every open range; with codes, those sharing one with it.
            if d.codes:
                closing = [o for code in set(d.codes) for o in open_by_code.pop(code, ()) if id(o) in open_all]
            else:
                closing = list(open_all.values())
                open_by_code.clear()
            for opened in closing:
                if open_all.pop(id(opened), None) is not None:
                    opened.scope = (opened.end, d.start)
                    d.used.add("*")  # an enable that ends a range did its job


def _next_visible_lines(lines: list[str]) -> list[int | None]:
    """``result[k]``: the first 1-based line after line k that a reader sees (None: no such line)."""
    result: list[int | None] = [None] * (len(lines) + 1)
    following: int | None = None
    for k in range(len(lines), 0, -1):
        result[k] = following
        if _visible(lines[k - 1]):
            following = k
    result[0] = following
    return result


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
    reported as unused for each other's work. The work is per directive and per code that has
    findings (a few dozen rules), each a bisect, never per directive and per finding: a page of
    unclosed ``disable`` comments over a page of findings stays linear.
    """
    findings = list(findings)
    by_code: dict[str, list[int]] = {}          # code -> indexes of its findings, by start
    for i in sorted(range(len(findings)), key=lambda i: findings[i].start):
        by_code.setdefault(findings[i].code, []).append(i)
    starts = {code: [findings[i].start for i in idx] for code, idx in by_code.items()}
    covered: dict[str, list[tuple[int, int]]] = {}   # code -> (first, stop) ranges of by_code[code]
    for d in directives:
        if d.action == "enable":
            continue
        lo, hi = d.scope
        for code, code_starts in starts.items():
            token = d.covers_code(code)
            if token is None:
                continue
            if d.action == "disable-file":
                first, stop = 0, len(code_starts)
            else:
                first, stop = bisect.bisect_left(code_starts, lo), bisect.bisect_left(code_starts, hi)
            if first < stop:
                d.used.add(token)
                covered.setdefault(code, []).append((first, stop))
    hit = [False] * len(findings)
    for code, ranges in covered.items():
        idx = by_code[code]
        reach = 0
        for first, stop in sorted(ranges):
            for k in range(max(first, reach), stop):
                hit[idx[k]] = True
            reach = max(reach, stop)
    kept = [f for f, h in zip(findings, hit, strict=True) if not h]
    suppressed = [f for f, h in zip(findings, hit, strict=True) if h]
    return kept, suppressed


@dataclass(frozen=True)
class Unused:
    """A directive (or one code in it) that silenced nothing: what NL901 reports."""

    directive: Directive
    code: str | None          # None: the whole directive
    start: int
    end: int
    why: str                  # "suppresses nothing", "NL999 is not a rule", ...
    unknown_code: bool = False  # the code names no rule: reported even with NL901 off


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
                out.append(Unused(d, code, lo, hi, f"{code} is not a rule (see 'numlint rules')", unknown_code=True))
            elif code in d.used:
                continue
            elif any(s.startswith(prefix) for s in selected):
                out.append(Unused(d, code, lo, hi, f"{code} suppresses nothing"))
    return out
