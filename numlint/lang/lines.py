"""The one line index: code-point offset <-> 1-based line and column, as editors count them.

Lines end at "\n", "\r\n" or a lone "\r". Every stage that names a line (the document's positions,
suppression directives, the Markdown offset map, the text and HTML reporters) uses this one index, so
a file with CR line ends cannot be counted one way by one stage and another way by the next.
"""

from __future__ import annotations

import bisect
import re

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class LineIndex:
    """Where each line of ``text`` starts. Building it is one linear pass; each look-up a bisect."""

    __slots__ = ("text", "starts")

    def __init__(self, text: str) -> None:
        self.text = text
        starts = [0]
        starts.extend(m.end() for m in _LINE_BREAK.finditer(text))
        self.starts = starts  # starts[i] is the offset where line i + 1 begins

    def __len__(self) -> int:
        """The number of lines (a text ending in a line break has an empty last line)."""
        return len(self.starts)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LineIndex) and self.text == other.text

    def __reduce__(self):  # pickled as its text alone (sent to worker processes)
        return (LineIndex, (self.text,))

    def line_of(self, offset: int) -> int:
        """The 1-based line holding ``offset`` (an offset past the end is on the last line)."""
        return bisect.bisect_right(self.starts, offset)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a 0-based code-point offset."""
        i = bisect.bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1

    def start(self, line: int) -> int:
        """The offset where a 1-based line begins."""
        return self.starts[line - 1]

    def bounds(self, line: int) -> tuple[int, int]:
        """(start, end) of a 1-based line, its line break included in neither."""
        start = self.starts[line - 1]
        stop = self.starts[line] if line < len(self.starts) else len(self.text)
        end = stop
        if end > start and self.text[end - 1] == "\n":
            end -= 1
        if end > start and self.text[end - 1] == "\r":
            end -= 1
        return start, end

    def span(self, line: int) -> tuple[int, int]:
        """(start, stop) of a 1-based line with its line break (stop is the next line's start)."""
        start = self.starts[line - 1]
        return start, self.starts[line] if line < len(self.starts) else len(self.text)

    def line_text(self, line: int) -> str:
        """The text of a 1-based line without its line break; "" for a line that does not exist."""
        if not 0 < line <= len(self.starts):
            return ""
        start, end = self.bounds(line)
        return self.text[start:end]
