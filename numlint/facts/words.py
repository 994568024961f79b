"""Word-level helpers of the facts stage: stop words, verbs, singulars, content words."""

from __future__ import annotations

import functools
import re

from numlint.lang.inflection import singular

_STOP = {
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or", "but",
    "its", "their", "his", "her", "our", "this", "that", "these", "those", "was", "were", "is", "are",
    "be", "been", "has", "have", "had", "will", "would", "could", "should", "may", "might", "said",
    "says", "than", "more", "less", "about", "around", "some", "over", "under", "up", "down", "as",
    "per", "each", "every", "year", "years", "month", "months", "week", "weeks", "day", "days", "it",
    "which", "who", "while", "after", "before", "since", "until", "into", "between", "among", "last",
    "next", "other", "new", "another", "both", "all", "such", "only", "just", "also", "now",
    "then", "there", "here", "when", "where", "if", "so", "not", "no", "they", "he", "she", "we",
    "you", "i", "them", "him", "us", "ago", "times", "time", "cent", "percent", "point", "points",
    "million", "billion", "trillion", "thousand", "mln", "bln", "bn", "m", "k", "pct", "dlrs",
    "hundred", "cents", "pence", "pounds", "dollars", "euros", "yen", "yuan", "further",
    "extra", "additional", "estimated", "nearly", "almost", "roughly", "approximately", "least",
    "most", "record", "total", "shares", "share",
}
_VERBISH = re.compile(r"(?:ed|ing)$")
_VERBS = {
    "given", "taken", "seen", "made", "sold", "held", "paid", "left", "lost", "won", "put", "set", "cut",
    "built", "told", "said", "got", "brought", "bought", "spent", "kept", "found", "known", "shown",
    "thought", "rose", "fell", "grew", "came", "went", "are", "were", "was", "is", "be", "have", "had",
    "has", "do", "did", "does", "can", "will", "would", "could", "should", "must", "may", "might",
    "starts", "opens", "begins", "runs", "takes", "means", "makes", "comes", "goes", "remains",
    "includes", "shows", "gives", "says", "needs", "looks", "seems", "appears", "stands", "continues",
    "follows", "leaves", "rises", "falls", "gets", "puts", "sees", "helps", "brings", "ends", "closes",
}
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")


def _words(text: str) -> list[str]:
    return [m.group() for m in _WORD.finditer(text)]



_CONTENT = re.compile(r"[a-z][a-z\-]{2,}")


def content_words(text: str) -> frozenset[str]:
    return frozenset(singular(w) for w in _CONTENT.findall(text.lower()) if w not in _STOP and w not in _VERBS)



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
    return [stem(w) for w in _CONTENT.findall(text.lower()) if w not in _STOP and w not in _VERBS]
