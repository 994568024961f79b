"""Sentence spans of prose text (the facts stage reads each mention in its sentence)."""

from __future__ import annotations

import re

# ---------------------------------------------------------------------------------------------
# Sentences


_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "co", "corp", "inc", "ltd", "no", "vs", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gov", "gen", "col", "sen", "rep", "lt",
    "mt", "ft", "approx", "est", "fig", "pct", "p", "e.g", "i.e", "u.s", "u.k", "u.n",
}
# A newline ends a sentence (a headline, a paragraph, a row), unless the next line goes on in lower
# case: plain text wrapped at a fixed width ("sent to the\nborder on Monday").
_SENTENCE_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])|\n(?![ \t]*[a-z])")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of prose text; a newline ends a sentence unless a wrapped line goes on after it."""
    spans = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.group().startswith((".",)) and m.group() != "\n":
            word = re.search(r"([A-Za-z.]+)$", text[max(start, m.start() - 12):m.start()])
            if word:
                w = word.group(1).lower().strip(".")
                # "U.S. President", "Mr. Smith", "Jan. 5": not the end of a sentence.
                if w in _ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)*[a-z]", w):
                    continue
        end = m.end()
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if text[start:].strip():
        spans.append((start, len(text)))
    return [piece for span in spans for piece in _cap_length(text, span)]


# Real sentences are far shorter than this (a 100-word sentence is about 600 characters). Capping the
# length bounds every per-mention regex over its sentence, so a 1 MB line of numbers or a 200,000-letter
# word costs linear time instead of quadratic (or worse, for searches anchored at the end of `left`).
MAX_SENTENCE = 1000


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


# ---------------------------------------------------------------------------------------------
