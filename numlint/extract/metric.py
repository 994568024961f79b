"""The metric reader: what a figure counts ("troops", "profits") and, for a percentage, of what ("GDP").

This is the one place a metric is read; the facts stage, the reporters and the editor server all see
the ``metric`` it puts on each quantity, and the facts stage buckets by its ``metric_key``. Its
interface is plain text and offsets, with no extractor internals. A mention's metric is read in this
order, each step only when the ones before found none:

1. ``read_metric(text, ...)``: the metric and base of one mention, from the words after it (the
   counted noun phrase) or before it ("profits of £5m", "unemployment rose 5%").
2. ``metric_from_earlier(text, ...)``: a bare figure compared with an earlier one of the same unit in
   its sentence takes that figure's metric ("10,000 troops ... up from the estimate of 3,000").
3. ``metric_around(left, right)``: a looser reading of the words on either side ("$3bn of debt",
   "revised the death toll to 212").
4. ``inherit_keyless(...)``: a figure whose metric names nothing of its own (none, or a generic head
   such as "estimate") and that is linked to an earlier figure of its sentence takes that one's.

``metric_key`` is a metric's singular head noun, the bucket the facts stage groups by, and
``metric_modifiers`` the words before the head.

``sentence_initial(pos)`` is passed in: whether only quotes and spaces stand before ``pos`` in its
sentence (a capitalised word there is no name).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable

from numlint.extract.cores import ascii_lower
from numlint.lang.change import APPROX_WORDS, CHANGE_VERBS, DOWN_WORDS, UP_WORDS
from numlint.lang.dates import WEEKDAYS
from numlint.lang.inflection import looks_plural, singular
from numlint.lang.lazyre import LazyPattern
from numlint.lang.makers import MODEL_NUMBER
from numlint.lang.measures import DIMENSION_WORDS, PERCENT_WORDS, UNIT_WORDS
from numlint.lang.money import CURRENCY_WORDS
from numlint.lang.numbers import BIG_WORDS, SCALE_WORDS
from numlint.lang.sentences import POINTED_ABBREVIATION
from numlint.lang.stopwords import (
    ARTICLES,
    COMMON_VERBS,
    GENERIC_HEADS,
    LINKING_WORDS,
    NOT_CONTENT_WORDS,
    NOT_METRIC_BEFORE_OF,
    NOUN_MODIFIERS,
    POSSESSIVE_DETERMINERS,
    STOP_WORDS,
    VERB_ENDING_RE,
)

WINDOW = 80  # characters read after the figure

# whether only quotes and spaces stand before an offset in its sentence
SentenceInitial = Callable[[int], bool]

_LINK_WORDS = {"of", "at", "was", "were", "is", "are", "totalled", "totaled", "totaling", "totalling", "reached",
               "hit", "worth"} | CHANGE_VERBS
_LINK_LAST = _LINK_WORDS | {"by", "to", "of", "at", "from", "just", "only"}
_W1_RE = LazyPattern(r"[A-Za-z][a-z\-]*")
_W2_RE = LazyPattern(r"[a-z][a-z\-]*")
_TOKEN_SPAN_RE = LazyPattern(r"\S+")
_OF_OR_IN_RE = re.compile(r"\s(?:of|in)\s")
_OF_RE = LazyPattern(r"\sof\s")
_ONE_RE = LazyPattern(r"(?:\b[Oo]ne|\b[Aa]n?|(?<![\d.,])1)$")   # a figure of one counts a singular noun
# Endings of adjectives and participles, which modify a noun rather than name what is counted
# ("60 commercial fishermen", "400 charging stations").
_ADJECTIVE_END_RE = LazyPattern(r"(?:ed|ing|al|ic|ive|ous|ful|able|ible|ary|ish|less|ular)$")
# "two of the victims", "three of Smith's aides": the count is of the noun after "of"
_OF_WHOSE_RE = LazyPattern(r"\sof\s+(?:the|his|her|their|its|our|these|those|[A-Z][A-Za-z]*['’]s)\s")
_VS_RE = LazyPattern(r"\s(?:vs\.?|versus)\s")
# a word, an abbreviation written with points ("U.S.", "U.K.") being one, or a run of other characters
_WORD_RE = re.compile(rf"[ \t]*({POINTED_ABBREVIATION}(?![A-Za-z])|[A-Za-z][A-Za-z\-]*(?:['’]s)?)|[ \t]*([^\sA-Za-z]+)")
# Between two figures, these make the second a restatement of the first's metric ("up from 3,000").
_COMPARISON_RE = LazyPattern(r"(?i)\b(?:from|vs\.?|versus|compared|against|than|previous|previously|earlier|"
                             r"estimate|instead|before|after|up|down|to|or|and)\b")
_CAPS_THEN_LOWER_RE = LazyPattern(r"\s+(?:[A-Z][A-Za-z\-]*\s+){0,2}([a-z][a-z\-]*)")  # "North Korean troops"
_NEXT_LOWER_RE = LazyPattern(r"\s+([a-z][a-z\-]*)")
# "12 Boeing 747 jets", "63000 Model 3 sedans", "two Boeing 777s": a name and its model number before
# the counted noun; the whole is what is counted
_MODEL_NOUN_RE = LazyPattern(r"\s+((?:[A-Z][A-Za-z\-]*\s){1,2}" + MODEL_NUMBER + r"[a-z]{0,4})"
                             r"(?:(s)\b|\s+([a-z][a-z\-]+(?:\s[a-z][a-z\-]+)?))")
# "-bedroom house": the noun of a number's compound, before the noun the compound describes
_COMPOUND_RE = LazyPattern(r"-([a-z]{3,})(?=\s+[a-z])")
# after "and": a modifier and the plural head it shares with the modifier before "and"
_COORDINATED_RE = LazyPattern(r"\s+((?:[a-z][a-z\-]*\s+)?[a-z][a-z\-]*)(?![A-Za-z\-])")
# after an adverb: a participle or adjective, then a noun ("newly built homes", "fully vaccinated people")
_ADVERB_MODIFIER_RE = LazyPattern(r"\s+[a-z]+(?:ed|en|ing|t)\s+[a-z][a-z\-]{2,}")
# "$5m worth of shares", "50 years' worth of data": what the figure is the worth of follows "of"
_WORTH_RE = LazyPattern(r"['’]?(?:s\s+|\s+)?worth(?=\s+of\s)|\s+worth(?=\s+of\s)")
# Past participles that end a noun phrase ("3,000 given by"): they never start one.
_PARTICIPLES = ("given", "taken", "seen", "known", "shown", "held", "made", "paid", "sold", "left")


def read_metric(text: str, *, end: int, after_from: int, kind: str, low_kind: str, vague: bool,
                change_after: bool, lead: str, lead_start: int,
                sentence_initial: SentenceInitial) -> tuple[str | None, str | None]:
    """(metric, base) of the figure that ends at ``end``: the noun phrase read from ``after_from``
    (where its unit ends; for "eight or nine euros", after "euros"), else the words before it.

    ``kind`` is the kind of its upper end and ``low_kind`` of its lower end ("percent", "money",
    "count", ...); ``vague`` for "thousands of"; ``change_after`` for "a 5% rise" (the noun after the
    figure is the change, not the metric); ``lead`` the text before the figure, from ``lead_start``."""
    metric = base = None
    after = text[after_from:after_from + WINDOW]
    worth = _WORTH_RE.match(after)
    if worth:
        after = after[worth.end():]
    if kind in ("percent", "ratio") or (low_kind in ("percent", "ratio")):
        bm = _OF_OR_IN_RE.match(after)
        if bm and (bm.group(0).strip() == "of"):
            base = noun_phrase(after[bm.end():], allow_caps=True, skip_possessive=True)
    if not change_after and kind == "count":
        compound = _COMPOUND_RE.match(after)
        word = compound.group(1) if compound else ""
        if compound and not any(word in words for words in (STOP_WORDS, CURRENCY_WORDS, UNIT_WORDS, PERCENT_WORDS,
                                                             SCALE_WORDS)):
            return compound.group(1), None   # "a three-bedroom house", "a 10-point plan": bedrooms, points
        model = _MODEL_NOUN_RE.match(after)
        nouns = model.group(3).split() if model and model.group(3) else []
        if model and (model.group(2) or any(looks_plural(w) and w not in STOP_WORDS for w in nouns)):
            while nouns and not (looks_plural(nouns[-1]) and nouns[-1] not in STOP_WORDS):
                nouns.pop()
            return " ".join([model.group(1).lower() + (model.group(2) or "")] + nouns), None
    if not change_after:
        if not _OF_OR_IN_RE.match(after) or kind == "count":
            one = kind == "count" and _ONE_RE.search(text, max(0, end - 4), end) is not None
            np_ = noun_phrase(after, allow_caps=(kind == "count"), skip_leading_caps=True,
                              count=kind == "count" and not one, one=one)
            if np_ and kind == "percent" and np_ in ("point", "points"):
                np_ = None
            if np_:
                metric = np_
        if kind == "count" and metric is None:
            # "thousands of troops", "one of the people" -> NP after "of"
            om = _OF_RE.match(after)
            if om and (vague or _OF_WHOSE_RE.match(after)):
                metric = noun_phrase(after[om.end():], allow_caps=True, skip_possessive=True)
    if metric is None and kind in ("money", "percent", "measure", "count"):
        vs_after = _VS_RE.match(text[end:end + 10]) is not None
        metric = metric_before(lead, lead_start, vs_after, sentence_initial)
    return metric, base


def noun_phrase(s: str, allow_caps: bool = False, skip_leading_caps: bool = False,
                 skip_possessive: bool = False, count: bool = False, one: bool = False) -> str | None:
    """The head noun (with at most one modifier) at the start of ``s``, lower-case, or None. With
    ``count`` (the noun phrase after a count) a singular noun before another noun is the counted one;
    with ``one`` (after a figure of one) a word in -s after the singular noun is its verb."""
    words: list[str] = []
    skip = 0   # 2: the word after an adverb is its modifier, stepped over
    nl = s.find("\n", 0, 120)  # a noun phrase never runs onto the next line (wire tables)
    for m in _WORD_RE.finditer(s[:120] if nl < 0 else s[:nl]):
        if m.group(2) is not None:
            break
        w = m.group(1)
        lw = w.lower()
        if skip == 2:
            skip = 1
            continue
        if skip_possessive and w.endswith(("'s", "’s")):
            words = []  # "North Korea's GDP": the possessor is not the base
            continue
        if w.endswith(("'s", "’s")):
            break
        if not words and lw in POSSESSIVE_DETERMINERS and skip_possessive:
            continue
        if w[0].isupper():
            if skip_leading_caps and not words and not allow_caps:
                continue
            if skip_leading_caps and not words:
                # capitalised modifiers ("North Korean troops") before a lower-case head
                nxt = s[m.end():m.end() + 40]
                nxt_word = _CAPS_THEN_LOWER_RE.match(nxt)
                if nxt_word and nxt_word.group(1) not in STOP_WORDS:
                    continue
            if not allow_caps:
                break
        if not words and lw == "other":
            continue   # "eight other employees": the employees are counted
        if words and lw in CHANGE_VERBS and lw.endswith("s") and not looks_plural(words[-1]):
            return " ".join(words[-1:] + [lw])   # "2,000 job cuts", "tax rises": a change noun after a noun
        if count and lw in ("and", "or") and words and not looks_plural(words[-1]):
            # "4.3M digital and physical sales", "20 full-time and part-time jobs": two modifiers of one head
            co = _COORDINATED_RE.match(s, m.end())
            if co and co.group(1) not in STOP_WORDS and looks_plural(co.group(1).rsplit(" ", 1)[-1]):
                return " ".join(words + [lw, co.group(1)])
        if lw in STOP_WORDS or lw in APPROX_WORDS or lw in CHANGE_VERBS:
            break
        if lw.endswith("ly") and len(lw) > 4:
            if count and not words and not skip and "-" not in lw and _ADVERB_MODIFIER_RE.match(s, m.end()):
                skip = 2   # "500 newly built homes", "20 decently sized plants": an adverb and its modifier
                continue
            break
        if words and lw.endswith("ed") and len(lw) > 4:
            break
        if not words and lw.endswith("ed") and len(lw) > 4:
            # "3,000 given by" / "10,000 armed troops": a participle is a modifier only before a noun
            nm = _NEXT_LOWER_RE.match(s, m.end())
            if not nm or nm.group(1) in STOP_WORDS:
                break
        if lw in _PARTICIPLES or (not words and (lw in COMMON_VERBS or lw in DIMENSION_WORDS)):
            break   # "the 128GB found in", "three feet wide": a verb or a dimension, not a noun
        words.append(lw)
        if looks_plural(lw) and len(words) >= 1:
            break
        if len(words) >= 3:
            break
    if not words:
        return None
    if words[-1] in UP_WORDS or words[-1] in DOWN_WORDS:
        return None
    if len(words[-1]) < 3 and words[-1] not in ("gdp",):
        return None
    if count and len(words) >= 2 and not any(looks_plural(w) or w.endswith("men") for w in words) \
            and len(words[0]) > 2 and not _ADJECTIVE_END_RE.search(words[0]) and words[0] not in NOUN_MODIFIERS:
        return words[0]   # "a 12 page report", "a 4 cylinder engine": the figure counts the first noun
    if one and len(words) == 2 and looks_plural(words[1]) and not looks_plural(words[0]):
        return words[0]   # "One proposal asks the board": the verb after the noun one counts
    return " ".join(words[-2:])


def metric_before(lead: str, lead_start: int, vs_after: bool, sentence_initial: SentenceInitial) -> str | None:
    """"profits of £5m", "unemployment rose 5%", "the rate was 5%": the noun before a link word.
    ``lead`` is the text before the figure and ``lead_start`` its offset in the text (-1: unknown)."""
    cut = max(0, len(lead) - 60, lead.rfind("\n") + 1)  # bounded, and never from the line above
    lead_start += cut
    lead = lead[cut:]
    found = _words_before_link(lead)
    if found is None:
        if not vs_after:
            return None
        # wire style, at the start of a sentence: "Net profit 1.5 mln dlrs vs 1.2 mln dlrs"
        found = _words_before_link(lead, need_link=False)
        if not found or lead_start < 0 or not sentence_initial(lead_start + found[0] - 1) or not vs_after:
            return None
    w1_start, w1, w2 = found
    if w2 is not None and w1.lower() == "to":
        return None   # "to end at 1,334", "to trade at 132.86": a verb after "to", not a noun
    words = [w for w in (w1, w2) if w]
    words = [w.lower() for w in words]
    if w2 is not None and words[0] in _AUX and VERB_ENDING_RE.search(words[1]):
        return None   # "was flying at 30", "is trading at 132": a verb phrase, no noun
    if w2 is not None and words[1].endswith("ed") and len(words[1]) > 4:
        words = words[:1]   # "the charge stored was 2.5", "the money raised was": the noun before the participle
    if words[-1].endswith("ly") and len(words[-1]) > 4:
        return None   # "is currently at"
    if words[0] in SCALE_WORDS or words[0] in BIG_WORDS:
        words = words[1:]  # "3.5 million cars fell 2%" -> "cars"
        if not words:
            return None
    if any(w in STOP_WORDS or w in NOT_METRIC_BEFORE_OF or w in APPROX_WORDS for w in words[-1:]):
        return None
    cap_ok = lead_start >= 0 and sentence_initial(lead_start + w1_start - 1)
    window = max(0, w1_start - 40)
    one_noun = w2 is None or w1.lower() in POSSESSIVE_DETERMINERS   # "firm", "the firm"
    held = _HELD_BY_RE.search(lead[window:w1_start]) if one_noun else None
    noun = held.group(1) if held else ""
    if held and held.group(2) and (noun.lower() in GENERIC_HEADS or singular(noun.lower()) in GENERIC_HEADS):
        noun = ""   # "the number of cars was 500": the cars are counted
    if noun and not any(noun.lower() in words for words in (STOP_WORDS, NOT_METRIC_BEFORE_OF, UP_WORDS, DOWN_WORDS)) \
            and (noun[0].islower() or sentence_initial(lead_start + window + held.start(1) - 1)):
        # "Profits at the firm rose to £5m", "Unemployment in Scotland fell to 5%", "The population of
        # the city is 50,000": the word before the link is whose the figure is; the noun before the
        # preposition is what it counts.
        return noun.lower()
    if words and (words[0] in STOP_WORDS or words[0] in POSSESSIVE_DETERMINERS or (w1[0].isupper() and not cap_ok)):
        words = words[1:]
    if not words or len(words[-1]) < 3:
        return None
    if any(w in CURRENCY_WORDS or w in UNIT_WORDS or w in PERCENT_WORDS for w in words):
        return None  # "up 19 cents at $58.24": the unit of another quantity is not a metric
    if words[-1] in UP_WORDS or words[-1] in DOWN_WORDS or words[-1] in NOT_METRIC_BEFORE_OF:
        return None
    return " ".join(words)


# "Sales rose 5% and costs rose from 3% to 4%": a clause of its own between the two figures, with its
# own subject before its change verb, says what the second one is
_OWN_CLAUSE_RE = LazyPattern(r"\b(?:and|but|while|whereas)\s+(?:the\s+|its\s+|their\s+)?[a-z][a-z\-]{2,}\s+(?:"
                             + "|".join(sorted(w for w in CHANGE_VERBS if w.isalpha() and w not in ("up", "down")))
                             + r")\b")


def metric_from_earlier(text: str, start: int, sentence_start: int, unit: str, kind: str,
                        earlier: Iterable[tuple[int, int, str | None, str, str]]) -> str | None:
    """The metric a bare figure at ``start`` takes from an earlier one in its sentence: "10,000 troops
    ... up from the estimate of 3,000". ``earlier`` gives (start, end, metric, unit, kind) of the
    figures before it, nearest first; the nearest of the same unit and kind decides, when a
    comparison word stands between the two."""
    for prev_start, prev_end, prev_metric, prev_unit, prev_kind in earlier:
        if prev_start < sentence_start:
            break
        if prev_metric is None or prev_unit != unit or prev_kind != kind:
            continue
        between = text[prev_end:start]
        if _COMPARISON_RE.search(between) and len(between) < 200 and not _OWN_CLAUSE_RE.search(between):
            return prev_metric
        break
    return None


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
        if (i >= 2 and (low[i - 1] in ("by", "to", "of", "at") or (low[i - 1] == "from" and low[i - 2] in CHANGE_VERBS))
                and (low[i - 2] in _LINK_WORDS or low[i - 2:i] == ["stood", "at"])):
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


_ANY_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_OF_NOUN_RE = LazyPattern(r"^\s*of\s+(?:new\s+)?([a-z][a-z\-]+)(?:\s+([a-z][a-z\-]+))?")
# Words after a figure that a looser reading steps over before the noun ("5 mln more cars").
_SKIPPED_BEFORE_NOUN = frozenset({"million", "billion", "thousand", "mln", "bn", "m", "k", "cent", "percent",
                                  "pct", "more", "extra", "additional", "further", "new", "dlrs", "pounds",
                                  "dollars", "euros", "a", "year", "per"})
# "Profits at the ", "Unemployment in ": a noun, then a preposition of place or owner, then a
# determiner or a name, ending where the word before a link verb starts.
# Prepositions, adverbs and verbs that can follow a bare figure and never start its noun ("1,000 come
# from", "132.86 against the dollar", "the 50 previous years").
_NO_NOUN_AFTER = frozenset({"against", "below", "above", "instead", "through", "via", "upon", "despite", "amid",
                            "within", "near", "across", "behind", "beyond", "throughout", "toward", "towards",
                            "come", "comes", "came", "go", "goes", "went", "previous", "following", "since",
                            "until", "during", "apiece", "overnight", "already", "ago"})
_HELD_BY_RE = LazyPattern(r"\b([A-Za-z][a-z\-]{2,})\s+(?:at|in|for|(of))\s+(?:(?:the|its|their)\s+)?$")
_PHRASE_END_RE = LazyPattern(r"[\d()\[\]{},;:!?\"“”]|\.\s|\.?$")
_NOUN_BEFORE_OF_RE = LazyPattern(
    r"([A-Za-z][A-Za-z\-]+)\s+of\s+(?:about |around |some |nearly |almost |more than |over )?$")
_NOUN_BEFORE_LINK_RE = LazyPattern(
    r"\b(?:[Tt]he|[Ii]ts|their|his|her|a|an)\s+([a-z\-]+\s+)?([a-z\-]{3,})\s+"
    r"(?:(?:is|was|are|were|will be|would be|has been|had been)\s+)?"
    r"(?:to|at|was|is|were|are|stood at|reached|totalled|totaled|hit|of|worth|valued at|cost|costs|costing)\s+"
    r"(?:about |around |some |nearly |almost |more than |over |just |only )?$"
)


def metric_around(left: str, right: str) -> str | None:
    """The metric of a figure that steps 1 and 2 left without one, from the words of its sentence
    before (``left``) and after (``right``) it: "$3bn of debt", "an estimate of 3,000", "revised the
    death toll to 212"."""
    # The noun phrase sits next to the number: a bounded window keeps the end-anchored searches
    # below linear in the mention, not in its sentence.
    left, right = left[-200:], right[:200]
    worth = _WORTH_RE.match(right)
    if worth:
        right = right[worth.end():]
    phrase: list[str] = []
    m = _OF_NOUN_RE.match(right)
    if m and m.group(1) not in NOT_CONTENT_WORDS and m.group(1) not in COMMON_VERBS:
        return m.group(1)   # "$3bn of debt", "2.4 billion cubic metres of water"
    # Only the words right after the figure: a bracket, a digit or a clause mark ends the phrase, so
    # "10 km (6.2 miles)" and "32C (90F)" read no metric from the conversion that follows.
    for word in _ANY_WORD_RE.findall(right[:_PHRASE_END_RE.search(right[:60]).start()]):
        lw = word.lower()
        if not phrase and lw in _SKIPPED_BEFORE_NOUN:
            continue   # "eight more picks", "5 mln extra cars": the noun is further on
        if not phrase and (lw in UP_WORDS or lw in DOWN_WORDS):
            break   # "a 5% rise": the change, not what changed
        if not phrase and lw in NOT_CONTENT_WORDS:
            break
        if not phrase and (lw in _NO_NOUN_AFTER or lw in DIMENSION_WORDS
                           or (lw.endswith("ly") and len(lw) > 4 and "-" not in lw)):
            break   # "1,000 come from", "132.86 against", "20 decently sized", "3 feet wide": no noun here
        if lw in NOT_CONTENT_WORDS or lw in COMMON_VERBS or \
                (VERB_ENDING_RE.search(lw) and (phrase or lw.endswith("ed"))):
            break
        phrase.append(lw)
        if len(phrase) >= 4:
            break
    if phrase and not VERB_ENDING_RE.search(phrase[-1]):
        return " ".join(phrase)
    m = _NOUN_BEFORE_OF_RE.search(left)   # "an estimate of 3,000", "a profit of £5m"
    if m and m.group(1).lower() not in NOT_CONTENT_WORDS:
        return m.group(1).lower()
    m = _NOUN_BEFORE_LINK_RE.search(left)   # "its debt stood at $4bn"
    if m and m.group(2).lower() not in NOT_CONTENT_WORDS and m.group(2).lower() not in COMMON_VERBS:
        return f"{m.group(1) or ''}{m.group(2)}".strip().lower()
    return None


def _head_words(metric: str) -> list[str]:
    return [w.lower() for w in _ANY_WORD_RE.findall(metric)
            if w.lower() not in NOT_CONTENT_WORDS and w.lower() not in COMMON_VERBS]


def metric_key(metric: str | None) -> str | None:
    """The bucket of a metric: its singular head noun ("north korean troops" -> "troop"); None for
    a metric that names nothing of its own ("estimate", "figure")."""
    words = _head_words(metric) if metric else []
    if not words:
        return None
    head = singular(words[-1])
    return None if head in GENERIC_HEADS else head


def metric_modifiers(metric: str | None) -> frozenset[str]:
    """The words of a metric before its head ("north korean troops" -> {"north", "korean"})."""
    return frozenset(_head_words(metric)[:-1]) if metric else frozenset()


INHERIT_LOOKBACK = 6   # earlier figures a keyless one may take its metric from
_LINK_RE = LazyPattern(r"\b(?:from|to|compared (?:with|to)|against|versus|vs|than|up|down|and|or|including)\b", re.I)


def inherit_keyless(text: str, figures: list[tuple[int, int, str | None, str, str]],
                    sentence_start: Callable[[int], int]) -> list[str | None]:
    """Step 4: the metrics of ``figures`` ((start, end, metric, unit, kind), in order) after a figure
    whose metric has no key takes the metric of a linked earlier figure of its sentence with the same
    unit and kind ("10,000 troops, up from an estimate of 3,000")."""
    metrics = [f[2] for f in figures]
    keys = [metric_key(m) for m in metrics]
    for i, (start, end, _metric, unit, kind) in enumerate(figures):
        if keys[i] is not None or text[end:end + 1] == "-":
            continue   # (a compound's noun is its own: "three-point range" counts points)
        # The donor is one of the few figures just before: looking further back made a sentence of
        # many numbers quadratic.
        s = sentence_start(start)
        for j in range(i - 1, max(-1, i - 1 - INHERIT_LOOKBACK), -1):
            p_start, p_end, _, p_unit, p_kind = figures[j]
            if p_start < s:
                break
            if keys[j] and p_kind == kind and p_unit == unit and _LINK_RE.search(text[p_end:start]) \
                    and not _OWN_CLAUSE_RE.search(text[p_end:start]):
                metrics[i], keys[i] = metrics[j], keys[j]
                break
    return metrics


# ---------------------------------------------------------------------------------------------
# Step 5: the concept, the metric phrase as the sentence writes it

CONCEPT_WINDOW = 160   # characters of the sentence read on either side of a figure
_CONCEPT_TOKEN_RE = re.compile(r"[A-Za-z](?:[A-Za-z0-9&\-]|\.(?=[A-Za-z0-9]))*(?:['’]s?)?|\d[\d.,]*|[^\sA-Za-z\d]")
# Where the figure's clause starts: a clause mark, or a word that opens a clause of its own; a
# relative pronoun opens one whose subject is the noun phrase before it ("Ford, which has 13,000").
_CLAUSE_START_RE = re.compile(
    r"[;:()\[\]\"“”]|,\s|\.\s|\s[-–—]\s|\b(?:and|but|while|whilst|whereas|although|though|when|where|"
    r"as|because|if|with|after|before|since|including|what)\s|\b(that|which|who)\s")   # run on ASCII-lower-cased text
_PRONOUNS = frozenset({"it", "he", "she", "they", "we", "i", "you", "this", "there", "these", "those"})
_TIME_NOUNS = frozenset({"year", "season", "month", "week", "quarter", "decade", "crisis", "period", "half"})
_TIME_DETERMINERS = frozenset({"last", "this", "next", "the", "a", "previous", "past", "same", "that"})
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our"})
_PERSONAL = frozenset({"he", "she", "they"})   # pronouns that stand for a person or group named before
_AUX = frozenset({"is", "was", "are", "were", "be", "been", "being", "has", "have", "had", "will", "would",
                  "could", "can", "may", "might", "should", "shall", "must", "do", "does", "did"})
_SUBJECT_VERB_SYMBOLS = frozenset("=≈~:<>≥≤")


def _concept_tokens(s: str) -> list[str]:
    return _CONCEPT_TOKEN_RE.findall(s)


_VERBS = _AUX | COMMON_VERBS | CHANGE_VERBS | _SUBJECT_VERB_SYMBOLS | (_LINK_WORDS - {"of", "at", "worth"})


@functools.lru_cache(maxsize=8192)
def _is_verb(word: str) -> bool:
    """A word that ends the subject of a clause ("Profits *rose* to", "the index *was* at"); kept per
    word, as every figure asks about the words of its clause."""
    lw = word.lower()
    return lw in _VERBS or (len(lw) > 4 and lw.endswith("ed") and not lw.endswith("eed"))


_WEEKDAYS = frozenset(w.lower() for w in WEEKDAYS)
# Words that open a phrase of time or place before a sentence's subject ("Since the start of last
# season Chris Wood has scored", "So far this year Tesla shares have").
_OPENERS = frozenset({"since", "so", "in", "over", "on", "after", "at", "for", "by", "during", "from", "as",
                      "meanwhile", "previously", "now", "today", "yesterday", "already", "still", "then"})


def _function_word(word: str) -> bool:
    """A word that ends a noun phrase read as written: a stop word, unless it modifies a noun ("the
    daily limit") or is a name in capitals ("the US trade deficit")."""
    lw = word.lower()
    return lw in STOP_WORDS and lw not in NOUN_MODIFIERS and not (word.isupper() and len(word) > 1)


def _names_something(word: str) -> bool:
    """A word a concept can rest on: no function word, figure, scale or currency word ("shares" is)."""
    lw = word.lower()
    return (word[0].isalpha() and not _function_word(word) and lw not in SCALE_WORDS and lw not in BIG_WORDS
            and lw not in CURRENCY_WORDS and lw not in _PRONOUNS)


def _phrase(words: list[str]) -> str | None:
    """Words as written, without determiners at the start, function words at either end or weekdays
    ("Dell on Monday"); a figure stays only as part of a name ("S&P 500"). None for no content word."""
    words = [w for w in words if w.lower() not in _WEEKDAYS]
    # at its start "total", "annual" go as well: they say how the figure was summed, not what it is of
    while words and (_function_word(words[0]) or words[0].lower() in POSSESSIVE_DETERMINERS
                     or not words[0][0].isalpha()):
        words = words[1:]
    while words and (_function_word(words[-1]) or not words[-1][0].isalnum()
                     or (words[-1][0].isdigit() and not (len(words) > 1 and words[-2][0].isupper()))):
        words = words[:-1]
    if not any(_names_something(w) for w in words):
        return None
    return " ".join(w[:-2] if w.endswith(("'s", "’s")) else w.rstrip("'’") for w in words)


def _subject_words(words: list[str]) -> list[str]:
    """The subject's own noun phrase, from the words before the verb: a phrase of time or place before
    it goes ("In the last three months the OCS" -> "the OCS", "Previously the company"): a determiner
    right after a noun, with no word linking the two, starts the subject's own noun phrase. An adverb
    before the verb goes too ("Lyft officially kicked off")."""
    start = 0
    opened = words[0].lower() in _OPENERS if words else False
    for i in range(1, len(words)):
        w, prev = words[i], words[i - 1].lower()
        linked = prev in LINKING_WORDS or prev in POSSESSIVE_DETERMINERS or not words[i - 1][0].isalnum()
        if linked:
            continue
        if w.lower() in ("the", "a", "an", "its", "their"):
            start = i
        elif words[i - 1].lower() in _TIME_NOUNS and w[0].isalpha() and w.lower() not in LINKING_WORDS \
                and i > 1 and words[i - 2].lower() in _TIME_DETERMINERS:
            start = i   # "Last year profits", "Before the crisis global debt": the time phrase goes
        elif opened and w[0].isupper() and prev[0].isalpha() and words[i - 1][0].islower():
            start, opened = i, False   # "Since the start of last season Chris Wood", "So far this year Tesla shares"
    words = words[start:]
    while words and words[-1][0].islower() and words[-1].endswith("ly") and len(words[-1]) > 4:
        words = words[:-1]
    return words


def _verb_at(words: list[str]) -> int | None:
    """Where the first verb of a clause's words is (a word after a determiner is a noun: "the set")."""
    for i, w in enumerate(words):
        if _is_verb(w) and not (i and words[i - 1].lower() in POSSESSIVE_DETERMINERS):
            return i
        if i and len(w) > 5 and w.endswith("ing") and w[0].islower() and words[i - 1][0].isalnum() \
                and words[i - 1].lower() not in ARTICLES and words[i - 1].lower() not in LINKING_WORDS:
            return i   # "with the index advancing 1.7%", "people earning $48,000": a participle
        if i and i + 2 < len(words) and w[0].islower() and w.endswith("s") and not w.endswith(("ss", "us", "is")) \
                and words[i + 1] == "to" and words[i + 2][0].islower() and words[i + 2].lower() not in STOP_WORDS \
                and words[i - 1][0].isalpha() and words[i - 1].lower() not in STOP_WORDS:
            return i   # "the company plans to hire 400": a verb in -s before "to" and a verb
    return None


SUBJECT_SEGMENTS = 4   # clauses read back from the figure's own for a subject


def _subject(left: str, guess: bool = False) -> str | None:
    """The subject of the clause a figure ends: the words before its first verb ("Meanwhile, exports
    to China dropped 7%" -> "exports to China"; "strength of panel was set to 9 ksi"). A clause that
    opens with its verb, or has none, takes the subject of the clause before it: the noun a relative
    pronoun stands for ("a defense that gave up 517 yards"), the subject of the clause it is joined to
    ("The group is investing $5m and employs 200 people"), past an aside ("Global debt, excluding
    banks, was $113 trillion"); at the sentence's start, a clause without a verb is the subject itself
    ("Healthcare, the best performing sector, dropped 1.6%")."""
    clause = left[-CONCEPT_WINDOW:]
    if len(left) > CONCEPT_WINDOW and left[-CONCEPT_WINDOW - 1].isalnum():
        clause = clause[clause.find(" ") + 1:]   # never half a word
    # a case-sensitive search of an ASCII-lower-cased copy (same offsets) is some three times faster
    # "and" between two figures joins the ends of a range ("between 2014 and 2017"), not two clauses
    marks = [m for m in _CLAUSE_START_RE.finditer(ascii_lower(clause))
             if not (m.group(0) == "and " and clause[m.start() - 2:m.start() - 1].isdigit()
                     and clause[m.end():m.end() + 1].isdigit())]
    end = len(clause)
    verbless = None   # the earliest clause without a verb passed on the way back (an aside, a subject)
    for k in range(len(marks), max(-1, len(marks) - SUBJECT_SEGMENTS), -1):
        start = marks[k - 1].end() if k else 0
        words = _concept_tokens(clause[start:end])
        i = _verb_at(words)
        if i:
            own = _subject_words(words[:i])
            lone_pronoun = words[i - 1].lower() in _PRONOUNS and not (i > 1 and words[i - 2].lower() in LINKING_WORDS)
            if lone_pronoun and words[i - 1].lower() in _PERSONAL and k:
                # "Smith's side won, as he scored 32 goals": a personal pronoun stands for the subject
                # of the clause before it
                end = marks[k - 1].start()
                continue
            if lone_pronoun or (
                    own and all(w.lower() in _PRONOUNS or w.lower() in STOP_WORDS for w in own)):
                return None   # "It has been 30 years", "tomorrow I will run": the pronoun names nothing here
            found = _phrase(own[-8:])
            if found:
                return found
        elif k and i == 0 and marks[k - 1].group(1):
            # "Ford, which has 13,000 workers": the noun phrase before the relative pronoun
            before = _concept_tokens(clause[:marks[k - 1].start(1)])
            while before and not before[-1][0].isalnum() and before[-1] != ")":
                before.pop()
            bracket: list[str] = []
            if before and before[-1] == ")" and "(" in before[-5:]:
                # "Acme (ACM), which has 9,000 staff": the name before its bracketed ticker
                cut = len(before) - 1 - before[::-1].index("(")
                bracket, before = before[cut:], before[:cut]
            while before and not before[-1][0].isalnum():
                before.pop()
            name = _phrase(list(reversed(_noun_run(list(reversed(before)), 4))))
            inner = " ".join(bracket[1:-1])
            return f"{name} ({inner})" if name and inner else name
        elif i is None and end < len(clause):
            verbless = _phrase(_subject_words(words)[-8:]) or verbless
        elif guess and i is None and k == 0 and len(words) > 2 and words[0].lower() in _DETERMINERS:
            # "The material shoots out at 800 mph": a sentence that opens with a noun phrase and a verb
            # the word lists do not know; the noun phrase after the determiner is the subject, its last
            # word dropped when it reads as a verb after a singular noun ("club faces")
            run = _noun_run(words[1:], 4)
            if len(run) > 1 and run[-1].endswith("s") and not run[-2].endswith("s"):
                run = run[:-1]
            verbless = verbless or _phrase(run)
        end = marks[k - 1].start() if k else 0
    return verbless


_AGE_WORD_RE = LazyPattern(r"-?(?:years?|months?|weeks?|days?)-old")


def _noun_run(words: list[str], limit: int) -> list[str]:
    """The words of a noun phrase at the start of ``words``: up to ``limit``, ending at a function
    word, a verb, a figure or a mark."""
    run: list[str] = []
    for w in words:
        lw = w.lower()
        if not w[0].isalpha() or _function_word(w) or lw in COMMON_VERBS or lw in APPROX_WORDS:
            break
        if not run and (lw in DIMENSION_WORDS or _AGE_WORD_RE.fullmatch(lw)):
            break
        if not run and len(lw) > 4 and lw.endswith(("ed", "ing")) and (
                len(words) < 2 or words[1].lower() in STOP_WORDS or not words[1][0].isalpha()):
            break   # "120 decibels reached during": a participle, not a noun's modifier
        if run and _is_verb(w) and lw not in CHANGE_VERBS:
            break
        if lw.endswith("ly") and len(lw) > 4:
            break
        run.append(w)
        if len(run) >= limit:
            break
    return run


def _of_tail(words: list[str]) -> str | None:
    """"of capacity", "for diffuse heating", "of the Marten Hills region of Alberta" at the start of
    ``words``: the noun phrase after it (one "of" inside it kept); None when it is a price or a date
    ("for RM79", "for 92 million yuan")."""
    if len(words) < 2 or words[0].lower() not in ("of", "for"):
        return None
    rest = words[1:]
    while rest and rest[0].lower() in ARTICLES:
        rest = rest[1:]
    run = _noun_run(rest, 5)
    more = rest[len(run):]
    if run and len(more) >= 2 and more[0].lower() == "of" and more[1][0].isupper():
        run += more[:1] + _noun_run(more[1:], 3)
    if run and len(rest) > len(run) and rest[len(run)][0].isdigit() and run[-1][0].isupper():
        run.append(rest[len(run)])   # "the Fortune 100"
    return _phrase(run)


def _relative_after(words: list[str]) -> str | None:
    """"68,400 people who have been unemployed for two years": what the relative clause after a count's
    noun says of it (its auxiliaries dropped), up to the end of the clause."""
    if len(words) < 2 or words[0].lower() not in ("who", "that", "which"):
        return None
    run: list[str] = []
    for w in words[1:]:
        if not w[0].isalnum() or w.lower() in ("and", "but", "while", "or", "who", "which", "that"):
            break
        if w.lower() not in _AUX:
            run.append(w)
        if len(run) >= 6:
            break
    return _phrase(run)


# participles that link a noun to its price or size: "priced at", "valued at", "estimated at"
_PRICED_RE = LazyPattern(r"(?:pric|valu|estimat|pegg|sett|put|tot(?:al)?l|cap|fix)ed|put|set")


def _before_of(left_words: list[str]) -> str | None:
    """The noun phrase a figure is linked to by the word before it: "a nominal current density of 1.3
    A/cm2", "a target of 200p", "unemployed for two years", "boost the driving range by 35 miles",
    "base price: $59,995"."""
    words = list(left_words)
    while words and (words[-1].lower() in APPROX_WORDS | {"more", "than", "up", "just", "only", "over"}
                     or (words[-1].lower() == "to" and len(words) > 1 and words[-2].lower() == "up")):
        words.pop()
    if len(words) > 2 and words[-1].lower() == "at" and _PRICED_RE.fullmatch(words[-2].lower()):
        # "products priced at $10", "the damage, estimated at £3m": the noun before the participle
        words = words[:-1] if words[-3] != "," else words[:-2]
        words[-1] = "worth"
    if len(words) < 2 or words[-1].lower() not in ("of", "for", "by", ":", "=", "to", "worth"):
        return None   # "to": "an improvement in its margins to 64%", "cut its forecast to 3%"
    link = words[-1].lower()
    run: list[str] = []
    for j in range(len(words) - 2, -1, -1):
        w, lw = words[j], words[j].lower()
        if not w[0].isalpha() or _function_word(w) or lw in ARTICLES:
            break
        if _is_verb(w) and run and lw.endswith("ed") and j and (
                words[j - 1].lower() in ARTICLES or words[j - 1].lower() in NOUN_MODIFIERS):
            run.insert(0, w)   # "a combined torque output of", "maximum sustained winds of": a modifier
            continue
        if _is_verb(w):
            # "have been unemployed for two years": the participle is what the figure is about
            if link == "for" and not run and lw.endswith("ed") and len(words) > 2 and words[-3].lower() in _AUX:
                run = [w]
            break
        run.insert(0, w)
        if len(run) >= 4:
            break
    return _phrase(run)


def _premodifiers(left_words: list[str]) -> list[str]:
    """Names and nouns right before a figure that modifies a noun ("Tylenol 500mg tablets")."""
    run: list[str] = []
    for w in reversed(left_words[-3:]):
        lw = w.lower()
        if not w[0].isalpha() or _function_word(w) or lw in ARTICLES or _is_verb(w) \
                or (lw.endswith("ing") and len(lw) > 5):
            break
        run.insert(0, w)
    return run


_CONVERSION_OPEN_RE = LazyPattern(r"\s*[(\[]\s*(?:about\s+|around\s+|some\s+|nearly\s+|or\s+)?")


def is_conversion_of(text: str, partner_end: int, start: int) -> bool:
    """Whether the figure at ``start`` is a bracketed restatement of the one ending at ``partner_end``
    ("£5m ($6.3m)", "36C (97F)"): it is about what its partner is about."""
    return _CONVERSION_OPEN_RE.fullmatch(text, partner_end, start) is not None


def read_concept(left: str, right: str, *, kind: str, metric: str | None, base: str | None) -> str | None:
    """What a figure is about as the sentence writes it, head noun with its modifiers and whose: the
    noun phrase after a figure that modifies it ("a 5-10W laser for diffuse heating", "Tylenol 500mg
    tablets"), what it is of ("80% of nozzle outlet diameter", "1,000 megawatts of capacity"), the noun
    before "of" ("a target of 200p"), else the subject of its clause ("exports to China dropped 7%").

    A count's noun ("13,000 workers") is its unit, not its concept: what a count is about is the "of
    X" after its noun or the clause's subject ("Ford has 13,000 workers"). ``left`` and ``right`` are
    the sentence on either side of the figure (its unit included in the figure)."""
    if len(left) > CONCEPT_WINDOW:
        left = left[-CONCEPT_WINDOW:]
        left = left[left.find(" ") + 1:]   # never half a word
    right = right[:CONCEPT_WINDOW]
    nl = right.find("\n")
    right = right if nl < 0 else right[:nl]
    left = left[left.rfind("\n") + 1:]
    worth = _WORTH_RE.match(right)
    if worth:
        right = right[worth.end():]
    compound = _COMPOUND_RE.match(right) if kind == "count" else None
    right_words = _concept_tokens(right[compound.end():] if compound else right)
    if right_words and right_words[0] == "(" and ")" in right_words[:12]:
        # "8 miles (13 km) of new tunnels": what follows a bracketed conversion is the figure's
        right_words = right_words[right_words.index(")") + 1:]
    left_words = _concept_tokens(left)
    if metric == "age":
        # "a 15-year-old boy": an age is about the person after it; "children under the age of 5",
        # "players aged 21" about the person before it
        return _phrase(_noun_run(right_words, 3)) or _aged(left_words)
    if kind == "count" and metric and " " not in metric and not looks_plural(metric) and len(right_words) > 1 \
            and right_words[0].lower() == metric and _described_noun(right_words[1:]):
        # "the 12 page document", "a 3 cylinder engine": the first noun is counted, the rest described
        right_words, compound = right_words[1:], True
    # a compound's count ("a three-bedroom house") is about the noun after the compound, as a measure is
    what = _what(left_words, right_words, "compound" if compound else kind, base)
    if what is None:
        return _subject(left, guess=True)
    # whose: the clause's subject, when it is not the phrase itself ("Dell ... 5% of its workforce"
    # is about Dell's workforce)
    whose = _subject(left)
    if whose and not set(whose.lower().split()) & set(what.lower().split()):
        return f"{what}, {whose}"
    return what



_AGE_OF = ("age", "of")


def _described_noun(words: list[str]) -> bool:
    """Whether a noun phrase that a counted noun describes opens ``words`` ("page *document*",
    "cylinder *engine*"); a word in -s alone there is more likely a verb ("One proposal asks")."""
    run = _noun_run(words, 4)
    return bool(run) and not (len(run) == 1 and run[0].endswith("s") and not run[0].endswith("ss"))


def _aged(left_words: list[str]) -> str | None:
    """The person an age written after them is of: "5 million children under the age of 5", "17
    players over the age of 21", "voters aged 18-35"."""
    words = [w.lower() for w in left_words]
    if words[-1:] == ["aged"]:
        cut = len(words) - 1
    elif tuple(words[-2:]) == _AGE_OF and len(words) > 3 and words[-3] == "the":
        cut = len(words) - 4   # the preposition before "the age of" goes too
    else:
        return None
    run: list[str] = []
    for w in reversed(left_words[:cut]):
        if not w[0].isalpha() or _function_word(w) or _is_verb(w) or w.lower() in SCALE_WORDS:
            break
        run.insert(0, w)
        if len(run) >= 3:
            break
    return _phrase(run)


def _what(left_words: list[str], right_words: list[str], kind: str, base: str | None) -> str | None:
    """The noun phrase of ``read_concept`` found next to the figure, or None."""
    after = _noun_run(right_words, 5)
    tail = _of_tail(right_words[len(after):]) if after else None
    if base:
        return _of_tail(right_words) or base
    if after and kind != "count":
        # (the words before a compound's count modify the count: "a 1.0l 3 cylinder engine")
        noun = _phrase((_premodifiers(left_words) if kind != "compound" else []) + after)
        return f"{noun} {'for' if tail else ''} {tail or ''}".strip() if noun else tail
    if tail:
        return tail
    if after and kind == "count":
        said = _relative_after(right_words[len(after):])
        if said:
            return said
    if not after:
        of = _of_tail(right_words)
        if of:
            return of
    return _before_of(left_words)
