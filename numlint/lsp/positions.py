"""Code-point offsets <-> LSP positions, in the encoding the client and server agreed on.

numlint reports spans as 0-based code-point offsets into the document's text. An LSP ``Position`` is
a 0-based line and a character offset counted in UTF-16 code units unless the client offered
``general.positionEncodings`` and the server chose UTF-8 or UTF-32 (LSP 3.17). An emoji before a
figure is one code point, two UTF-16 units and four UTF-8 bytes, so every column is converted here,
line by line, from the text itself (never from numlint's 1-based columns, which count code points).

Lines end at ``\\n``, ``\\r\\n`` or a lone ``\\r``, exactly as the LSP specification and numlint's
``Document`` count them (``str.splitlines`` would also break at U+2028, form feeds and the like, which
editors do not). This module imports nothing from pygls or lsprotocol, so it is tested without them.
"""

from __future__ import annotations

import bisect
import re

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def units(text: str, encoding: str = UTF16) -> int:
    """How many code units of ``encoding`` the text takes."""
    if encoding == UTF32:
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    if text.isascii():
        return len(text)
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def _chars_for_units(line: str, count: int, encoding: str) -> int:
    """The code-point index in ``line`` that ``count`` code units reach (clamped to the line; a
    position inside a character's code units moves to that character's start)."""
    if encoding == UTF32 or line.isascii():
        return max(0, min(count, len(line)))
    seen = 0
    for index, ch in enumerate(line):
        width = units(ch, encoding)
        if seen + width > count:
            return index
        seen += width
    return len(line)


class LineIndex:
    """Where each line of a text starts, for converting offsets to positions and back."""

    def __init__(self, text: str):
        self.text = text
        self.starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]

    def _line_text(self, line: int) -> str:
        start = self.starts[line]
        stop = self.starts[line + 1] if line + 1 < len(self.starts) else len(self.text)
        return self.text[start:stop].rstrip("\r\n")

    def line_text(self, line: int) -> str:
        """The 0-based line's text, without its line break ("" past the end)."""
        if line < 0 or line >= len(self.starts):
            return ""
        return self._line_text(line)

    @property
    def line_count(self) -> int:
        return len(self.starts)

    def position(self, offset: int, encoding: str = UTF16) -> tuple[int, int]:
        """(line, character) of a code-point offset (clamped to the text)."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        start = self.starts[line]
        line_end = start + len(self._line_text(line))
        # An offset inside a \r\n pair (impossible for numlint spans) is put at the line's end.
        return line, units(self.text[start:min(offset, line_end)], encoding)

    def offset(self, line: int, character: int, encoding: str = UTF16) -> int:
        """The code-point offset of an LSP position. A line past the end is the end of the text; a
        character past the end of its line is the end of that line (as the specification says)."""
        if line < 0:
            return 0
        if line >= len(self.starts):
            return len(self.text)
        return self.starts[line] + _chars_for_units(self._line_text(line), max(0, character), encoding)


def apply_change(text: str, start: tuple[int, int] | None, end: tuple[int, int] | None, new_text: str,
                 encoding: str = UTF16) -> str:
    """The text after one ``didChange`` content change: a range (line, character pairs) replaced by
    ``new_text``, or, with no range, the whole text."""
    if start is None or end is None:
        return new_text
    index = LineIndex(text)
    lo = index.offset(start[0], start[1], encoding)
    hi = index.offset(end[0], end[1], encoding)
    if hi < lo:
        lo, hi = hi, lo
    return text[:lo] + new_text + text[hi:]
