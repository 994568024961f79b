"""Currencies around a number: a prefix ("$", "US$", "HK$", "RM", "Rs"), a word ("dlrs", "euros",
"pence"), and whether "pounds" are money or a weight. The tables are in ``numlint.lang.money``."""

from __future__ import annotations

import re

from numlint.extract.source import Amount, Source, alt, rx
from numlint.lang.measures import WEIGHT_CUES
from numlint.lang.money import CURRENCY_PREFIXES, CURRENCY_WORDS

_PREFIXES_ALT = "(?:" + "|".join(re.escape(p) for p in sorted(CURRENCY_PREFIXES, key=len, reverse=True)) + ")"
_CURRENCY_PREFIX_RE = re.compile(_PREFIXES_ALT + r"\s?$")  # a prefix ending the text before the digits
_PREFIX_LAST_CHARS = frozenset(p.rstrip()[-1] for p in CURRENCY_PREFIXES)
CURRENCY_PREFIX_START_RE = re.compile(_PREFIXES_ALT + r"\s?(?=[\d.-])")  # a prefix starting a second end
CURRENCY_WORD_RE = re.compile(r"\s?" + alt(CURRENCY_WORDS, "i") + r"(?![A-Za-z])")
_WEIGHT_CUES = re.compile(r"(?i)\b(?:" + "|".join(WEIGHT_CUES) + r")\b")


# HTML character references of currency signs, as copy pasted from web pages writes them ("&pound;5m")
_ENTITY_RE = re.compile(r"&(?:pound|euro|yen|dollar|#163|#8364|#165|#36|#x[aA]3|#x20[aA][cC]);$")
_ENTITY_CODES = {"pound": "GBP", "#163": "GBP", "#xa3": "GBP", "euro": "EUR", "#8364": "EUR", "#x20ac": "EUR",
                 "yen": "JPY", "#165": "JPY", "dollar": "USD", "#36": "USD"}


def read_currency_prefix(src: Source, start: int) -> tuple[str | None, int]:
    """(ISO code, where the prefix starts) for a currency written before the digits at ``start``
    ("$5", "US $5", "-$5", "RM120,000", "&pound;5"), or (None, start)."""
    text = src.text
    lwin = text[max(0, start - 8):start]
    if lwin.endswith(";"):
        em = _ENTITY_RE.search(lwin)
        if em:
            return _ENTITY_CODES[em.group(0)[1:-1].lower()], start - len(em.group(0))
    if lwin.endswith(("$-", "$−", "£-", "€-")):
        lwin = lwin[:-1]
    tail_char = lwin.rstrip()[-1:]
    cm = _CURRENCY_PREFIX_RE.search(lwin) if tail_char and tail_char in _PREFIX_LAST_CHARS else None
    if cm:
        sym = cm.group(0).rstrip()
        code = CURRENCY_PREFIXES.get(sym)
        cstart = start - len(cm.group(0)) - (1 if text[start - 1:start] in "-−" and start > 0 and sym else 0)
        before = text[cstart - 1] if cstart > 0 else ""
        # a letter-symbol ("RM", "Rs", "USD") must not be the end of a longer word
        if code and not (sym[0].isalpha() and before.isalpha()):
            return code, cstart
    return None, start


def pounds_are_money(src: Source, amt: Amount, win: str) -> bool:
    """"20 pounds": money in British copy about money, a weight otherwise. Money when written
    "pounds sterling", or when the sentence also has "£"/"sterling"/"stg" and no weighing word."""
    if rx(r"(?i)\s?pounds?\s(?:sterling|stg)\b").match(win):
        return True
    if (amt.scale or amt.vague_high is not None) and not rx(r"(?i)\s?pounds?\sof\b").match(win):
        return True  # "5 million pounds", "billions of pounds": money
    s, e = src.sentence_bounds(amt.start)
    sentence = src.text[s:e]
    if _WEIGHT_CUES.search(sentence) and not rx(r"(?i)\s?pounds?\s(?:a|per)\s").match(win):
        return False
    return bool(rx(r"£|\bsterling\b|\bstg\b|\bpence\b|\bGBP\b").search(sentence))
