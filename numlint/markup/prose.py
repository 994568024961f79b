"""The prose a reader sees and its offset map back to the original file, and the writer that builds both.

Every prose character is either *verbatim* (``origin_end - origin == 1`` and the original character is
the prose character), *decoded* (an entity, an escape or a collapsed run of HTML whitespace:
``origin_end - origin > 1``, every decoded character maps to the whole construct), or *inserted* (a
block separator: ``origin == origin_end``, at the block boundary). The HTML and Markdown readers write
through ``ProseWriter``; nothing else builds the map.
"""

from __future__ import annotations

import bisect
import re
from array import array
from dataclasses import dataclass, field


@dataclass
class Prose:
    """The visible text of a document and, for each of its characters, where it came from.

    ``origin[i]`` is the original offset of prose character i and ``origin_end[i]`` the original
    offset just after it (they differ for a decoded entity such as ``&amp;``). Both are None for plain
    text, where prose and original are the same string. Characters the converter inserts (the blank
    line between two blocks) map to the position of the block boundary. ``headings`` are prose spans
    of the headline/standfirst (plain text: the first line; Markdown/HTML: h1 headings and ``<title>``).
    """

    text: str
    origin: list[int] | array | None = None
    origin_end: list[int] | array | None = None
    headings: list[tuple[int, int]] = field(default_factory=list)
    # Original spans of the markup's HTML comments (where suppression directives count); None when
    # the text was not read as markup (plain text), so any "<!-- -->" in it counts.
    comments: list[tuple[int, int]] | None = None
    # What separates two paragraphs of ``text``: a blank line as the HTML and Markdown readers write
    # it (a single "\n" inside one separates its lines: table cells, <pre>, a hard break), a line
    # break in a Word file's text, one paragraph a line.
    block_separator: str = "\n\n"
    # The cells of the document's tables: (table, row, column, start, end) in prose offsets, rows and
    # columns from 0, the header row first. What says that figures are a column of one whole.
    cells: list[tuple[int, int, int, int, int]] = field(default_factory=list)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a prose span [start, end) to the original file's span."""
        if self.origin is None or self.origin_end is None:
            return start, end
        if end <= start:
            o = self.origin[start] if start < len(self.origin) else (self.origin_end[-1] if self.origin_end else 0)
            return o, o
        return self.origin[start], self.origin_end[end - 1]

    def to_prose(self, offset: int) -> int:
        """The prose offset of the first prose character at or after an original offset."""
        if self.origin is None:
            return offset
        return bisect.bisect_left(self.origin, offset)

    def paragraph_around(self, start: int, end: int, reach: int) -> tuple[int, int, int, int] | None:
        """The paragraph a reader sees around the original span [start, end), for quoting it:
        ``(lo, hi, mention_start, mention_end)`` in prose offsets, the paragraph being the text
        between two ``block_separator`` that holds the mention, cut at ``reach`` characters either
        side of it (a page without paragraph breaks must not make each finding read the whole
        page). None for plain text (the file is its own prose) and for a span that is not prose (a
        directive in a comment)."""
        if self.origin is None:
            return None
        mention_start, mention_end = self.to_prose(start), self.to_prose(end)
        if mention_end <= mention_start:
            return None
        separator = self.block_separator
        floor = max(0, mention_start - reach)
        lo = self.text.rfind(separator, floor, mention_start)
        lo = floor if lo < 0 else lo + len(separator)
        ceiling = min(len(self.text), mention_end + reach)
        hi = self.text.find(separator, mention_end, ceiling)
        return lo, ceiling if hi < 0 else hi, mention_start, mention_end


# A headline ends without a full stop; a first line that ends like a sentence is the lede of copy
# filed without a headline (wire copy, a pasted paragraph), and is body copy.
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s*$")


def first_line_headline(text: str) -> list[tuple[int, int]]:
    """The span of the first line of a text read line by line (plain text, a Word file), as its
    headline, unless it ends like a sentence; [] then."""
    first_line_end = text.find("\n")
    first_line_end = len(text) if first_line_end < 0 else first_line_end
    line = text[:first_line_end].rstrip("\r")
    headline = (0, len(line))
    is_headline = headline[1] > 0 and not _SENTENCE_END.search(line)
    return [headline] if is_headline else []


def plain_prose(text: str) -> Prose:
    """Plain text is its own prose; its first line is the headline unless it ends like a sentence."""
    return Prose(text=text, headings=first_line_headline(text))



# --------------------------------------------------------------------------------------------------
# The prose builder: text pieces plus two parallel arrays of original offsets.


class ProseWriter:
    """Accumulates prose and its map. Separators are requested, then written lazily before the next
    visible character, so empty blocks never produce double blank lines."""

    def __init__(self, original: str) -> None:
        self.original = original
        self.parts: list[str] = []
        self.origin = array("q")
        self.origin_end = array("q")
        self.length = 0
        self.pending_sep = ""
        self.last_end = 0  # original offset just after the last written character
        self.last_origin = 0
        self.headings: list[tuple[int, int]] = []
        self.comments: list[tuple[int, int]] = []
        self.cells: list[tuple[int, int, int, int, int]] = []
        self._table = self._row = self._column = -1
        self._cell_start: int | None = None

    def table_start(self) -> None:
        self.cell_end()
        self._table += 1
        self._row = -1

    def row_start(self) -> None:
        self.cell_end()
        self._row += 1
        self._column = -1

    def cell_start(self) -> None:
        """A cell opens (and any cell left open closes: HTML may omit </td>)."""
        self.cell_end()
        if self._table < 0:
            self._table = 0
        self._row = max(self._row, 0)
        self._column += 1
        self._cell_start = self.length

    def cell_end(self) -> None:
        if self._cell_start is not None:
            self.cells.append((self._table, self._row, self._column, self._cell_start, self.length))
            self._cell_start = None

    def sep(self, separator: str = "\n\n") -> None:
        if len(separator) > len(self.pending_sep):
            self.pending_sep = separator

    def at_block_start(self) -> bool:
        return self.length == 0 or bool(self.pending_sep)

    def _flush_sep(self, next_origin: int) -> None:
        sep = self.pending_sep
        self.pending_sep = ""
        if self.length == 0 or not sep:
            return
        o = min(self.last_end, next_origin)
        o = max(o, self.last_origin)
        self.parts.append(sep)
        self.origin.extend([o] * len(sep))
        self.origin_end.extend([o] * len(sep))
        self.length += len(sep)
        self.last_origin = o

    def verbatim(self, start: int, count: int) -> None:
        """Write original[start:start+count] as is."""
        if count <= 0:
            return
        if start < self.last_origin:  # never let the map run backwards (defensive; should not happen)
            return
        self._flush_sep(start)
        self.parts.append(self.original[start:start + count])
        self.origin.extend(range(start, start + count))
        self.origin_end.extend(range(start + 1, start + count + 1))
        self.length += count
        self.last_end = start + count
        self.last_origin = start + count - 1

    def decoded(self, chars: str, start: int, end: int) -> None:
        """Write chars that stand for original[start:end] (an entity, an escape, collapsed space)."""
        if not chars or start < self.last_origin:
            return
        self._flush_sep(start)
        self.parts.append(chars)
        self.origin.extend([start] * len(chars))
        self.origin_end.extend([end] * len(chars))
        self.length += len(chars)
        self.last_end = end
        self.last_origin = start

    def prose(self) -> Prose:
        text = "".join(self.parts)
        headings = []
        for start, end in self.headings:
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                headings.append((start, end))
        self.cell_end()
        return Prose(text=text, origin=self.origin, origin_end=self.origin_end, headings=headings,
                     comments=self.comments, cells=self.cells)


class IdentityMap:
    """Positions in the converter's source are positions in the original file."""

    def verbatim(self, b: ProseWriter, start: int, count: int) -> None:
        b.verbatim(start, count)

    def original(self, position: int) -> int:
        return position

    def decoded(self, b: ProseWriter, chars: str, start: int, end: int) -> None:
        b.decoded(chars, start, end)
