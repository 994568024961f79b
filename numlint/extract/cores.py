"""Number cores: where a number is written (digits, number words, "tens of thousands") and what it is worth.

The core finders are linear-time regexes; each ``read_*`` reads one core into an ``Amount`` or raises
``Skip`` for what only looks like a number (an identifier "G7", a time "9:35", a version "1.2.3").
"""

from __future__ import annotations

import math
import re

from numlint.extract.currency import CURRENCY_WORD_RE, read_currency_prefix
from numlint.extract.source import Amount, Mention, Skip, Source, alt, rx
from numlint.extract.units import PERCENT_RE, UNIT_ABBR_RE, UNIT_WORD_RE
from numlint.lang.cues import ONE_IDIOMS
from numlint.lang.inflection import looks_plural
from numlint.lang.lazyre import LazyPattern
from numlint.lang.measures import KITCHEN_MEASURES, UNIT_WORDS
from numlint.lang.numbers import (
    BARE_FRACTIONS,
    BIG_WORDS,
    COMPOUND_IDIOMS,
    FRACTION_WORDS,
    SCALE_NAMES,
    TENS_WORDS,
    UNICODE_FRACTIONS,
    UNITS_WORDS,
    VAGUE_PLURALS,
)
from numlint.lang.stopwords import STOP_WORDS

# --- cores --------------------------------------------------------------------------------------
# Digits with thousands commas, or plain digits, with decimals. The possessive ``++`` makes a long run
# of ",000" groups linear even when what follows does not fit.
#
# Digit groups may also be separated by a no-break space (U+00A0), a narrow no-break space (U+202F) or
# a thin space (U+2009): "10\u202f000" is one number, 10000 (French, SI and typeset copy). Each group
# is exactly three digits not followed by a fourth, so "1\u00a02" stays two numbers. An ordinary space
# is NOT a group separator: "in 2019 10 000 people" or a list "3 000 5" are ambiguous, and
# news copy in English groups with commas; "10 000" therefore reads as two numbers (10, then 000).
_GROUP_SPACES = "\u00a0\u202f\u2009"
DIGIT_CORE = re.compile(r"\d{1,3}(?:,\d{3})++(?:\.\d+)?+"
                         r"|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3}(?!\d))++(?:\.\d+)?+"
                         r"|\d++(?:\.\d+)?+|(?<!\d)\.\d++")
# what float() must not see in a digit core: thousands commas and the group spaces
GROUP_SEPS = str.maketrans("", "", "," + _GROUP_SPACES)


def is_plain_integer(raw: str) -> bool:
    """Digits only: no thousands separator, no decimals (the shape of a year, an id)."""
    return raw.isdigit()

_NUMBER_WORDS = list(UNITS_WORDS) + list(TENS_WORDS) + ["hundred", *SCALE_NAMES, "dozen"]
NUMBER_WORDS_ALT = alt(_NUMBER_WORDS)
# A run of number words ("one hundred and fifty thousand", "twenty-five"), optionally led by "a"/"an"
# ("a dozen", "a million"), or a fraction ("half", "a third", "two-thirds"). Parsed by parse_spelled.
_FRACTION_W = alt(list(FRACTION_WORDS))
SPELLED_CORE = LazyPattern(
    rf"\b(?:(?:an?|one)[ -](?={_FRACTION_W}\b|" + alt(("hundred", *SCALE_NAMES, "dozen")) + r"\b))?"
    rf"{NUMBER_WORDS_ALT}(?:(?:[ -]|\s(?:and\s)?){NUMBER_WORDS_ALT}(?![a-z])|\sand\sa\shalf)*+"
    rf"(?:[ -]{_FRACTION_W})?\b"
    rf"|\b(?:an?\s)?{_FRACTION_W}\b",
    re.I,
)
# "tens of thousands", "hundreds of millions of": an order of magnitude, read as a vague range
VAGUE_CORE = LazyPattern(r"(?i)\b" + alt(VAGUE_PLURALS) + r"(?:\sof\s"
                         + alt(w for w, v in VAGUE_PLURALS.items() if v >= 1e3) + r")?(?=\sof\s)")
# The same two patterns for an ASCII-lower-cased text (all their literals are lower case).
SPELLED_CORE_LC = re.compile(SPELLED_CORE.pattern)
VAGUE_CORE_LC = re.compile(VAGUE_CORE.pattern[4:])
ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def ascii_lower(text: str) -> str:
    """``text`` with A-Z lower-cased and every other character as written (same length, so same
    offsets). ``str.lower`` does exactly that on ASCII text, several times faster than a table."""
    return text.lower() if text.isascii() else text.translate(ASCII_LOWER)
HAS_LETTER_RE = re.compile(r"[A-Za-z]")
_ORDINAL_RE = LazyPattern(r"(?:st|nd|rd|th)(?![A-Za-z])", re.I)
_WEIGHT_IN_STONE = LazyPattern(r"(?:^|[^\d.,])(?:\d*[02-9]|\d*1\d)$")   # digits not ending in a lone 1
_FAST_WINDOW_RE = re.compile(r"[\d\s,.%]*")
_FAST_GAPS = frozenset(" \t\n\r\u00a0\u202f\u2009")  # a number standing alone between these needs no context
RANGE_WORD_NEXT_RE = LazyPattern(r"(?i)\s(?:to|or|-)\s(?:" + NUMBER_WORDS_ALT + r")\b")
_FRACTION_SCALES = {**SCALE_NAMES, "dozen": 12}  # "half a million", "a third of a dozen"
# "half a million", "a quarter of a million", "three quarters of a billion"
_FRACTION_OF_SCALE_RE = LazyPattern(r"(?i)\s(?:of\s)?(?:an?\s)?(" + alt(_FRACTION_SCALES)[3:-1] + r")\b")
_KITCHEN_RE = LazyPattern(r"\s(?:" + "|".join(KITCHEN_MEASURES) + r")\b")
# "one in three Germans", "1 in 5 adults", "nine out of 10 voters": a share written as a number in
# a number (the denominator spelled or in digits)
_IN_EVERY_RE = LazyPattern(r"(?i)\s(?:in|out\sof)\s(?:every\s)?(?:(\d{1,3}(?:,\d{3})*+|\d{4})(?![\d.,/:%])|(?=[a-z]))")
_SCALE_AFTER_RE = LazyPattern(r"(?i)\s?(?:" + alt(SCALE_NAMES)[3:-1] + r"|mln|bln|bn|m|k)(?![A-Za-z])")
# "-bedroom house": a number's compound with a noun, then the noun it describes (no adjective or
# participle in the compound: "three-dimensional", "four-legged")
_COMPOUND_NOUN_RE = LazyPattern(r"-(?![a-z]*(?:ed|al|ing|ly)\b)[a-z]{3,}\s[a-z][a-z\-]{2,}\b")
_CONNECT_NEXT_RE = LazyPattern(r"(?i)\s(?:or|to|and)\s(?:" + NUMBER_WORDS_ALT + r"|\d)")


def read_fast(src: Source, start: int, end: int) -> Mention | None:
    """A number among nothing but digits, spaces, commas, periods and "%" (tables, lists, a line of
    figures) needs none of the context rules: read it directly. Keeps long number runs cheap.
    Returns None to send the core through the full reader; raises Skip for a year."""
    text = src.text
    window = text[max(0, start - 12):end + 12]
    if not _FAST_WINDOW_RE.fullmatch(window):
        return None
    raw = text[start:end]
    prev = text[start - 1] if start > 0 else " "
    nxt = text[end] if end < src.n else " "
    if prev not in _FAST_GAPS or (nxt not in _FAST_GAPS and nxt != "%"
                                  and not (nxt in ",." and text[end + 1:end + 2] in ("", " ", "\n"))):
        return None
    try:
        number = float(raw.translate(GROUP_SEPS))
    except ValueError:
        return None
    integer_shape = is_plain_integer(raw)
    decimals = len(raw.split(".", 1)[1]) if "." in raw else 0
    amt = Amount(start=start, end=end, number=number, decimals=decimals, raw_end=end, integer_shape=integer_shape)
    if nxt == "%":
        amt.end, amt.unit, amt.surface_unit, amt.kind = end + 1, "percent", "%", "percent"
    elif integer_shape and 1000 <= number <= 2150:
        raise Skip(end)  # a bare year-shaped number with nothing counted after it is a year
    return Mention(start=amt.start, end=amt.end, low=amt)


def read_in_every(src: Source, amt: Amount) -> bool:
    """Make ``amt`` the share "one in three", "1 in 5", "nine out of 10" when its number is followed
    by "in"/"out of" and a larger whole number that no unit follows ("2 in 10 minutes" is a time)."""
    text = src.text
    if amt.currency or amt.number != int(amt.number) or not 1 <= amt.number < 100:
        return False
    m = _IN_EVERY_RE.match(text, amt.end)
    if not m:
        return False
    if m.group(1):
        den, den_end = int(m.group(1).replace(",", "")), m.end()
        if len(m.group(1)) == 4 and 1900 <= den <= 2100:
            return False   # "5 in 2019": a year
    else:
        value, used = parse_spelled(text[m.end():m.end() + 40])
        if value is None or value != int(value):
            return False
        den, den_end = int(value), m.end() + used
        if text[m.end():den_end].lower() in ("a", "an"):
            return False
    if den <= amt.number or den > 1_000_000:
        return False
    if (PERCENT_RE.match(text, den_end) or UNIT_WORD_RE.match(text, den_end) or CURRENCY_WORD_RE.match(text, den_end)
            or _SCALE_AFTER_RE.match(text, den_end) or text[den_end:den_end + 1].isalnum()):
        return False
    amt.number = amt.number / den
    amt.end = amt.raw_end = den_end
    amt.kind, amt.in_every, amt.integer_shape = "ratio", True, False
    amt.decimals = 3
    return True


def read_digits(src: Source, start: int, end: int, in_range: bool) -> Amount | None:
    text = src.text
    raw = text[start:end]
    if raw.startswith("."):
        if start > 0 and text[start - 1].isdigit():
            raise Skip(end)
    # neighbours; a space stands for the text's edges (so `prev in "..."` never tests "")
    prev = text[start - 1] if start > 0 else " "
    prev2 = text[start - 2] if start > 1 else " "
    nxt = text[end] if end < src.n else " "
    nxt2 = text[end + 1] if end + 1 < src.n else " "

    currency, cur_start = read_currency_prefix(src, start)
    if currency is None:
        # glued to letters before: an identifier ("G7", "A380", "MP3", "COVID-19")
        if prev.isalpha() or prev == "_":
            raise Skip(src.token_end(end))
        if prev == "-" and (prev2.isalnum()) and not in_range and \
                not rx(r"(?i)(?:^|[^A-Za-z])(?:sub|minus)-$").search(text[max(0, start - 7):start]):
            raise Skip(src.token_end(end))
        if prev in "#№/\\@" or (prev == "." and prev2.isdigit()):
            raise Skip(src.token_end(end))
        if prev in "'’" and (prev2 == "" or not prev2.isalnum()):
            raise Skip(src.token_end(end))  # '90s, '98
        if prev in ":×^" or (prev in "−-" and prev2 in "0123456789×^" and not in_range):
            raise Skip(src.token_end(end))  # 9:35, the "10−30" of 1.99×10−30
    if nxt in "×^" or (nxt == "x" and text[end + 1:end + 3] == "10"):
        raise Skip(src.token_end(end + 4))  # scientific notation: not read (rare in news)
    if nxt == "," and nxt2.isdigit():  # malformed thousands ("1,0000") or a list without spaces
        raise Skip(src.token_end(end))
    frac = slash_fraction(src, start, end, raw) if nxt in "/\u2044" and nxt2.isdigit() else None
    if frac is not None:
        amt = Amount(start=cur_start, end=frac[1], number=frac[0], decimals=0, currency=currency,
                      raw_end=frac[1], num_start=start, fraction=True)
        return amt
    if nxt in "/\u2044" and nxt2.isdigit():  # 9/11, 24/7, 2019/20, 3/4 with nothing measured
        raise Skip(src.token_end(end))
    if nxt == "." and nxt2.isdigit():  # version numbers 1.2.3, dates 25.12.2019
        raise Skip(src.token_end(end))
    if nxt == ":" and nxt2.isdigit():  # time or ratio/score "10:30", "3:1"
        raise Skip(src.token_end(end))
    try:
        number = float(raw.translate(GROUP_SEPS))
    except ValueError:
        raise Skip(end) from None
    if number != number or number in (float("inf"), float("-inf")):
        raise Skip(end)
    decimals = len(raw.split(".", 1)[1]) if "." in raw else 0
    amt = Amount(start=cur_start, end=end, number=number, decimals=decimals, currency=currency,
                  raw_end=end, integer_shape=is_plain_integer(raw), num_start=start)
    # negative: "-0.5%" (a minus sign after a space, not a hyphen between words or numbers),
    # "$-50.8bn", "minus 5", "minus-130 degrees"
    if currency is None and prev in "-−" and (prev2 == "" or prev2 in " (\t\n") and not in_range:
        amt.number = -number
        amt.start = start - 1
    elif currency is not None and prev in "-−":
        amt.number = -number
    elif currency is None and rx(r"(?i)\bminus[ -]$").search(text[max(0, start - 7):start]):
        amt.number = -number
        amt.start = start - 6
    # a unicode fraction glued on: "2½"
    if nxt in UNICODE_FRACTIONS:
        amt.number += UNICODE_FRACTIONS[nxt]
        amt.end += 1
        amt.raw_end += 1
        amt.integer_shape = False
    # a wire-copy mixed number: "15-1/4 dlrs", "9-3/8 pct" (fifteen and a quarter, nine and three
    # eighths); halves, quarters, eighths and their halves only, the numerator below the denominator
    mixed = _MIXED_NUMBER.match(text, amt.end) if not decimals and amt.number >= 0 else None
    if mixed and int(mixed.group(1)) < int(mixed.group(2)):
        part = int(mixed.group(1)) / int(mixed.group(2))
        amt.number += part
        amt.decimals = len(f"{part:g}".split(".")[1])
        amt.end = amt.raw_end = mixed.end()
        amt.integer_shape = False
    # glued letters after the digits
    after = text[amt.end:amt.end + 12]
    if after[:1].isalpha():
        # ("15st" is a weight in stone: an ordinal in "st" ends in 1, not in 11)
        stone = after[:2] == "st" and _WEIGHT_IN_STONE.search(text, max(0, amt.end - 20), amt.end)
        if _ORDINAL_RE.match(after) and not stone:
            raise Skip(src.token_end(amt.end))
        if rx(r"s(?![A-Za-z])").match(after) and amt.integer_shape:
            raise Skip(amt.end + 1)  # decades: 1990s, 90s
        if rx(r"(?i)(?:am|pm|a\.m\.|p\.m\.)(?![A-Za-z])").match(after):
            raise Skip(src.token_end(amt.end))
    if not decimals and not amt.fraction:
        read_in_every(src, amt)
    return amt


_MIXED_NUMBER = LazyPattern(r"-(\d{1,2})/(2|4|8|16|32|64)(?![\d/]|[.,]\d)")


def slash_fraction(src: Source, start: int, end: int, raw: str) -> tuple[float, int] | None:
    """(value, end) for a written fraction: "1/2 pound", "3/4 of the members", "1\u204432 of a
    quart" (U+2044 is the fraction slash: always a fraction). With "/" only when the numerator
    is smaller than the denominator and a unit or "of" follows, so "9/11", "24/7", "2019/20"
    and dates ("1/2/2019") stay what they are."""
    m = rx(r"[/\u2044](\d{1,4})(?![\d/.,:\u2044])").match(src.text, end)
    if not m or not raw.isdigit():
        return None
    num, den = int(raw), int(m.group(1))
    if den == 0 or num >= den or num == 0:
        return None
    slash = src.text[end]
    if slash == "/":
        rest = src.text[m.end():m.end() + 40]
        if not (rx(r"\s(?:of|an?)\s").match(rest) or UNIT_WORD_RE.match(rest)
                or (UNIT_ABBR_RE.match(rest) and not UNIT_ABBR_RE.match(rest).group(1)) or CURRENCY_WORD_RE.match(rest)
                or _KITCHEN_RE.match(rest)):
            return None
        if src.text[start - 1:start] in ("/", "\u2044") or (start and src.text[start - 1].isdigit()):
            return None
    return num / den, m.end()


def read_spelled(src: Source, start: int, end: int) -> Amount | None:
    text = src.text
    raw = text[start:end]
    value, used = parse_spelled(raw)
    if value is None or used == 0:
        return None
    end = start + used
    raw = text[start:end]
    low = raw.lower()
    words = re.split(r"[\s-]+", low)
    amt = Amount(start=start, end=end, number=value, spelled=True, raw_end=end)
    if raw[:1].isupper() and not src.sentence_initial(start - 1) and not raw.isupper() and \
            not text[max(0, start - 3):start].rstrip().endswith((":", "\u2014", "--")):
        return None  # "the Kick Six", "Fantastic Four", "Six Nations": a name (but "LONDON: Two men")
    if start > 1 and text[start - 1] == "-" and text[start - 2].isalpha():
        return None   # "a production-four-door lap record": part of a compound word
    if read_in_every(src, amt):
        return amt
    is_fraction = words[-1] in FRACTION_WORDS
    nxt = text[end:end + 30]
    left = text[max(0, start - 30):start]
    if is_fraction:
        # "half of the voters", "a third of", "two-thirds of" -> ratio; "half a million" is a number
        hm = _FRACTION_OF_SCALE_RE.match(nxt)
        if hm:
            amt.number = value * _FRACTION_SCALES[hm.group(1).lower()]
            amt.end = end + hm.end()
            amt.raw_end = amt.end
            return amt
        am_ = rx(r"\s(?:an?)(?=\s)").match(nxt)
        if am_ and (PERCENT_RE.match(nxt, am_.end()) or UNIT_WORD_RE.match(nxt, am_.end())
                    or CURRENCY_WORD_RE.match(nxt, am_.end())):
            amt.end = end + am_.end()  # "half a percentage point", "half an hour"
            return amt
        bare = len(words) == 1 and words[0] not in BARE_FRACTIONS and not src.sentence_initial(start - 1)
        if (rx(r"\s(?:of|the)\s").match(nxt) and not bare
                and not rx(r"(?i)(?:first|second|third|last|final|latter|other|next)\s$").search(left)):
            amt.kind = "ratio"
            return amt
        return None
    if low in ("a", "an"):
        return None
    # a lone small number word ("one", "two", ...) is a quantity only when something is counted:
    # "three months", "two troops", "eight or nine euros"; not "one of", "one another"
    single = len(words) == 1 or (len(words) == 2 and words[0] in TENS_WORDS)
    if single:
        if words[0] == "one" or words == ["a"]:
            # "one" is rarely a counted quantity in news ("one of the", "no one"); only with a unit
            # or as the first end of a range ("one to two years")
            one_noun = rx(r"\s([a-z][a-z\-]+)").match(nxt)
            if not (PERCENT_RE.match(nxt) or CURRENCY_WORD_RE.match(nxt) or UNIT_WORD_RE.match(nxt)
                    or RANGE_WORD_NEXT_RE.match(nxt)
                    or (one_noun and one_noun.group(1) not in STOP_WORDS and one_noun.group(1) not in ONE_IDIOMS
                        and words == ["one"])):
                return None
        wm = rx(r"\s([A-Za-z][a-z\-]*)").match(nxt)
        unit_after = bool(UNIT_WORD_RE.match(nxt) or PERCENT_RE.match(nxt) or CURRENCY_WORD_RE.match(nxt))
        # "the two companies", "the last three months", "some seven miles", "another two hours":
        # a determiner before the number does not make it an idiom when a unit or a plural noun
        # follows ("the one", "no one", "each one", "the same two" stay out)
        dm_ = rx(r"(?i)\b(no|any|every|some|each|which|the|same|only|this|that|last|first|next|another)"
                 r"[ -]$").search(left)
        if dm_:
            det = dm_.group(1).lower()
            plural_next = wm is not None and wm.group(1).lower() not in STOP_WORDS and looks_plural(wm.group(1))
            if not (unit_after and det not in ("no", "any", "same", "which")) and not (
                    plural_next and det in ("the", "these", "those", "first", "last", "next", "some", "another")):
                return None
        if wm and wm.group(1).lower() == "other" and rx(r"\s+other\s+([a-z][a-z\-]*)").match(nxt) and \
                looks_plural(rx(r"\s+other\s+([a-z][a-z\-]*)").match(nxt).group(1)):
            return amt  # "eight other employees"
        if wm and wm.group(1).lower() == "of" and words != ["one"] and \
                rx(r"\sof\s(?:the|his|her|their|its|our|these|those|them|us|[A-Z][A-Za-z]*['’]s)\b").match(nxt):
            return amt  # "two of the victims", "three of Smith's aides" (but "one of the" is no count)
        hyph = rx(r"-([a-z]+)").match(nxt)
        if hyph and (hyph.group(1) in UNIT_WORDS or hyph.group(1) + "s" in UNIT_WORDS or hyph.group(1) == "fold"):
            return amt  # "a five-year plan", "a three-mile walk", "three-fold"
        if hyph and value >= 2 and _COMPOUND_NOUN_RE.match(nxt) and hyph.group(1) not in COMPOUND_IDIOMS \
                and hyph.group(1) not in STOP_WORDS:
            return amt  # "a three-bedroom house", "from three-point range": a count of the compound's noun
        if not wm and not rx(r"\s?%").match(nxt):
            return None
        if wm and wm.group(1).lower() in STOP_WORDS - {"percent", "per", "cent", "pct", "year", "years",
                                                         "month", "months", "week", "weeks", "day", "days",
                                                         "time", "times", "or", "to", "and", "more"}:
            return None
        if wm and wm.group(1).lower() in ("or", "to", "and") and not _CONNECT_NEXT_RE.match(nxt):
            return None
    return amt


def read_vague(src: Source, start: int, end: int) -> Amount | None:
    words = re.split(r"\s+", src.text[start:end].lower())
    words = [w for w in words if w != "of"]
    lo = VAGUE_PLURALS[words[0]]
    hi = lo * 10
    for w in words[1:]:
        lo *= VAGUE_PLURALS[w]
        hi *= VAGUE_PLURALS[w]
    return Amount(start=start, end=end, number=lo, spelled=True, raw_end=end, vague_high=hi)


def parse_spelled(raw: str) -> tuple[float | None, int]:
    """Value of a run of number words and how many characters of ``raw`` it used.

    "one hundred" -> 100; "three thousand" -> 3000; "twenty-five" -> 25; "a dozen" -> 12;
    "two and a half million" -> 2.5e6; "two-thirds" -> 0.667. The run stops where a second number
    would start ("two three" -> 2).
    """
    total = 0.0
    current = 0.0
    used = 0
    seen = False
    last = None  # "unit", "teen", "tens", "hundred", "big", "dozen", "frac", "a"
    last_big = math.inf   # the scale word of the last group ("million"): later groups must be smaller
    used_by_groups = 0    # characters used up to the end of the last scale word
    for m in rx(r"[A-Za-z]+").finditer(raw):
        w = m.group(0).lower()
        if w in ("a", "an"):
            last = "a" if not seen else last
            if seen:
                if rx(r"(?i)\s+half\b").match(raw[m.end():]):
                    continue
                break
            continue
        if w == "and":
            continue
        if w in UNITS_WORDS:
            if last in ("unit", "teen") or (last == "tens" and UNITS_WORDS[w] >= 10):
                break
            current += UNITS_WORDS[w]
            last = "teen" if UNITS_WORDS[w] >= 10 else "unit"
        elif w in TENS_WORDS:
            if last in ("unit", "teen", "tens"):
                break
            current += TENS_WORDS[w]
            last = "tens"
        elif w == "hundred":
            if last == "hundred":
                break
            current = (current or 1) * 100
            last = "hundred"
        elif w in BIG_WORDS:
            if last == "big" and not current:
                # "two hundred thousand million" (2e11, older British usage): scale words in a row multiply
                total *= BIG_WORDS[w]
                last_big *= BIG_WORDS[w]
                used_by_groups = m.end()
            elif BIG_WORDS[w] >= last_big:
                # "one billion and three billion": a scale as large as the last one starts a second
                # number (the other end of a range), it is not added to the first
                return total, used_by_groups
            else:
                total += (current or 1) * BIG_WORDS[w]
                current = 0
                last_big = BIG_WORDS[w]
                used_by_groups = m.end()
            last = "big"
        elif w == "dozen":
            current = (current or 1) * 12
            last = "dozen"
        elif w in FRACTION_WORDS:
            f = FRACTION_WORDS[w]
            if w in ("half", "halves") and seen and last != "a" and rx(r"(?i)and\s+a\s+$").search(raw[:m.start()]):
                current += 0.5
            elif seen and last in ("unit", "teen", "tens"):
                current = current * f  # "two-thirds", "three quarters"
            elif not seen:
                current = f  # "half", "a third"
            else:
                break
            last = "frac"
        else:
            break
        seen = True
        used = m.end()
    if not seen:
        return None, 0
    return total + current, used
