"""Words around a number that qualify it: approximators ("about", "more than", "5,000+") and changes
("rose 5%", "a rise of 5%", "a 5% rise"). The words are in ``numlint.lang.change``."""

from __future__ import annotations

import re

from numlint.extract.source import alt
from numlint.lang.change import (
    APPROXIMATORS,
    APPROXIMATORS_AFTER,
    CHANGE_DOWN_AFTER,
    CHANGE_NOUNS,
    CHANGE_UP_AFTER,
    CHANGE_VERBS,
    RAISE_WORDS,
)
from numlint.lang.lazyre import LazyPattern

_WORDS_AFTER = [w for w in APPROXIMATORS_AFTER if w[0].isalpha()]
APPROX_AFTER_RE = re.compile(r"(?i)\s(" + alt(_WORDS_AFTER).replace("\\ ", r"\s") + r")(?![A-Za-z])|("
                             + alt(w for w in APPROXIMATORS_AFTER if not w[0].isalpha()) + ")")
CHANGE_AFTER_RE = re.compile(r"(?i)\s(" + alt(CHANGE_UP_AFTER + CHANGE_DOWN_AFTER) + r")(?![A-Za-z])")
_TOKEN_SPAN_RE = re.compile(r"\S+")
_APPROX_LAST_WORDS = {w.split()[-1] for w in APPROXIMATORS}
_APPROX_SYMBOL_CHARS = frozenset("<>=≤≥~≈")
_APPROX_SYMBOLS = (("<=", "<="), (">=", ">="), ("≤", "<="), ("≥", ">="), ("~", "~"), ("≈", "~"), ("<", "<"), (">", ">"))


def ends_with_word(toks: list[str], word: str, optional: tuple[str, ...]) -> bool:
    """Whether the tokens end with ``word``, optionally followed by one or two of ``optional``."""
    if toks and toks[-1] == word:
        return True
    if len(toks) >= 2 and toks[-2] == word and toks[-1] in optional:
        return True
    return len(toks) >= 3 and toks[-3] == word and toks[-2] in ("up",) and toks[-1] in optional


def tail_tokens(s: str, n: int = 6) -> list[str]:
    """The last ``n`` whitespace-separated tokens of ``s``, lower-case (bounded work)."""
    return [t.lower() for t in s[-70:].split()[-n:]]


def change_before(lead: str) -> str | None:
    """The change word linked to a number written right after ``lead``: "rose 5%", "fell by 3,000",
    "up 19 cents", "a rise of 5%", "rose by a further 2%", "cut rates by 25 basis points"; or None.
    Word-level checks on the last few tokens instead of a regex search over the window (speed)."""
    if not lead or not lead[-1].isspace():
        return None
    toks = tail_tokens(lead)
    if toks and toks[-1] == "another":
        toks.pop()
    elif toks[-2:] == ["a", "further"]:
        del toks[-2:]
    by = bool(toks) and toks[-1] == "by"
    if by:
        toks.pop()
    if toks and toks[-1] in CHANGE_VERBS:
        return toks[-1]
    if not by and len(toks) >= 2 and toks[-1] == "of" and toks[-2] in CHANGE_NOUNS:
        return toks[-2]  # "a rise of 5%"
    if by:  # "cut its forecast by 3%": verb, one to three object words, "by"
        for k in (2, 3, 4):
            if len(toks) >= k and (toks[-k] in CHANGE_VERBS or toks[-k] in RAISE_WORDS):
                if any(t[-1:] in ",.;:" for t in toks[-k:-1]):
                    break
                return toks[-k]
    return None


def change_gap(before_from: str) -> bool:
    """"rose from", "jumped sharply from": a change verb at most one word before "from"."""
    toks = tail_tokens(before_from, 2)
    return any(t in CHANGE_VERBS for t in toks)


def approx_before(lead: str) -> tuple[str, int] | None:
    """(approx symbol, offset in ``lead`` where the approximator starts) for "about 5", "more than 5",
    "~5", "an estimated 5"; or None."""
    if not lead:
        return None
    if lead[-1] in _APPROX_SYMBOL_CHARS:
        for sym, val in _APPROX_SYMBOLS:
            if lead.endswith(sym):
                return val, len(lead) - len(sym)
    if not lead[-1].isspace():
        return None
    last = lead[-20:].rsplit(None, 1)[-1:]
    if not last or last[0].lower().lstrip("(\"“") not in _APPROX_LAST_WORDS:
        return None  # fast exit: no approximator ends with this word
    tail = lead[-50:]
    spans = [(m.start(), m.group(0).lower()) for m in _TOKEN_SPAN_RE.finditer(tail)][-4:]
    base = len(lead) - len(tail)
    for k in (4, 3, 2, 1):
        if len(spans) < k:
            continue
        phrase = " ".join(t for _, t in spans[-k:])
        if phrase in APPROXIMATORS:
            return APPROXIMATORS[phrase], base + spans[-k][0]
        if k == 1 and phrase.lstrip("(\"“") in APPROXIMATORS:
            return APPROXIMATORS[phrase.lstrip("(\"“")], base + spans[-1][0] + len(phrase) - len(phrase.lstrip("(\"“"))
    return None


def approx_after(match: re.Match) -> str:
    """The approximator an APPROX_AFTER_RE match stands for ("or more" -> ">=")."""
    return APPROXIMATORS_AFTER[" ".join((match.group(1) or match.group(2)).lower().split())]


_RESTATEMENT_RE = LazyPattern(r"(?:\s[a-z]+){0,2},?\s(?:or|and)\s(?:by\s)?(?:about\s|some\s|nearly\s)?")


def is_restatement(text: str, prev_end: int, start: int) -> bool:
    """Whether the figure at ``start`` restates the one ending at ``prev_end``: "fell 120 points, or 1.2%"."""
    return _RESTATEMENT_RE.fullmatch(text, prev_end, start) is not None
