"""Filters of non-quantities: times, coordinates ("38° N"), dates, years ("in 2017", "World War II"
has no digits; "the 2018 World Cup" has), identifiers after a name ("Boeing 747", "a U.S. strike"
after "U.S." is a name's number only when nothing is counted) and phone numbers.

Each rule raises ``Skip``; the cue words are in ``numlint.lang.cues`` and ``numlint.lang.dates``.
"""

from __future__ import annotations

import re

from numlint.extract.modifiers import approx_before
from numlint.extract.source import Mention, Skip, Source, alt, rx
from numlint.lang.change import APPROX_WORDS, CHANGE_VERBS
from numlint.lang.cues import CLOCK_WORDS, ID_CUES, TIME_ZONES, YEAR_CUES
from numlint.lang.dates import MONTHS, WEEKDAYS
from numlint.lang.inflection import looks_plural
from numlint.lang.lazyre import LazyPattern
from numlint.lang.makers import (
    AIRCRAFT_MAKERS,
    AIRCRAFT_NOUNS,
    AVIATION_WORDS,
    BOEING_MODELS,
    MODEL_NUMBER,
    MODEL_SUFFIXES,
)
from numlint.lang.sentences import POINTED_ABBREVIATION
from numlint.lang.stopwords import STOP_WORDS

_TIME_AFTER_RE = re.compile(r"(?::\d\d|\s?" + alt(CLOCK_WORDS + TIME_ZONES) + r"(?![A-Za-z])|\s?o['’]clock)")
_COORD_AFTER_RE = re.compile(r"\s?[°º]\s?[NSEW](?![A-Za-z])|\s?[°º]\s?\d+\s?['′]")
_MONTH_BEFORE_RE = re.compile(r"(?:" + "|".join(MONTHS + WEEKDAYS) + r")\.?,?\s$")
_MONTH_AFTER_RE = LazyPattern(r"(?:st|nd|rd|th)?(?:\sof)?\s(?:" + "|".join(MONTHS) + r")(?![a-z])")
PHONE_RE = re.compile(r"\+\d{1,3}[\s-]?\(?\d{1,4}\)?(?:[\s-]\d{2,4}){2,4}|\(?\b\d{3,5}\)?[\s-]\d{3,4}[\s-]\d{3,4}\b")
# "between March 5 and 23", "from May 3 to 7", "March 5-23": the second day of a span of dates
_MONTH_DAY_BEFORE_RE = LazyPattern(r"\b(?:" + "|".join(MONTHS) + r")\.?\s\d{1,2}(?:st|nd|rd|th)?"
                                   r"\s?(?:-|–|and|to|through|thru|until|till|or)\s?$")
# After a name, a model number and then what is counted: "12 Boeing 747 jets", "20 Boeing 747-400
# jumbo jets", "63000 Model 3 sedans", "two Boeing 777s"
_MODEL_THEN_NOUN_RE = LazyPattern(r"\s?" + MODEL_NUMBER + r"(s\b|[a-z]{0,4}(?:\s(?:[A-Z][a-z]+\s)?"
                                  r"[a-z][a-z\-]+(?:\s[a-z][a-z\-]+)?)?)")
_WORD_AFTER_RE = LazyPattern(r"(?:-\d|[ \t]?([A-Za-z]+))")
_MODEL_LIST_RE = LazyPattern(r"\s?(?:,|and|or|&)\s?(\d{3})(?!\d)")
_WORDS_RE = LazyPattern(r"[A-Za-z]+")
_COUNT_BEFORE_OF = LazyPattern(r"(?i)\b(?:average|total|sum|tally|maximum|minimum|peak|estimated|record)\sof\s$")


# "per 100,000 people": the number after "per" is the denominator of a rate.
_PER_BEFORE = LazyPattern(r"\bper\s+$", re.I)
# A capitalised name of one to three words after a number, and what follows it ("Boeing 747 jets",
# "the 90049 ZIP Code"); "U.S." is one capitalised word ("40 U.S. firms" counts firms).
_NAME_AFTER = LazyPattern(rf"\s((?:{POINTED_ABBREVIATION}\s?|[A-Z][A-Za-z\-]*\s?){{1,3}})"
                          r"(?=([^A-Za-z0-9]|\s?[a-z][a-z\-]*))")


def filter_non_quantities(src: Source, mention: Mention, left: str, between: bool) -> None:
    """Raise Skip when the mention is no quantity: a time, a coordinate, a date, a year, an identifier."""
    text = src.text
    a = mention.low
    bare = not a.unit and a.scale is None and not a.currency and a.kind == "count"
    after = text[mention.end:mention.end + 30]
    end = mention.end
    if left[-5:].lower() == "<sup>" and text[end:end + 6].lower() == "</sup>":
        raise Skip(end)   # "&pound;5m<sup>1</sup>": a footnote mark in pasted HTML
    if bare and mention.high is None and _PER_BEFORE.search(left[-6:]):
        raise Skip(end)   # "45 cases per 100,000 people": the denominator of a rate, not a figure
    if left.endswith("[") and len(left) > 1 and not left[-2].isspace() and text.startswith("]", end) \
            and a.integer_shape and mention.high is None:
        raise Skip(end)   # "£2.3bn in profit.[2]", "a margin of 8.2%[1]": a note mark glued to the text
    if not a.spelled:
        if _TIME_AFTER_RE.match(text, a.raw_end) and bare:
            raise Skip(end)
        if _COORD_AFTER_RE.match(text, a.raw_end):
            raise Skip(end)
        # dates: "March 2019", "March 29", "Oct. 31", "29 March", "Monday 5"
        if bare and (_MONTH_BEFORE_RE.search(left[-14:]) or _MONTH_AFTER_RE.match(text, a.raw_end)
                     or (mention.high is not None and _MONTH_AFTER_RE.match(text, mention.high.raw_end))):
            raise Skip(end)   # (and a span of days: "11-12 March", "between 3 and 5 April")
        if bare and a.integer_shape and a.number <= 31 and _MONTH_DAY_BEFORE_RE.search(left[-24:]):
            raise Skip(end)   # "between March 5 and 23": the day that ends a span of dates
        if bare and mention.high is None and _is_aircraft_model(src, mention, left):
            raise Skip(end)
        # years: "in 2017", "2012-13", "the 2018 World Cup"
        if bare and a.integer_shape and 1000 <= a.number <= 2150 and mention.high is None:
            prev_word = (re.findall(r"[A-Za-z\-]+|[,(–—-]", left[-20:]) or [""])[-1].lower()
            counted = _counted_after(text, end)
            apx = approx_before(left)
            apx_word = left[apx[1]:].strip().lower() if apx else ""
            if apx and apx_word not in ("around", "circa", "c.", "ca.", "before", "after") and \
                    not rx(r"(?i)\b(?:in|since|by|from|until|of)\s+\S+\s*$").search(left[:apx[1]] + " "):
                pass  # "about 1000 come from Asia", "more than 2000 people": a count
            elif _COUNT_BEFORE_OF.search(left[-20:]):
                pass  # "an average of 1500", "a total of 2000": a count, not a year
            elif not counted or prev_word in YEAR_CUES:
                raise Skip(end)
        # identifiers: a number right after a capitalised name ("Boeing 747", "S&P 500",
        # "Section 427 Row 21"), or a lower-case id word ("page 5", "game 6", "number 10")
        if bare and mention.high is None or (bare and mention.high is not None and not mention.high.unit):
            if left.endswith("(") and after.startswith(")"):
                raise Skip(end)  # "Dak Prescott (4)": a shirt number, a footnote
            # "the 90049 ZIP Code", "Boeing's 787 Dreamliner starting": a number followed by a
            # capitalised name and then nothing counted is a name's number
            cm_ = _NAME_AFTER.match(after)
            # (a number with decimals is a measurement, not a name's number: "0.5 WAR", ".534 FG")
            # (nor is a comma-grouped one: "delivered 63,150 Model 3s")
            if (cm_ and a.decimals == 0 and "," not in text[a.num_start:a.raw_end]
                    and not src.sentence_initial(mention.end + 1)):
                tail = cm_.group(2).strip().lower()
                caps = cm_.group(1).split()
                model = _MODEL_THEN_NOUN_RE.match(text, mention.end + 1 + len(cm_.group(1).rstrip()))
                counted = model is not None and (model.group(1) == "s" or any(
                    looks_plural(w) and w not in STOP_WORDS for w in model.group(1).split()))
                if (not tail or not tail[0].isalpha() or (tail in STOP_WORDS and tail not in ("and", "or"))
                        or tail.endswith("ing")) and caps[0].lower() not in STOP_WORDS and \
                        caps[0] not in MONTHS and not looks_plural(caps[-1]) and not counted:
                    raise Skip(end)
            pm = rx(r"([A-Za-z][A-Za-z&.\-']*)\s$").search(left[-30:])
            if pm:
                word = pm.group(1)
                lw = word.lower().rstrip(".")
                if lw in ID_CUES or lw + "." in ID_CUES or (word in AIRCRAFT_MAKERS and a.integer_shape):
                    raise Skip(end)   # "page 5"; "Boeing 747 jets were grounded", even opening a sentence
                if (word[0].isupper() or any(c.isupper() for c in word[1:])) and lw not in STOP_WORDS and \
                        lw not in APPROX_WORDS and lw not in CHANGE_VERBS and \
                        not (src.sentence_initial(mention.start - len(word) - 2) and _counted_after(text, end)):
                    # (a capitalised word opening its sentence or headline may be no name: "Record
                    # 15,000 runners", "Extra 1,500 nurses" count what follows; "Apollo 11 landed"
                    # does not. The offset is that of the character before the word.)
                    raise Skip(end)
                if "&" in word:
                    raise Skip(end)
    else:
        if bare and _MONTH_AFTER_RE.match(text, a.raw_end):
            raise Skip(end)


def _is_aircraft_model(src: Source, mention: Mention, left: str) -> bool:
    """A Boeing-shaped number (707 to 787) that names the model: before "Max", "Dreamliner", "jumbo" or a
    variant ("747-400"), in a list of such numbers ("747 and 777 aircraft"), or before an aircraft noun
    or after "the" in a sentence about flying ("Orders for the 737 fell" after "Boeing ...")."""
    a = mention.low
    if not a.integer_shape or a.number not in BOEING_MODELS:
        return False
    text = src.text
    nxt = _WORD_AFTER_RE.match(text, a.raw_end)
    word = (nxt.group(1) or "").lower() if nxt else ""
    if nxt and (nxt.group(0).startswith("-") or word in MODEL_SUFFIXES):
        return True
    other = _MODEL_LIST_RE.match(text, a.raw_end)
    if other and int(other.group(1)) in BOEING_MODELS:
        return True
    prev = left.rstrip().rsplit(None, 1)[-1].lower() if left.strip() else ""
    if word in AIRCRAFT_NOUNS or prev in ("the", "its", "their", "a", "an"):
        s, e = src.sentence_bounds(mention.start)
        words = set(_WORDS_RE.findall(text[s:e]))
        return bool(words & AIRCRAFT_MAKERS) or any(w.lower() in AVIATION_WORDS for w in words)
    return False


_NEXT_WORD_RE = LazyPattern(r"\s([a-z][a-z\-]+)")


def _counted_after(text: str, end: int) -> bool:
    """Whether a plural noun follows the figure ending at ``end``: what it counts ("15,000 runners")."""
    m = _NEXT_WORD_RE.match(text, end)
    return m is not None and m.group(1) not in STOP_WORDS and looks_plural(m.group(1))
