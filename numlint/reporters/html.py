"""One self-contained HTML page for editors: the article as a reader sees it (its paragraphs and
headings, whatever the file's format) with every quantity highlighted and coloured by metric, each
finding beside the paragraph it is in and linked to its mentions, and a table of the facts by metric.
For Markdown and HTML, whose source is not what a reader sees, a "Show source" toggle opens the file
line by line with the same highlights and the markup dimmed. No external scripts, styles, fonts or
images: the page can be mailed or attached to a ticket and opens anywhere. Everything taken from the article is escaped.
"""

from __future__ import annotations

import bisect
import copy
import html
import re
from collections import Counter, OrderedDict

from numlint import __version__
from numlint.lang.lines import LineIndex
from numlint.model import FileResult, Finding

# Twelve colours that stay readable as a highlight behind black text and stay apart from each other.
PALETTE = (
    "#ffd166", "#8ecae6", "#b5e48c", "#f4a6c1", "#cdb4db", "#ffb38a",
    "#9ee6d0", "#f6e27f", "#a0c4ff", "#e9c46a", "#caffbf", "#ffc6ff",
)
UNKNOWN = "#e3e3e3"
SEVERITIES = ("error", "warning", "info")
_MARKUP = re.compile(r"<!--.*?-->|<[^>\n]*>", re.DOTALL)


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def metric_of(q) -> str | None:
    """What a quantity is grouped and coloured by: its metric, or for a bare percentage its base."""
    if q.metric:
        return q.metric
    if q.base:
        return f"% of {q.base}"
    return None


def metric_colours(result: FileResult) -> OrderedDict[str, str]:
    """metric -> colour, in order of first appearance (so colours are stable for an article)."""
    colours: OrderedDict[str, str] = OrderedDict()
    for q in sorted(result.quantities, key=lambda q: q.start):
        m = metric_of(q)
        if m and m not in colours:
            colours[m] = PALETTE[len(colours) % len(PALETTE)]
    return colours


class _Span:
    __slots__ = ("start", "end", "metric", "quantity", "findings", "related", "anchor")

    def __init__(self, start: int, end: int):
        self.start, self.end = start, end
        self.metric = None
        self.quantity = None
        self.findings: list[int] = []      # findings whose own mention this is
        self.related: list[int] = []       # findings that point at it
        self.anchor = ""


def _spans(result: FileResult, fid: int) -> tuple[list[_Span], dict]:
    """Non-overlapping highlighted spans (quantities and finding mentions) and (start, end) -> span."""
    by_pos: dict[tuple[int, int], _Span] = {}
    for q in result.quantities:
        span = by_pos.setdefault((q.start, q.end), _Span(q.start, q.end))
        span.metric, span.quantity = metric_of(q), q
    for n, f in enumerate(result.findings, start=1):
        by_pos.setdefault((f.start, f.end), _Span(f.start, f.end)).findings.append(n)
        for r in f.related:
            by_pos.setdefault((r.start, r.end), _Span(r.start, r.end)).related.append(n)
    chosen: list[_Span] = []
    last_end = -1
    for span in sorted(by_pos.values(), key=lambda s: (s.start, -(s.end - s.start))):
        if span.start >= last_end and span.end > span.start:
            chosen.append(span)
            last_end = span.end
    for i, span in enumerate(chosen):
        span.anchor = f"f{fid}-m{i}"
    # A finding whose span lost to an overlapping one still needs an anchor: the span that covers it.
    for (start, _end), span in by_pos.items():
        if not span.anchor:
            cover = next((c for c in chosen if c.start <= start < c.end), None)
            span.anchor = cover.anchor if cover else ""
    return chosen, by_pos


_MARKDOWN_SYNTAX = re.compile(
    r"<!--.*?-->|<[^>\n]*>"            # HTML inside Markdown
    r"|^[ \t]{0,3}#{1,6}[ \t]"          # heading marks
    r"|^[ \t]*(?:[-*+]|\d+\.)[ \t]"     # list marks
    r"|^[ \t]*>[ \t]?"                  # block quotes
    r"|\*\*|__|`"                       # strong emphasis, code
    r"|\]\([^)\n]*\)|!?\[",               # link syntax and its URL
    re.DOTALL | re.MULTILINE,
)


def markup_ranges(text: str, fmt: str) -> list[tuple[int, int]]:
    """Spans of ``text`` that are markup, not prose (dimmed in the view). None for plain text."""
    if fmt == "html":
        pattern = _MARKUP
    elif fmt == "markdown":
        pattern = _MARKDOWN_SYNTAX
    else:
        return []
    return [m.span() for m in pattern.finditer(text)]


def _segment(text: str, lo: int, hi: int, markup: list[tuple[int, int]]) -> str:
    """text[lo:hi], escaped, with the parts inside markup ranges dimmed."""
    out, pos = [], lo
    # Ranges are sorted and disjoint: start at the first one that ends after ``lo``.
    i = bisect.bisect_right(markup, (lo, lo))
    i = i - 1 if i > 0 and markup[i - 1][1] > lo else i
    for start, end in markup[i:]:
        if start >= hi:
            break
        if end <= pos:
            continue
        s, e = max(start, pos), min(end, hi)
        out.append(_e(text[pos:s]))
        out.append(f'<span class="markup">{_e(text[s:e])}</span>')
        pos = e
    out.append(_e(text[pos:hi]))
    return "".join(out)


def _mark(span: _Span, text: str, colours: dict, fid: int, findings: list[Finding], ids: bool = True) -> str:
    colour = colours.get(span.metric, UNKNOWN) if span.metric else UNKNOWN
    classes = ["q"]
    worst = None
    for n in span.findings:
        sev = findings[n - 1].severity
        if worst is None or SEVERITIES.index(sev) < SEVERITIES.index(worst):
            worst = sev
    if worst:
        classes += ["hit", f"sev-{worst}"]
    if span.related:
        classes.append("rel")
    q = span.quantity
    title = []
    if q is not None:
        title.append(metric_of(q) or "metric unknown")
        if q.value is not None:
            value = q.value
        elif q.low is not None and q.high is not None:
            value = f"{q.low:g}–{q.high:g}"
        else:
            value = "?"
        if isinstance(value, float):
            value = f"{value:,.10g}"
        unit = f" {q.unit}" if q.unit else ""
        title.append(f"{value}{unit}")
        if q.kind:
            title.append(q.kind)
    for n in span.findings:
        title.append(f"#{n} {findings[n - 1].code}: {findings[n - 1].message}")
    targets = " ".join(f"f{fid}-n{n}" for n in span.findings + span.related)
    badges = "".join(f'<sup class="badge sev-{findings[n - 1].severity}">{n}</sup>' for n in span.findings)
    # The source view repeats the article's marks: without ids and links, so each anchor is unique.
    ident = f'id="{span.anchor}" ' if ids else ""
    link = f'data-for="{targets}" ' if ids else ""
    return (
        f'<mark {ident}class="{" ".join(classes)}" style="--c:{colour}" '
        f'{link}title="{_e(" · ".join(title))}">{_e(text)}</mark>{badges}'
    )


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line, without its line break."""
    index = LineIndex(text)
    return [index.bounds(line) for line in range(1, len(index) + 1)]


def _paragraph(text: str, lo: int, hi: int, spans: list[_Span], colours, fid, findings, markup, ends=None,
               ids: bool = True) -> str:
    out, pos = [], lo
    # Spans are sorted and disjoint: start at the first that ends after ``lo`` (linear over a file).
    first = bisect.bisect_right(ends, lo) if ends is not None else 0
    for span in spans[first:]:
        if span.start >= hi:
            break
        if span.end <= lo:
            continue
        s, e = max(span.start, lo), min(span.end, hi)
        out.append(_segment(text, pos, s, markup))
        out.append(_mark(span, text[s:e], colours, fid, findings, ids))
        pos = e
    out.append(_segment(text, pos, hi, markup))
    return "".join(out)


def _finding_card(f: Finding, n: int, fid: int, by_pos: dict) -> str:
    anchor = by_pos[(f.start, f.end)].anchor if (f.start, f.end) in by_pos else ""
    related = "".join(
        f'<li><a href="#{by_pos[(r.start, r.end)].anchor}" data-for="f{fid}-n{n}">line {r.line}</a> '
        f'{_e(r.message)}</li>'
        for r in f.related if (r.start, r.end) in by_pos
    )
    targets = " ".join([anchor] + [by_pos[(r.start, r.end)].anchor for r in f.related if (r.start, r.end) in by_pos])
    return (
        f'<article class="finding sev-{f.severity}" id="f{fid}-n{n}" data-for="{targets}">'
        f'<header><span class="num">{n}</span><span class="sev">{f.severity}</span>'
        f'<code>{_e(f.code)}</code><span class="rule">{_e(f.rule)}</span></header>'
        f'<p>{_e(f.message)}</p>'
        f'<a class="where" href="#{anchor}">line {f.line}, col {f.column}</a>'
        + (f'<ul class="related">{related}</ul>' if related else "")
        + "</article>"
    )


def _frame_note(frame) -> str:
    """Whose, when, per what and says who of one value, as the facts stage reads them ("" for none)."""
    if frame is None:
        return ""
    parts = [(label, value) for label, value in (("whose", frame.owner), ("when", frame.time),
                                                  ("per", frame.per), ("source", frame.source)) if value]
    if not parts:
        return ""
    words = " · ".join(f'<span class="{label}" title="{label}">{_e(value)}</span>' for label, value in parts)
    return f'<span class="frame">{words}</span>'


def _facts_table(result: FileResult, colours: dict, by_pos: dict, fid: int, shown: dict | None = None,
                 frames: dict | None = None) -> str:
    """Metric -> the values as written (as a reader sees them: ``shown`` maps a span to that text), each
    with its frame (``frames`` maps a span to what ``numlint.facts.frames_of`` read: whose, when)."""
    shown = shown or {}
    frames = frames or {}
    findings = list(result.findings)
    groups: OrderedDict[str, list] = OrderedDict()
    for q in sorted(result.quantities, key=lambda q: q.start):
        groups.setdefault(metric_of(q) or "", []).append(q)
    if not groups:
        return '<p class="empty">No quantities found.</p>'
    rows = []
    for metric, qs in sorted(groups.items(), key=lambda kv: (kv[0] == "", list(groups).index(kv[0]))):
        colour = colours.get(metric, UNKNOWN)
        name = _e(metric) if metric else '<span class="unknown">metric unknown</span>'
        involved = sorted({n for q in qs for n in by_pos[(q.start, q.end)].findings + by_pos[(q.start, q.end)].related})
        values = " ".join(
            f'<a class="chip" style="--c:{colour}" href="#{by_pos[(q.start, q.end)].anchor}">'
            f'{_e(shown.get((q.start, q.end), q.text))}</a>{_frame_note(frames.get((q.start, q.end)))}'
            for q in qs
        )
        first_on_line: dict[int, str] = {}
        for q in qs:
            first_on_line.setdefault(q.line, by_pos[(q.start, q.end)].anchor)
        lines = ", ".join(f'<a href="#{anchor}">{line}</a>' for line, anchor in first_on_line.items())
        flag = "".join(
            f' <a class="flag sev-{findings[n - 1].severity}" href="#f{fid}-n{n}">#{n}</a>' for n in involved
        )
        rows.append(
            f'<tr><td><span class="swatch" style="--c:{colour}"></span>{name}{flag}</td>'
            f'<td>{values}</td><td class="lines">{lines}</td></tr>'
        )
    return (
        '<table class="facts"><thead><tr><th>Metric</th><th>Values as written (whose, when)</th><th>Lines</th>'
        '</tr></thead>'
        f'<tbody>{"".join(rows)}</tbody></table>'
    )


def _chips(c: Counter) -> str:
    parts = []
    for sev in SEVERITIES:
        label = sev if c[sev] == 1 or sev == "info" else sev + "s"
        parts.append(f'<span class="count sev-{sev}{" zero" if not c[sev] else ""}">{c[sev]} {label}</span>')
    return "".join(parts)


def _prose_of(result: FileResult, fmt: str):
    """The prose the linter read (kept on the result), or read again for a result made without it."""
    if result.prose is not None:
        return result.prose
    from numlint import suppress
    from numlint.markup import to_prose

    text = result.text or ""
    return to_prose(suppress.mask(text, suppress.parse(text, fmt)), fmt)


_DIRECTIVE_LEFTOVER = re.compile(r"<!--\s*-->")


def _blocks(prose_text: str, fmt: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph of the prose: a line of plain text or of a Word file, a block
    (blank-line separated) of Markdown and HTML prose. Empty ones are left out."""
    sep = "\n" if fmt in ("text", "docx") else "\n\n"
    out, pos = [], 0
    while pos <= len(prose_text):
        cut = prose_text.find(sep, pos)
        end = len(prose_text) if cut < 0 else cut
        lo, hi = pos, end
        while lo < hi and prose_text[lo].isspace():
            lo += 1
        while hi > lo and prose_text[hi - 1].isspace():
            hi -= 1
        if hi > lo and _DIRECTIVE_LEFTOVER.fullmatch(prose_text[lo:hi]) is None:
            out.append((lo, hi))
        if cut < 0:
            break
        pos = cut + len(sep)
    return out


def _in_prose(spans: list[_Span], prose) -> list[_Span]:
    """The highlighted spans moved from file offsets to prose offsets (same anchors and findings)."""
    moved = []
    for span in spans:
        ps = prose.to_prose(span.start)
        pe = max(prose.to_prose(span.end), ps + 1)
        view = copy.copy(span)
        view.start, view.end = ps, pe
        moved.append(view)
    return moved


def _article_rows(result: FileResult, fmt: str, spans: list[_Span], colours, fid: int, by_pos: dict) -> str:
    """The article as read: a row per paragraph or heading, its findings beside it, the number of the
    file line (a Word file: the paragraph) it starts on."""
    findings = list(result.findings)
    text = result.text or ""
    prose = _prose_of(result, fmt)
    blocks = _blocks(prose.text, fmt)
    starts = [lo for lo, _ in blocks]
    lines = LineIndex(text)
    origin = prose.origin

    def source_line(prose_offset: int) -> int:
        offset = origin[prose_offset] if origin is not None and prose_offset < len(origin) else prose_offset
        return lines.line_col(min(offset, len(text)))[0]

    cards: dict[int, list[int]] = {}
    for n, f in enumerate(findings, start=1):
        at = max(bisect.bisect_right(starts, prose.to_prose(f.start)) - 1, 0)
        cards.setdefault(at, []).append(n)
    view = _in_prose(spans, prose)
    ends = [span.end for span in view]
    headings = prose.headings
    # What is left of a directive in plain or Word prose (its words blanked): not shown as copy.
    leftovers = [m.span() for m in _DIRECTIVE_LEFTOVER.finditer(prose.text)]
    rows = []
    for i, (lo, hi) in enumerate(blocks):
        notes = "".join(_finding_card(findings[n - 1], n, fid, by_pos) for n in cards.get(i, []))
        body = _paragraph(prose.text, lo, hi, view, colours, fid, findings, leftovers, ends)
        is_heading = any(h0 < hi and lo < h1 for h0, h1 in headings)
        tag = "h4" if is_heading else "p"
        cls = "row" + (" flagged" if notes else "")
        rows.append(
            f'<div class="{cls}"><div class="ln">{source_line(lo)}</div>'
            f'<{tag} class="para{" heading" if is_heading else ""}">{body}</{tag}>'
            f'<div class="notes">{notes}</div></div>'
        )
    if len(findings) and not blocks:  # nothing readable: still list every finding
        rows.append('<div class="row flagged"><div class="ln"></div><p class="para"></p><div class="notes">'
                    + "".join(_finding_card(f, n, fid, by_pos) for n, f in enumerate(findings, start=1))
                    + "</div></div>")
    return "".join(rows)


def _source_rows(result: FileResult, fmt: str, spans: list[_Span], colours, fid: int) -> str:
    """The file line by line, its markup dimmed, with the same highlights (no anchors of their own)."""
    findings = list(result.findings)
    text = result.text or ""
    markup = markup_ranges(text, fmt)
    ends = [span.end for span in spans]
    rows = []
    for number, (lo, hi) in enumerate(_lines(text), start=1):
        if not text[lo:hi].strip():
            rows.append('<div class="row gap"></div>')
            continue
        rows.append(
            f'<div class="row"><div class="ln">{number}</div>'
            f'<div class="para src">{_paragraph(text, lo, hi, spans, colours, fid, findings, markup, ends, False)}'
            '</div></div>'
        )
    return "".join(rows)


# Formats whose file is not what a reader sees, so a source view helps (plain text and a Word file's
# paragraphs are the article itself).
SOURCE_VIEW_FORMATS = ("markdown", "html")


def _file_section(result: FileResult, fid: int) -> str:
    from numlint.document import format_for_path

    title = f'<h2><span class="path">{_e(result.path)}</span>'
    if result.error:
        return (f'<section class="file">{title}</h2>'
                f'<div class="error">Could not check this file: {_e(result.error)}</div></section>')
    findings = list(result.findings)
    counts = Counter(f.severity for f in findings)
    title += (f'<span class="chips">{_chips(counts)}'
              f'<span class="count qs">{len(result.quantities)} quantities</span></span></h2>')
    fmt = format_for_path(result.path)
    colours = metric_colours(result)
    spans, by_pos = _spans(result, fid)
    from numlint.facts import frames_of
    from numlint.linter import as_read

    prose = _prose_of(result, fmt)
    shown = {(q.start, q.end): q.text for q in as_read(prose, list(result.quantities))}
    frames = frames_of(prose, result.quantities) if result.quantities else {}
    verdict = (
        '<p class="verdict ok">No number problems found.</p>' if not findings else ""
    )
    source = ""
    if fmt in SOURCE_VIEW_FORMATS:
        source = (f'<details class="source"><summary>Show source</summary>'
                  f'<div class="article">{_source_rows(result, fmt, spans, colours, fid)}</div></details>')
    return (
        f'<section class="file">{title}{verdict}'
        f'<div class="article" data-format="{fmt}">{_article_rows(result, fmt, spans, colours, fid, by_pos)}</div>'
        f'{source}<h3>Facts by metric</h3>{_facts_table(result, colours, by_pos, fid, shown, frames)}</section>'
    )


CSS = """
:root{--ink:#1d1d1f;--muted:#6b6b73;--rule:#e6e4df;--paper:#fbfaf7;--card:#fff;
--error:#c62828;--error-bg:#fdecea;--warning:#b26a00;--warning-bg:#fff4e0;--info:#1565c0;--info-bg:#e8f1fc}
*{box-sizing:border-box}
body{margin:0;background:var(--paper);color:var(--ink);
font:15px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
.top{position:sticky;top:0;z-index:5;display:flex;align-items:center;gap:16px;padding:12px 28px;
background:#1d1d1f;color:#fff}
.top .brand{font-weight:700;letter-spacing:.02em}.top .brand span{color:#ffd166}
.top .chips{margin-left:auto}
main{max-width:1320px;margin:0 auto;padding:8px 28px 48px}
h2{display:flex;flex-wrap:wrap;align-items:center;gap:12px;margin:28px 0 12px;font-size:18px}
h2 .path{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-weight:600}
h3{margin:28px 0 10px;font-size:15px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted)}
.chips{display:inline-flex;gap:6px;flex-wrap:wrap}
.count{font-size:12px;font-weight:600;padding:2px 9px;border-radius:999px;background:#eee;color:#333}
.count.sev-error{background:var(--error-bg);color:var(--error)}
.count.sev-warning{background:var(--warning-bg);color:var(--warning)}
.count.sev-info{background:var(--info-bg);color:var(--info)}
.count.zero{opacity:.45}.top .count{background:#333;color:#eee}.top .count.sev-error{background:#5c1f1f;color:#ffb4ab}
.top .count.sev-warning{background:#5a4210;color:#ffd79a}.top .count.sev-info{background:#173a66;color:#b7d3ff}
.article{background:var(--card);border:1px solid var(--rule);border-radius:10px;padding:10px 0;
box-shadow:0 1px 3px rgba(0,0,0,.04)}
.row{display:grid;grid-template-columns:44px minmax(0,1fr) 380px;gap:0 18px;padding:6px 18px 6px 0;
border-left:4px solid transparent}
.row.gap{padding:2px}
.row.flagged{border-left-color:#f0d7a6;background:linear-gradient(90deg,#fffaf0,transparent 60%)}
.ln{text-align:right;color:#aaa;padding-top:5px;font:12px/20px ui-monospace,Menlo,Consolas,monospace;user-select:none}
.para{font:17px/1.75 Georgia,"Iowan Old Style","Times New Roman",serif;white-space:pre-wrap;
overflow-wrap:anywhere}
h4.para.heading{margin:0;font-weight:700;font-size:21px;line-height:1.4}
p.para{margin:0}.para:not(.src) .markup{display:none}
details.source{margin-top:12px}details.source summary{cursor:pointer;color:var(--muted);font-size:13px;padding:4px 0}
details.source .row{grid-template-columns:44px minmax(0,1fr)}
.para.src{font:13px/1.6 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.markup{color:#9a9aa2;font:12px ui-monospace,Menlo,Consolas,monospace}
mark.q{background:var(--c);color:inherit;border-radius:4px;padding:1px 3px;margin:0 -1px;
box-shadow:inset 0 -2px 0 rgba(0,0,0,.12);cursor:default;transition:box-shadow .15s,outline-color .15s}
mark.hit{text-decoration:underline wavy;text-decoration-thickness:1.5px;text-underline-offset:4px;cursor:pointer}
mark.sev-error{text-decoration-color:var(--error)}mark.sev-warning{text-decoration-color:var(--warning)}
mark.sev-info{text-decoration-color:var(--info)}
mark.rel{outline:2px dashed rgba(0,0,0,.35);outline-offset:1px}
mark.lit,mark:target{box-shadow:0 0 0 3px #1d1d1f;outline-color:transparent}
sup.badge{font:700 10px/1 -apple-system,"Segoe UI",Arial,sans-serif;color:#fff;border-radius:999px;
padding:2px 5px;margin-left:2px;vertical-align:super}
.badge.sev-error,.finding.sev-error .num{background:var(--error)}
.badge.sev-warning,.finding.sev-warning .num{background:var(--warning)}
.badge.sev-info,.finding.sev-info .num{background:var(--info)}
.notes{display:flex;flex-direction:column;gap:8px}
.finding{background:#fff;border:1px solid var(--rule);border-left:4px solid;border-radius:8px;padding:8px 12px;
font-size:13.5px;box-shadow:0 1px 2px rgba(0,0,0,.05);transition:transform .12s,box-shadow .12s}
.finding.sev-error{border-left-color:var(--error)}.finding.sev-warning{border-left-color:var(--warning)}
.finding.sev-info{border-left-color:var(--info)}
.finding.lit,.finding:target{box-shadow:0 4px 14px rgba(0,0,0,.14);transform:translateX(-2px)}
.finding header{display:flex;align-items:center;gap:8px;margin-bottom:3px}
.finding .num{color:#fff;font-weight:700;font-size:11px;border-radius:999px;min-width:20px;height:20px;
display:inline-flex;align-items:center;justify-content:center}
.finding .sev{font-size:11px;text-transform:uppercase;letter-spacing:.06em;font-weight:700}
.finding.sev-error .sev{color:var(--error)}.finding.sev-warning .sev{color:var(--warning)}.finding.sev-info .sev{color:var(--info)}
.finding code{font:600 12px ui-monospace,Menlo,Consolas,monospace;background:#f3f2ef;padding:1px 5px;border-radius:4px}
.finding .rule{color:var(--muted);font-size:12px}
.finding p{margin:2px 0 4px;line-height:1.45}
.finding a{color:var(--muted);font-size:12px}
.finding ul{margin:2px 0 0;padding-left:16px;color:var(--muted);font-size:12px}
.verdict.ok{background:#e8f5e9;color:#1b5e20;border-radius:8px;padding:8px 14px;font-weight:600}
.error{background:var(--error-bg);color:var(--error);border-radius:8px;padding:10px 14px}
table.facts{width:100%;border-collapse:separate;border-spacing:0;background:#fff;border:1px solid var(--rule);
border-radius:10px;overflow:hidden;font-size:14px}
.facts th{text-align:left;font-size:12px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);
background:#f6f5f1;padding:8px 14px}
.facts td{padding:8px 14px;border-top:1px solid var(--rule);vertical-align:top}
.facts td:first-child{font-weight:600;white-space:nowrap}
.facts .lines{font:12px ui-monospace,Menlo,Consolas,monospace;color:var(--muted)}
.facts a{color:inherit}
.facts .frame{font-size:12px;color:var(--muted);margin:0 10px 0 4px}
.swatch{display:inline-block;width:12px;height:12px;border-radius:3px;background:var(--c);margin-right:8px;
vertical-align:-1px;box-shadow:inset 0 0 0 1px rgba(0,0,0,.15)}
.chip{display:inline-block;background:var(--c);border-radius:4px;padding:0 6px;margin:2px 3px 2px 0;
text-decoration:none;font:14px/1.6 Georgia,"Times New Roman",serif}
.flag{font-size:11px;font-weight:700;border-radius:999px;padding:1px 7px;margin-left:4px;text-decoration:none}
.flag.sev-error{color:var(--error);background:var(--error-bg)}.flag.sev-warning{color:var(--warning);background:var(--warning-bg)}
.flag.sev-info{color:var(--info);background:var(--info-bg)}
.unknown{color:var(--muted);font-style:italic;font-weight:400}
.empty{color:var(--muted)}
footer{color:var(--muted);font-size:12px;text-align:center;padding:20px}
@media (max-width:980px){.row{grid-template-columns:36px minmax(0,1fr)}.notes{grid-column:2}}
@media print{.top{position:static}.row{break-inside:avoid}}
"""  # noqa: E501 - the stylesheet is emitted as written; wrapping it would change every report

# Hovering a finding lights its mentions and hovering a flagged mention lights its findings; clicking a
# flagged mention jumps to its finding. Inline and dependency-free.
JS = """
(function(){
  function ids(el){return (el.getAttribute('data-for')||'').split(' ').filter(Boolean);}
  function light(el,on){ids(el).forEach(function(id){var t=document.getElementById(id);if(t)t.classList.toggle('lit',on);});}
  document.querySelectorAll('[data-for]').forEach(function(el){
    el.addEventListener('mouseenter',function(){light(el,true);});
    el.addEventListener('mouseleave',function(){light(el,false);});
  });
  // j / k: next / previous finding, as in a mail reader.
  var cards=Array.prototype.slice.call(document.querySelectorAll('article.finding')),at=-1;
  document.addEventListener('keydown',function(e){
    if(!cards.length||e.ctrlKey||e.metaKey||e.altKey||(e.key!=='j'&&e.key!=='k'))return;
    if(at>=0)light(cards[at],false),cards[at].classList.remove('lit');
    at=e.key==='j'?Math.min(at+1,cards.length-1):Math.max(at-1,0);
    cards[at].scrollIntoView({behavior:'smooth',block:'center'});cards[at].classList.add('lit');light(cards[at],true);
  });
  document.querySelectorAll('mark.hit').forEach(function(m){
    m.addEventListener('click',function(){var id=ids(m)[0];var t=id&&document.getElementById(id);
      if(t){t.scrollIntoView({behavior:'smooth',block:'center'});t.classList.add('lit');
      setTimeout(function(){t.classList.remove('lit');},1600);}});
  });
})();
"""  # noqa: E501 - the script is emitted as written; wrapping it would change every report


def render(results: list[FileResult]) -> str:
    total = Counter(f.severity for r in results for f in r.findings)
    sections = "".join(_file_section(r, i) for i, r in enumerate(results))
    files = len(results)
    title = "numlint report" + (f" — {results[0].path}" if files == 1 else f" — {files} files")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{CSS}</style></head><body>"
        f'<div class="top"><div class="brand">num<span>lint</span></div>'
        f'<div>{files} file{"s" if files != 1 else ""} checked</div>'
        f'<div class="chips">{_chips(total)}</div></div>'
        f"<main>{sections}</main>"
        f'<footer>numlint {_e(__version__)} · hover a finding to see its numbers · '
        'j / k: next / previous finding · colours mark what each number counts</footer>'
        f"<script>{JS}</script></body></html>\n"
    )
