"""Currencies around a number: a prefix ("$", "US$", "HK$", "RM", "Rs"), a word ("dlrs", "euros",
"pence"), and whether "pounds" are money or a weight. The tables are in ``numlint.lang.money``."""

from __future__ import annotations

import re

from numlint.extract.source import Amount, Mention, Source, alt, rx
from numlint.lang.lazyre import LazyPattern
from numlint.lang.measures import WEIGHT_CUES, WEIGHT_UNITS
from numlint.lang.money import BARE_CURRENCY_WORDS, CURRENCY_FAMILIES, CURRENCY_PREFIXES, CURRENCY_WORDS

_PREFIXES_ALT = "(?:" + "|".join(re.escape(p) for p in sorted(CURRENCY_PREFIXES, key=len, reverse=True)) + ")"
_CURRENCY_PREFIX_RE = LazyPattern(_PREFIXES_ALT + r"\s?$")  # a prefix ending the text before the digits
_PREFIX_LAST_CHARS = frozenset(p.rstrip()[-1] for p in CURRENCY_PREFIXES)
CURRENCY_PREFIX_START_RE = LazyPattern(_PREFIXES_ALT + r"\s?(?=[\d.-])")  # a prefix starting a second end
CURRENCY_WORD_RE = re.compile(r"\s?" + alt(CURRENCY_WORDS, "i") + r"(?![A-Za-z])")
_WEIGHT_CUES = LazyPattern(r"(?i)\b(?:" + "|".join(WEIGHT_CUES) + r")\b")
_WEIGHT_UNITS = LazyPattern(r"(?i)\b(?:" + "|".join(WEIGHT_UNITS) + r")\b")
_STERLING = LazyPattern(r"£|\bsterling\b|\bstg\b|\bpence\b|\bGBP\b")


# HTML character references of currency signs, as copy pasted from web pages writes them ("&pound;5m")
_ENTITY_RE = LazyPattern(r"&(?:pound|euro|yen|dollar|#163|#8364|#165|#36|#x[aA]3|#x20[aA][cC]);$")
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
    s, e = src.sentence_bounds(amt.start)
    sentence = src.text[s:e]
    if (amt.scale or amt.vague_high is not None) and not rx(r"(?i)\s?pounds?\sof\b").match(win):
        # "5 million pounds", "billions of pounds": money, unless the sentence weighs in other
        # units and names no money ("180 mln tonnes ... 151 mln pounds")
        return not _WEIGHT_UNITS.search(sentence) or bool(_STERLING.search(sentence))
    if _WEIGHT_CUES.search(sentence) and not rx(r"(?i)\s?pounds?\s(?:a|per)\s").match(win):
        return False
    return bool(_STERLING.search(sentence))


def resolve_bare_currencies(mentions: list[Mention]) -> None:
    """A currency name several countries share, written bare ("dlrs", "francs"), is the member of
    that family the article names in full: "100 mln Canadian dlrs" ... "the 100 mln dlrs" are one
    currency. An article that names several members, the usual one among them ("U.S. Dlrs"), writes a
    bare name for the member named last before it ("2.9 billion H.K. Dlrs" ... "profit of 2.99
    billion dlrs" ... "1.2 billion U.S. Dlrs"). Otherwise (no member named before it, or several
    named but not the usual one) the bare name keeps its usual reading."""
    named: dict[str, set[str]] = {}
    bare: list[tuple[Amount, str | None]] = []    # each bare amount and the member named last before it
    last: dict[str, str] = {}
    for m in mentions:
        for amt in (m.low, m.high):
            if amt is None or amt.currency not in CURRENCY_FAMILIES:
                continue
            family = CURRENCY_FAMILIES[amt.currency]
            written = CURRENCY_WORD_RE.match(amt.surface_unit)   # "dlrs a share": the name is "dlrs"
            word = written.group(0).strip().lower() if written else ""
            if word in BARE_CURRENCY_WORDS:
                bare.append((amt, last.get(family)))
            elif word in CURRENCY_WORDS:
                named.setdefault(family, set()).add(amt.currency)
                last[family] = amt.currency
    for amt, before in bare:
        codes = named.get(CURRENCY_FAMILIES[amt.currency], ())
        if len(codes) == 1:
            code = next(iter(codes))
        elif amt.currency in codes:
            # the article spells out the usual member too ("U.S. Dlrs"), so a bare name is not it
            # by default: it is the member named last before it
            code = before
        else:
            code = None
        if code is not None and code != amt.currency:
            if amt.unit.startswith(amt.currency):
                amt.unit = code + amt.unit[len(amt.currency):]
            amt.currency = code
