"""Figure tokens, restated pairs and alterations chosen from the raw text by surface form alone.

Nothing here imports numlint: the error-injection harness (``bench/inject.py``) must choose its cases
independently of what numlint's extraction or fact stage would find, or it cannot see numlint's misses.

A *token* is an optional currency prefix, a number written with digits, an optional scale word and an
optional currency or unit word. Its *key* is the normalised surface: currency, digits without
thousands separators, scale (m / mn / mln / million -> M, ...) and unit (% / pct / per cent -> %, ...).
A *restated pair* is two tokens with one key in two different sentences whose neighbouring content
words (8 words either side, within the paragraph) share at least one non-stop word.
"""

from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass

MAX_PAIRS_PER_ARTICLE = 3
WINDOW = 8

_CUR_PREFIX = r"US\$|A\$|C\$|NZ\$|HK\$|S\$|\$|£|€|¥"
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d|,\d)|\d+(?:\.\d+)?"
# scale words glued to the number ("£5m", "5bn") or after one space ("5 mln", "5 million")
_SCALE_GLUED = r"mln|bln|mn|bn|m|k|tn|trn|million|billion|thousand|trillion"
_SCALE_SPACED = r"mln|bln|mn|bn|tn|million|billion|thousand|trillion"
_NATION = r"(?:U\.S\.|US|Canadian|Australian|Hong Kong|New Zealand|Singapore|Taiwan)\s"
_CUR_WORD = (rf"(?:{_NATION})?(?:dlrs|dollars)|stg|sterling|euros|yen|francs|marks|guilders|lire|"
             r"rupees|yuan|pesos|rand|crowns")
_UNIT_GLUED = r"%|km|kg|mph|kph|bpd"
_UNIT_SPACED = (r"%|pct|per cent|percent|percentage points|km|kilometres|kilometers|kilometre|kilometer|miles|"
                r"mile|tonnes|tonne|tons|kg|kilograms|kilos|pounds|lbs|lb|metres|meters|feet|ft|acres|"
                r"hectares|barrels|bpd|ounces|litres|liters|gallons|mph")

TOKEN = re.compile(
    rf"(?P<cur>{_CUR_PREFIX})?"
    rf"(?P<num>{_NUMBER})"
    rf"(?:(?P<sg>{_SCALE_GLUED})(?![A-Za-z0-9])|\s(?P<ss>{_SCALE_SPACED})(?![A-Za-z0-9]))?"
    rf"(?:(?P<ug>{_UNIT_GLUED})(?![A-Za-z0-9])|\s(?P<us>{_UNIT_SPACED}|{_CUR_WORD})(?![A-Za-z0-9]))?"
)

SCALE_NORM = {"m": "M", "mn": "M", "mln": "M", "million": "M", "bn": "B", "bln": "B", "billion": "B",
              "k": "K", "thousand": "K", "tn": "T", "trn": "T", "trillion": "T"}
UNIT_NORM = {"%": "%", "pct": "%", "per cent": "%", "percent": "%", "percentage points": "pp",
             "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km",
             "mile": "miles", "tonne": "tonnes", "kilograms": "kg", "kilos": "kg", "lbs": "pounds",
             "lb": "pounds", "meters": "metres", "ft": "feet", "liters": "litres",
             "dlrs": "USD", "dollars": "USD", "stg": "GBP", "sterling": "GBP", "euros": "EUR"}
CUR_NORM = {"$": "USD", "US$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY"}

MONTHS = ("january february march april may june july august september october november december "
          "jan feb mar apr jun jul aug sep sept oct nov dec").split()
_MONTH = r"(?:" + "|".join(MONTHS) + r")\.?"
_DATE_BEFORE = re.compile(rf"\b{_MONTH}\s$", re.I)
_DATE_AFTER = re.compile(rf"^\s(?:of\s)?{_MONTH}\b", re.I)
_TIME_AFTER = re.compile(r"^\s?(?:am|pm|a\.m\.|p\.m\.|gmt|bst|est|edt|cet|hrs|hours\b|o'clock|local time)", re.I)

STOP = set("""
a about above after again against all almost along already also although always am among an and another any are
around as at away back be because been before being below between both but by can cannot could did do does doing
down during each either else even ever every few for from further get gets got had has have having he her here hers
him his how however if in into is it its itself just last least less like made make many may me might more most
much must my near nearly neither next no nor not now of off on once one only or other others our out over own per
put rather same says said say see she should since so some still such than that the their them then there these
they this those though three through thus to too two under until up upon us very was way we well were what when where
whether which while who whom whose why will with within without would yet you your year years month months week
weeks day days time times new first second third four five six seven eight nine ten percent cent pct mln bln dlrs
stg million billion thousand trillion dollars euros pounds sterling yen total around some reuters told according
added compared against week today yesterday tuesday monday wednesday thursday friday saturday sunday
""".split())


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    cur: str | None     # as written
    num: str            # as written
    scale: str | None   # as written
    unit: str | None    # as written (a unit or a currency word)
    sentence: int

    @property
    def key(self) -> tuple:
        unit = self.unit and re.sub(r"\s+", " ", self.unit)
        unit_norm = UNIT_NORM.get(unit.lower() if unit and unit != unit.upper() else unit, unit) if unit else None
        if unit and re.match(_NATION, unit + " "):
            unit_norm = unit  # "Canadian dlrs" stays apart from "dlrs"
        return (CUR_NORM.get(self.cur, self.cur), self.num.replace(",", ""),
                SCALE_NORM.get(self.scale.lower()) if self.scale else None, unit_norm)


def sentence_starts(text: str) -> list[int]:
    """Start offsets of crude sentences: a line break ends one, so does . ! ? before a capital."""
    starts = [0]
    for m in re.finditer(r"\n+|(?<=[.!?])[\"'”’)]?\s+(?=[\"'“‘(]?[A-Z0-9])", text):
        before = text[max(0, m.start() - 6):m.start()]
        if m.group().startswith("\n") or not re.search(
                r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Inc|Co|Corp|Ltd|No|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
                r"Gen|Sen|Rep|Gov|Prof|Lt|Col|Capt|Mt)\.|\b[A-Z]\.)$", before):
            starts.append(m.end())
    return starts


def _excluded(text: str, m: re.Match) -> bool:
    start, end = m.start(), m.end()
    prev = text[start - 1] if start else " "
    nxt = text[end] if end < len(text) else " "
    num = m.group("num")
    has_mark = bool(m.group("cur") or m.group("sg") or m.group("ss") or m.group("ug") or m.group("us"))
    if prev.isalnum() or prev in "_/#@<.:,":
        return True  # inside a word or a code ("F16", "A4", "<HPR>", "1.2.3", "10:30")
    if nxt.isalnum() or nxt in "_/:@>":
        return True  # "1980s", "21st", "1987/88", "10:30", "84/5"
    if prev in "-–" and start >= 2 and text[start - 2].isalnum():
        return True  # "COVID-19", "10-12" (a range or a score), "555-1234"
    if nxt in "-–" and end + 1 < len(text) and text[end + 1].isalnum():
        return True  # "170-year-old", "3-1", "555-1234"
    if nxt == "." and end + 1 < len(text) and text[end + 1].isdigit():
        return True
    if re.search(r"\d[ .]$", text[max(0, start - 2):start]) or re.match(r"[ .]\d", text[end:end + 2]):
        return True  # phone-like groups "020 7946 0000", "+44 20"
    if prev == "+" or re.search(r"\(\d{3}\)\s?$", text[max(0, start - 7):start]):
        return True
    if not has_mark:
        if "," not in num and "." not in num and len(num) == 4 and 1900 <= int(num) <= 2100:
            return True  # a year
        if "." not in num and "," not in num and int(num) < 10:
            return True  # a small bare count
        if "." not in num and int(num.replace(",", "")) <= 31 and (
                _DATE_BEFORE.search(text[max(0, start - 12):start]) or _DATE_AFTER.match(text[end:end + 14])):
            return True  # "March 16", "16 March"
        if _TIME_AFTER.match(text[end:end + 12]):
            return True  # "3.30 pm", "10 GMT"
    if re.match(r"^\d{1,2}\.\d\d$", num) and _TIME_AFTER.match(text[end:end + 12]):
        return True
    return False


def tokens(text: str) -> list[Token]:
    starts = sentence_starts(text)
    out = []
    si = 0
    for m in TOKEN.finditer(text):
        if _excluded(text, m):
            continue
        while si + 1 < len(starts) and starts[si + 1] <= m.start():
            si += 1
        out.append(Token(m.start(), m.end(), m.group(), m.group("cur"), m.group("num"),
                         m.group("sg") or m.group("ss"), m.group("ug") or m.group("us"), si))
    return out


_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def _stem(word: str) -> str:
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


def context_words(text: str, tok: Token, span_start: int, span_end: int) -> set[str]:
    left = [w.group() for w in _WORD.finditer(text, span_start, tok.start)][-WINDOW:]
    right = [w.group() for w in _WORD.finditer(text, tok.end, span_end)][:WINDOW]
    words = set()
    for w in left + right:
        if len(w) < 3 or w.lower() in STOP:
            continue
        s = _stem(w)
        if len(s) >= 3 and s not in STOP:
            words.add(s)
    return words


@dataclass(frozen=True)
class Pair:
    a: Token
    b: Token
    shared: tuple[str, ...]

    @property
    def sha(self) -> str:
        return pair_sha(self.a.text, self.b.text)


def pair_sha(a_text: str, b_text: str) -> str:
    return hashlib.sha256((a_text + "\x1f" + b_text).encode("utf-8")).hexdigest()[:12]


def restated_pairs(text: str, rel: str = "", seed: int = 7, cap: int = MAX_PAIRS_PER_ARTICLE) -> list[Pair]:
    """The restated pairs of one article: per repeated key, the first later mention whose context shares a
    content word with an earlier mention's (in another sentence); at most ``cap``, chosen by a seeded draw."""
    toks = tokens(text)

    def line_bounds(t: Token):
        line_start = text.rfind("\n", 0, t.start) + 1
        line_end = text.find("\n", t.end)
        return line_start, len(text) if line_end < 0 else line_end

    ctx = {}
    by_key: dict[tuple, list[Token]] = {}
    for t in toks:
        by_key.setdefault(t.key, []).append(t)
    pairs = []
    for group in by_key.values():
        if len(group) < 2:
            continue
        found = None
        for j, b in enumerate(group[1:], 1):
            for a in group[:j]:
                if a.sentence == b.sentence:
                    continue
                for t in (a, b):
                    if t not in ctx:
                        ctx[t] = context_words(text, t, *line_bounds(t))
                shared = ctx[a] & ctx[b]
                if shared:
                    found = Pair(a, b, tuple(sorted(shared)))
                    break
            if found:
                break
        if found:
            pairs.append(found)
    pairs.sort(key=lambda p: (p.b.start, p.a.start))
    if len(pairs) > cap:
        pairs = sorted(random.Random(f"{seed}:{rel}").sample(pairs, cap), key=lambda p: (p.b.start, p.a.start))
    return pairs


# ---------------------------------------------------------------- alterations of the later mention

SCALE_SWAPS = {"m": "bn", "mn": "bn", "bn": "m", "mln": "billion", "bln": "mln", "billion": "million",
               "million": "billion", "tn": "bn", "trillion": "billion", "k": "m", "thousand": "million"}
CURRENCY_PREFIX_SWAPS = {"$": "£", "US$": "£", "A$": "£", "C$": "£", "NZ$": "£", "HK$": "£", "S$": "£",
                         "£": "$", "€": "$", "¥": "$"}
CURRENCY_WORD_SWAPS = {"dlrs": "stg", "stg": "dlrs", "euros": "dollars", "dollars": "euros", "sterling": "dollars",
                       "yen": "dlrs", "francs": "dlrs", "marks": "dlrs"}
UNIT_SWAPS = {"km": "miles", "kilometres": "miles", "kilometers": "miles", "kilometre": "mile", "kilometer": "mile",
              "miles": "km", "mile": "km", "tonnes": "pounds", "tonne": "pound", "tons": "kg", "kg": "pounds",
              "kilograms": "pounds", "kilos": "pounds", "pounds": "kg", "lbs": "kg", "lb": "kg",
              "metres": "feet", "meters": "feet", "feet": "metres", "ft": "m", "litres": "gallons",
              "gallons": "litres"}


def _format_like(original: str, value: float) -> str:
    decimals = len(original.split(".")[1]) if "." in original else 0
    return f"{value:,.{decimals}f}" if "," in original else f"{value:.{decimals}f}"


def alter_number(num: str, rng: random.Random) -> tuple[str, str] | None:
    """(new number text, 'transpose' or 'factor'): a transposition of two adjacent digits when the digits
    allow it (half the time), else the value times a factor in 0.5-0.9 or 1.1-3, same format."""
    plain = num.replace(",", "").replace(".", "")
    spots = [i for i in range(len(plain) - 1) if plain[i] != plain[i + 1] and not (i == 0 and plain[1] == "0")]
    if spots and rng.random() < 0.5:
        i = rng.choice(spots)
        swapped = plain[:i] + plain[i + 1] + plain[i] + plain[i + 2:]
        out, k = [], 0
        for ch in num:  # put the separators back where they were
            if ch.isdigit():
                out.append(swapped[k])
                k += 1
            else:
                out.append(ch)
        return "".join(out), "transpose"
    value = float(num.replace(",", ""))
    decimals = len(num.split(".")[1]) if "." in num else 0
    for _ in range(20):
        factor = rng.uniform(0.5, 0.9) if rng.random() < 0.5 else rng.uniform(1.1, 3.0)
        new = round(value * factor, decimals)
        if value and new > 0 and not (0.9 <= new / value <= 1.1):
            return _format_like(num, new), "factor"
    return None


def alterations(text: str, tok: Token, seed: int = 7, rel: str = "") -> list[dict]:
    """Each applicable alteration of one mention: {kind, how, new} with the mention's new text."""
    out = []
    m = TOKEN.fullmatch(tok.text)
    rng = random.Random(f"{seed}:{rel}:{tok.start}:value")
    changed = alter_number(tok.num, rng)
    if changed:
        new_num, how = changed
        s, e = m.span("num")
        out.append({"kind": "value", "how": how, "new": tok.text[:s] + new_num + tok.text[e:]})
    if tok.scale:
        old = tok.scale
        new = SCALE_SWAPS.get(old.lower())
        if old.lower() == "mln" and not re.search(r"\bbln\b", text):
            new = "billion"
        elif old.lower() == "mln":
            new = "bln"
        if new:
            grp = "sg" if m.group("sg") else "ss"
            s, e = m.span(grp)
            out.append({"kind": "scale", "how": f"{old}->{new}", "new": tok.text[:s] + new + tok.text[e:]})
    if tok.cur and tok.cur in CURRENCY_PREFIX_SWAPS:
        new = CURRENCY_PREFIX_SWAPS[tok.cur]
        s, e = m.span("cur")
        out.append({"kind": "currency", "how": f"{tok.cur}->{new}", "new": tok.text[:s] + new + tok.text[e:]})
    elif tok.unit:
        word = tok.unit.split()[-1]
        grp = "ug" if m.group("ug") else "us"
        s, e = m.span(grp)
        if word.lower() in CURRENCY_WORD_SWAPS and not (word.lower() == "marks" and not tok.scale):
            new = CURRENCY_WORD_SWAPS[word.lower()]
            out.append({"kind": "currency", "how": f"{tok.unit}->{new}", "new": tok.text[:s] + new + tok.text[e:]})
        elif word in UNIT_SWAPS or word.lower() in UNIT_SWAPS:
            new = UNIT_SWAPS.get(word, UNIT_SWAPS.get(word.lower()))
            if new == "km" and re.search(r"\bkilometres\b", text):
                new = "kilometres"
            if grp == "ug" and len(new) > 3:
                new = " " + new
            out.append({"kind": "unit", "how": f"{tok.unit}->{new.strip()}", "new": tok.text[:s] + new + tok.text[e:]})
    return out
