"""Units after a number: percent, money, physical units, "per X", hyphenated adjectives ("a 10-year bond").

``read_unit`` runs the steps below in order; the first that finds a unit wins. The word lists are in
``numlint.lang.measures`` and ``numlint.lang.money``; a unit-looking token none of them knows goes to
the quantulum3 fallback (``numlint.extract.fallback``).
"""

from __future__ import annotations

import re

from numlint.extract.currency import CURRENCY_WORD_RE, pounds_are_money
from numlint.extract.fallback import quantulum_unit
from numlint.extract.source import Amount, Mention, Skip, Source, alt, rx
from numlint.lang.inflection import looks_plural
from numlint.lang.lazyre import LazyPattern
from numlint.lang.measures import (
    AGE_SPAN_NOUNS,
    CAPITALISED_UNIT_WORDS,
    COUNT_DENOMINATORS,
    GLUED_ONLY_ABBREVIATIONS,
    NOT_UNIT_SYMBOLS,
    PERCENT_WORDS,
    PERSON_NOUNS,
    TEMPERATURE_CUES,
    UNIT_ABBREVIATIONS,
    UNIT_MODIFIERS,
    UNIT_WORDS,
)
from numlint.lang.money import CURRENCY_WORDS, GLUED_MINOR, SCALED_ONLY

PERCENT_RE = re.compile(r"\s?" + alt(PERCENT_WORDS, "i") + r"(?![A-Za-z])")
UNIT_WORD_RE = re.compile(r"\s?" + alt(UNIT_WORDS, "i") + r"(?![A-Za-z])")
UNIT_ABBR_RE = re.compile(r"(\s?)" + alt(UNIT_ABBREVIATIONS) + r"(?![A-Za-z0-9])")
_SLASH_DENOM_RE = LazyPattern(r"/([A-Za-z]{1,4})([23])?(?![A-Za-z0-9])")
_HYPHENATED_RE = re.compile(r"-([a-z]+)(?:-(old))?(?![A-Za-z])|-([a-z]+)-(a|per)-([a-z]+)(?![A-Za-z])")
_TIMES_RE = re.compile(r"\s?(?:times|fold|x)(?![A-Za-z])")
_TIMES_NOT_RATIO_RE = LazyPattern(r"\s?times\s(?:a|an|per|each|in|this|that|last|so|over)\b")  # "three times a day"
_UNKNOWN_UNIT_RE = re.compile(r"\s((?:[a-z]{1,3}[A-Z]{2,6}|[A-Za-z]{1,4}/[A-Za-z]{1,4}[0-9]?))(?![A-Za-z])")
_CENTS_PER_RE = LazyPattern(r"(?i)\s?cents?\s(?:a|per)\s(?:kilowatt|kwh|litre|liter|gallon)")
_MINOR_CODES = ("GBX", "USX", "EUX")
# Hyphenated abbreviations too short to be read as a unit: "5-in", "3-s", "10-m" are no units.
_HYPHEN_ABBR_EXCLUDED = ("in", "s", "t", "m", "g", "l", "h")

# A step reads at ``p`` (where the amount ends) with ``win`` (the 40 characters there) and returns True
# when it read a unit, False when no unit may be read at all, None to let the next step try.


def _glued_minor_unit(src: Source, amt: Amount, p: int, win: str, glued: bool) -> bool | None:
    """A glued minor-unit letter: "19p", "50c"."""
    if glued and win[:1] in GLUED_MINOR and not rx(r"[A-Za-z0-9]").match(win[1:2] or " ") and amt.currency is None:
        if not win[1:2] == "." or not win[2:3].isalpha():
            amt.unit = GLUED_MINOR[win[0]]
            amt.surface_unit = win[0]
            amt.kind = "money"
            amt.end = p + 1
            return True
    return None


def _percent(amt: Amount, p: int, win: str) -> bool | None:
    """"5%", "5 per cent", "2 percentage points", "25 basis points"."""
    m = PERCENT_RE.match(win)
    if m and amt.currency is None:
        amt.unit = PERCENT_WORDS[m.group(0).strip().lower()]
        amt.surface_unit = m.group(0).strip()
        amt.kind = "percent"
        amt.end = p + m.end()
        return True
    return None


def _currency_word(src: Source, amt: Amount, p: int, win: str) -> None:
    """A currency word after the number ("1.3 mln dlrs", "15 euros", "19 pence"): sets the currency."""
    m = CURRENCY_WORD_RE.match(win)
    if not m and win[:1] == "-":
        # hyphened into a compound adjective: "a 13-billion-dlr debt", "a 20-dollar bill"
        m = CURRENCY_WORD_RE.match(win, 1)
        if m and m.group(0)[:1].isspace():
            m = None
    if not m:
        return
    word = m.group(0).strip().lower()
    code = CURRENCY_WORDS.get(word)
    ok = code is not None
    if word in ("pounds", "pound") and not pounds_are_money(src, amt, win):
        ok = False  # a weight, read as a unit below
    if (word == "won" and amt.value < 100 or word in SCALED_ONLY) and amt.scale is None:
        ok = False
    if word in ("cent", "cents", "ct", "cts") and amt.currency is None and _CENTS_PER_RE.match(win):
        ok = True
    if ok:
        # a prefix wins over a later word ("$5 dollars"), except a minor unit ("$0.5 cents")
        amt.currency = code if not amt.currency or code in _MINOR_CODES else amt.currency
        written = m.group(0).strip()
        amt.surface_unit = (amt.surface_unit + " " + written).strip() if amt.surface_unit else written
        amt.end = p + m.end()


def _money(src: Source, amt: Amount) -> bool:
    """An amount with a currency (from a prefix or a word) is money, perhaps per something."""
    amt.unit = amt.currency
    amt.kind = "money"
    if not amt.surface_unit:  # the prefix as written: "$", "US $", "HK$"
        amt.surface_unit = src.text[amt.start:amt.num_start].strip(" -−") or amt.currency
    read_per(src, amt)
    return True


_MODIFIER_RE = LazyPattern(r"\s([a-z]+)(?=\s)")


def _unit_word(src: Source, amt: Amount, p: int, win: str) -> bool | None:
    """A unit written as a word: "10 kilometres", "5 miles per hour" (a capitalised one is a name)."""
    m = UNIT_WORD_RE.match(win)
    if m and m.group(0).strip()[:1].isupper() and m.group(0).strip()[1:2].islower() and \
            m.group(0).strip().split()[0] not in CAPITALISED_UNIT_WORDS:
        m = None
    if not m and amt.kind == "count" and not amt.currency:
        # "517 rushing yards", "three straight days": a modifier between the number and its unit word
        mm = _MODIFIER_RE.match(win)
        if mm and mm.group(1).lower() in UNIT_MODIFIERS:
            m = UNIT_WORD_RE.match(win, mm.end())
            if m and not m.group(0).startswith(" "):
                m = None
            if m:
                p += mm.end()
                win = win[mm.end():]
                m = UNIT_WORD_RE.match(win)
    if not m:
        return None
    word = m.group(0).strip()
    amt.unit = UNIT_WORDS[word.lower()]
    amt.surface_unit = word
    amt.kind = "measure"
    amt.end = p + m.end()
    read_per(src, amt)
    return True


_WORDS_RE = LazyPattern(r"[A-Za-z]+")


def _about_temperature(src: Source, pos: int) -> bool:
    """Whether the sentence at ``pos`` speaks of temperature (so a spaced "12 C" is Celsius)."""
    s, e = src.sentence_bounds(pos)
    return any(w.lower() in TEMPERATURE_CUES for w in _WORDS_RE.findall(src.text[s:min(e, s + 400)]))


def _unit_abbreviation(src: Source, amt: Amount, p: int, win: str) -> bool | None:
    """A unit symbol: "10km", "10 km", "32C", "5GB", "25°C", and compounds "12 mg/L"."""
    text = src.text
    m = UNIT_ABBR_RE.match(win)
    if not m:
        return None
    spaced = bool(m.group(1))
    abbr = m.group(0).strip()
    if spaced and abbr in GLUED_ONLY_ABBREVIATIONS and not (abbr in ("C", "F") and _about_temperature(src, p)):
        return None
    if abbr in ("C", "F") and amt.raw_end != amt.end:
        return False
    amt.unit = UNIT_ABBREVIATIONS[abbr]
    amt.surface_unit = abbr
    amt.kind = "measure"
    amt.end = p + m.end()
    if abbr in ("°", "º"):
        if rx(r"\s?[NSEW](?![A-Za-z])").match(text[amt.end:amt.end + 3]):
            raise Skip(amt.end + 2)  # a coordinate
        dm = rx(r"\s?(C|F)(?![A-Za-z])").match(text[amt.end:amt.end + 3])
        if dm:
            amt.unit = "degree_Celsius" if dm.group(1) == "C" else "degree_Fahrenheit"
            amt.surface_unit += dm.group(0)
            amt.end += dm.end()
    # a compound symbol: "12 mg/L", "3 kg/m3", "5 ft/s"
    sm = _SLASH_DENOM_RE.match(text, amt.end)
    if sm and "/" not in amt.unit:
        den = UNIT_ABBREVIATIONS.get(sm.group(1)) or {"L": "liter"}.get(sm.group(1))
        if den and "/" not in den and " " not in den:
            amt.unit = f"{amt.unit} / {den}" + (f" ** {sm.group(2)}" if sm.group(2) else "")
            amt.surface_unit += sm.group(0)
            amt.end = sm.end()
    read_per(src, amt)
    return True


def _hyphenated_unit(amt: Amount, p: int, win: str) -> bool | None:
    """A hyphenated unit adjective: "a 10-year bond", "25-year-old", "5-mile", "three-fold",
    "a 52,000-barrel-a-day refinery"."""
    hm = _HYPHENATED_RE.match(win)
    if not hm:
        return None
    if hm.group(3):
        unit = UNIT_WORDS.get(hm.group(3)) or UNIT_WORDS.get(hm.group(3) + "s")
        denom = UNIT_WORDS.get(hm.group(5))
        if unit and denom:
            amt.unit, amt.surface_unit, amt.kind = f"{unit} / {denom}", hm.group(0)[1:], "measure"
            amt.end = p + hm.end()
            return True
        return None
    word = hm.group(1)
    unit = UNIT_WORDS.get(word) or UNIT_WORDS.get(word + "s")
    if not unit and word in UNIT_ABBREVIATIONS and word not in _HYPHEN_ABBR_EXCLUDED:
        unit = UNIT_ABBREVIATIONS[word]
    if word == "fold":
        amt.kind = "ratio"
        amt.surface_unit = "fold"
        amt.end = p + hm.end()
        return True
    if unit:
        amt.unit = unit
        amt.surface_unit = hm.group(0)[1:]
        amt.kind = "measure"
        amt.end = p + hm.end()
        if hm.group(2):
            amt.extra_age = True  # type: ignore[attr-defined]
        return True
    return None


def _times(amt: Amount, p: int, win: str) -> bool | None:
    """A ratio: "5 times", "fivefold", "3x" (but "three times a day" is a frequency)."""
    tm = _TIMES_RE.match(win)
    if tm and not _TIMES_NOT_RATIO_RE.match(win):
        amt.kind = "ratio"
        amt.surface_unit = tm.group(0).strip()
        amt.end = p + tm.end()
        return True
    return None


def _unknown_unit(src: Source, amt: Amount, p: int, win: str) -> bool:
    """A spaced token that looks like a unit symbol we do not know ("mmBTU", "A/cm2"): ask quantulum3."""
    um = _UNKNOWN_UNIT_RE.match(win)
    if um and um.group(1) not in NOT_UNIT_SYMBOLS and not um.group(1).isupper():
        unit = quantulum_unit(src, amt, um.group(1))
        if unit:
            amt.unit, amt.surface_unit = unit
            amt.kind = "measure"
            amt.end = p + um.end()
            return True
    return False


def read_unit(src: Source, amt: Amount) -> bool:
    """Percent / currency / physical unit after the number (and "per X"). True if found."""
    p = amt.end
    win = src.text[p:p + 40]
    glued = amt.end == amt.raw_end and amt.scale is None
    if _glued_minor_unit(src, amt, p, win, glued) or _percent(amt, p, win):
        return True
    _currency_word(src, amt, p, win)
    if amt.currency:
        return _money(src, amt)
    found = _unit_word(src, amt, p, win)
    if found is None:
        found = _unit_abbreviation(src, amt, p, win)
    if found is None:
        found = _hyphenated_unit(amt, p, win)
    if found is None:
        found = _times(amt, p, win)
    if found is not None:
        return found
    if glued and win[:1].isalpha():
        # an unknown suffix glued to the digits ("5G", "3D", "4x4", "A380"): an identifier
        raise Skip(src.token_end(p))
    return _unknown_unit(src, amt, p, win)


def read_per(src: Source, amt: Amount) -> None:
    """"$58.24 a barrel", "12 cts a share", "$80 per sq m" -> a compound unit ("USD / oil_barrel")."""
    text = src.text
    if amt.unit and "/" in amt.unit:
        return
    p = amt.end
    win = text[p:p + 40]
    # skip a stray "US"/"U.S." between the amount and "per" ("$75 U.S. per barrel")
    sm = rx(r"\s(?:US|U\.S\.)(?=\s(?:per|a)\s)").match(win)
    if sm:
        p += sm.end()
        win = text[p:p + 40]
    # ("$3-a-gallon gas", "a 30-cent-per-bushel limit": the rate hyphened into a compound adjective)
    m = rx(r"\s?/\s?|[\s-]per[\s-]|[\s-]an?[\s-]|\seach\s").match(win)
    if not m:
        return
    article = m.group(0).strip(" -").lower() in ("a", "an", "each")
    q = p + m.end()
    rest = text[q:q + 30]
    # "a year earlier", "a year ago": a time reference, not a rate
    if article and rx(r"(?i)(?:year|month|week|day)"
                      r"\s(?:earlier|ago|before|later|after|previously|on|from|in)\b").match(rest):
        return
    denom = None
    dm = rx(r"([A-Za-z]+)(?![A-Za-z])").match(rest)
    if dm and dm.group(1).lower() in COUNT_DENOMINATORS:
        denom, dlen = COUNT_DENOMINATORS[dm.group(1).lower()], dm.end()
    elif dm and dm.group(1).lower() == "night":
        denom, dlen = "day", dm.end()
    else:
        um = UNIT_WORD_RE.match(rest)
        if um and not um.group(0).startswith(" "):
            word = um.group(0).lower()
            if article and word.endswith("s") and word not in ("hours",):
                return  # "a" + plural is not "per"
            denom, dlen = UNIT_WORDS[word], um.end()
        else:
            am = UNIT_ABBR_RE.match(rest)
            if am and not am.group(1) and not article and am.group(0) not in GLUED_ONLY_ABBREVIATIONS - {"m"}:
                denom, dlen = UNIT_ABBREVIATIONS[am.group(0)], am.end()
    if denom is None or "/" in denom:
        return
    if not amt.unit:
        return
    amt.unit = f"{amt.unit} / {denom}"
    amt.surface_unit = f"{amt.surface_unit} {text[p:q + dlen].strip()}".strip()
    amt.end = q + dlen


_AGE_UNITS = ("year", "month", "week", "day")
# "a man, 43,", "the suspect, 27,": a person written before a number set off by commas
_PERSON_BEFORE = LazyPattern(r"\b(?:a|an|the|another|one)\s+(?:" + alt(PERSON_NOUNS)[3:-1] + r"),\s$", re.I)
_OLDS_RE = LazyPattern(r"[- ]olds?(?![A-Za-z])")
_AGE_SPAN_RE = LazyPattern(r"[- ]age[- ]([a-z]+)")


def read_age(src: Source, mention: Mention, left: str) -> None:
    """Ages without a unit: "Senard, 65, said", "aged 25", "aged 18 to 34" -> unit year, metric age."""
    a = mention.low
    text = src.text
    if a.unit in _AGE_UNITS and (mention.high is None or mention.high.unit == a.unit):
        olds = _OLDS_RE.match(text, mention.end)
        if olds:   # "18-35 year olds", "18-35-year-olds": an age span, not "olds" counted in years
            mention.end = olds.end()
            mention.metric = "age"
            mention.extra["age"] = True
        return
    if a.unit or a.currency or a.scale or a.spelled and not rx(r"(?i)\baged?\s$").search(left):
        return
    after = text[mention.end:mention.end + 3]
    is_age = False
    span = _AGE_SPAN_RE.match(text, mention.end)
    if rx(r"(?i)\baged?\s$").search(left):
        is_age = True
    elif span and span.group(1) in AGE_SPAN_NOUNS and a.integer_shape and a.number <= 120 and (
            mention.high is not None or not looks_plural(span.group(1))):
        # "the 18-35 age bracket", "the 65 age group", "the 25-34 age groups": ages, not a count of
        # brackets (but "10 age groups" counts them)
        is_age = True
    elif a.integer_shape and 1 <= a.number <= 120 and mention.high is None and after[:1] == "," and (
            rx(r"[A-Z][a-z]+,\s$").search(left) or _PERSON_BEFORE.search(left[-40:])):
        is_age = True  # "Maddon, 66, has", "a man, 43, was arrested"
    if not is_age:
        return
    for amt in (mention.low, mention.high):
        if amt is not None and not amt.unit:
            amt.unit, amt.kind, amt.surface_unit = "year", "measure", ""
    mention.metric = "age"
    mention.extra["age"] = True
