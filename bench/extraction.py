"""Score numlint's quantity extraction against NewsQuant (CQE, EMNLP 2023), next to raw quantulum3.

Usage (from the repo root, with the venv active):

    python bench/extraction.py                      # the table: value, value+unit, value+concept
    python bench/extraction.py --show 5             # plus up to 5 misses of each category
    python bench/extraction.py --show 20 --category concept-partial   # 20 misses of one category
    python bench/extraction.py --no-quantulum       # numlint only (fast)
    python bench/extraction.py --speed 200          # also: words/s over 200 news-corpus articles

Data: ../shared/corpora/newsquant-cqe/formatted_test_set/NewsQuant.json (590 sentences, 904
gold quantities). Override with --data. This script may read ../shared; the tests never do
(tests/test_bench_extraction.py checks the scoring functions on hand-made examples).

What CQE's scorer does (satya77/CQE_Evaluation, evaluate_models.py and tagger.py, read only):
* value: np.isclose(rtol=1e-5); a range is a (low, high) tuple matched element-wise; gold ranges
  are averaged for quantulum3, which returns mean +- uncertainty;
* value+unit: the gold ``normalized_unit`` and the system's, lower-cased, must be the same string.
  For a count CQE's unit is the counted noun, lemmatised: "13000 workers" -> "worker", "50
  different products" -> "different product", "22 goals" -> "goal"; a bare number is "-";
* value+concept (only scored for value-matched pairs, whatever their unit): the gold
  ``referred_concepts`` is split on commas and white space; CQE's own concept is the noun tokens of
  its referred-concept phrases, stop words dropped, not lemmatised. Both sides are lower-cased;
  "partial" = at least one token in common, "complete" = the same tokens. When neither side has a
  concept (gold "-", system none) that is a complete match, as in CQE (both sides are ["-"]);
* P = matches / predictions, R = matches / gold, micro-averaged over the sentences.

How this script applies that to numlint and quantulum3 (decided here, see the functions below):
* matching is one-to-one within a sentence, greedy in gold order, each figure with its own
  criterion (CQE's loop lets one prediction count against several gold for value and concept; the
  difference is a handful of quantities);
* value+unit "CQE": a physical, currency or percentage unit is compared by ``unit_key`` (below), so
  "kilometre" (gold) == "kilometer" (numlint) and "dollar" == "USD"; for everything else the
  counted noun is compared by ``noun_key``: lower case, stop words dropped, each word made singular.
  numlint's counted noun is its ``metric`` (the field of ``extract --format json``); a count without
  a metric is "-". quantulum3's is its unit name when that is no physical unit ("dimensionless" is
  "-"). "noun head" is the same figure comparing only the last word of each noun ("countries" meets
  "european country");
  A multiplier ("3,200 times") is CQE's "count";
* value+unit "lenient" (the figure this script printed before): every count meets every count,
  whatever noun it counts (numlint writes counts as unit "", quantulum3 as "dimensionless");
* a change's two ends ("fell from $2,415 to $2,315", "narrowed to 138 lots from 212 lots") are one
  quantity with a range value in CQE's gold and two in numlint (each end is a figure the rules
  compare); with ``--cqe-changes``, ``change_ends`` scores numlint's two as one range prediction,
  with the first end's unit, metric and concept (off by default: the figures are numlint's own);
* value+concept: numlint's concept is the content tokens of its ``concept`` (the field of ``extract
  --format json``: the metric phrase as written, with its modifiers and whose, "exports to China",
  "Tylenol tablets"); a figure without one has no concept ("-" on the gold side). Tokens are
  lower-cased and stripped of edge punctuation, stop words are dropped on both sides, nothing is
  made singular (CQE does not lemmatise concepts). quantulum3 has no concept, so it is not scored
  there (as in the paper).

Dev and test halves: the 590 sentences are split by a hash of their text (``half_of``, the rule of
bench/corpus.py applied to a sentence instead of a path). Read the misses (``--show``) of the dev
half only (``--split dev``); the table reports each half's F1 beside the whole set's.

The unit normaliser ``unit_key`` is applied alike to the gold (CQE ``normalized_unit`` names), to
quantulum3's unit names (CQE's names come from quantulum3's unit list) and to numlint's units (pint
names / ISO codes):
* a currency name ("dollar", "pound sterling", "japanese yen", "cent") -> its ISO code (cent -> USX,
  penny -> GBX);
* "percentage" -> percent; "percentage point", "basis point" -> their own units;
* anything pint can parse (after metre->meter, litre->liter, " per " -> " / ") -> pint's canonical
  spelling, so "kilometre" (gold) == "kilometer" (numlint) and "mile per hour" == "mile / hour";
* everything else ("-", "dimensionless", and CQE's noun units such as "people", "point", "goal",
  "worker") gets the key "": a count.

Text preprocessing: the NewsQuant text renders "£" as "PS" (an encoding loss in the data set, see
SOURCE.md). We turn "PS" directly before a digit back into "£" before either system sees the
sentence; that repairs the data, it is not a rule of numlint.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import sys
import time
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# The corpora sit in ../shared beside the repository (as in CI); NUMLINT_SHARED points elsewhere.
SHARED = os.environ.get("NUMLINT_SHARED", str(Path(__file__).resolve().parents[2] / "shared"))
DEFAULT_DATA = Path(SHARED, "corpora/newsquant-cqe/formatted_test_set/NewsQuant.json")
NEWS = Path(SHARED, "corpora/news")

CURRENCY_NAMES = {
    "dollar": "USD", "united states dollar": "USD", "us dollar": "USD", "pound sterling": "GBP",
    "euro": "EUR", "japanese yen": "JPY", "yen": "JPY", "chinese yuan": "CNY", "yuan": "CNY",
    "renminbi": "CNY", "australian dollar": "AUD", "canadian dollar": "CAD", "hong kong dollar": "HKD",
    "new zealand dollar": "NZD", "singapore dollar": "SGD", "new taiwan dollar": "TWD",
    "indian rupee": "INR", "rupee": "INR", "south korean won": "KRW", "russian ruble": "RUB",
    "malaysian ringgit": "MYR", "shekel": "ILS", "israeli new shekel": "ILS", "swiss franc": "CHF",
    "brazilian real": "BRL", "mexican peso": "MXN", "south african rand": "ZAR", "turkish lira": "TRY",
    "cent": "USX", "penny": "GBX", "pence": "GBX", "euro cent": "EUX",
}
SPECIAL = {"percentage": "percent", "percent": "percent", "percentage point": "percentage_point",
           "basis point": "basis_point"}
# CQE noun units that pint happens to know as something else (typographic "point", "count", "unit").
NOUN_NAMES = {"section", "league", "point", "count", "unit", "home", "game", "people", "person", "inning", "pick",
              "job", "user", "student", "cylinder", "solution", "goal", "worker", "share", "head", "win", "run", "shot"}


def _registry():
    from numlint.units import registry

    return registry()


_cache: dict[str, str] = {}


def unit_key(name: str | None) -> str:
    """One comparable key for a unit name from the gold, quantulum3 or numlint."""
    if name is None:
        return ""
    raw = name.strip()
    if raw in _cache:
        return _cache[raw]
    key = _unit_key(raw)
    _cache[raw] = key
    return key


def _unit_key(raw: str) -> str:
    low = raw.lower()
    if low in ("", "-", "dimensionless", "% -"):
        return ""
    if low in SPECIAL:
        return SPECIAL[low]
    low = low.replace(" of age", "")  # CQE's "year of age" is a year
    if raw in ("percent", "percentage_point", "basis_point"):
        return raw
    from numlint.units import CURRENCIES, MINOR_UNITS

    head, _, rest = raw.partition("/")
    if head.strip() in CURRENCIES or head.strip() in MINOR_UNITS:
        return head.strip() + ("/" + _pint_key(rest.strip().replace("_", " ")) if rest.strip() else "")
    # "dollar per barrel" -> "USD/barrel"
    parts = low.split(" per ", 1)
    if parts[0] in CURRENCY_NAMES:
        cur = CURRENCY_NAMES[parts[0]]
        if len(parts) == 1:
            return cur
        return cur + "/" + _pint_key(parts[1])
    if low in NOUN_NAMES:
        return ""
    if re.fullmatch(r"[A-Za-z_]+(?: [*/] [A-Za-z_]+)*(?: \*\* \d)?", raw) and "_" in raw:
        try:  # numlint's own pint expressions ("degree_Celsius", "oil_barrel / day")
            return _base_key(str(_registry().parse_units(raw)))
        except Exception:
            pass
    pk = _pint_key(low)
    return _base_key(pk) if pk else ""


def _base_key(expr: str) -> str:
    """Two spellings of one unit ("kip_per_square_inch", "kilopound / square_inch") get one key:
    the unit's size in SI base units and its dimensionality."""
    try:
        q = (1 * _registry().parse_units(expr)).to_base_units()
        return f"{q.magnitude:.6g} {q.units}"
    except Exception:
        return expr.replace(" ", "")


def _pint_key(low: str) -> str:
    low = re.sub(r"^(?:square|sq) (\w+)", r"\1 ** 2", low)
    low = re.sub(r"^cubic (\w+)", r"\1 ** 3", low)
    low = {"feet ** 2": "foot ** 2", "feet ** 3": "foot ** 3", "brake horsepower": "horsepower",
           "barrel of oil": "barrel", "newton metre": "newton * meter", "foot pound-force": "foot * force_pound",
           "pound-foot": "foot * force_pound",
           # CQE's name for "ksi" (a pressure); pint reads "kilopound" as a mass, which made the gold
           # "kilopound per square inch" a mass per area that no correct "ksi" could ever match
           "kilopound per square inch": "kip_per_square_inch",
           # CQE's name for "mmBTU" (a million BTU): pint spells the prefixed unit "megaBtu"
           "mega british thermal unit": "megaBtu",
           # CQE's names for the metric "gigatonne", "megatonne" (pint's "ton" is the short ton)
           "gigaton": "gigametric_ton", "megaton": "megametric_ton", "kiloton": "kilometric_ton"}.get(low, low)
    low = re.sub(r"(?<= per )(?:square|sq) (\w+)", r"\1 ** 2", low)  # "ampere per square centimetre"
    expr = (low.replace("metre", "meter").replace("litre", "liter").replace(" per ", " / ")
            .replace("degree celsius", "degree_Celsius").replace("degree fahrenheit", "degree_Fahrenheit"))
    expr = {"celsius": "degree_Celsius", "fahrenheit": "degree_Fahrenheit", "barrel": "oil_barrel",
            "barrel / day": "oil_barrel / day", "revolutions / minute": "revolution / minute",
            "pound-mass": "pound", "pound-foot": "foot * force_pound",
            "tonne": "metric_ton", "metric ton": "metric_ton"}.get(expr, expr)
    expr = re.sub(r"(?<=[a-z])[ -](?=[a-z])", "_", expr) if " / " not in expr else " / ".join(
        re.sub(r"(?<=[a-z])[ -](?=[a-z])", "_", p.strip()) for p in expr.split(" / "))
    expr = expr.replace("barrel", "oil_barrel").replace("oil_oil_", "oil_")
    try:
        u = _registry().parse_units(expr)
        return str(u).replace(" ", "")
    except Exception:
        return ""  # a noun: a count


# -- values ---------------------------------------------------------------------------------------
def parse_gold_value(s: str):
    s = s.strip()
    try:
        return float(s)
    except ValueError:
        pass
    m = re.match(r"^\s*(-?\d[\d.]*(?:[eE][-+]?\d+)?)\s*-\s*(-?\d[\d.]*(?:[eE][-+]?\d+)?)\s*$", s)
    if m:
        return (float(m.group(1)), float(m.group(2)))
    return None


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-5, abs_tol=1e-9)


def values_match(pred, gold) -> bool:
    if pred is None or gold is None or isinstance(gold, tuple) != isinstance(pred, tuple):
        return False
    if isinstance(gold, tuple):
        g, p = sorted(gold), sorted(pred)
        return _close(p[0], g[0]) and _close(p[1], g[1])
    return _close(pred, gold)


# -- counted nouns (CQE's unit of a count) ------------------------------------------------------------
# Words that are no part of a noun or concept: CQE drops spaCy's stop words from both. A short list of
# our own keeps the score independent of any tagger; "per" stays ("point per game" is a CQE unit).
STOP = frozenset("""a an the of in on at for to from by with and or but as than then that this these those
which who whom whose what its it their his her our your my me him them they we you he she there here
some any all each every no not more most less least many much few several other another such same
about around nearly almost over under just only also even very so up down out into onto off is are was
were be been being has have had do does did will would can could may might must shall should""".split())
IRREGULAR = {"people": "people", "men": "man", "women": "woman", "children": "child", "feet": "foot",
             "teeth": "tooth", "mice": "mouse", "geese": "goose", "viruses": "virus", "buses": "bus",
             "data": "data", "series": "series", "species": "species", "news": "news", "sales": "sale"}
_WORD = re.compile(r"[^\s,]+")
_EDGE = "()[]{}\"'‘’“”.,;:!?"


def singular(word: str) -> str:
    """A crude English singular, alike for the gold and the systems: troops -> troop, companies ->
    company, bosses -> boss, fishermen -> fisherman. CQE uses spaCy's lemma; this meets it on the
    plurals news copy counts."""
    w = word.lower()
    if w in IRREGULAR:
        return IRREGULAR[w]
    if w.endswith("men") and len(w) > 4:
        return w[:-3] + "man"
    if len(w) <= 3 or w.endswith(("ss", "us", "is", "ics")):
        return w
    if w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "xes", "sses", "zes")):
        return w[:-2]
    if w.endswith("s"):
        return w[:-1]
    return w


def tokens(phrase: str | None) -> list[str]:
    """Content tokens of a phrase: split on white space and commas (as CQE splits the gold), edge
    punctuation stripped, lower-cased, stop words and "-" dropped."""
    out = []
    for raw in _WORD.findall((phrase or "").lower()):
        t = raw.strip(_EDGE)
        if t and t != "-" and t not in STOP and any(c.isalnum() for c in t):
            out.append(t)
    return out


def noun_key(phrase: str | None) -> str:
    """A counted noun as CQE's unit names it: "different products" -> "different product",
    "Americans" -> "american"; no noun -> "-". A leading "% " (CQE's fraction marker, "% -") goes."""
    p = (phrase or "").strip()
    if p.startswith("%"):
        p = p[1:]
    words = [singular(t) for t in tokens(p)]
    return " ".join(words) if words else "-"


def unit_class(unit: str | None, noun: str | None) -> tuple[str, str]:
    """("unit", key) for a physical, currency or percentage unit; else ("noun", noun_key(noun)), the
    counted noun ("-" for none). The gold passes its ``normalized_unit`` twice (a noun unit is its
    own noun), numlint its unit and metric, quantulum3 its unit name and its noun (None when the
    name is "dimensionless"). An age is its own unit, as CQE's "year of age": the gold's name says
    so, numlint says it with the metric "age" ("a 15-year-old", "aged 25")."""
    key = unit_key(unit)
    if key:
        of_age = (unit or "").lower().endswith(" of age") or noun_key(noun) == "age"
        return ("unit", key + " of age" if of_age else key)
    return ("noun", noun_key(noun))


def units_match_cqe(pred: tuple[str, str], gold: tuple[str, str], head_only: bool = False) -> bool:
    """CQE's value+unit test on two ``unit_class`` results: physical units by key, counted nouns by
    the whole normalised noun (or, with head_only, its last word)."""
    if pred[0] != gold[0]:
        return False
    if head_only and pred[0] == "noun":
        return pred[1].split()[-1] == gold[1].split()[-1]
    return pred[1] == gold[1]


# -- concepts -------------------------------------------------------------------------------------
def concept_tokens(*phrases: str | None) -> frozenset[str]:
    """The token set of a concept: the gold's ``referred_concepts`` ("-" is none), or numlint's metric
    and base together."""
    return frozenset(t for p in phrases if p and p.strip() != "-" for t in tokens(p))


def concepts_match(pred: frozenset[str], gold: frozenset[str]) -> tuple[bool, bool]:
    """(complete, partial) as CQE's concepts_match: partial = a token in common, complete = the same
    tokens; no concept on either side counts as both (CQE compares ["-"] with ["-"])."""
    if not pred and not gold:
        return True, True
    return pred == gold, bool(pred & gold)


# -- matching and scores ----------------------------------------------------------------------------
class Gold(NamedTuple):
    value: object             # float or (low, high)
    unit: str                 # CQE normalized_unit
    concept: frozenset        # concept_tokens(referred_concepts)
    raw: dict                 # the gold record, for --show


class Pred(NamedTuple):
    value: object
    unit: str                 # the system's unit name
    noun: str | None          # the counted noun (numlint: metric; quantulum3: its noun unit name)
    concept: frozenset | None  # None: the system gives no concept
    label: str                # how to show it


def pair_ok(kind: str, p: Pred, g: Gold) -> bool:
    """Does prediction p meet gold g under figure ``kind`` (one of KINDS)?"""
    if not values_match(p.value, g.value):
        return False
    if kind == "value":
        return True
    if kind == "value+unit lenient":
        return unit_key(p.unit) == unit_key(g.unit)
    if kind in ("value+unit CQE", "value+unit noun head"):
        return units_match_cqe(unit_class(p.unit, p.noun), unit_class(g.unit, g.unit), kind.endswith("head"))
    if p.concept is None:
        return False
    complete, partial = concepts_match(p.concept, g.concept)
    return complete if kind == "value+concept complete" else partial


KINDS = ("value", "value+unit CQE", "value+unit noun head", "value+unit lenient",
         "value+concept partial", "value+concept complete")


def match(preds, golds, ok) -> dict[int, int]:
    """Greedy one-to-one matching in gold order: {gold index: prediction index} of the pairs ok(p, g)."""
    used: set[int] = set()
    pairs = {}
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            if pi not in used and ok(p, g):
                used.add(pi)
                pairs[gi] = pi
                break
    return pairs


def prf(tp: int, npred: int, ngold: int):
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score_sentences(sentences, kinds=KINDS) -> dict[str, tuple]:
    """sentences: [(preds, golds)]. Returns {kind: (P, R, F1, tp, npred, ngold)}."""
    out = {}
    for kind in kinds:
        tp = npred = ngold = 0
        for preds, golds in sentences:
            tp += len(match(preds, golds, lambda p, g, kind=kind: pair_ok(kind, p, g)))
            npred += len(preds)
            ngold += len(golds)
        out[kind] = prf(tp, npred, ngold) + (tp, npred, ngold)
    return out


def empty_concept_matches(sentences, kind: str) -> int:
    """How many of a concept figure's matches have no concept on either side (gold "-", prediction
    without one): CQE counts them, and they are most of what a system earns by saying nothing."""
    n = 0
    for preds, golds in sentences:
        pairs = match(preds, golds, lambda p, g: pair_ok(kind, p, g))
        n += sum(1 for gi, pi in pairs.items() if not golds[gi].concept and not preds[pi].concept)
    return n


# -- misses, for reading ----------------------------------------------------------------------------
CATEGORIES = {
    "value-missed": "value missed (no prediction has the gold value)",
    "spurious": "spurious value (no gold has the predicted value)",
    "unit-noun": "unit wrong: count noun vs metric head",
    "unit-physical": "unit wrong: physical (a physical, currency or percentage unit on either side)",
    "concept-partial": "concept wrong partial (no token in common)",
    "concept-complete": "concept wrong complete (a token in common, but not the same tokens)",
}


def miss_category_of_pair(p: Pred, g: Gold) -> list[str]:
    """The categories a value-matched pair misses in (none when the pair is right throughout)."""
    out = []
    pc, gc = unit_class(p.unit, p.noun), unit_class(g.unit, g.unit)
    if not units_match_cqe(pc, gc):
        out.append("unit-noun" if pc[0] == gc[0] == "noun" else "unit-physical")
    if p.concept is not None:
        complete, partial = concepts_match(p.concept, g.concept)
        if not partial:
            out.append("concept-partial")
        elif not complete:
            out.append("concept-complete")
    return out


def misses(preds, golds):
    """[(category, gold or None, pred or None)] for one sentence, from the value matching."""
    pairs = match(preds, golds, lambda p, g: pair_ok("value", p, g))
    out = [("value-missed", g, None) for gi, g in enumerate(golds) if gi not in pairs]
    out += [("spurious", None, p) for pi, p in enumerate(preds) if pi not in pairs.values()]
    for gi, pi in pairs.items():
        out += [(c, golds[gi], preds[pi]) for c in miss_category_of_pair(preds[pi], golds[gi])]
    return out


# -- the systems ------------------------------------------------------------------------------------
def repair(text: str) -> str:
    return re.sub(r"\bPS(?=\s?\d)", "£", text)


def gold_of(item, average_ranges: bool) -> list[Gold]:
    out = []
    for g in item["quantities"]:
        gv = parse_gold_value(str(g["value"]))
        if average_ranges and isinstance(gv, tuple):
            gv = (gv[0] + gv[1]) / 2
        out.append(Gold(gv, g["normalized_unit"], concept_tokens(g["referred_concepts"]), g))
    return out


# A change's two ends: "from $5 to $7", "narrowed to 138 lots from 212 lots" (only "about", "around"
# between the link word and the figure).
_FROM_BEFORE = re.compile(r"\b(?:from|to)\s+(?:about\s+|around\s+|nearly\s+|some\s+)?$", re.I)
# between the ends: the link word, after a count's noun ("138 lots from 212 lots") or a year ("from 20
# mpg in 2008 to 29 mpg")
_TO_BETWEEN = re.compile(r"(?:\s+[a-z]+)??(?:,?\s+in\s+(?:19|20)\d\d,?)?\s+(to|from)\s+"
                         r"(?:about\s+|around\s+|nearly\s+|some\s+)?", re.I)


def change_ends(text: str, quantities) -> list[tuple]:
    """numlint's quantities grouped as CQE writes them: the two ends of a change ("rose from 5% to 7%",
    "fell to 138 from 212") are two quantities in numlint (each is compared on its own, NL102 "a
    stated change") and one quantity with a range value in CQE's gold ("5-7", change "up"). Returns
    [(q,)] or [(q_from, q_to)], in order; a pair only for two single values of one unit joined by
    "to"/"from" after "from"/"to"."""
    out, i = [], 0
    qs = list(quantities)
    while i < len(qs):
        a = qs[i]
        b = qs[i + 1] if i + 1 < len(qs) else None
        between = _TO_BETWEEN.fullmatch(text, a.end, b.start) if b is not None else None
        before = _FROM_BEFORE.search(text[max(0, a.start - 20):a.start])
        noun = between.group(0).split()[0].lower() if between and between.group(0).split()[0].isalpha() else ""
        if (between and before and a.value is not None and b.value is not None and a.unit == b.unit
                and before.group(0).split()[0].lower() != between.group(1).lower()
                and (noun in (between.group(1).lower(), "in") or (a.kind == "count" and noun
                                                                   and noun in (a.metric or "").split()))):
            out.append((a, b))
            i += 2
            continue
        out.append((a,))
        i += 1
    return out


def numlint_preds(text: str, cqe_changes: bool = False) -> list[Pred]:
    """numlint's quantities as predictions; with ``cqe_changes`` a change's two ends are one range
    (``change_ends``), as CQE writes them."""
    from numlint.extract import extract_quantities

    out = []
    quantities = extract_quantities(text)
    groups = change_ends(text, quantities) if cqe_changes else [(q,) for q in quantities]
    for group in groups:
        q = group[0]
        if len(group) == 2:
            v = (group[0].value, group[1].value)
            label = (f"{text[group[0].start:group[1].end]!r} {v} (a change's ends) unit={q.unit!r} "
                     f"metric={q.metric!r} concept={q.concept!r}")
        else:
            v = (q.low, q.high) if q.value is None else q.value
            label = f"{q.text!r} {v} unit={q.unit!r} kind={q.kind} metric={q.metric!r} concept={q.concept!r}"
        # CQE names a multiplier's unit "count" ("3,200 times", "6.5 times earnings")
        noun = "count" if q.kind == "ratio" and re.search(r"\btimes$", q.text) else q.metric
        out.append(Pred(v, q.unit, noun, concept_tokens(q.concept), label))
    return out


_qparser = None
# quantulum3's names that CQE's tagger renames before comparing (tagger.py, QuantulumTagger): its
# names for "per cent" and "degree", and arc minutes/seconds, which it reads for "minute"/"second".
QUANTULUM_NAMES = {"per cent": "percentage", "percentage drop": "percentage", "dollar dollar": "dollar",
                   "degree angle": "degree", "minute of arc": "minute", "second of arc": "second",
                   "yard yard": "yard", "cubic centimetre": "millilitre", "tonne": "metric ton"}


def quantulum_preds(text: str) -> list[Pred]:
    global _qparser
    if _qparser is None:
        import warnings

        warnings.simplefilter("ignore")
        from quantulum3 import parser as qp

        _qparser = qp
    out = []
    try:
        for q in _qparser.parse(text):
            name = QUANTULUM_NAMES.get(q.unit.name.lower(), q.unit.name)
            noun = None if name.lower() in ("dimensionless", "unk", "") else name
            out.append(Pred(float(q.value), name, noun, None, f"{q.surface!r} {q.value} unit={name!r}"))
    except Exception:
        pass
    return out


def half_of(sentence: str) -> str:
    """'dev' or 'test' for a NewsQuant sentence, from a hash of its text (stable under reordering)."""
    import hashlib

    return "dev" if hashlib.sha256(sentence.encode("utf-8")).digest()[0] % 2 == 0 else "test"


def run(data, system: str, cqe_changes: bool = False):
    """[(text, preds, golds)] for every sentence; ``cqe_changes``: numlint's change ends grouped as
    CQE writes them (``change_ends``)."""
    def get(text):
        return numlint_preds(text, cqe_changes) if system == "numlint" else quantulum_preds(text)
    out = []
    for item in data:
        text = repair(item["text"])
        out.append((text, get(text), gold_of(item, average_ranges=system == "quantulum3")))
    return out


def show_misses(runs, n: int, category: str | None) -> None:
    by_cat: dict[str, list] = {c: [] for c in CATEGORIES}
    for text, preds, golds in runs:
        for cat, g, p in misses(preds, golds):
            by_cat[cat].append((text, g, p))
    print("\nnumlint misses by category (value-matched pairs can miss in a unit and a concept category):")
    for cat, desc in CATEGORIES.items():
        print(f"  {cat:17} {len(by_cat[cat]):4}  {desc}")
    for cat in ([category] if category else CATEGORIES):
        print(f"\n=== {cat}: {CATEGORIES[cat]} ({len(by_cat[cat])}) ===")
        for text, g, p in by_cat[cat][:n]:
            print("-" * 100)
            print(text)
            if g is not None:
                r = g.raw
                print(f"   gold  {r['value']} unit={r['normalized_unit']!r} -> {unit_class(g.unit, g.unit)} "
                      f"concept={r['referred_concepts']!r}")
            if p is not None:
                print(f"   pred  {p.label} -> {unit_class(p.unit, p.noun)} concept={sorted(p.concept or ())}")


def speed(n_articles: int):
    from numlint.extract import extract_quantities

    files = sorted(NEWS.glob("*/*.txt"))
    step = max(1, len(files) // n_articles)
    chosen = files[::step][:n_articles]
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in chosen]
    words = sum(len(t.split()) for t in texts)
    t0 = time.perf_counter()
    nq = 0
    for t in texts:
        nq += len(extract_quantities(t))
    dt = time.perf_counter() - t0
    import sys as _s

    print(f"speed: {len(texts)} articles, {words} words, {nq} quantities, {dt:.2f} s, {words / dt:,.0f} words/s; "
          f"quantulum3 imported: {'quantulum3' in _s.modules}")


PUBLISHED = {  # data/evaluation_output/NewsQuant.csv (F1): CQE, and quantulum3 where it was scored
    "value": ("0.920", "0.730"), "value+unit CQE": ("0.856", "0.472"),
    "value+concept partial": ("0.761", "-"), "value+concept complete": ("0.570", "-"),
}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--show", type=int, default=0, metavar="N", help="print up to N numlint misses of each category")
    ap.add_argument("--category", choices=list(CATEGORIES), help="with --show: only this category")
    ap.add_argument("--split", choices=("all", "dev", "test"), default="all",
                    help="score (and --show) one half of the sentences only; read misses on dev")
    ap.add_argument("--no-quantulum", action="store_true")
    ap.add_argument("--cqe-changes", action="store_true",
                    help="score a change's two ends ('from $5 to $4') as one range, as CQE's gold writes them "
                         "(numlint reports two figures; off by default, so the figures are numlint's own)")
    ap.add_argument("--speed", type=int, default=0, metavar="N", help="also time extraction on N news articles")
    args = ap.parse_args(argv)
    data = json.loads(args.data.read_text(encoding="utf-8"))
    if args.split != "all":
        data = [item for item in data if half_of(repair(item["text"])) == args.split]
    ngold = sum(len(d["quantities"]) for d in data)
    systems = ["numlint"] + ([] if args.no_quantulum else ["quantulum3"])
    runs, results, secs = {}, {}, {}
    for name in systems:
        t0 = time.perf_counter()
        runs[name] = run(data, name, args.cqe_changes)
        secs[name] = time.perf_counter() - t0
        results[name] = score_sentences([(p, g) for _, p, g in runs[name]])
    print(f"\nNewsQuant ({args.split}): {len(data)} sentences, {ngold} gold quantities")
    header = "".join(f"  {n + ' P / R / F1':>23}" for n in systems)
    print(f"{'figure':24}" + header + "   published CQE F1 (quantulum3)")
    for kind in KINDS:
        row = f"{kind:24}"
        for name in systems:
            p, r, f, *_ = results[name][kind]
            no_concept = name == "quantulum3" and "concept" in kind
            row += f"  {'-':>23}" if no_concept else f"  {p:7.3f} {r:6.3f} {f:7.3f}  "
        pub = PUBLISHED.get(kind)
        print(row + (f"   {pub[0]} ({pub[1]})" if pub else ""))
    if args.split == "all":
        halves = {h: score_sentences([(p, g) for text, p, g in runs["numlint"] if half_of(text) == h])
                  for h in ("dev", "test")}
        print("numlint F1 by half:  " + "; ".join(
            f"{kind} {halves['dev'][kind][2]:.3f} / {halves['test'][kind][2]:.3f}" for kind in KINDS)
            + "  (dev / test)")
    print("time: " + ", ".join(f"{n} {secs[n]:.1f}s" for n in systems))
    print("value+unit CQE: counted nouns compared whole (numlint: its metric); noun head: their last word only;\n"
          "lenient: any count meets any count. concept: numlint's concept field, content tokens.")
    sentences = [(p, g) for _, p, g in runs["numlint"]]
    for kind in ("value+concept partial", "value+concept complete"):
        p, r, f, tp, npred, ng = results["numlint"][kind]
        empty = empty_concept_matches(sentences, kind)
        print(f"{kind}: {empty} of numlint's {tp} matches have no concept on either side (CQE counts them); "
              f"without them F1 {prf(tp - empty, npred, ng)[2]:.3f}")
    if args.show:
        show_misses(runs["numlint"], args.show, args.category)
    if args.speed:
        speed(args.speed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
