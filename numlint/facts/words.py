"""Word-level helpers of the facts stage: content words, stems (the word lists are in numlint.lang)."""

from __future__ import annotations

import functools
import re

from numlint.lang.inflection import singular
from numlint.lang.stopwords import COMMON_VERBS, NOT_CONTENT_WORDS

_CONTENT = re.compile(r"[a-z][a-z\-]{2,}")


def content_words(text: str, shared: dict[str, str] | None = None) -> frozenset[str]:
    """The content words of a text, singular. With ``shared``, each word is the one string kept
    there for it (the fact table keeps a set per sentence: one vocabulary, not a copy a sentence)."""
    words = [singular(w) for w in _CONTENT.findall(text.lower())
             if w not in NOT_CONTENT_WORDS and w not in COMMON_VERBS]
    return frozenset(words if shared is None else map(shared.setdefault, words, words))



_VERB_ENDING = re.compile(r"(?<=[a-z]{3})(?:ing|ed)$")


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light stem for matching the words around two mentions: "exports", "exported" and "exporting"
    all give "export"; "troops" gives "troop". Not a lemma: only ever compared with another stem."""
    w = singular(word)
    w = _VERB_ENDING.sub("", w)
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]   # "produce" and "produced" -> "produc"
    return w


def stem_words(text: str) -> list[str]:
    """The stems of a text's content words (no stop words, no verbs of saying or being)."""
    return [stem(w) for w in _CONTENT.findall(text.lower()) if w not in NOT_CONTENT_WORDS and w not in COMMON_VERBS]


def written_forms(text: str) -> dict[str, str]:
    """Each content-word stem of a text with the word it was first written as ("rout": "routes"), so a
    message names the words a reader sees, not their stems."""
    forms: dict[str, str] = {}
    for w in _CONTENT.findall(text.lower()):
        if w not in NOT_CONTENT_WORDS and w not in COMMON_VERBS:
            forms.setdefault(stem(w), w)
    return forms
