"""A document: the original text of one file, its format, and offset <-> line/column conversion."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from pathlib import PurePath

MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


def format_for_path(path: str) -> str:
    """'markdown', 'html' or 'text', by file suffix; anything else is read as plain text."""
    suffix = PurePath(path).suffix.lower()
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in HTML_SUFFIXES:
        return "html"
    return "text"


@dataclass
class Document:
    path: str
    text: str
    format: str = "text"
    _line_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        starts = [0]
        text = self.text
        # Lines end at \n, \r\n or a lone \r, as editors count them.
        i = 0
        n = len(text)
        while True:
            j = text.find("\n", i)
            k = text.find("\r", i)
            if j < 0 and k < 0:
                break
            if k >= 0 and (j < 0 or k < j):
                nxt = k + 2 if text.startswith("\r\n", k) else k + 1
            else:
                nxt = j + 1
            if nxt > n:
                break
            starts.append(nxt)
            i = nxt
        self._line_starts = starts

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a 0-based code-point offset."""
        line_index = bisect.bisect_right(self._line_starts, offset) - 1
        return line_index + 1, offset - self._line_starts[line_index] + 1

    def position(self, start: int, end: int) -> tuple[int, int, int, int]:
        """(line, column, end_line, end_column) of the span [start, end); the end is exclusive."""
        line, column = self.line_col(start)
        end_line, end_column = self.line_col(end)
        return line, column, end_line, end_column

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line break."""
        start = self._line_starts[line - 1]
        stop = self._line_starts[line] if line < len(self._line_starts) else len(self.text)
        return self.text[start:stop].rstrip("\r\n")
