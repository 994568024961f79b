"""Percentages and their bases. The rule's relation (``kind = "percent.<relation>"``) picks the check:

* ``mixed_bases``: two percentages about one subject, a few sentences apart, of different wholes
  ("20%-30% of North Korea's GDP" and "16% of state expenditure"). One subject means the two
  sentences share a name (an owner such as "North Korea") and a topic from ``topics`` (lines of
  words meaning one topic: "military defence army").
* ``no_base``: a percentage of people or a share with no whole in sight ("16% said", "a 20% share"),
  reported only when nothing nearby names the whole (``base_cues``: survey, poll, respondents...).
* ``points``: "rose from 5% to 7%, a 2% increase": a difference of percentages given in percent.
* ``over_100``: shares of one whole, side by side, adding to more than 100%.

Options and vocabularies are declared in ``KIND`` below.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator

from numlint import vocabularies
from numlint.changes import change_words_re, stated_changes_by_sentence
from numlint.facts import Fact, FactTable, half_step, singular
from numlint.lang.lazyre import LazyPattern
from numlint.lang.stopwords import COMMON_VERBS, NOT_CONTENT_WORDS
from numlint.model import Hit
from numlint.options import Kind, Option, Relation, Vocabulary

KIND = Kind(
    doc="Percentages and their bases.",
    relations={
        "mixed_bases": Relation(
            "percentages about one subject, close together, taken of different wholes",
            options=(Option("window", int, 3, "sentences apart, at most", minimum=0, maximum=50),),
            vocabularies=(
                Vocabulary("topics", "lines of words meaning one topic: \"health hospital medical\""),
                Vocabulary("not_names", "capitalised words that name no one (\"The\", \"May\"): two sentences "
                           "about one subject share a name"),
            ),
        ),
        "no_base": Relation(
            "a percentage of people or a share with no whole in sight",
            options=(Option("lookback", int, 3, "sentences before the percentage searched for its whole",
                            minimum=0, maximum=50),),
            vocabularies=(
                Vocabulary("people_verbs", "verbs after a percentage of people: \"16% said\""),
                Vocabulary("share_nouns", "nouns after a percentage that is a share: \"a 20% share\""),
                Vocabulary("base_cues", "words that name the whole nearby: \"survey\", \"poll\""),
            ),
        ),
        "points": Relation(
            "a difference of two percentages given in percent",
            vocabularies=(Vocabulary("change_words", "words that introduce a change figure: \"rose\", \"a rise of\""),),
        ),
        "over_100": Relation(
            "shares of one whole, side by side, adding up to more than 100%",
            options=(
                Option("window", int, 0, "sentences apart, at most, for shares to be side by side",
                       minimum=0, maximum=50),
                Option("rounding_slack", float, 0.5, "percentage points of rounding allowed per share",
                       minimum=0, maximum=10),
            ),
        ),
    },
)
MODES = tuple(KIND.relations)
_NAME = LazyPattern(r"\b[A-Z][a-z’'\-]+(?:\s+[A-Z][a-z’'\-]+)*")


def _percent(f: Fact) -> bool:
    return f.q.kind == "percent" or f.unit == "percent"


def _words(text: str) -> set[str]:
    return {singular(w) for w in re.findall(r"[a-z][a-z\-]+", text.lower())}


def _names(text: str, not_names: frozenset[str]) -> set[str]:
    names = set()
    for m in _NAME.finditer(text):
        words = [w for w in m.group().split() if w not in not_names]
        if words:
            names.add(" ".join(words).lower().replace("’s", "").replace("'s", ""))
    return names


def _topics(text: str, topics) -> set[int]:
    words = _words(text)
    found = set()
    for i, line in enumerate(topics):
        if words & {singular(w) for w in line.split()}:
            found.add(i)
    return found


def _note(f: Fact, what: str | None = None) -> str:
    text = f.q.text.strip()
    if what:
        text = f"{text} of {what}"
    return f"{text} ({'headline' if f.in_heading else f'line {f.line}'})"


def check(table: FactTable, rule) -> Iterator[Hit]:
    mode = rule.relation
    if mode not in MODES:
        raise ValueError(f"percent: unknown mode {mode!r}")
    yield from globals()[f"_{mode}"](table, rule)


def _mixed_bases(table: FactTable, rule) -> Iterator[Hit]:
    window = rule.options["window"]
    topics = rule.vocabularies["topics"]
    not_names = frozenset(rule.vocabularies["not_names"])
    shares = [f for f in table.facts if _percent(f) and f.base and not f.q.change]
    reported: set[int] = set()
    for i, a in enumerate(shares):
        for b in shares[i + 1:i + 8]:
            if b.sentence_index - a.sentence_index > window:
                break
            if b.sentence_index == a.sentence_index or a.base == b.base or b.index in reported:
                continue
            if _related_bases(a.base, b.base):
                continue
            if not (_names(a.sentence, not_names) & _names(b.sentence, not_names)):
                continue
            if not (_topics(a.sentence, topics) & _topics(b.sentence, topics)):
                continue
            reported.add(b.index)
            yield Hit(
                mention=b.q,
                related=((a.q, _note(a, _as_written(a))),),
                values={"value": b.q.text.strip(), "base": _as_written(b), "other": a.q.text.strip(),
                        "other_base": _as_written(a), "other_line": f"line {a.line}"},
            )


def _as_written(f: Fact) -> str:
    """The base as the writer spelled it ("GDP", not "gdp")."""
    m = re.search(re.escape(f.base or ""), f.right, re.I) if f.base else None
    return m.group() if m else (f.base or "")


def _related_bases(x: str, y: str) -> bool:
    """"the budget" and "the state budget" are one base; so are "votes" and "votes cast"."""
    wx, wy = _words(x), _words(y)
    return bool(wx and wy and (wx <= wy or wy <= wx))


def _no_base(table: FactTable, rule) -> Iterator[Hit]:
    people = rule.vocabularies["people_verbs"]
    share_nouns = rule.vocabularies["share_nouns"]
    cues = rule.vocabularies["base_cues"]
    # whole words with their endings ("surveyed", "votes"), never inside another word: "devoted"
    # is no vote, "Staffordshire" no staff
    cue_re = re.compile(r"\b(?:" + "|".join(map(re.escape, cues)) + r")(?:s|es|d|ed|ing)?\b", re.I) if cues else None
    lookback = rule.options["lookback"]
    people_re = share_re = None
    if people:
        people_re = re.compile(r"^\s*(?:of\s+(?:them|those|people)\s+)?(?:" + "|".join(map(re.escape, people)) + r")\b",
                               re.I)
    if share_nouns:
        share_re = re.compile(r"^\s*(?:" + "|".join(map(re.escape, share_nouns)) + r")\b(?!\s+(?:of|in)\b)", re.I)
    for f in table.facts:
        if not _percent(f) or f.base or f.q.change or f.q.is_range:
            continue
        right = f.right
        if not ((people_re and people_re.match(right)) or (share_re and share_re.match(right))):
            continue
        context = " ".join(
            table.text[s:e] for s, e in table.sentences[max(0, f.sentence_index - lookback):f.sentence_index + 1]
        ).lower()
        if cue_re is not None and cue_re.search(context):
            continue
        word = right.strip().split()[0] if right.strip() else ""
        yield Hit(mention=f.q, values={"value": f.q.text.strip(), "word": word})


def _points(table: FactTable, rule) -> Iterator[Hit]:
    change_re = change_words_re(rule.vocabularies["change_words"])
    for changes in stated_changes_by_sentence(table, change_re).values():
        for ch in changes:
            old, new, c = ch.old, ch.new, ch.change
            old_v, new_v = ch.old_value, ch.new_value
            if c is None or not (_percent(old) and _percent(new)) or c.unit != "percent" or c.q.value is None:
                continue
            diff = abs(new_v - old_v)
            step = max(half_step(c.q, c.q.value), half_step(old.q, old_v) + half_step(new.q, new_v))
            relative = diff / old_v * 100 if old_v else None
            if abs(c.q.value - diff) <= step and not (relative is not None and abs(c.q.value - relative) <= step):
                related = ((old.q, _note(old)),) if old is new else ((old.q, _note(old)), (new.q, _note(new)))
                yield Hit(
                    mention=c.q,
                    related=related,
                    values={"value": c.q.text.strip(), "old": f"{old_v:g}%", "new": f"{new_v:g}%",
                            "points": f"{diff:g}",
                            # the direction of the figures, not of the change word: "fell from 38% to
                            # 35%, a 3% drop" is a fall of 8%, whatever word the writer chose
                            "direction": "rise" if new_v > old_v else "fall",
                            "relative": f"{relative:.0f}%" if relative is not None else "?"},
                )


def _over_100(table: FactTable, rule) -> Iterator[Hit]:
    window = rule.options["window"]
    slack = rule.options["rounding_slack"]
    not_a_whole = _not_a_whole()
    groups: dict[str, list[Fact]] = {}
    inherited = _elliptical_bases(table)
    for f in table.facts:
        base = f.base or inherited.get(f.index)
        if f.unit == "percent" and base and not f.q.change and f.q.value is not None and f.q.approx in ("=", "~") \
                and not not_a_whole.match(base):
            groups.setdefault(base, []).append(f)
    yield from _table_columns(table, slack)
    for base, facts in groups.items():
        run: list[Fact] = []
        for f in facts:
            if run and f.sentence_index - run[0].sentence_index > window:
                yield from _report_over(run, base, slack)
                run = []
            run.append(f)
        yield from _report_over(run, base, slack)


# A column headed as shares of one whole ("Share of the vote", "% of sales", "Per cent"), not as
# changes ("% change", "Growth, %") or as rates of different wholes ("Turnout %" per constituency).
_SHARE_HEADER = LazyPattern(r"\bshares?\b|\bper ?cent\b|\bpercent(?:age)?\b|\bproportion\b|%", re.I)
_NOT_SHARES = LazyPattern(r"\b(?:change|changes|rise|fall|growth|increase|decrease|up|down|rate|turnout|"
                          r"yield|margin|return|vs|versus|on year|y/y|yoy)\b", re.I)
_HEADER_WHOLE = LazyPattern(r"^(?:shares?|%|per ?cent|percent(?:age)?|proportion)\s+of\s+(.+)$", re.I)
_TOTAL_ROW = LazyPattern(r"^\s*(?:total|all|overall|sum)\b", re.I)


def _table_columns(table: FactTable, slack: float) -> Iterator[Hit]:
    """A table column of percentages headed as shares ("Share of the vote") is one whole: its
    rows, a total row aside, should not add up to more than 100%."""
    if not table.cells:
        return
    text = table.text
    starts = [f.start for f in table.facts]   # document order: a cell's figures are a bisect away
    columns: dict[tuple[int, int], list[tuple[int, int, int]]] = {}
    first_cell: dict[tuple[int, int], str] = {}
    for t, row, col, start, end in table.cells:
        columns.setdefault((t, col), []).append((row, start, end))
        if col == 0:
            first_cell[(t, row)] = text[start:end].strip()
    for (t, _column), cells in columns.items():
        header = next((text[s:e].strip() for row, s, e in cells if row == 0), "")
        if not _SHARE_HEADER.search(header) or _NOT_SHARES.search(header):
            continue
        run = []
        for row, s, e in cells:
            if row == 0 or _TOTAL_ROW.match(first_cell.get((t, row), "")):
                continue
            found = [f for f in table.facts[bisect.bisect_left(starts, s):bisect.bisect_left(starts, e)]
                     if _percent(f) and f.q.value is not None and not f.q.change and f.q.approx in ("=", "~")]
            if len(found) == 1:
                run.append(found[0])
        if len(run) >= 2:
            whole = _HEADER_WHOLE.match(header)
            yield from _report_over(run, whole.group(1) if whole else f'the column "{header}"', slack)


_FIRST_WORD = LazyPattern(r"\s*([a-z]+)\b")
_WORD_AFTER_WHOLE = LazyPattern(r"\s+([a-z]+)\b", re.I)
# Between one share and the next, only a name and a comma or "and": ", the Conservatives " or
# " and Labour ".
_NAMED_NEXT = LazyPattern(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,3}"
                          r"(?<!['’]s)\s+")
# (a possessive name shares out a whole of its own: "A's equity was 302% of its debt, and B's 295%")


def _elliptical_bases(table: FactTable) -> dict[int, str]:
    """Shares that leave their whole to the one before them in their sentence: in "48% of respondents
    said heating, 39% said food", 39% is of respondents too. The later share must go on as the first
    one does after its whole ("said"), so a second figure of something else is not taken in."""
    out: dict[int, str] = {}
    text = table.text
    for si in sorted({f.sentence_index for f in table.facts}):
        lead: Fact | None = None
        verb = None
        last_end = 0   # where the text after the last share of the lead's whole starts
        for f in table.in_sentence(si):
            if not _percent(f):
                continue
            if f.base:
                lead = f
                whole = re.match(r"\s*of\s+(?:the\s+)?" + re.escape(f.base), f.right, re.I)
                m = _WORD_AFTER_WHOLE.match(f.right, whole.end()) if whole else None
                verb = m.group(1).lower() if m else None
                if verb in NOT_CONTENT_WORDS and verb not in COMMON_VERBS:
                    verb = None  # "79.8 pct of capacity in February ... 79.6 pct in January": a time, not an answer
                last_end = f.end + (whole.end() if whole else 0)
            elif lead is not None:
                m = _FIRST_WORD.match(f.right)
                if (verb and m and m.group(1).lower() == verb) or _NAMED_NEXT.fullmatch(text, last_end, f.start):
                    # "42% of the vote, the Conservatives 31% and the Lib Dems 33%": each name's share
                    # of the same whole, the words "of the vote" left out
                    out[f.index] = lead.base
                    last_end = f.end
    return out


@functools.lru_cache(maxsize=1)
def _not_a_whole() -> re.Pattern:
    """A base that is a date, not a whole: "45% of May", "30% of 2004"."""
    months = vocabularies.alternation(w.lower() for w in vocabularies.get("months"))
    return re.compile(r"(?:" + months + r"|(?:19|20)\d\d)\b", re.I)


def _report_over(run: list[Fact], base: str, slack: float) -> Iterator[Hit]:
    if len(run) < 2:
        return
    total = sum(f.q.value for f in run)
    if total <= 100 + slack * len(run):
        return
    last = run[-1]
    yield Hit(
        mention=last.q,
        related=tuple((f.q, _note(f, base)) for f in run[:-1]),
        values={"value": last.q.text.strip(), "base": base, "total": f"{total:g}%",
                "parts": " + ".join(f.q.text.strip() for f in run)},
    )
