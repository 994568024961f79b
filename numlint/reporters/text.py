"""Text for people: ``full`` (each finding with its source line underlined, like ruff and rustc) and
``concise`` (one line per finding), a closing summary, and ``--statistics``.

Colour is decided by the caller (``color=True`` only for a terminal without ``NO_COLOR``); the text is
the same with or without it. News copy puts a whole paragraph on one line, so a source line is shown
as a window around the mention, never wrapped.

What is shown is the text as a reader sees it: for HTML and Markdown the paragraph of the prose the
linter read (``£4.5bn``, ``10 miles``, not ``&pound;4.</span><span>5bn`` or ``10&nbsp;miles``), found
through the prose's own offset map (``Prose.paragraph_around``), with the caret under the mention in
that text; the gutter and the ``path:line:column`` header stay the file's own line and column. Plain
text and a Word file's paragraphs are their own prose and are shown as they are.
"""

from __future__ import annotations

import io
from collections import Counter
from typing import TYPE_CHECKING

from numlint.lang.lines import LineIndex
from numlint.model import FileResult, Finding, Related
from numlint.sources import DEFAULT_SUFFIXES, safe_name

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

SEVERITY_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold cyan"}
UNDERLINE_STYLE = {"error": "red", "warning": "yellow", "info": "cyan"}
WINDOW = 96            # columns of a source line shown around a mention
CONTEXT = 36           # of which, at most this many before it


def _console(color: bool) -> tuple[Console, io.StringIO]:
    # rich.console costs more to import than the rest of a cold check: only colour needs it
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        width=10_000,
        highlight=False,
        emoji=False,
        markup=False,
        legacy_windows=False,
    )
    return console, buffer


def _text(text: str = "", style: str = "") -> Text:
    from rich.text import Text

    return Text(text, style=style)


class _PlainText:
    """The part of rich's ``Text`` the report builds with, for a report without colour: the plain
    string only. Importing rich.text (with its styles, segments and colours) costs more than the
    rest of a cold check's report; a piped or redirected report never shows a style."""

    __slots__ = ("_parts",)

    def __init__(self, text: str = "", style: str = ""):
        self._parts = [text] if text else []

    def append(self, text: str, style: str = "") -> _PlainText:
        self._parts.append(text)
        return self

    @property
    def plain(self) -> str:
        return "".join(self._parts)


# The control characters rich's Text drops (rich.control.STRIP_CONTROL_CODES: BEL, BS, VT, FF, CR),
# dropped the same way from the plain report, so it is byte for byte what rich prints.
_STRIP_CONTROLS = dict.fromkeys((7, 8, 11, 12, 13))


def _cell_len(text: str) -> int:
    """Terminal columns of ``text``, as rich measures them: one per printable ASCII character,
    else rich's own table (loaded only for text that needs it)."""
    if text.isascii() and text.isprintable():
        return len(text)
    from rich.cells import cell_len

    return cell_len(text)


_index_cache: dict[int, LineIndex] = {}
# How much of a line or paragraph either side of a mention is read to show it: enough for _window
# to cut the same slice as of the whole line, so that printing a one-line file (or an HTML page
# without paragraph breaks) costs the number of findings, not that times the length of the line.
REACH = 4 * WINDOW


def _line_near(text: str, line: int, col: int, end_col: int | None) -> tuple[str, int, int]:
    """The part of a 1-based line of ``text`` within REACH of columns [col, end_col) (None: to the
    line's end), and the two columns in it. The index is kept for the last text seen (one file at
    a time)."""
    index = _index_cache.get(0)
    if index is None or index.text is not text:
        index = _index_cache[0] = LineIndex(text)
    line_start, line_end = index.bounds(line)
    if end_col is None:
        end_col = line_end - line_start + 1
    lo = max(line_start, line_start + col - 1 - REACH)
    hi = min(line_end, line_start + end_col - 1 + REACH)
    shift = lo - line_start
    return text[lo:hi], col - shift, end_col - shift


# Control characters of the copy, shown as their Unicode pictures ("␀", "␛"): one column each, so the
# caret stays under the mention, and an escape sequence in an article cannot restyle or rewrite the
# reader's terminal (rich passes ESC and NUL through).
_VISIBLE_CONTROLS = {code: 0x2400 + code for code in range(0x20)} | {0x7F: 0x2421, 0x09: 0x20}


def _window(line: str, col: int, end_col: int) -> tuple[str, int, int]:
    """A slice of ``line`` that shows columns [col, end_col) with context: (text, col, end_col) in it."""
    line = line.translate(_VISIBLE_CONTROLS)
    start = col - 1
    stop = max(end_col - 1, start + 1)
    if len(line) <= WINDOW:
        return line, start, stop
    lo = max(0, start - CONTEXT)
    hi = min(len(line), max(stop, lo + WINDOW))
    if hi - lo < WINDOW:
        lo = max(0, hi - WINDOW)
    # Cut at spaces so words stay whole.
    if lo > 0:
        space = line.find(" ", lo, start)
        lo = space + 1 if space >= 0 else lo
    if hi < len(line):
        space = line.rfind(" ", stop, hi)
        hi = space if space > stop else hi
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(line) else ""
    return prefix + line[lo:hi] + suffix, start - lo + len(prefix), stop - lo + len(prefix)


def _shown_line(result: FileResult, start: int, end: int, line: int, col: int, end_line: int,
                end_col: int) -> tuple[str, int, int]:
    """(text, col, end_col) to show for a mention: the reader's paragraph around it when the file's
    prose differs from its text, else the file's line (1-based columns, end exclusive)."""
    prose = result.prose
    around = prose.paragraph_around(start, end, reach=REACH) if prose is not None else None
    if around is not None:
        lo, hi, mention_start, mention_end = around
        # Lines inside a block (table cells, <pre>) read as spaces: one column each, the caret stays.
        paragraph = prose.text[lo:hi].replace("\n", " ")
        return paragraph, mention_start - lo + 1, min(mention_end, hi) - lo + 1
    return _line_near(result.text, line, col, end_col if end_line == line else None)


def _snippet(out: Text, result: FileResult, start: int, end: int, line: int, col: int, end_line: int,
             end_col: int, mark: str, style: str, note: str, gutter: int) -> None:
    source, col, end_col = _shown_line(result, start, end, line, col, end_line, end_col)
    shown, lo, hi = _window(source, col, end_col)
    number = str(line).rjust(gutter)
    out.append(f"{number} │ ", style="blue")
    out.append(shown[:lo])
    out.append(shown[lo:hi], style="bold")
    out.append(shown[hi:] + "\n")
    out.append(" " * gutter + " │ ", style="blue")
    out.append(" " * _cell_len(shown[:lo]))
    out.append(mark * max(1, _cell_len(shown[lo:hi])), style=style)
    if note:
        out.append(" " + note, style=style)
    out.append("\n")


def _header(out: Text, path: str, f: Finding) -> None:
    out.append(f"{safe_name(path)}:{f.line}:{f.column}:", style="bold")
    out.append(" ")
    out.append(f.code, style=SEVERITY_STYLE[f.severity])
    out.append(" ")
    out.append(f.severity, style=SEVERITY_STYLE[f.severity])
    out.append(" " + f.message)


def render_full(result: FileResult, f: Finding, new_text=_text) -> Text:
    """One finding, header and snippets, as a rich Text (``new_text=_PlainText``: its plain string only)."""
    out = new_text()
    _header(out, result.path, f)
    out.append("\n")
    if result.text is None:
        return out
    lines = [f.line] + [r.line for r in f.related]
    gutter = len(str(max(lines)))
    out.append(" " * gutter + " │\n", style="blue")
    _snippet(out, result, f.start, f.end, f.line, f.column, f.end_line, f.end_column, "^",
             UNDERLINE_STYLE[f.severity], f.rule, gutter)
    for r in f.related:
        _snippet_related(out, result, r, gutter)
    return out


def _snippet_related(out: Text, result: FileResult, r: Related, gutter: int) -> None:
    _snippet(out, result, r.start, r.end, r.line, r.column, r.end_line, r.end_column, "-", "blue", r.message,
             gutter)


def counts(results: list[FileResult]) -> Counter:
    return Counter(f.severity for r in results for f in r.findings)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _short_reason(error: str) -> str:
    """The gist of a file's error for the summary: "not valid UTF-8" of "not valid UTF-8: byte 0xa3 at ...;
    save ...", up to the first colon or semicolon outside brackets (the full error is printed above)."""
    depth = 0
    for i, ch in enumerate(error):
        depth += (ch == "(") - (ch == ")")
        if depth <= 0 and ch in ":;":
            return error[:i].strip()
    return error.strip()


def _why_not_checked(failed: list[FileResult]) -> str:
    """ "binary file, not text" for one file; for several, their reasons counted. The files are named
    on their own error lines above the summary, so it does not name them again."""
    if len(failed) == 1:
        return _short_reason(failed[0].error)
    reasons = Counter(_short_reason(r.error) for r in failed)
    return ", ".join(f"{n} {reason}" for reason, n in reasons.most_common())


def summary_line(results: list[FileResult], suppressed_by_baseline: int = 0) -> str:
    """One line: what was found, in how many of the files checked, and what could not be checked.

    Files with findings are counted against the files read ("in 7 of 8 files"), because the JSON's
    ``summary.files`` counts every input and the two must not seem to disagree; a file that could not
    be read is named with its reason, so a run that exits 2 never reads as clean."""
    c = counts(results)
    total = sum(c.values())
    checked = sum(1 for r in results if not r.error)
    files_with = sum(1 for r in results if r.findings)
    failed = [r for r in results if r.error]
    extra = f"; {suppressed_by_baseline} more in the baseline" if suppressed_by_baseline else ""
    if failed:
        extra += f"; {_plural(len(failed), 'file')} not checked ({_why_not_checked(failed)})"
    if not results:
        *others, last = DEFAULT_SUFFIXES
        return (f"No files checked: the paths given hold no {', '.join(others)} or {last} file "
                "(or every one is excluded).")
    if not checked:
        return f"No files checked ({_why_not_checked(failed)})."
    if not total:
        return f"No findings in {_plural(checked, 'file')}{extra}."
    where = _plural(files_with, "file") if checked <= 1 else f"{files_with} of {checked} files"
    parts = ", ".join(f"{c[s]} {s}" if s == "info" else _plural(c[s], s) for s in ("error", "warning", "info") if c[s])
    return f"Found {_plural(total, 'finding')} ({parts}) in {where}{extra}."


def summary_style(results: list[FileResult]) -> str:
    """Green only for a clean run: a file not checked is red (exit 2), as is an error; nothing
    checked at all is yellow; findings below every threshold are still not green."""
    c = counts(results)
    if c["error"] or any(r.error for r in results):
        return "bold red"
    if c["warning"] or not results:
        return "bold yellow"
    return "bold" if c["info"] else "bold green"


def _printer(color: bool):
    """``(emit, value)``: ``emit(text)`` prints one rich Text as a line; ``value()`` is the report.

    Without colour a Text's plain string is the whole output, so it is written directly (with the
    control characters rich would strip, stripped): rich's segment rendering costs about 1.7 ms per
    finding, 16 s for the 9,600 findings of a 1 MB test document, for styles nobody sees."""
    if color:
        console, buffer = _console(color)
        return (lambda text: console.print(text, soft_wrap=True)), buffer.getvalue
    buffer = io.StringIO()
    return (lambda text: buffer.write(text.plain.translate(_STRIP_CONTROLS) + "\n")), buffer.getvalue


def render(results: list[FileResult], *, concise: bool = False, color: bool = False, quiet: bool = False,
           suppressed_by_baseline: int = 0) -> str:
    """The whole text report: file errors, findings, then (unless quiet) the summary line."""
    emit, value = _printer(color)
    new_text = _text if color else _PlainText
    for result in results:
        if result.error:
            line = new_text()
            line.append(f"{safe_name(result.path)}:", style="bold")
            line.append(" error: ", style="bold red")
            line.append(result.error)
            emit(line)
        for f in result.findings:
            if concise:
                out = new_text()
                _header(out, result.path, f)
                emit(out)
            else:
                emit(render_full(result, f, new_text))
    if not quiet:
        emit(new_text(summary_line(results, suppressed_by_baseline), style=summary_style(results)))
    return value()


def statistics(results: list[FileResult]) -> list[tuple[int, str, str, str]]:
    """(count, code, rule name, severity) per code, most frequent first (ruff's --statistics)."""
    by_code: Counter = Counter()
    names: dict[str, tuple[str, str]] = {}
    for r in results:
        for f in r.findings:
            by_code[f.code] += 1
            names[f.code] = (f.rule, f.severity)
    return [(n, code, *names[code]) for code, n in sorted(by_code.items(), key=lambda kv: (-kv[1], kv[0]))]


def render_statistics(results: list[FileResult], color: bool = False) -> str:
    console, buffer = _console(color)
    for count, code, name, severity in statistics(results):
        line = _text()
        line.append(f"{count:>5}  ")
        line.append(f"{code:<6}", style=SEVERITY_STYLE[severity])
        line.append(f"  {name}")
        console.print(line, soft_wrap=True)
    return buffer.getvalue()
