"""Score numlint's quantity extraction against NewsQuant (CQE, EMNLP 2023), next to raw quantulum3.

Usage (from the repo root, with the venv active):

    python bench/extraction.py                      # the table
    python bench/extraction.py --show-misses        # plus every sentence numlint gets wrong
    python bench/extraction.py --no-quantulum       # numlint only (fast)
    python bench/extraction.py --speed 200          # also: words/s over 200 news-corpus articles

Data: ../shared/corpora/newsquant-cqe/formatted_test_set/NewsQuant.json (590 sentences, 904
gold quantities). Override with --data. This script may read ../shared; the tests never do.

Scoring follows the CQE evaluation (evaluate_models.py, as described in the corpus SOURCE.md):
* a predicted value matches a gold value when math.isclose(rel_tol=1e-5) (and abs_tol 1e-9 for 0);
* a range is a (low, high) tuple, matched element-wise. Both systems' and the gold's tuples are
  compared sorted (low <= high): the gold writes "from 4.8 to 4.7" as 4.8-4.7, numlint always
  stores low <= high, and quantulum3 returns a mean anyway. Sorting favours neither system;
* quantulum3 returns mean +- uncertainty for a range, so, as CQE did, gold ranges are averaged to
  one number when scoring quantulum3;
* matching is one-to-one within a sentence (greedy in gold order); precision, recall and F1 are
  micro-averaged over all sentences.

value+unit additionally requires the units to agree after one normaliser applied alike to the gold
(CQE ``normalized_unit`` names), to quantulum3's unit names (CQE's names come from quantulum3's
unit list, so they share a spelling) and to numlint's units (pint names / ISO codes):
* a currency name ("dollar", "pound sterling", "japanese yen", "cent") -> its ISO code (cent -> USX,
  penny -> GBX);
* "percentage" -> percent; "percentage point", "basis point" -> their own units;
* anything pint can parse (after metre->meter, litre->liter, " per " -> " / ") -> pint's canonical
  spelling, so "kilometre" (gold) == "kilometer" (numlint) and "mile per hour" == "mile / hour";
* everything else ("-", "dimensionless", and CQE's noun units such as "people", "point", "goal",
  "worker") is a count: numlint writes counts as unit "" (the counted noun goes to ``metric``) and
  quantulum3 writes them "dimensionless", so both meet the gold there.

Text preprocessing: the NewsQuant text renders "£" as "PS" (an encoding loss in the data set, see
SOURCE.md). We turn "PS" directly before a digit back into "£" before either system sees the
sentence; that repairs the data, it is not a rule of numlint.
"""

from __future__ import annotations

import argparse
import os
import json
import math
import re
import sys
import time
from pathlib import Path

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
NOUN_NAMES = {"section", "league", "point", "count", "unit", "home", "game", "people", "person", "inning", "pick", "job", "user",
              "student", "cylinder", "solution", "goal", "worker", "share", "head", "win", "run", "shot"}


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
           "kilopound per square inch": "kip_per_square_inch"}.get(low, low)
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
    if isinstance(gold, tuple) != isinstance(pred, tuple):
        return False
    if isinstance(gold, tuple):
        g, p = sorted(gold), sorted(pred)
        return _close(p[0], g[0]) and _close(p[1], g[1])
    return _close(pred, gold)


def match(preds, golds, with_unit: bool):
    """Greedy one-to-one matching; returns (tp, matched_gold_idx, matched_pred_idx)."""
    used = set()
    matched_g = set()
    for gi, (gv, gu) in enumerate(golds):
        for pi, (pv, pu) in enumerate(preds):
            if pi in used or gv is None or pv is None:
                continue
            if values_match(pv, gv) and (not with_unit or unit_key(pu) == unit_key(gu)):
                used.add(pi)
                matched_g.add(gi)
                break
    return len(used), matched_g, used


def prf(tp: int, npred: int, ngold: int):
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def repair(text: str) -> str:
    return re.sub(r"\bPS(?=\s?\d)", "£", text)


def numlint_preds(text: str):
    from numlint.extract import extract_quantities

    out = []
    for q in extract_quantities(text):
        v = (q.low, q.high) if q.value is None else q.value
        out.append((v, q.unit, q))
    return out


_qparser = None


def quantulum_preds(text: str):
    global _qparser
    if _qparser is None:
        import warnings

        warnings.simplefilter("ignore")
        from quantulum3 import parser as qp

        _qparser = qp
    out = []
    try:
        for q in _qparser.parse(text):
            out.append((float(q.value), q.unit.name, q))
    except Exception:
        pass
    return out


def score(data, system: str, show_misses: bool = False):
    counts = {"value": [0, 0, 0], "value+unit": [0, 0, 0]}
    for item in data:
        text = repair(item["text"])
        golds = []
        for g in item["quantities"]:
            gv = parse_gold_value(str(g["value"]))
            if system == "quantulum3" and isinstance(gv, tuple):
                gv = (gv[0] + gv[1]) / 2
            golds.append((gv, g["normalized_unit"]))
        preds_full = numlint_preds(text) if system == "numlint" else quantulum_preds(text)
        preds = [(v, u) for v, u, _ in preds_full]
        for kind, with_unit in (("value", False), ("value+unit", True)):
            tp, mg, mp = match(preds, golds, with_unit)
            c = counts[kind]
            c[0] += tp
            c[1] += len(preds)
            c[2] += len(golds)
            if show_misses and system == "numlint" and kind == "value+unit" and (len(mg) < len(golds) or len(mp) < len(preds)):
                print("-" * 100)
                print(text)
                for gi, (gv, gu) in enumerate(golds):
                    if gi not in mg:
                        print(f"   MISS gold {gv} [{gu}] -> key {unit_key(gu)!r}")
                for pi, (pv, pu, q) in enumerate(preds_full):
                    if pi not in mp:
                        print(f"   EXTRA pred {q.text!r} {pv} [{pu}] kind={q.kind} metric={q.metric}")
    return {k: prf(*v) + tuple(v) for k, v in counts.items()}


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


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--show-misses", action="store_true")
    ap.add_argument("--no-quantulum", action="store_true")
    ap.add_argument("--speed", type=int, default=0, metavar="N", help="also time extraction on N news articles")
    args = ap.parse_args(argv)
    data = json.loads(args.data.read_text(encoding="utf-8"))
    ngold = sum(len(d["quantities"]) for d in data)
    t0 = time.perf_counter()
    results = {"numlint": score(data, "numlint", args.show_misses)}
    t_numlint = time.perf_counter() - t0
    if not args.no_quantulum:
        t0 = time.perf_counter()
        results["quantulum3"] = score(data, "quantulum3")
        t_q = time.perf_counter() - t0
    print(f"\nNewsQuant: {len(data)} sentences, {ngold} gold quantities")
    print(f"{'system':12} {'value P':>8} {'R':>6} {'F1':>6}   {'value+unit P':>12} {'R':>6} {'F1':>6}   {'time':>6}")
    for name, res in results.items():
        v, vu = res["value"], res["value+unit"]
        t = t_numlint if name == "numlint" else t_q
        print(f"{name:12} {v[0]:8.3f} {v[1]:6.3f} {v[2]:6.3f}   {vu[0]:12.3f} {vu[1]:6.3f} {vu[2]:6.3f}   {t:5.1f}s")
    print("(published CQE: value F1 0.920, value+unit F1 0.856; quantulum3 as published: 0.730 / 0.472)")
    if args.speed:
        speed(args.speed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
