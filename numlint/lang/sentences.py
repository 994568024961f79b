"""The one sentence splitter: sentence spans of prose text, and the sentence that holds an offset.

A regex splitter with an abbreviation list, kept over syntok and pysbd on measurement (600 articles
of the corpora, 1.5 MB): syntok agreed best with it (boundary F1 0.990) but took 0.78 s/MB against
0.03 s/MB, and of its disagreements checked by hand 8 in 12 were its own errors ("the U.S. And
Japan", "Sept. 11-12"); pysbd agreed less (F1 0.969), missed sentences ending in a closing quote
and took 4.6 s/MB. Neither earned a dependency.

Rules: a sentence ends at ".", "!" or "?" (and any closing quotes or brackets) before a capital or a
digit, except after an abbreviation ("U.S. President", "Mr. Smith", "Jan. 5") or an initial; and at
a line break, unless the next line goes on in lower case (plain text wrapped at a fixed width).
"""

from __future__ import annotations

import bisect
import re

ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "st", "co", "corp", "inc", "ltd", "no", "vs", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gov", "gen", "col", "sen", "rep", "lt",
    "mt", "ft", "approx", "est", "fig", "p", "e.g", "i.e", "u.s", "u.k", "u.n",
})
_SENTENCE_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])|\n(?![ \t]*[a-z])")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)$")
_INITIALS = re.compile(r"(?:[a-z]\.)*[a-z]")
# An abbreviation written with points ("U.S.", "U.K.", "U.N."), as a regex fragment: one word to the
# readers of noun phrases, bases and names after a number, though its points look like a phrase's end.
POINTED_ABBREVIATION = r"(?:[A-Z]\.){2,}"

# Real sentences are far shorter than this (a 100-word sentence is about 600 characters). Capping the
# length bounds every per-mention regex over its sentence, so a 1 MB line of numbers or a 200,000-letter
# word costs linear time instead of quadratic.
MAX_SENTENCE = 1000


def _is_abbreviation(text: str, start: int, dot: int) -> bool:
    """Whether the "." at ``dot`` closes an abbreviation or an initial, not a sentence."""
    word = _WORD_BEFORE.search(text, max(start, dot - 12), dot)
    if not word:
        return False
    if word.start() > 0 and text[word.start() - 1].isdigit():
        return False  # "£350m.", "in their 50s.": a unit or a plural glued to a figure, no initial
    w = word.group(1).lower().strip(".")
    return w in ABBREVIATIONS or _INITIALS.fullmatch(w) is not None


# The last text split and its spans: extraction (``SentenceIndex``) and the fact table split the same
# prose string one after the other, so the second split of each document is a look-up. Keyed by
# identity (the text is held here, so its id cannot be reused by another string while it is kept).
_last_split: tuple[str, list[tuple[int, int]]] | None = None


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of prose text; a newline ends a sentence unless a wrapped line goes on after it."""
    global _last_split
    last = _last_split
    if last is not None and last[0] is text:
        return list(last[1])   # a copy: a caller may change its list
    spans = _split(text)
    _last_split = (text, spans)
    return list(spans)


def _split(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.group().startswith(".") and _is_abbreviation(text, start, m.start()):
            continue
        end = m.end()
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if text[start:].strip():
        spans.append((start, len(text)))
    return [piece for span in spans for piece in _cap_length(text, span)]


def _cap_length(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    start, end = span
    if end - start <= MAX_SENTENCE:
        return [span]
    pieces = []
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut + 1 if cut > start else start + MAX_SENTENCE
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


class SentenceIndex:
    """The sentences of ``text``, split on first use; ``bounds(pos)`` is a bisect."""

    __slots__ = ("text", "_starts")

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: list[int] | None = None

    def bounds(self, pos: int) -> tuple[int, int]:
        """(start, end) of the sentence holding ``pos``; the space after a sentence belongs to it."""
        starts = self._starts
        if starts is None:
            starts = [0] + [s for s, _ in split_sentences(self.text) if s > 0]
            self._starts = starts
        i = bisect.bisect_right(starts, pos) - 1
        return starts[i], starts[i + 1] if i + 1 < len(starts) else len(self.text)
