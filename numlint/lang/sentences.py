"""Sentences: where each sentence of a prose text starts, and the sentence that holds an offset."""

from __future__ import annotations

import bisect
import re

SENTENCE_END_RE = re.compile(r"[.!?][\"'”’)]*\s+(?=[A-Z“\"‘'(0-9$£€])|\n+")


class SentenceIndex:
    """Sentence starts of ``text``, found on first use; ``bounds(pos)`` is a bisect."""

    __slots__ = ("text", "_starts")

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: list[int] | None = None

    def bounds(self, pos: int) -> tuple[int, int]:
        """(start, end) of the sentence holding ``pos``."""
        starts = self._starts
        if starts is None:
            starts = self._starts = [0] + [m.end() for m in SENTENCE_END_RE.finditer(self.text)]
        i = bisect.bisect_right(starts, pos) - 1
        return starts[i], starts[i + 1] if i + 1 < len(starts) else len(self.text)
