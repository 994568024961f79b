"""Quantity extraction for news copy: every number mention in a prose string, with its meaning.

Design
------
* A news-grade scanner of our own does the work: linear-time regexes find number *cores* (digits, or
  spelled-out numbers, or "tens of thousands"), then each core is read outwards within a bounded
  window: currency prefix, scale word ("mln", "bn", "m"), unit ("%", "per cent", "dlrs", "km",
  "percentage points"), a second end for ranges ("20%-30%", "between 350 and 400 mln dlrs"), an
  approximator before it ("about", "more than"), a change word ("rose", "up", "a 5% rise"), the
  counted noun phrase (``metric``) and, for a percentage, what it is a percentage *of* (``base``).
* Cores that are not quantities are dropped by explicit rules: years and dates, times, ordinals,
  coordinates, sports scores, phone numbers and identifiers (a number glued to letters, "COVID-19",
  "5G", or right after a capitalised name: "Boeing 747", "S&P 500", "Section 427").
* quantulum3 is NOT imported for ordinary copy. It is consulted lazily, on one sentence, only when a
  number is followed by an unknown unit-looking token ("2.24 per mmBTU", "300 rpm" is in our lexicon);
  its answer is accepted only when it maps to a valid pint unit and is not one of its known false units.
  Cost: quantulum3 (with pint) costs about 1.5 s on first use, so a typical article never pays it.
* Every regex is linear: no nested quantifiers over overlapping classes, context windows are bounded
  slices, and the digit core uses a possessive group, so 1 MB of digits or commas is fine.
* ``extract_quantities`` never raises: each core is read inside its own try/except.

Units follow ``numlint.units`` conventions (pint names, "percent", ISO 4217 codes, "" for a count);
see that module for why "19 pence" is value 19 unit "GBX".
"""

from __future__ import annotations

import bisect
import math
import os
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from numlint import lexicon as L
from numlint.model import Quantity

__all__ = ["extract_quantities"]

_WINDOW = 80  # characters of context read after a number


@lru_cache(maxsize=None)
def _rx(pattern: str):
    """A compiled regex, cached (cheaper per call than re.match(pattern, ...) on the hot path)."""
    return re.compile(pattern)


_LEFT = 56  # characters read before it (the longest left rule, "metric of [approx] ", fits)
# NUMLINT_DEBUG=1 re-raises what the never-raise guards would swallow (for development and tests).
_DEBUG = bool(os.environ.get("NUMLINT_DEBUG"))


def _alt(words, flags: str = "") -> str:
    """A regex alternation of literal words, longest first (so "per cent points" beats "per cent")."""
    body = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return f"(?{flags}:{body})" if flags else f"(?:{body})"


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
_DIGIT_CORE = re.compile(r"\d{1,3}(?:,\d{3})++(?:\.\d+)?+"
                         r"|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3}(?!\d))++(?:\.\d+)?+"
                         r"|\d++(?:\.\d+)?+|(?<!\d)\.\d++")
# what float() must not see in a digit core: thousands commas and the group spaces
_GROUP_SEPS = str.maketrans("", "", "," + _GROUP_SPACES)


def _is_plain_integer(raw: str) -> bool:
    """Digits only: no thousands separator, no decimals (the shape of a year, an id)."""
    return raw.isdigit()

_NUMBER_WORDS = (list(L.UNITS_WORDS) + list(L.TENS_WORDS) + ["hundred", "thousand", "million", "billion",
                 "trillion", "dozen"])
_NW = _alt(_NUMBER_WORDS)
# A run of number words ("one hundred and fifty thousand", "twenty-five"), optionally led by "a"/"an"
# ("a dozen", "a million"), or a fraction ("half", "a third", "two-thirds"). Parsed by _parse_spelled.
_FRACTION_W = _alt(list(L.FRACTION_WORDS))
_SPELLED_CORE = re.compile(
    rf"\b(?:(?:an?|one)[ -](?={_FRACTION_W}\b|(?:hundred|thousand|million|billion|trillion|dozen)\b))?"
    rf"{_NW}(?:(?:[ -]|\s(?:and\s)?){_NW}|\sand\sa\shalf)*+"
    rf"(?:[ -]{_FRACTION_W})?\b"
    rf"|\b(?:an?\s)?{_FRACTION_W}\b",
    re.I,
)
_VAGUE_CORE = re.compile(r"(?i)\b(?:tens|dozens|hundreds|thousands|millions|billions)(?:\sof\s(?:thousands|millions|billions))?(?=\sof\s)")
# The same two patterns for an ASCII-lower-cased text (all their literals are lower case).
_SPELLED_CORE_LC = re.compile(_SPELLED_CORE.pattern)
_VAGUE_CORE_LC = re.compile(_VAGUE_CORE.pattern[4:])
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")

# --- prefixes and suffixes ----------------------------------------------------------------------
_CURRENCY_PREFIX_RE = re.compile(
    "(?:" + "|".join(re.escape(p) for p in sorted(L.CURRENCY_PREFIXES, key=len, reverse=True)) + r")\s?$"
)
_PREFIX_LAST_CHARS = frozenset(p.rstrip()[-1] for p in L.CURRENCY_PREFIXES)
_CURRENCY_PREFIX_START_RE = re.compile(
    "(?:" + "|".join(re.escape(p) for p in sorted(L.CURRENCY_PREFIXES, key=len, reverse=True)) + r")\s?(?=[\d.-])"
)
_SCALE_SPACED = re.compile(r"\s?(thousand|million|billion|trillion|mln|bln|bn|mn|trn|tn|tln|hundred(?:\s(?:thousand|million|billion))?)(?![A-Za-z])", re.I)
_SCALE_GLUED = re.compile(r"(mil|mn|m|k|b|M|K|B)(?![A-Za-z0-9])")
_PERCENT_RE = re.compile(r"\s?" + _alt(L.PERCENT_WORDS, "i") + r"(?![A-Za-z])")
_CURRENCY_WORD_RE = re.compile(r"\s?" + _alt(L.CURRENCY_WORDS, "i") + r"(?![A-Za-z])")
_UNIT_WORD_RE = re.compile(r"\s?" + _alt(L.UNIT_WORDS, "i") + r"(?![A-Za-z])")
_UNIT_ABBR_RE = re.compile(r"(\s?)" + _alt(L.UNIT_ABBREVIATIONS) + r"(?![A-Za-z0-9])")
_ORDINAL_RE = re.compile(r"(?:st|nd|rd|th)(?![A-Za-z])", re.I)
_TIME_AFTER_RE = re.compile(r"(?::\d\d|\s?(?:am|pm|a\.m\.|p\.m\.|GMT|BST|CET|EST|EDT|UTC|ET|PT)(?![A-Za-z])|\s?o['’]clock)")
_COORD_AFTER_RE = re.compile(r"\s?[°º]\s?[NSEW](?![A-Za-z])|\s?[°º]\s?\d+\s?['′]")
_MONTH_BEFORE_RE = re.compile(r"(?:" + "|".join(L.MONTHS + L.WEEKDAYS) + r")\.?,?\s$")
_MONTH_AFTER_RE = re.compile(r"(?:st|nd|rd|th)?(?:\sof)?\s(?:" + "|".join(L.MONTHS) + r")(?![a-z])")
_RANGE_SEP_RE = re.compile(r"\sup\sto\s|\s?to-|\s?-\s?to\s?|\s?(?:-|–|—|to)\s?|\s(?:to|and|through)\s")
_OR_RE = re.compile(r"\s(?:or)\s|-,?\s(?:or|and|to)\s")  # "eight or nine euros"; suspended hyphen "7- or 8-inch"

_APPROX_AFTER_RE = re.compile(r"(?i)\s(?:or\s(more|so|above|over|less|fewer|under)|and\s(above|over|up))(?![A-Za-z])|(\+|-plus)")
_APPROX_AFTER_MAP = {"more": ">=", "above": ">=", "over": ">=", "up": ">=", "so": "~", "less": "<=",
                     "fewer": "<=", "under": "<=", "+": ">=", "-plus": ">="}
_CHANGE_AFTER_RE = re.compile(r"(?i)\s(" + _alt(L.CHANGE_UP_AFTER + L.CHANGE_DOWN_AFTER) + r")(?![A-Za-z])")
_FAST_WINDOW_RE = re.compile(r"[\d\s,.%]*")
_FAST_GAPS = frozenset(" \t\n\r\u00a0\u202f\u2009")  # a number standing alone between these needs no context
_SLASH_DENOM_RE = re.compile(r"/([A-Za-z]{1,4})([23])?(?![A-Za-z0-9])")
_HAS_LETTER_RE = re.compile(r"[A-Za-z]")
_AGE_SURFACE_RE = re.compile(r"[- ]old$")
_RANGE_WORD_NEXT_RE = re.compile(r"(?i)\s(?:to|or|-)\s(?:" + _NW + r")\b")
_CONNECT_NEXT_RE = re.compile(r"(?i)\s(?:or|to|and)\s(?:" + _NW + r"|\d)")
_UP = {w.lower() for w in L.CHANGE_UP_BEFORE + L.CHANGE_UP_NOUNS + L.CHANGE_UP_AFTER} | {"raised", "raises", "raise", "raising"}
_DOWN = {w.lower() for w in L.CHANGE_DOWN_BEFORE + L.CHANGE_DOWN_NOUNS + L.CHANGE_DOWN_AFTER}

_PHONE_RE = re.compile(r"\+\d{1,3}[\s-]?\(?\d{1,4}\)?(?:[\s-]\d{2,4}){2,4}|\(?\b\d{3,5}\)?[\s-]\d{3,4}[\s-]\d{3,4}\b")
_SENT_END_RE = re.compile(r"[.!?][\"'”’)]*\s+(?=[A-Z“\"‘'(0-9$£€])|\n+")
_SPORT_CUES = re.compile(r"(?i)\b(?:win|won|wins|beat|beats|defeat|defeated|victory|lead|led|draw|drew|lost|loss|"
                         r"score|scored|goals?|trail|trailing|series|final|match|game|innings?|half-time|halftime)\b")
_YEAR_STRONG_CUES = {"in", "since", "until", "till", "during", "by", "from", "early", "late", "mid", "the",
                     "of", "before", "after", "between", "and", "to", "through", "fiscal", "fy", "year",
                     "summer", "winter", "spring", "autumn", "season", "this", "its", "their"}
_ID_CUES = frozenset("""page pages chapter number no no. version v level step grade room route flight gate
platform article section clause paragraph phase stage round episode series act scene tier category class
type model channel seat row lane exit highway interstate game day week match hole race leg question item
figure table appendix pier terminal bus unit apartment suite floor district ward precinct region
""".split())
_POSSESSIVE_DETS = {"the", "a", "an", "its", "their", "his", "her", "our", "your", "all", "this", "that", "these",
                    "those", "my", "total", "overall", "annual", "entire", "whole"}
_WEIGHT_CUES = re.compile(r"(?i)\b(?:weigh\w*|heav\w*|lbs?|pounds? of|kg|kilos?|ounces?|tons?|tonnes?)\b")

_COUNT_DENOMS = {"share": "share", "person": "person", "head": "head", "capita": "capita", "people": "person"}


@dataclass
class _Amount:
    """One end of a mention: currency + number + scale + unit, as read from the text."""

    start: int
    end: int
    number: float
    decimals: int = 0
    spelled: bool = False
    currency: str | None = None  # ISO code from a prefix or word
    scale: str | None = None
    multiplier: float = 1.0
    unit: str = ""
    surface_unit: str = ""
    kind: str = "count"
    raw_end: int = 0  # end of the number itself (before scale/unit)
    num_start: int = 0  # start of the digits (after a currency prefix)
    integer_shape: bool = False  # plain digits, no comma, no decimals (candidate year)
    vague_high: float | None = None  # for "tens of thousands": the high end
    fraction: bool = False  # written "1/2", "1\u204432"

    @property
    def value(self) -> float:
        return self.number * self.multiplier


@dataclass
class _Mention:
    start: int
    end: int
    low: _Amount
    high: _Amount | None = None
    approx: str = "="
    change: str | None = None
    metric: str | None = None
    base: str | None = None
    extra: dict = field(default_factory=dict)


class _Skip(Exception):
    """A core that is not a quantity; ``end`` says how far the scanner may skip."""

    def __init__(self, end: int):
        super().__init__(end)
        self.end = end


def extract_quantities(text: str) -> list[Quantity]:
    """Every quantity mention in ``text``, sorted by start (see module docstring). Never raises."""
    if not isinstance(text, str) or not text:
        return []
    try:
        return _Scanner(text).run()
    except Exception:  # pragma: no cover - last-resort guard: a linter must not crash on odd copy
        if _DEBUG:
            raise
        return []


class _Scanner:
    def __init__(self, text: str):
        self.text = text
        self.n = len(text)
        self._sent_starts: list[int] | None = None
        self._excluded: list[tuple[int, int]] = []

    # -- driver --------------------------------------------------------------------------------
    def run(self) -> list[Quantity]:
        text = self.text
        cores: list[tuple[int, int, str]] = []
        for m in _DIGIT_CORE.finditer(text):
            cores.append((m.start(), m.end(), "d"))
        if _HAS_LETTER_RE.search(text):  # spelled numbers need letters; a wall of figures skips the scan
            # scanned on an ASCII-lower-cased copy (same length, so same offsets): a case-sensitive
            # regex runs ~3x faster than the same one with re.IGNORECASE
            low = text.translate(_ASCII_LOWER)
            for m in _SPELLED_CORE_LC.finditer(low):
                cores.append((m.start(), m.end(), "w"))
            for m in _VAGUE_CORE_LC.finditer(low):
                cores.append((m.start(), m.end(), "v"))
        if not cores:
            return []
        for m in _PHONE_RE.finditer(text):
            self._excluded.append((m.start(), m.end()))
        cores.sort()
        mentions: list[_Mention] = []
        consumed = -1
        i = 0
        while i < len(cores):
            start, end, typ = cores[i]
            i += 1
            if start < consumed or self._is_excluded(start):
                continue
            try:
                mention = self._fast(start, end) if typ == "d" else None
                if mention is None:
                    mention = self._read(start, end, typ)
            except _Skip as skip:
                consumed = max(consumed, skip.end)
                continue
            except Exception:
                if _DEBUG:
                    raise
                consumed = max(consumed, end)  # one odd core must not cost the rest of the text
                continue
            if mention is None:
                continue
            mentions.append(mention)
            consumed = mention.end
            if typ == "w" and mention.end < end:
                # "three million and two million": one run of number words, two numbers; the rest of
                # the run is read again as a core of its own
                rest = _SPELLED_CORE_LC.search(low, mention.end, end)
                if rest:
                    bisect.insort(cores, (rest.start(), rest.end(), "w"), lo=i)
        self._inherit_metrics(mentions)
        out = []
        for m in mentions:
            try:
                out.append(self._to_quantity(m))
            except Exception:
                if _DEBUG:
                    raise
                continue
        out.sort(key=lambda q: (q.start, q.end))
        return out

    def _is_excluded(self, pos: int) -> bool:
        # _excluded is sorted and non-overlapping (finditer), so one bisect finds the candidate span
        i = bisect.bisect_right(self._excluded, (pos, float("inf"))) - 1
        return i >= 0 and self._excluded[i][0] <= pos < self._excluded[i][1]

    # -- sentences -----------------------------------------------------------------------------
    def sentence_bounds(self, pos: int) -> tuple[int, int]:
        if self._sent_starts is None:
            starts = [0]
            for m in _SENT_END_RE.finditer(self.text):
                starts.append(m.end())
            self._sent_starts = starts
        i = bisect.bisect_right(self._sent_starts, pos) - 1
        s = self._sent_starts[i]
        e = self._sent_starts[i + 1] if i + 1 < len(self._sent_starts) else self.n
        return s, e

    # -- reading one mention ---------------------------------------------------------------------
    def _fast(self, start: int, end: int) -> _Mention | None:
        """A number among nothing but digits, spaces, commas, periods and "%" (tables, lists, a line of
        figures) needs none of the context rules: read it directly. Keeps long number runs cheap.
        Returns None to send the core through the full reader; raises _Skip for a year."""
        text = self.text
        window = text[max(0, start - 12):end + 12]
        if not _FAST_WINDOW_RE.fullmatch(window):
            return None
        raw = text[start:end]
        prev = text[start - 1] if start > 0 else " "
        nxt = text[end] if end < self.n else " "
        if prev not in _FAST_GAPS or (nxt not in _FAST_GAPS and nxt != "%" and not (nxt in ",." and text[end + 1:end + 2] in ("", " ", "\n"))):
            return None
        try:
            number = float(raw.translate(_GROUP_SEPS))
        except ValueError:
            return None
        integer_shape = _is_plain_integer(raw)
        decimals = len(raw.split(".", 1)[1]) if "." in raw else 0
        amt = _Amount(start=start, end=end, number=number, decimals=decimals, raw_end=end, integer_shape=integer_shape)
        if nxt == "%":
            amt.end, amt.unit, amt.surface_unit, amt.kind = end + 1, "percent", "%", "percent"
        elif integer_shape and 1000 <= number <= 2150:
            raise _Skip(end)  # a bare year-shaped number with nothing counted after it is a year
        return _Mention(start=amt.start, end=amt.end, low=amt)


    def _read(self, start: int, end: int, typ: str) -> _Mention | None:
        text = self.text
        first = self._read_amount(start, end, typ)
        if first is None:
            return None
        mention = _Mention(start=first.start, end=first.end, low=first)
        if first.vague_high is not None:
            mention.high = replace(first, number=first.vague_high)
            mention.approx = "~"

        left = text[max(0, first.start - _LEFT):first.start]
        # "between X and Y", "from X to Y" (but "rose from X to Y" is two values, a change's ends)
        tail2 = _tail_tokens(left, 3) if left[-1:].isspace() else []
        between = _ends_with_word(tail2, "between", ("about", "some", "around"))
        from_ = _rx(r"(?i)\bfrom\s(?:about\s|some\s|around\s|up\sto\s)?$").search(left[-24:]) \
            if _ends_with_word(tail2, "from", ("about", "some", "around", "to")) else None
        from_is_range = False
        if from_:
            before_from = left[:len(left) - 24 + from_.start()] if len(left) > 24 else left[:from_.start()]
            before_from = before_from[-40:]
            from_is_range = _change_before(before_from + " ") is None and not _change_gap(before_from)
        if from_ and not from_is_range:
            mention.extra["from_change"] = True
        if mention.high is None:
            self._read_range(mention, between, from_is_range)
        self._read_or(mention)

        self._read_age(mention, left)
        # filters that need the whole mention
        self._filter_non_quantities(mention, left, between)

        # left context: approximator, change
        lead = left
        am = _approx_before(lead)
        if lead.lower().endswith("sub-"):
            mention.approx = "<"  # "sub-300 sq m"
            am = None
        if am:
            mention.approx = am[0]
            lead = lead[:am[1]]
        after = text[mention.end:mention.end + _WINDOW]
        aa = _APPROX_AFTER_RE.match(after)
        if aa and mention.approx == "=" and mention.high is None:
            key = (aa.group(1) or aa.group(2) or aa.group(3) or "").lower()
            if key in _APPROX_AFTER_MAP:
                mention.approx = _APPROX_AFTER_MAP[key]
                if aa.group(3):  # "5,000+" / "5,000-plus": part of the mention
                    mention.end += aa.end()
                    after = text[mention.end:mention.end + _WINDOW]
        w = _change_before(lead)
        if w:
            # "up"/"down"/"off" are changes only right before the number ("up 19 cents")
            if w in _UP:
                mention.change = "up"
            elif w in _DOWN:
                mention.change = "down"
            if w == "cut" and mention.low.kind == "count":
                mention.change = "down"
        if mention.change is None:
            ca = _CHANGE_AFTER_RE.match(after)
            if ca and mention.low.kind in ("percent", "money", "count", "measure"):
                w = ca.group(1).lower()
                # "3,000 more troops" is a change only for percent/money ("5% more") or with
                # "fewer"/"more" + noun; keep it simple: "higher/lower/rise/fall" always, more/less
                # only for percent.
                if w in ("more", "less", "fewer", "up", "down") and mention.low.kind != "percent":
                    pass
                else:
                    mention.change = "up" if w in _UP else "down"
                    mention.extra["change_after"] = True

        if not mention.extra.get("age"):
            self._read_metric(mention, lead, after)
        return mention

    # -- the amount: currency, number, scale, unit -------------------------------------------------
    def _read_amount(self, start: int, end: int, typ: str, in_range: bool = False) -> _Amount | None:
        text = self.text
        if typ == "d":
            amt = self._digit_number(start, end, in_range)
        elif typ == "w":
            amt = self._spelled_number(start, end)
        else:
            amt = self._vague_number(start, end)
        if amt is None:
            return None
        if typ == "v":
            # "thousands of dollars": the unit is after "of"
            p = amt.end
            m = _rx(r"\sof\s").match(text[p:p + 4])
            if m:
                save = amt.end
                amt.end = p + m.end() - 1
                if not self._read_unit(amt) or amt.kind == "count":
                    amt.end = save
                    amt.unit = ""
                    amt.kind = "count"
                    amt.surface_unit = ""
            return amt
        self._read_scale(amt)
        if not self._read_unit(amt) and amt.fraction:
            # "1/16 of a pint", "1/2 of a mile": a fraction of one unit is that many units
            om = _rx(r"\sof\san?\s(?:(?:US|U\.S\.|imperial)\s)?").match(text, amt.end)
            um = _UNIT_WORD_RE.match(text, om.end() - 1) if om else None
            if um:
                word = um.group(0).strip()
                amt.unit, amt.surface_unit, amt.kind = L.UNIT_WORDS[word.lower()], word, "measure"
                amt.end = um.end()
        return amt

    def _digit_number(self, start: int, end: int, in_range: bool) -> _Amount | None:
        text = self.text
        raw = text[start:end]
        if raw.startswith("."):
            if start > 0 and text[start - 1].isdigit():
                raise _Skip(end)
        # neighbours; a space stands for the text's edges (so `prev in "..."` never tests "")
        prev = text[start - 1] if start > 0 else " "
        prev2 = text[start - 2] if start > 1 else " "
        nxt = text[end] if end < self.n else " "
        nxt2 = text[end + 1] if end + 1 < self.n else " "

        # currency prefix (may end in letters: "RM120,000", "Rs 50", "US$")
        currency = None
        cur_start = start
        lwin = text[max(0, start - 8):start]
        if lwin.endswith(("$-", "$−", "£-", "€-")):
            lwin = lwin[:-1]
        tail_char = lwin.rstrip()[-1:]
        cm = _CURRENCY_PREFIX_RE.search(lwin) if tail_char and tail_char in _PREFIX_LAST_CHARS else None
        if cm:
            sym = cm.group(0).rstrip()
            code = L.CURRENCY_PREFIXES.get(sym)
            cstart = start - len(cm.group(0)) - (1 if text[start - 1:start] in "-−" and start > 0 and sym else 0)
            before = text[cstart - 1] if cstart > 0 else ""
            # a letter-symbol ("RM", "Rs", "USD") must not be the end of a longer word
            if code and not (sym[0].isalpha() and before.isalpha()):
                currency = code  # "$", "US $", "HK$", "RM" ... (see lexicon.CURRENCY_PREFIXES)
                cur_start = cstart
        if currency is None:
            # glued to letters before: an identifier ("G7", "A380", "MP3", "COVID-19")
            if prev.isalpha() or prev == "_":
                raise _Skip(self._token_end(end))
            if prev == "-" and (prev2.isalnum()) and not in_range and \
                    not _rx(r"(?i)(?:^|[^A-Za-z])(?:sub|minus)-$").search(text[max(0, start - 7):start]):
                raise _Skip(self._token_end(end))
            if prev in "#№/\\@" or (prev == "." and prev2.isdigit()):
                raise _Skip(self._token_end(end))
            if prev in "'’" and (prev2 == "" or not prev2.isalnum()):
                raise _Skip(self._token_end(end))  # '90s, '98
            if prev in ":×^" or (prev in "−-" and prev2 in "0123456789×^" and not in_range):
                raise _Skip(self._token_end(end))  # 9:35, the "10−30" of 1.99×10−30
        if nxt in "×^" or (nxt == "x" and text[end + 1:end + 3] == "10"):
            raise _Skip(self._token_end(end + 4))  # scientific notation: not read (rare in news)
        if nxt == "," and nxt2.isdigit():  # malformed thousands ("1,0000") or a list without spaces
            raise _Skip(self._token_end(end))
        frac = self._slash_fraction(start, end, raw) if nxt in "/\u2044" and nxt2.isdigit() else None
        if frac is not None:
            amt = _Amount(start=cur_start, end=frac[1], number=frac[0], decimals=0, currency=currency,
                          raw_end=frac[1], num_start=start, fraction=True)
            return amt
        if nxt in "/\u2044" and nxt2.isdigit():  # 9/11, 24/7, 2019/20, 3/4 with nothing measured
            raise _Skip(self._token_end(end))
        if nxt == "." and nxt2.isdigit():  # version numbers 1.2.3, dates 25.12.2019
            raise _Skip(self._token_end(end))
        if nxt == ":" and nxt2.isdigit():  # time or ratio/score "10:30", "3:1"
            raise _Skip(self._token_end(end))
        try:
            number = float(raw.translate(_GROUP_SEPS))
        except ValueError:
            raise _Skip(end)
        if number != number or number in (float("inf"), float("-inf")):
            raise _Skip(end)
        decimals = len(raw.split(".", 1)[1]) if "." in raw else 0
        amt = _Amount(start=cur_start, end=end, number=number, decimals=decimals, currency=currency,
                      raw_end=end, integer_shape=_is_plain_integer(raw), num_start=start)
        # negative: "-0.5%" (a minus sign after a space, not a hyphen between words or numbers),
        # "$-50.8bn", "minus 5", "minus-130 degrees"
        if currency is None and prev in "-−" and (prev2 == "" or prev2 in " (\t\n") and not in_range:
            amt.number = -number
            amt.start = start - 1
        elif currency is not None and prev in "-−":
            amt.number = -number
        elif currency is None and _rx(r"(?i)\bminus[ -]$").search(text[max(0, start - 7):start]):
            amt.number = -number
            amt.start = start - 6
        # a unicode fraction glued on: "2½"
        if nxt in L.UNICODE_FRACTIONS:
            amt.number += L.UNICODE_FRACTIONS[nxt]
            amt.end += 1
            amt.raw_end += 1
            amt.integer_shape = False
        # glued letters after the digits
        after = text[amt.end:amt.end + 12]
        if after[:1].isalpha():
            if _ORDINAL_RE.match(after):
                raise _Skip(self._token_end(amt.end))
            if _rx(r"s(?![A-Za-z])").match(after) and amt.integer_shape:
                raise _Skip(amt.end + 1)  # decades: 1990s, 90s
            if _rx(r"(?i)(?:am|pm|a\.m\.|p\.m\.)(?![A-Za-z])").match(after):
                raise _Skip(self._token_end(amt.end))
        return amt

    def _slash_fraction(self, start: int, end: int, raw: str) -> tuple[float, int] | None:
        """(value, end) for a written fraction: "1/2 pound", "3/4 of the members", "1\u204432 of a
        quart" (U+2044 is the fraction slash: always a fraction). With "/" only when the numerator
        is smaller than the denominator and a unit or "of" follows, so "9/11", "24/7", "2019/20"
        and dates ("1/2/2019") stay what they are."""
        m = _rx(r"[/\u2044](\d{1,4})(?![\d/.,:\u2044])").match(self.text, end)
        if not m or not raw.isdigit():
            return None
        num, den = int(raw), int(m.group(1))
        if den == 0 or num >= den or num == 0:
            return None
        slash = self.text[end]
        if slash == "/":
            rest = self.text[m.end():m.end() + 40]
            if not (_rx(r"\s(?:of|an?)\s").match(rest) or _UNIT_WORD_RE.match(rest)
                    or (_UNIT_ABBR_RE.match(rest) and not _UNIT_ABBR_RE.match(rest).group(1)) or _CURRENCY_WORD_RE.match(rest)
                    or _rx(r"\s(?:cups?|teaspoons?|tablespoons?|inch|mile)\b").match(rest)):
                return None
            if self.text[start - 1:start] in ("/", "\u2044") or (start and self.text[start - 1].isdigit()):
                return None
        return num / den, m.end()

    def _token_end(self, pos: int) -> int:
        """End of the alphanumeric token that continues at ``pos`` (for skipping identifiers)."""
        m = re.compile(r"[\w\-.]{0,40}").match(self.text, pos)
        return m.end() if m else pos

    def _spelled_number(self, start: int, end: int) -> _Amount | None:
        text = self.text
        raw = text[start:end]
        value, used = _parse_spelled(raw)
        if value is None or used == 0:
            return None
        end = start + used
        raw = text[start:end]
        low = raw.lower()
        words = re.split(r"[\s-]+", low)
        amt = _Amount(start=start, end=end, number=value, spelled=True, raw_end=end)
        if raw[:1].isupper() and not self._sentence_initial(start - 1) and not raw.isupper() and \
                not text[max(0, start - 3):start].rstrip().endswith((":", "\u2014", "--")):
            return None  # "the Kick Six", "Fantastic Four", "Six Nations": a name (but "LONDON: Two men")
        is_fraction = words[-1] in L.FRACTION_WORDS
        nxt = text[end:end + 30]
        left = text[max(0, start - 30):start]
        if is_fraction:
            # "half of the voters", "a third of", "two-thirds of" -> ratio; "half a million" is a number
            hm = _rx(r"(?i)\s(?:an?\s)?(million|billion|thousand|dozen)\b").match(nxt)
            if hm:
                amt.number = value * {"million": 1e6, "billion": 1e9, "thousand": 1e3, "dozen": 12}[hm.group(1).lower()]
                amt.end = end + hm.end()
                amt.raw_end = amt.end
                return amt
            am_ = _rx(r"\s(?:an?)(?=\s)").match(nxt)
            if am_ and (_PERCENT_RE.match(nxt, am_.end()) or _UNIT_WORD_RE.match(nxt, am_.end())
                        or _CURRENCY_WORD_RE.match(nxt, am_.end())):
                amt.end = end + am_.end()  # "half a percentage point", "half an hour"
                return amt
            if _rx(r"\s(?:of|the)\s").match(nxt) and not _rx(r"(?i)(?:first|second|third|last|final|latter|other|next)\s$").search(left):
                amt.kind = "ratio"
                return amt
            return None
        if low in ("a", "an"):
            return None
        # a lone small number word ("one", "two", ...) is a quantity only when something is counted:
        # "three months", "two troops", "eight or nine euros"; not "one of", "one another"
        single = len(words) == 1 or (len(words) == 2 and words[0] in L.TENS_WORDS)
        if single:
            if words[0] == "one" or words == ["a"]:
                # "one" is rarely a counted quantity in news ("one of the", "no one"); only with a unit
                # or as the first end of a range ("one to two years")
                one_noun = _rx(r"\s([a-z][a-z\-]+)").match(nxt)
                if not (_PERCENT_RE.match(nxt) or _CURRENCY_WORD_RE.match(nxt) or _UNIT_WORD_RE.match(nxt)
                        or _RANGE_WORD_NEXT_RE.match(nxt)
                        or (one_noun and one_noun.group(1) not in L.STOP_WORDS and one_noun.group(1) not in _ONE_IDIOMS
                            and words == ["one"])):
                    return None
            wm = _rx(r"\s([A-Za-z][a-z\-]*)").match(nxt)
            unit_after = bool(_UNIT_WORD_RE.match(nxt) or _PERCENT_RE.match(nxt) or _CURRENCY_WORD_RE.match(nxt))
            # "the two companies", "the last three months", "some seven miles", "another two hours":
            # a determiner before the number does not make it an idiom when a unit or a plural noun
            # follows ("the one", "no one", "each one", "the same two" stay out)
            dm_ = _rx(r"(?i)\b(no|any|every|some|each|which|the|same|only|this|that|last|first|next|another)[ -]$").search(left)
            if dm_:
                det = dm_.group(1).lower()
                plural_next = wm is not None and wm.group(1).lower() not in L.STOP_WORDS and self._looks_plural(wm.group(1))
                if not (unit_after and det not in ("no", "any", "same", "which")) and not (
                        plural_next and det in ("the", "these", "those", "first", "last", "next", "some", "another")):
                    return None
            if wm and wm.group(1).lower() == "other" and _rx(r"\s+other\s+([a-z][a-z\-]*)").match(nxt) and \
                    self._looks_plural(_rx(r"\s+other\s+([a-z][a-z\-]*)").match(nxt).group(1)):
                return amt  # "eight other employees"
            if wm and wm.group(1).lower() == "of" and words != ["one"] and \
                    _rx(r"\sof\s(?:the|his|her|their|its|our|these|those|them|us|[A-Z][A-Za-z]*['’]s)\b").match(nxt):
                return amt  # "two of the victims", "three of Smith's aides" (but "one of the" is no count)
            hyph = _rx(r"-([a-z]+)").match(nxt)
            if hyph and (hyph.group(1) in L.UNIT_WORDS or hyph.group(1) + "s" in L.UNIT_WORDS or hyph.group(1) == "fold"):
                return amt  # "a five-year plan", "a three-mile walk", "three-fold"
            if not wm and not _rx(r"\s?%").match(nxt):
                return None
            if wm and wm.group(1).lower() in L.STOP_WORDS - {"percent", "per", "cent", "pct", "year", "years",
                                                             "month", "months", "week", "weeks", "day", "days",
                                                             "time", "times", "or", "to", "and", "more"}:
                return None
            if wm and wm.group(1).lower() in ("or", "to", "and") and not _CONNECT_NEXT_RE.match(nxt):
                return None
        return amt

    def _vague_number(self, start: int, end: int) -> _Amount | None:
        words = re.split(r"\s+", self.text[start:end].lower())
        words = [w for w in words if w != "of"]
        lo = L.VAGUE_PLURALS[words[0]]
        hi = lo * 10
        for w in words[1:]:
            lo *= L.VAGUE_PLURALS[w]
            hi *= L.VAGUE_PLURALS[w]
        return _Amount(start=start, end=end, number=lo, spelled=True, raw_end=end, vague_high=hi)

    def _read_scale(self, amt: _Amount) -> None:
        text = self.text
        p = amt.end
        win = text[p:p + 16]
        m = _SCALE_SPACED.match(win)
        if m and not amt.spelled:
            word = m.group(1)
            amt.scale = word
            parts = word.lower().split()
            amt.multiplier = 100.0 * (L.SCALE_WORDS[parts[1]] if len(parts) > 1 else 1.0) \
                if parts[0] == "hundred" else L.SCALE_WORDS[parts[0]]
            amt.end = p + m.end()
            return
        if amt.spelled:
            m2 = _rx(r"(?i)\s?(mln|bln|bn|mn|trn|tn)(?![A-Za-z])").match(win)
            if m2:
                amt.scale = m2.group(1)
                amt.multiplier = L.SCALE_WORDS[m2.group(1).lower()]
                amt.end = p + m2.end()
            return
        g = _SCALE_GLUED.match(win)
        if not g:
            return
        letter = g.group(1)
        rest = text[p + len(letter):p + 40]
        money_context = amt.currency is not None or _CURRENCY_WORD_RE.match(rest) is not None
        if money_context:
            amt.scale = letter
            amt.multiplier = L.SCALE_WORDS[letter]
            amt.end = p + len(letter)
            return
        if letter in ("mil", "mn"):
            amt.scale = letter
            amt.multiplier = 1e6
            amt.end = p + len(letter)
            return
        if letter in ("m", "M"):
            # "2m barrels", "5m people", "2.7m combined sales", "35m of its devices" -> million;
            # "100m sprint", "10m high", "the 400m" -> metre (left to units). Upper-case M is never a metre.
            million = letter == "M"
            words = re.findall(r"[A-Za-z][a-z\-]*|[^\sA-Za-z]", rest[:40])
            if words and words[0] == "of":
                million = True
            if words and words[0].lower() in _ATHLETICS_WORDS:
                words = []  # "400m runners", "the 100m final": a distance
            for w in words[:6]:
                if w in ("and", "or"):
                    continue
                if not w[0].islower() or w in L.STOP_WORDS or w in ("high", "long", "tall", "deep", "wide"):
                    break  # only the lower-case words right after count ("the 100m champion Kim Collins")
                if self._looks_plural(w):
                    million = True
                    break
            if million:
                amt.scale = letter
                amt.multiplier = 1e6
                amt.end = p + 1
                return
            if letter == "M":
                raise _Skip(self._token_end(p))
            return
        if letter == "k":
            if _rx(r"\s(?:run|race|walk|runs|races)\b").match(rest):
                return  # 10k run: a distance, read as a unit below
            amt.scale = letter
            amt.multiplier = 1e3
            amt.end = p + 1
            return
        # "5B", "2M", "4K" without money: model names, paper sizes, screen resolutions
        raise _Skip(self._token_end(p))

    @staticmethod
    def _looks_plural(word: str) -> bool:
        w = word.lower()
        return w in L.IRREGULAR_PLURALS or (w.endswith("s") and not w.endswith("ss") and len(w) > 2)

    def _read_unit(self, amt: _Amount) -> bool:
        """Percent / currency word / physical unit after the number (and "per X"). True if found."""
        text = self.text
        p = amt.end
        win = text[p:p + 40]
        glued = amt.end == amt.raw_end and amt.scale is None
        # a glued minor-unit letter: "19p", "50c"
        if glued and win[:1] in L.GLUED_MINOR and not _rx(r"[A-Za-z0-9]").match(win[1:2] or " ") and amt.currency is None:
            if not win[1:2] == "." or not win[2:3].isalpha():
                amt.unit = L.GLUED_MINOR[win[0]]
                amt.surface_unit = win[0]
                amt.kind = "money"
                amt.end = p + 1
                return True
        m = _PERCENT_RE.match(win)
        if m and amt.currency is None:
            amt.unit = L.PERCENT_WORDS[m.group(0).strip().lower()]
            amt.surface_unit = m.group(0).strip()
            amt.kind = "percent"
            amt.end = p + m.end()
            return True
        m = _CURRENCY_WORD_RE.match(win)
        if m:
            word = m.group(0).strip().lower()
            code = L.CURRENCY_WORDS.get(word)
            ok = code is not None
            if word in ("pounds", "pound") and not self._pounds_are_money(amt, win):
                ok = False  # a weight, read as a unit below
            if word == "won" and amt.value < 100 and amt.scale is None:
                ok = False
            if word in ("cent", "cents", "ct", "cts") and amt.currency is None and _rx(r"(?i)\s?cents?\s(?:a|per)\s(?:kilowatt|kwh|litre|liter|gallon)").match(win):
                ok = True
            if ok:
                # a prefix wins over a later word ("$5 dollars"), except a minor unit ("$0.5 cents")
                amt.currency = code if not amt.currency or code in ("GBX", "USX", "EUX") else amt.currency
                amt.surface_unit = (amt.surface_unit + " " + m.group(0).strip()).strip() if amt.surface_unit else m.group(0).strip()
                amt.end = p + m.end()
                p = amt.end
                win = text[p:p + 40]
        if amt.currency:
            amt.unit = amt.currency
            amt.kind = "money"
            if not amt.surface_unit:  # the prefix as written: "$", "US $", "HK$"
                amt.surface_unit = text[amt.start:amt.num_start].strip(" -−") or amt.currency
            self._read_per(amt)
            return True
        m = _UNIT_WORD_RE.match(win)
        if m and m.group(0).strip()[:1].isupper() and m.group(0).strip()[1:2].islower() and \
                m.group(0).strip().split()[0] not in ("Celsius", "Fahrenheit", "Centigrade", "Calories", "Kelvin", "Degrees"):
            m = None
        if m:
            word = m.group(0).strip()
            amt.unit = L.UNIT_WORDS[word.lower()]
            amt.surface_unit = word
            amt.kind = "measure"
            amt.end = p + m.end()
            self._read_per(amt)
            return True
        m = _UNIT_ABBR_RE.match(win)
        if m:
            spaced = bool(m.group(1))
            abbr = m.group(0).strip()
            if not (spaced and abbr in L.GLUED_ONLY_ABBREVIATIONS):
                if abbr in ("C", "F") and amt.raw_end != amt.end:
                    return False
                amt.unit = L.UNIT_ABBREVIATIONS[abbr]
                amt.surface_unit = abbr
                amt.kind = "measure"
                amt.end = p + m.end()
                if abbr in ("°", "º"):
                    if _rx(r"\s?[NSEW](?![A-Za-z])").match(text[amt.end:amt.end + 3]):
                        raise _Skip(amt.end + 2)  # a coordinate
                    dm = _rx(r"\s?(C|F)(?![A-Za-z])").match(text[amt.end:amt.end + 3])
                    if dm:
                        amt.unit = "degree_Celsius" if dm.group(1) == "C" else "degree_Fahrenheit"
                        amt.surface_unit += dm.group(0)
                        amt.end += dm.end()
                # a compound symbol: "12 mg/L", "3 kg/m3", "5 ft/s"
                sm = _SLASH_DENOM_RE.match(text, amt.end)
                if sm and "/" not in amt.unit:
                    den = L.UNIT_ABBREVIATIONS.get(sm.group(1)) or {"L": "liter"}.get(sm.group(1))
                    if den and "/" not in den and " " not in den:
                        amt.unit = f"{amt.unit} / {den}" + (f" ** {sm.group(2)}" if sm.group(2) else "")
                        amt.surface_unit += sm.group(0)
                        amt.end = sm.end()
                self._read_per(amt)
                return True
        # hyphenated unit adjective: "a 10-year bond", "25-year-old", "5-mile", "three-fold"
        hm = _rx(r"-([a-z]+)(?:-(old))?(?![A-Za-z])|-([a-z]+)-(a|per)-([a-z]+)(?![A-Za-z])").match(win)
        if hm and hm.group(3):
            unit = L.UNIT_WORDS.get(hm.group(3)) or L.UNIT_WORDS.get(hm.group(3) + "s")
            denom = L.UNIT_WORDS.get(hm.group(5))
            if unit and denom:  # "a 52,000-barrel-a-day refinery"
                amt.unit, amt.surface_unit, amt.kind = f"{unit} / {denom}", hm.group(0)[1:], "measure"
                amt.end = p + hm.end()
                return True
            hm = None
        if hm:
            word = hm.group(1)
            unit = L.UNIT_WORDS.get(word) or L.UNIT_WORDS.get(word + "s")
            if not unit and word in L.UNIT_ABBREVIATIONS and word not in ("in", "s", "t", "m", "g", "l", "h"):
                unit = L.UNIT_ABBREVIATIONS[word]
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
        # "5 times", "fivefold"
        tm = _rx(r"\s?(?:times|fold|x)(?![A-Za-z])").match(win)
        if tm and not _rx(r"\s?times\s(?:a|an|per|each|in|this|that|last|so|over)\b").match(win):
            amt.kind = "ratio"
            amt.surface_unit = tm.group(0).strip()
            amt.end = p + tm.end()
            return True
        if glued and win[:1].isalpha():
            # an unknown suffix glued to the digits ("5G", "3D", "4x4", "A380"): an identifier
            raise _Skip(self._token_end(p))
        # a spaced token that looks like a unit symbol we do not know ("mmBTU", "A/cm2"): ask quantulum3
        um = _rx(r"\s((?:[a-z]{1,3}[A-Z]{2,6}|[A-Za-z]{1,4}/[A-Za-z]{1,4}[0-9]?))(?![A-Za-z])").match(win)
        if um and um.group(1) not in ("US", "UK", "EU", "UN", "AM", "PM", "GMT") and not um.group(1).isupper():
            unit = self._quantulum_unit(amt, um.group(1))
            if unit:
                amt.unit, amt.surface_unit = unit
                amt.kind = "measure"
                amt.end = p + um.end()
                return True
        return False

    def _pounds_are_money(self, amt: _Amount, win: str) -> bool:
        """"20 pounds": money in British copy about money, a weight otherwise. Money when written
        "pounds sterling", or when the sentence also has "£"/"sterling"/"stg" and no weighing word."""
        if _rx(r"(?i)\s?pounds?\s(?:sterling|stg)\b").match(win):
            return True
        if (amt.scale or amt.vague_high is not None) and not _rx(r"(?i)\s?pounds?\sof\b").match(win):
            return True  # "5 million pounds", "billions of pounds": money
        s, e = self.sentence_bounds(amt.start)
        sentence = self.text[s:e]
        if _WEIGHT_CUES.search(sentence) and not _rx(r"(?i)\s?pounds?\s(?:a|per)\s").match(win):
            return False
        return bool(_rx(r"£|\bsterling\b|\bstg\b|\bpence\b|\bGBP\b").search(sentence))

    def _read_per(self, amt: _Amount) -> None:
        """"$58.24 a barrel", "12 cts a share", "$80 per sq m" -> a compound unit ("USD / oil_barrel")."""
        text = self.text
        if amt.unit and "/" in amt.unit:
            return
        p = amt.end
        win = text[p:p + 40]
        # skip a stray "US"/"U.S." between the amount and "per" ("$75 U.S. per barrel")
        sm = _rx(r"\s(?:US|U\.S\.)(?=\s(?:per|a)\s)").match(win)
        if sm:
            p += sm.end()
            win = text[p:p + 40]
        m = _rx(r"\s?/\s?|\sper\s|\san?[\s-]|\seach\s").match(win)
        if not m:
            return
        article = m.group(0).strip(" -").lower() in ("a", "an", "each")
        q = p + m.end()
        rest = text[q:q + 30]
        # "a year earlier", "a year ago": a time reference, not a rate
        if article and _rx(r"(?i)(?:year|month|week|day)\s(?:earlier|ago|before|later|after|previously|on|from|in)\b").match(rest):
            return
        denom = None
        dm = _rx(r"([A-Za-z]+)(?![A-Za-z])").match(rest)
        if dm and dm.group(1).lower() in _COUNT_DENOMS:
            denom, dlen = _COUNT_DENOMS[dm.group(1).lower()], dm.end()
        elif dm and dm.group(1).lower() == "night":
            denom, dlen = "day", dm.end()
        else:
            um = _UNIT_WORD_RE.match(rest)
            if um and not um.group(0).startswith(" "):
                word = um.group(0).lower()
                if article and word.endswith("s") and word not in ("hours",):
                    return  # "a" + plural is not "per"
                denom, dlen = L.UNIT_WORDS[word], um.end()
            else:
                am = _UNIT_ABBR_RE.match(rest)
                if am and not am.group(1) and not article and am.group(0) not in L.GLUED_ONLY_ABBREVIATIONS - {"m"}:
                    denom, dlen = L.UNIT_ABBREVIATIONS[am.group(0)], am.end()
        if denom is None or "/" in denom:
            return
        if not amt.unit:
            return
        amt.unit = f"{amt.unit} / {denom}"
        amt.surface_unit = f"{amt.surface_unit} {text[p:q + dlen].strip()}".strip()
        amt.end = q + dlen

    def _quantulum_unit(self, amt: _Amount, token: str) -> tuple[str, str] | None:
        """Ask quantulum3 about an unknown unit token, on its sentence. Lazy: imports on first call."""
        if not token or len(token) > 12:
            return None
        s, e = self.sentence_bounds(amt.start)
        if e - s > 2000:
            return None
        try:
            from numlint.units import is_valid_unit

            parsed = _quantulum_parse(self.text[s:e])
        except Exception:
            return None
        rel = amt.raw_end - s
        for q in parsed:
            try:
                qs, qe = q.span
                if not (qs <= rel - 1 < qe):
                    continue
                name = q.unit.name
                entity = q.unit.entity.name
                # "unknown" is quantulum3's entity for compound units ("ampere per square centimetre"):
                # accepted when pint can read the name; its known false units never are
                if entity == "dimensionless" or name in _QUANTULUM_FALSE_UNITS:
                    return None
                pint_name = _quantulum_to_pint(name)
                if pint_name and is_valid_unit(pint_name):
                    return pint_name, token
            except Exception:
                continue
        return None

    # -- ranges -------------------------------------------------------------------------------------
    def _read_range(self, mention: _Mention, between: bool, from_range: bool) -> None:
        text = self.text
        a = mention.low
        p = a.end
        win = text[p:p + 12]
        m = _RANGE_SEP_RE.match(win)
        if not m:
            return
        sep = m.group(0).strip().lower()
        if sep in ("and",) and not between:
            return
        if sep == "to" and not (between or from_range) and (a.unit or a.currency) and _change_before(
                self.text[max(0, a.start - _WINDOW):a.start]) and not self._similar_size(a, b_preview(self, p + m.end())):
            return  # "increased by $43.6 billion to $419.2 billion": a change, then the new level
            # (but "dropped by 1 to 1.5 degrees" is a range of the change)
        if sep == "through" and not between:
            return
        if sep == "up to" and not from_range:
            return  # only "from 450 sq ft up to 900 sq ft" is a range; "5% up to 2020" is not
        from_change = sep in ("to", "-to", "to-") and bool(mention.extra.get("from_change"))
        q = p + m.end()
        # the second end: a digit core or a spelled number, possibly with its own currency prefix
        cur = _CURRENCY_PREFIX_START_RE.match(text, q)
        numpos = cur.end() if cur else q
        dm = _DIGIT_CORE.match(text, numpos)
        typ = "d"
        if dm:
            core_end = dm.end()
        else:
            sm = _SPELLED_CORE.match(text, numpos)
            if not sm or not a.spelled:
                return
            core_end = sm.end()
            typ = "w"
        if m.group(0) in (" -", " –") and numpos == q:
            return  # "Stoxx 50 -1.3%": a minus sign, not a range
        if sep == "to" and a.integer_shape and 1000 <= a.number <= 2150 and not a.unit and a.scale is None and not a.currency:
            # "in 2018 to 3.9 million": a year, then a new quantity
            bm = _rx(r"[\d,.]+\s?(?:[a-zA-Z%$£€]|per)").match(text[numpos:numpos + 30])
            if bm and typ == "d" and not between:
                return
        try:
            b = self._read_amount(numpos, core_end, typ, in_range=True)
        except _Skip:
            return
        if b is None:
            return
        if typ == "d" and cur and cur.end() and b.currency is None:
            return
        if a.currency and b.currency is None and b.unit == "" and sep in ("-", "–", "—", "to"):
            b.currency = a.currency
        # year ranges and scores are not quantity ranges
        if a.integer_shape and b.integer_shape and not a.currency and not a.unit and not b.unit and a.scale is None and b.scale is None:
            if 1000 <= a.number <= 2150 and (1000 <= b.number <= 2150 or (sep in ("-", "–", "/") and 0 <= b.number <= 99 and len(text[b.start:b.raw_end]) == 2)):
                raise _Skip(b.end)
            if sep in ("-", "–", "—") and (b.number < a.number or _SPORT_CUES.search(text[max(0, a.start - 40):b.end + 30])):
                raise _Skip(b.end)  # a score: "won 3-1", "a 9-2 lead"
        # units must agree; one side may carry it for both ("20-30%", "3,000 to 5,000 troops")
        if a.unit and b.unit and a.unit != b.unit:
            if not (a.kind == b.kind == "money" and a.unit.split(" /")[0] == b.unit.split(" /")[0]):
                return
            if "/" in b.unit and "/" not in a.unit:  # "between $62 and $68 per share"
                a.unit = b.unit
        if a.kind == "ratio" or b.kind == "ratio":
            return
        if not a.unit and b.unit:
            a.unit, a.kind, a.currency = b.unit, b.kind, b.currency
            if not a.surface_unit:
                a.surface_unit = b.surface_unit
        elif a.unit and not b.unit:
            if sep in ("to", "and") and not (between or from_range) and a.kind in ("percent", "money", "measure"):
                return  # "5% to 1,000 workers": not a range
            b.unit, b.kind, b.currency, b.surface_unit = a.unit, a.kind, a.currency, a.surface_unit
        if a.scale is None and b.scale is not None and abs(a.number) < 1000 and (a.number <= b.number or from_change):
            # "$10 to $15 billion": the scale word applies to both ends ("$800,000 to $1.3 million",
            # "$200 to $4 million" not)
            a.scale, a.multiplier = b.scale, b.multiplier
        elif a.spelled and b.spelled and b.multiplier == 1.0 and a.number < 1000:
            # "four to five thousand": the last big word of the second end applies to the first
            bw = _rx(r"(?i)(thousand|million|billion|trillion)\s*$").search(text[b.start:b.raw_end])
            if bw and not _rx(r"(?i)(thousand|million|billion|trillion|hundred)").search(text[a.start:a.raw_end]):
                a.number *= L.BIG_WORDS[bw.group(1).lower()]
        if sep in ("and",) and a.integer_shape and 1000 <= a.number <= 2150 and not a.unit:
            raise _Skip(b.end)
        if from_change:
            return  # "rose from 13.5 to 14 mm": two values (the first took the unit and scale above)
        mention.high = b
        mention.end = b.end

    @staticmethod
    def _similar_size(a: _Amount, b_value: float | None) -> bool:
        """"cut profits by $3.8m to $4.9m" (a range of the cut: ends of similar size) versus
        "increased by $43.6bn to $419.2bn" (a change, then the much larger new level)."""
        return b_value is not None and a.value > 0 and b_value <= 2 * a.value

    def _read_or(self, mention: _Mention) -> None:
        """"eight or nine euros": the first number takes the unit written after the second."""
        a = mention.low
        if mention.high is not None or a.unit:
            return
        text = self.text
        m = _OR_RE.match(text, a.end)
        if not m:
            return
        q = m.end()
        cur = _CURRENCY_PREFIX_START_RE.match(text, q)
        if cur:
            q = cur.end()
        dm = _DIGIT_CORE.match(text, q)
        sm = None if dm else _SPELLED_CORE.match(text, q)
        core = dm or sm
        if not core:
            return
        try:
            b = self._read_amount(q, core.end(), "d" if dm else "w", in_range=True)
        except _Skip:
            return
        if b is None or not b.unit:
            return
        a.unit, a.kind, a.currency, a.surface_unit = b.unit, b.kind, b.currency, b.surface_unit
        mention.extra["metric_from"] = b.end

    def _read_age(self, mention: _Mention, left: str) -> None:
        """Ages without a unit: "Senard, 65, said", "aged 25", "aged 18 to 34" -> unit year, metric age."""
        a = mention.low
        if a.unit or a.currency or a.scale or a.spelled and not _rx(r"(?i)\baged?\s$").search(left):
            return
        text = self.text
        after = text[mention.end:mention.end + 3]
        is_age = False
        if _rx(r"(?i)\baged?\s$").search(left):
            is_age = True
        elif a.integer_shape and 1 <= a.number <= 120 and mention.high is None and after[:1] == "," and \
                _rx(r"[A-Z][a-z]+,\s$").search(left):
            is_age = True  # "Maddon, 66, has"
        if not is_age:
            return
        for amt in (mention.low, mention.high):
            if amt is not None and not amt.unit:
                amt.unit, amt.kind, amt.surface_unit = "year", "measure", ""
        mention.metric = "age"
        mention.extra["age"] = True

    # -- non-quantities -------------------------------------------------------------------------------
    def _filter_non_quantities(self, mention: _Mention, left: str, between: bool) -> None:
        text = self.text
        a = mention.low
        bare = not a.unit and a.scale is None and not a.currency and a.kind == "count"
        after = text[mention.end:mention.end + 30]
        end = mention.end
        if not a.spelled:
            if _TIME_AFTER_RE.match(text, a.raw_end) and bare:
                raise _Skip(end)
            if _COORD_AFTER_RE.match(text, a.raw_end):
                raise _Skip(end)
            # dates: "March 2019", "March 29", "Oct. 31", "29 March", "Monday 5"
            if bare and (_MONTH_BEFORE_RE.search(left[-14:]) or _MONTH_AFTER_RE.match(text, a.raw_end)):
                raise _Skip(end)
            # years: "in 2017", "2012-13", "the 2018 World Cup"
            if bare and a.integer_shape and 1000 <= a.number <= 2150 and mention.high is None:
                prev_word = (re.findall(r"[A-Za-z\-]+|[,(–—-]", left[-20:]) or [""])[-1].lower()
                nm = _rx(r"\s([a-z][a-z\-]+)").match(after)
                counted = nm is not None and nm.group(1) not in L.STOP_WORDS and self._looks_plural(nm.group(1))
                apx = _approx_before(left)
                apx_word = left[apx[1]:].strip().lower() if apx else ""
                if apx and apx_word not in ("around", "circa", "c.", "ca.", "before", "after") and \
                        not _rx(r"(?i)\b(?:in|since|by|from|until|of)\s+\S+\s*$").search(left[:apx[1]] + " "):
                    pass  # "about 1000 come from Asia", "more than 2000 people": a count
                elif _rx(r"(?i)\b(?:average|total|sum|tally|maximum|minimum|peak|estimated|record)\sof\s$").search(left[-20:]):
                    pass  # "an average of 1500", "a total of 2000": a count, not a year
                elif not counted or prev_word in _YEAR_STRONG_CUES:
                    raise _Skip(end)
            # identifiers: a number right after a capitalised name ("Boeing 747", "S&P 500",
            # "Section 427 Row 21"), or a lower-case id word ("page 5", "game 6", "number 10")
            if bare and mention.high is None or (bare and mention.high is not None and not mention.high.unit):
                if left.endswith("(") and after.startswith(")"):
                    raise _Skip(end)  # "Dak Prescott (4)": a shirt number, a footnote
                # "the 90049 ZIP Code", "Boeing's 787 Dreamliner starting": a number followed by a
                # capitalised name and then nothing counted is a name's number
                cm_ = _rx(r"\s((?:[A-Z][A-Za-z\-]*\s?){1,3})(?=([^A-Za-z0-9]|\s?[a-z][a-z\-]*))").match(after)
                # (a number with decimals is a measurement, not a name's number: "0.5 WAR", ".534 FG")
                # (nor is a comma-grouped one: "delivered 63,150 Model 3s")
                if cm_ and a.decimals == 0 and "," not in text[a.num_start:a.raw_end] and not self._sentence_initial(mention.end + 1):
                    tail = cm_.group(2).strip().lower()
                    caps = cm_.group(1).split()
                    if (not tail or not tail[0].isalpha() or (tail in L.STOP_WORDS and tail not in ("and", "or"))
                            or tail.endswith("ing")) and caps[0].lower() not in L.STOP_WORDS and \
                            caps[0] not in L.MONTHS and not self._looks_plural(caps[-1]):
                        raise _Skip(end)
                pm = _rx(r"([A-Za-z][A-Za-z&.\-']*)\s$").search(left[-30:])
                if pm:
                    word = pm.group(1)
                    lw = word.lower().rstrip(".")
                    if lw in _ID_CUES or lw + "." in _ID_CUES:
                        raise _Skip(end)
                    if (word[0].isupper() or any(c.isupper() for c in word[1:])) and lw not in L.STOP_WORDS and lw not in _APPROX_WORDS and \
                            lw not in _CHANGE_WORDS and not self._sentence_initial(mention.start - len(word) - 1):
                        raise _Skip(end)
                    if "&" in word:
                        raise _Skip(end)
        else:
            if bare and _MONTH_AFTER_RE.match(text, a.raw_end):
                raise _Skip(end)

    def _sentence_initial(self, pos: int) -> bool:
        """Whether only spaces/quotes/brackets stand between the sentence start and ``pos``."""
        if pos < 0 or self.text[pos] == "\n":
            return True
        s, _ = self.sentence_bounds(max(pos, 0))
        if pos + 1 - s > 12:  # bounded: a long prefix cannot be all quotes and spaces
            return False
        return _rx(r"[\s\"“‘'(]*").fullmatch(self.text[s:pos + 1]) is not None

    # -- metric and base ------------------------------------------------------------------------------
    def _read_metric(self, mention: _Mention, lead: str, after: str) -> None:
        text = self.text
        a = mention.high or mention.low
        kind = a.kind
        start_after = mention.extra.get("metric_from", mention.end)
        after = text[start_after:start_after + _WINDOW]
        if kind in ("percent", "ratio") or (mention.low.kind in ("percent", "ratio")):
            bm = _rx(r"\s(?:of|in)\s").match(after)
            if bm and (bm.group(0).strip() == "of"):
                mention.base = self._noun_phrase(after[bm.end():], allow_caps=True, skip_possessive=True)
        if not mention.extra.get("change_after"):  # "a 5% rise": the noun after is the change, not a metric
            if not _rx(r"\s(?:of|in)\s").match(after) or kind == "count":
                np_ = self._noun_phrase(after, allow_caps=(kind == "count"), skip_leading_caps=True)
                if np_ and kind == "percent" and np_ in ("point", "points"):
                    np_ = None
                if np_:
                    mention.metric = np_
            if kind == "count" and mention.metric is None:
                # "thousands of troops", "one of the people" -> NP after "of"
                om = _rx(r"\sof\s").match(after)
                if om and mention.low.vague_high is not None:
                    mention.metric = self._noun_phrase(after[om.end():], allow_caps=True, skip_possessive=True)
        if mention.metric is None and kind in ("money", "percent", "measure", "count"):
            vs_after = _rx(r"\s(?:vs\.?|versus)\s").match(text[mention.end:mention.end + 10]) is not None
            mention.metric = self._metric_before(lead, self._lead_start(mention, lead), vs_after)

    def _noun_phrase(self, s: str, allow_caps: bool = False, skip_leading_caps: bool = False,
                     skip_possessive: bool = False) -> str | None:
        """The head noun (with at most one modifier) at the start of ``s``, lower-case, or None."""
        words: list[str] = []
        nl = s.find("\n", 0, 120)  # a noun phrase never runs onto the next line (wire tables)
        for m in _rx(r"[ \t]*([A-Za-z][A-Za-z\-]*(?:['’]s)?)|[ \t]*([^\sA-Za-z]+)").finditer(s[:120] if nl < 0 else s[:nl]):
            if m.group(2) is not None:
                break
            w = m.group(1)
            lw = w.lower()
            if skip_possessive and w.endswith(("'s", "’s")):
                words = []  # "North Korea's GDP": the possessor is not the base
                continue
            if w.endswith(("'s", "’s")):
                break
            if not words and lw in _POSSESSIVE_DETS and skip_possessive:
                continue
            if w[0].isupper():
                if skip_leading_caps and not words and not allow_caps:
                    continue
                if skip_leading_caps and not words:
                    # capitalised modifiers ("North Korean troops") before a lower-case head
                    nxt = s[m.end():m.end() + 40]
                    if _rx(r"\s+(?:[A-Z][A-Za-z\-]*\s+){0,2}[a-z]").match(nxt):
                        nxt_word = _rx(r"\s+(?:[A-Z][A-Za-z\-]*\s+){0,2}([a-z][a-z\-]*)").match(nxt)
                        if nxt_word and nxt_word.group(1) not in L.STOP_WORDS:
                            continue
                if not allow_caps:
                    break
            if lw in L.STOP_WORDS or lw in _APPROX_WORDS or lw in _CHANGE_WORDS:
                break
            if lw.endswith("ly") and len(lw) > 4:
                break
            if words and lw.endswith("ed") and len(lw) > 4:
                break
            if not words and lw.endswith("ed") and len(lw) > 4:
                # "3,000 given by" / "10,000 armed troops": a participle is a modifier only before a noun
                nm = _rx(r"\s+([a-z][a-z\-]*)").match(s[m.end():])
                if not nm or nm.group(1) in L.STOP_WORDS:
                    break
            if lw in ("given", "taken", "seen", "known", "shown", "held", "made", "paid", "sold", "left"):
                break
            words.append(lw)
            if self._looks_plural(lw) and len(words) >= 1:
                break
            if len(words) >= 3:
                break
        if not words:
            return None
        if words[-1] in _UP or words[-1] in _DOWN:
            return None
        if len(words[-1]) < 3 and words[-1] not in ("gdp",):
            return None
        return " ".join(words[-2:])

    def _metric_before(self, lead: str, lead_start: int = -1, vs_after: bool = False) -> str | None:
        """"profits of £5m", "unemployment rose 5%", "the rate was 5%": the noun before a link word."""
        cut = max(0, len(lead) - 60, lead.rfind("\n") + 1)  # bounded, and never from the line above
        lead_start += cut
        lead = lead[cut:]
        found = _words_before_link(lead)
        if found is None:
            if not vs_after:
                return None
            # wire style, at the start of a sentence: "Net profit 1.5 mln dlrs vs 1.2 mln dlrs"
            found = _words_before_link(lead, need_link=False)
            if not found or lead_start < 0 or not self._sentence_initial(lead_start + found[0] - 1) or not vs_after:
                return None
        w1_start, w1, w2 = found
        words = [w for w in (w1, w2) if w]
        words = [w.lower() for w in words]
        if words[0] in L.SCALE_WORDS or words[0] in L.BIG_WORDS:
            words = words[1:]  # "3.5 million cars fell 2%" -> "cars"
            if not words:
                return None
        if any(w in L.STOP_WORDS or w in L.NOT_METRIC_BEFORE_OF or w in _APPROX_WORDS for w in words[-1:]):
            return None
        cap_ok = lead_start >= 0 and self._sentence_initial(lead_start + w1_start - 1)
        if words and (words[0] in L.STOP_WORDS or words[0] in _POSSESSIVE_DETS or (w1[0].isupper() and not cap_ok)):
            words = words[1:]
        if not words or len(words[-1]) < 3:
            return None
        if any(w in L.CURRENCY_WORDS or w in L.UNIT_WORDS or w in L.PERCENT_WORDS for w in words):
            return None  # "up 19 cents at $58.24": the unit of another quantity is not a metric
        if words[-1] in _UP or words[-1] in _DOWN or words[-1] in L.NOT_METRIC_BEFORE_OF:
            return None
        return " ".join(words)

    def _lead_start(self, mention: _Mention, lead: str) -> int:
        """Offset in the text where ``lead`` (a prefix of the left window) begins."""
        return max(0, mention.low.start - _LEFT)

    def _inherit_metrics(self, mentions: list[_Mention]) -> None:
        """Also: "fell 120 points, or 1.2%": the restatement after ", or" shares the change.
        "10,000 troops ... up from the estimate of 3,000": a bare number in a comparison with an
        earlier quantity of the same unit in the same sentence takes that quantity's metric."""
        for i, m in enumerate(mentions):
            if i and m.change is None and mentions[i - 1].change is not None and \
                    _rx(r"(?:\s[a-z]+){0,2},?\s(?:or|and)\s(?:by\s)?(?:about\s|some\s|nearly\s)?").fullmatch(self.text[mentions[i - 1].end:m.start]):
                m.change = mentions[i - 1].change
            for j in range(i - 1, max(-1, i - 4), -1):  # the nearest earlier figure with a unit
                if mentions[j].low.unit:
                    if self._inherit_unit(mentions[j], m):
                        break
            if i + 1 < len(mentions):
                self._inherit_unit_of_whole(m, mentions[i + 1])
            if m.metric is not None:
                continue
            s, _ = self.sentence_bounds(m.start)
            for j in range(i - 1, max(-1, i - 9), -1):  # the last few mentions only: bounded work
                prev = mentions[j]
                if prev.start < s:
                    break
                if prev.metric is None or prev.low.unit != m.low.unit or prev.low.kind != m.low.kind:
                    continue
                between = self.text[prev.end:m.start]
                if re.search(r"(?i)\b(?:from|vs\.?|versus|compared|against|than|previous|previously|earlier|"
                             r"estimate|instead|before|after|up|down|to|or|and)\b", between) and len(between) < 200:
                    m.metric = prev.metric
                break

    def _inherit_unit_of_whole(self, m: _Mention, whole: _Mention) -> None:
        """A part written before its whole shares the whole's unit: "raised 280 million of the 1.5
        billion shekels", "cleared 40 of the 120 km" (the part must not be larger than the whole)."""
        a, w = m.low, (whole.high or whole.low)
        if a.unit or a.kind != "count" or m.high is not None or not w.unit or w.kind not in ("money", "measure"):
            return
        if not _rx(r"\s+of\s+(?:the|a|an|its|their|his|her|our|this|that)\s+").fullmatch(self.text, m.end, whole.start):
            return
        if not (0 < a.value <= w.value):
            return
        a.unit, a.kind, a.currency = w.unit, w.kind, w.currency

    def _inherit_unit(self, prev: _Mention, m: _Mention) -> bool | None:
        """Unit ellipsis: news writes the unit once and leaves it off a compared figure of the same
        size: "84.75 cents, while the lowest is 74.07", "from 208 pounds to 193", "204 hp ... the old
        model's 212", "2,435,000 yen for the manual and 2,380,000 for the CVT". A bare number (no
        unit, no counted noun after it) takes the unit of the mention right before it in the same
        sentence when a comparison word links them and the two are of similar size (within 3x).
        "rose 5% to 1,500" (sizes far apart) and "10-year ... 5" (a hyphenated adjective) do not."""
        a, pa = m.low, prev.low
        if a.unit or a.kind != "count" or a.scale or not pa.unit or pa.kind not in ("money", "measure", "percent"):
            return
        if m.high is not None and m.high.unit or prev.extra.get("age") or prev.metric == "age":
            return
        if pa.kind == "percent" and prev.change is not None:
            return  # "rose 8.15% to 3.65": the change is in percent, the level after it is a price
        text = self.text
        last = prev.high or pa  # for a range ("14-18 mpg") the unit is written after its second end
        if text[last.raw_end:last.raw_end + 1] == "-" or text[m.end:m.end + 1] == "-":
            return  # "a 10-year bond", "5-"
        between = text[prev.end:m.start]
        if len(between) > 100 or "\n" in between or _SENT_END_RE.search(between):
            return
        if not _rx(r"(?i)\b(?:from|to|vs\.?|versus|compared|against|than|while|whereas|but|and|or|"
                   r"previous|previously|earlier|estimate|lowest|highest|before)\b").search(between):
            return
        nw = _rx(r"\s?([A-Za-z][A-Za-z\-']*)|\s?[.,;:()!?]|\s*$").match(text, m.end)
        if nw is None or (nw.group(1) and nw.group(1).lower() not in L.STOP_WORDS and
                          nw.group(1).lower() not in ("combined", "overall", "apiece", "each")):
            return  # something is counted after it: "2,000 troops"
        pv = prev.high.value if prev.high is not None else pa.value
        v = m.high.value if m.high is not None else a.value
        if not pv or not v or not (1 / 3 <= abs(v) / abs(pv) <= 3):
            return
        for amt in (m.low, m.high):
            if amt is not None:
                amt.unit, amt.kind, amt.currency = pa.unit, pa.kind, pa.currency
        m.extra["unit_from"] = prev.start
        return True

    # -- output --------------------------------------------------------------------------------------
    def _to_quantity(self, m: _Mention) -> Quantity:
        a, b = m.low, m.high
        unit = a.unit if a.kind != "ratio" else ""
        kind = a.kind
        if b is not None:
            lo, hi = a.value, b.value
            if lo > hi:
                lo, hi = hi, lo
            value = None
        else:
            lo = hi = None
            value = a.value
        metric = m.metric
        if getattr(a, "extra_age", False) or m.extra.get("age") or _AGE_SURFACE_RE.search(a.surface_unit):
            metric = "age"  # "a 12-year-old boy": what the number measures is the boy's age
        decimals = max(a.decimals, b.decimals if b else 0)
        scale = a.scale or (b.scale if b else None)
        mult = a.multiplier if a.scale else (b.multiplier if b and b.scale else 1.0)
        return Quantity(
            text=self.text[m.start:m.end], start=m.start, end=m.end, value=_clean(value), low=_clean(lo),
            high=_clean(hi), unit=unit, surface_unit=a.surface_unit or (b.surface_unit if b else ""),
            kind=kind, approx=m.approx, change=m.change, metric=metric, base=m.base, scale=scale,
            multiplier=mult, decimals=decimals, spelled=a.spelled,
        )


_APPROX_WORDS = {w for w in L.APPROXIMATORS if " " not in w}
_CHANGE_VERB_SET = {w.lower() for w in L.CHANGE_UP_BEFORE + L.CHANGE_DOWN_BEFORE}
_CHANGE_NOUN_SET = {w.lower() for w in L.CHANGE_UP_NOUNS + L.CHANGE_DOWN_NOUNS}
_RAISE_WORDS = {"raised", "raises", "raise", "raising"}
_TOKEN_SPAN_RE = re.compile(r"\S+")
_APPROX_LAST_WORDS = {w.split()[-1] for w in L.APPROXIMATORS}
_APPROX_SYMBOL_CHARS = frozenset("<>=≤≥~≈")
_APPROX_SYMBOLS = (("<=", "<="), (">=", ">="), ("≤", "<="), ("≥", ">="), ("~", "~"), ("≈", "~"), ("<", "<"), (">", ">"))


_LINK_WORDS = {"of", "at", "was", "were", "is", "are", "totalled", "totaled", "totaling", "totalling", "reached",
               "hit", "worth"} | _CHANGE_VERB_SET
_LINK_LAST = _LINK_WORDS | {"by", "to", "of", "at", "just", "only"}
_W1_RE = re.compile(r"[A-Za-z][a-z\-]*")
_W2_RE = re.compile(r"[a-z][a-z\-]*")


def _words_before_link(lead: str, need_link: bool = True) -> tuple[int, str, str | None] | None:
    """For "profits of ", "the rate was ", "unemployment rose by ": (offset of the first word, first
    word, second word or None) of the one or two words right before the link word; None when the
    lead does not end that way. With ``need_link=False`` the words end the lead ("Net profit ")."""
    if not lead or not lead[-1].isspace():
        return None
    if need_link:
        last = lead[-20:].rsplit(None, 1)[-1:]
        if not last or last[0].lower() not in _LINK_LAST:
            return None  # fast exit
    tail = lead[-60:]
    base = len(lead) - len(tail)
    spans = [(m.start(), m.group(0)) for m in _TOKEN_SPAN_RE.finditer(tail)][-7:]
    low = [t.lower() for _, t in spans]
    i = len(spans)
    if need_link:
        if i and low[i - 1] in ("just", "only"):
            i -= 1
        if i >= 2 and low[i - 1] in ("by", "to", "of", "at") and (low[i - 2] in _LINK_WORDS or low[i - 2:i] == ["stood", "at"]):
            i -= 1
        if i >= 2 and low[i - 2:i] == ["stood", "at"]:
            i -= 2
        elif i and low[i - 1] in _LINK_WORDS:
            i -= 1
        else:
            return None
    if i == 0:
        return None
    one = spans[i - 1][1]
    two = spans[i - 2][1] if i >= 2 else None
    if two is not None and _W1_RE.fullmatch(two) and _W2_RE.fullmatch(one):
        return base + spans[i - 2][0], two, one
    if _W1_RE.fullmatch(one):
        return base + spans[i - 1][0], one, None
    return None


def b_preview(scanner: "_Scanner", pos: int) -> float | None:
    """The value of the amount that starts at ``pos`` (number + scale), without side effects."""
    cur = _CURRENCY_PREFIX_START_RE.match(scanner.text, pos)
    m = _DIGIT_CORE.match(scanner.text, cur.end() if cur else pos)
    if not m:
        return None
    try:
        v = float(m.group(0).translate(_GROUP_SEPS))
    except ValueError:
        return None
    sm = _SCALE_SPACED.match(scanner.text, m.end()) or _SCALE_GLUED.match(scanner.text, m.end())
    if sm:
        v *= L.SCALE_WORDS.get(sm.group(1), L.SCALE_WORDS.get(sm.group(1).lower(), 1.0))
    return v


_ATHLETICS_WORDS = frozenset("""runner runners race races hurdles relay freestyle butterfly backstroke breaststroke
medley sprint sprints sprinter sprinters final finals champion champions record records title titles event events
dash swim swimmer heat heats gold silver bronze medal medallist medalist""".split())


def _ends_with_word(toks: list[str], word: str, optional: tuple[str, ...]) -> bool:
    """Whether the tokens end with ``word``, optionally followed by one or two of ``optional``."""
    if toks and toks[-1] == word:
        return True
    if len(toks) >= 2 and toks[-2] == word and toks[-1] in optional:
        return True
    return len(toks) >= 3 and toks[-3] == word and toks[-2] in ("up",) and toks[-1] in optional


def _tail_tokens(s: str, n: int = 6) -> list[str]:
    """The last ``n`` whitespace-separated tokens of ``s``, lower-case (bounded work)."""
    return [t.lower() for t in s[-70:].split()[-n:]]


def _change_before(lead: str) -> str | None:
    """The change word linked to a number written right after ``lead``: "rose 5%", "fell by 3,000",
    "up 19 cents", "a rise of 5%", "rose by a further 2%", "cut rates by 25 basis points"; or None.
    Word-level checks on the last few tokens instead of a regex search over the window (speed)."""
    if not lead or not lead[-1].isspace():
        return None
    toks = _tail_tokens(lead)
    if toks and toks[-1] == "another":
        toks.pop()
    elif toks[-2:] == ["a", "further"]:
        del toks[-2:]
    by = bool(toks) and toks[-1] == "by"
    if by:
        toks.pop()
    if toks and toks[-1] in _CHANGE_VERB_SET:
        return toks[-1]
    if not by and len(toks) >= 2 and toks[-1] == "of" and toks[-2] in _CHANGE_NOUN_SET:
        return toks[-2]  # "a rise of 5%"
    if by:  # "cut its forecast by 3%": verb, one to three object words, "by"
        for k in (2, 3, 4):
            if len(toks) >= k and (toks[-k] in _CHANGE_VERB_SET or toks[-k] in _RAISE_WORDS):
                if any(t[-1:] in ",.;:" for t in toks[-k:-1]):
                    break
                return toks[-k]
    return None


def _change_gap(before_from: str) -> bool:
    """"rose from", "jumped sharply from": a change verb at most one word before "from"."""
    toks = _tail_tokens(before_from, 2)
    return any(t in _CHANGE_VERB_SET for t in toks)


def _approx_before(lead: str) -> tuple[str, int] | None:
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
        if phrase in L.APPROXIMATORS:
            return L.APPROXIMATORS[phrase], base + spans[-k][0]
        if k == 1 and phrase.lstrip("(\"“") in L.APPROXIMATORS:
            return L.APPROXIMATORS[phrase.lstrip("(\"“")], base + spans[-1][0] + len(phrase) - len(phrase.lstrip("(\"“"))
    return None
# "one" + these is an idiom, not a count of one ("one day", "at one point", "one thing").
_ONE_IDIOMS = frozenset("""day point thing way time side hand another anyone someone stage moment place
occasion off-off of""".split())
_CHANGE_WORDS = {w.lower() for w in L.CHANGE_UP_BEFORE + L.CHANGE_DOWN_BEFORE}


def _clean(v: float | None) -> float | None:
    """Round away float noise from scale multiplication (1.3 * 1e6 = 1300000.0000000002)."""
    if v is None:
        return None
    r = float(f"{v:.12g}")
    return r


def _parse_spelled(raw: str) -> tuple[float | None, int]:
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
    for m in _rx(r"[A-Za-z]+").finditer(raw):
        w = m.group(0).lower()
        if w in ("a", "an"):
            last = "a" if not seen else last
            if seen:
                if _rx(r"(?i)\s+half\b").match(raw[m.end():]):
                    continue
                break
            continue
        if w == "and":
            continue
        if w in L.UNITS_WORDS:
            if last in ("unit", "teen") or (last == "tens" and L.UNITS_WORDS[w] >= 10):
                break
            current += L.UNITS_WORDS[w]
            last = "teen" if L.UNITS_WORDS[w] >= 10 else "unit"
        elif w in L.TENS_WORDS:
            if last in ("unit", "teen", "tens"):
                break
            current += L.TENS_WORDS[w]
            last = "tens"
        elif w == "hundred":
            if last == "hundred":
                break
            current = (current or 1) * 100
            last = "hundred"
        elif w in L.BIG_WORDS:
            if last == "big" and not current:
                # "two hundred thousand million" (2e11, older British usage): scale words in a row multiply
                total *= L.BIG_WORDS[w]
                last_big *= L.BIG_WORDS[w]
                used_by_groups = m.end()
            elif L.BIG_WORDS[w] >= last_big:
                # "one billion and three billion": a scale as large as the last one starts a second
                # number (the other end of a range), it is not added to the first
                return total, used_by_groups
            else:
                total += (current or 1) * L.BIG_WORDS[w]
                current = 0
                last_big = L.BIG_WORDS[w]
                used_by_groups = m.end()
            last = "big"
        elif w == "dozen":
            current = (current or 1) * 12
            last = "dozen"
        elif w in L.FRACTION_WORDS:
            f = L.FRACTION_WORDS[w]
            if w in ("half", "halves") and seen and last != "a" and _rx(r"(?i)and\s+a\s+$").search(raw[:m.start()]):
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


# quantulum3 names for units it finds on ordinary words ("a U.S." -> atomic mass unit, "a time",
# "nbook" -> bit?), never trusted.
_QUANTULUM_FALSE_UNITS = {
    "atomic mass unit", "dalton", "bit", "newton", "cubic centimetre", "percentage", "year", "second",
    "litre", "metre", "ampere", "tesla", "gray", "henry", "pica", "point", "dimensionless",
}
_QUANTULUM_NAME_MAP = {
    "revolutions per minute": "revolution / minute",
    "pound-foot": "foot * force_pound",
    "pound-mass": "pound",
    "per mega british thermal unit": None,
    "megabit per second": "megabit / second",
    "milliampere-hour": "milliampere_hour",
    "kilowatt hour": "kilowatt_hour",
}


def _quantulum_to_pint(name: str) -> str | None:
    """quantulum3's unit name -> a pint expression ("ampere per square centimetre" ->
    "ampere / centimeter ** 2"); the caller checks that pint accepts it."""
    if name in _QUANTULUM_NAME_MAP:
        return _QUANTULUM_NAME_MAP[name]
    parts = []
    for part in name.replace("metre", "meter").replace("litre", "liter").split(" per "):
        part = re.sub(r"^square (\w+)$", r"\1 ** 2", part.strip())
        part = re.sub(r"^cubic (\w+)$", r"\1 ** 3", part)
        parts.append(part if "**" in part else part.replace(" ", "_"))
    return " / ".join(parts)


_QUANTULUM = None


def _quantulum_parse(sentence: str):
    """quantulum3.parser.parse, imported on first use, warnings silenced."""
    global _QUANTULUM
    if _QUANTULUM is None:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            _import_inflect_unchecked()
            from quantulum3 import parser as qparser
        _QUANTULUM = qparser
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _QUANTULUM.parse(sentence)


def _import_inflect_unchecked() -> None:
    """Import inflect (quantulum3 loads it on its first parse) without typeguard's instrumentation.

    inflect >= 7.2 decorates its engine with ``typeguard.typechecked``, which re-parses and recompiles
    the module's source at import: 5-10 s here, paid by the first article that names a unit our
    lexicon does not know (jaraco/inflect#212, agronholm/typeguard#468). Those checks are a
    development aid and are skipped under ``python -O`` anyway; we import inflect as -O would, by
    lending typeguard a pass-through decorator for the length of the import and putting the real one
    back. The import system's lock keeps another thread from importing inflect half-patched.
    """
    import importlib
    import sys

    if "inflect" in sys.modules:
        return
    try:
        import typeguard
    except ImportError:  # an inflect that does not use typeguard
        importlib.import_module("inflect")
        return

    def pass_through(target=None, **_options):
        return target if target is not None else (lambda decorated: decorated)

    real = typeguard.typechecked
    typeguard.typechecked = pass_through
    try:
        importlib.import_module("inflect")
    finally:
        typeguard.typechecked = real
