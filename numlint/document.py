"""A document: the original text of one file, its format, and offset <-> line/column conversion."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath

from numlint.lang.lines import LineIndex

MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
DOCX_SUFFIXES = {".docx"}  # read by numlint.docx_reader into one paragraph a line


def format_for_path(path: str) -> str:
    """'markdown', 'html', 'docx' or 'text', by file suffix; anything else is read as plain text."""
    suffix = PurePath(path).suffix.lower()
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in DOCX_SUFFIXES:
        return "docx"
    return "text"


@dataclass
class Document:
    path: str
    text: str
    format: str = "text"
    lines: LineIndex = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.lines = LineIndex(self.text)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a 0-based code-point offset."""
        return self.lines.line_col(offset)

    def position(self, start: int, end: int) -> tuple[int, int, int, int]:
        """(line, column, end_line, end_column) of the span [start, end); the end is exclusive."""
        line, column = self.lines.line_col(start)
        end_line, end_column = self.lines.line_col(end)
        return line, column, end_line, end_column

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line break."""
        return self.lines.line_text(line)
