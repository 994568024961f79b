"""Learn the weights of the same-fact model (``numlint/facts/same_fact_model.json``) from clean copy.

Self-supervised, on the DEV half of the news corpora only (``bench/corpus.py``). Edited copy is nearly
free of number errors, so among the candidate pairs that numlint's consistency rules weigh
(``numlint.facts.matching.survey``), in two different sentences:

* two values that differ (beyond the precision they were written with, or in scale word, currency
  or unit) are, in clean copy, almost always two different facts or an explained change: label 0,
  with the evidence of the text (``pair_features``) and the value relation (``pair_value_features``)
  as found;
* a figure restated with the same value, unit and written digits is two mentions of one fact. Each
  is corrupted the ways a figure goes wrong in copy -- two digits swapped, one digit changed, the
  value scaled by a factor of 0.4-3.5, and where the figure allows it a slipped scale word, currency
  or unit -- to stand in for an error: label 1, with the evidence of the text as found and the value
  relation of the corruption. A figure that repeats by chance (a whole number below 10, or a round
  number of one significant digit with no scale word: "20%", "100 people") is left out.

So the model weighs what restatements look like in the text around them against what different
facts look like, plus how the two values relate. Positives and negatives carry equal total weight.

A logistic model with an L2 penalty, fitted by full-batch gradient descent in plain Python (a few
dozen weights: no numerical library needed), deterministic. A fifth of the dev articles (by a hash of
the path) is held out and its log-loss and ranking quality (AUC) printed beside the hand-set weights'.

    python bench/train_same_fact.py                 # learn and write numlint/facts/same_fact_model.json
    python bench/train_same_fact.py --dry-run       # learn and report only
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import multiprocessing
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import articles, relative  # noqa: E402

MODEL = ROOT / "numlint" / "facts" / "same_fact_model.json"


def _chance_figure(f) -> bool:
    """A figure that two different facts share by chance often: "5", "20%", "100 people"."""
    from numlint.facts.matching import significant_digits

    q = f.q
    if q.value is None:
        return True
    multiplier, decimals = f.scale
    if multiplier != 1.0 or decimals:
        return False
    if q.value < 10 and q.value == int(q.value):
        return True
    return significant_digits(f) <= 1


def corruptions(a, rng) -> list[tuple[str, dict]]:
    """(kind, value features) of the errors a restated figure ``a`` could be turned into."""
    from numlint.facts.matching import value_features, written_digits

    digits = written_digits(a) or ""
    va = a.q.value
    out = []
    plain = digits.replace(".", "")
    swaps = [i for i in range(len(plain) - 1) if plain[i] != plain[i + 1]]
    if swaps:
        i = rng.choice(swaps)
        swapped = plain[:i] + plain[i + 1] + plain[i] + plain[i + 2:]
        out.append(("transpose", swapped))
    if plain:
        i = rng.randrange(len(plain))
        new_digit = rng.choice([d for d in "0123456789" if d != plain[i] and not (i == 0 and d == "0")] or ["1"])
        out.append(("digit", plain[:i] + new_digit + plain[i + 1:]))
    rows = []
    for _how, new_plain in out:
        scale = float(new_plain) / float(plain) if float(plain) else 2.0
        rows.append(("value", value_features(plain, va, new_plain, va * scale, a.unit, a.unit, a.scale[0], a.scale[0])))
    while True:
        factor = math.exp(rng.uniform(math.log(0.4), math.log(3.5)))
        if not 0.9 <= factor <= 1.1:
            break
    rows.append(("value", value_features(digits, va, f"{va * factor:.6g}", va * factor, a.unit, a.unit,
                                         a.scale[0], a.scale[0])))
    if a.scale[0] != 1.0 or a.q.kind == "money":
        other = a.scale[0] * 1000 if a.scale[0] < 1e9 else a.scale[0] / 1000
        rows.append(("scale", value_features(digits, va, digits, va, a.unit, a.unit, a.scale[0], other)))
    if a.q.kind == "money":
        swap = "GBP" if a.unit.split("/")[0].strip() != "GBP" else "USD"
        rows.append(("currency", value_features(digits, va, digits, va, a.unit, swap, a.scale[0], a.scale[0])))
    if a.q.kind == "measure" and a.unit:
        rows.append(("unit", {"slip_unit": 1.0}))
    return rows


def examples_of(path: str) -> list[tuple[dict, int, float]]:
    """(features, label, weight) of every usable candidate pair of one article."""
    import random

    rng = random.Random(hashlib.sha256(path.encode()).hexdigest())
    from numlint.document import Document
    from numlint.facts import build_facts, matching
    from numlint.linter import document_quantities
    from numlint.registry import load_rules

    rule = load_rules()["NL101"]
    text = Path(path).read_text(encoding="utf-8")
    doc = Document(path, text)
    prose, quantities = document_quantities(doc)
    table = build_facts(doc, prose, quantities)
    found = matching.survey(table, rule.vocabularies.get("metric_synonyms", ()),
                            rule.vocabularies.get("change_markers", ()),
                            float(rule.options.get("approx_tolerance", 0.1)), all_evidence=True)
    out = []
    for a, b, c, features in found.pairs:
        if a.sentence_index == b.sentence_index:
            continue
        if c.verdict == "same":
            if a.unit != b.unit or a.q.value != b.q.value or not matching.same_written_number(a, b):
                continue
            if _chance_figure(a):
                continue
            rows = corruptions(a, rng)
            by_kind: dict[str, list] = {}
            for kind, value in rows:
                by_kind.setdefault(kind, []).append(value)
            for values in by_kind.values():
                for value in values:
                    out.append(({**features, **value}, 1, 1.0 / len(values)))
        elif c.verdict in ("conflict", "scale", "currency", "unit"):
            out.append((features, 0, 1.0))
    return out


def held_out(path: Path) -> bool:
    return hashlib.sha256(("holdout:" + relative(path)).encode()).digest()[0] % 5 == 0


def balance(rows):
    """The rows with weights rescaled so that positives and negatives carry equal total weight."""
    pos = sum(w for _, y, w in rows if y) or 1.0
    neg = sum(w for _, y, w in rows if not y) or 1.0
    return [(f, y, w * (len(rows) / 2) / (pos if y else neg)) for f, y, w in rows]


def fit(rows, names, l2: float = 1e-3, steps: int = 600, rate: float = 1.0):
    """Weights and bias minimising the weighted mean log-loss plus ``l2`` times the squared weights."""
    w = [0.0] * len(names)
    bias = 0.0
    total = sum(weight for _, _, weight in rows)
    index = {k: i for i, k in enumerate(names)}
    data = [([(index[k], v) for k, v in feats.items() if k in index], y, weight) for feats, y, weight in rows]
    for _ in range(steps):
        gw = [0.0] * len(names)
        gb = 0.0
        for feats, y, weight in data:
            z = bias + sum(w[i] * v for i, v in feats)
            p = 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))
            d = (p - y) * weight
            gb += d
            for i, v in feats:
                gw[i] += d * v
        bias -= rate * gb / total
        for i in range(len(w)):
            w[i] -= rate * (gw[i] / total + 2 * l2 * w[i])
    return bias, dict(zip(names, w, strict=True))


def evaluate(model, rows) -> tuple[float, float]:
    """(mean log-loss, AUC) of a model on labelled rows."""
    scored = [(model.probability(f), y) for f, y, _ in rows]
    loss = -sum(math.log(max(p if y else 1 - p, 1e-12)) for p, y in scored) / max(len(scored), 1)
    pos = sorted(p for p, y in scored if y)
    neg = sorted(p for p, y in scored if not y)
    if not pos or not neg:
        return loss, float("nan")
    # AUC by counting, with ties as halves
    import bisect

    wins = sum(bisect.bisect_left(neg, p) + 0.5 * (bisect.bisect_right(neg, p) - bisect.bisect_left(neg, p))
               for p in pos)
    return loss, wins / (len(pos) * len(neg))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--l2", type=float, default=1e-3)
    ap.add_argument("--steps", type=int, default=600)
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args()
    from numlint.facts.matching import ALL_FEATURES, SameFactModel

    paths = articles(split="dev")
    t0 = time.time()
    with multiprocessing.Pool(args.jobs) as pool:
        results = pool.map(examples_of, [str(p) for p in paths], chunksize=20)
    train, hold = [], []
    for p, rows in zip(paths, results, strict=True):
        (hold if held_out(p) else train).extend(rows)
    npos = sum(y for _, y, _ in train)
    print(f"{len(paths)} dev articles in {time.time() - t0:.0f}s: {len(train)} training pairs "
          f"({npos} corrupted restatements, {len(train) - npos} different values), {len(hold)} held out")
    bias, weights = fit(balance(train), list(ALL_FEATURES), args.l2, args.steps)
    learnt = SameFactModel(bias, weights)
    loss, auc = evaluate(learnt, hold)
    print(f"held out: log-loss {loss:.3f}, AUC {auc:.3f} (corrupted restatements against different values)")
    print(f"bias {bias:+.2f}")
    for k, v in sorted(weights.items(), key=lambda kv: -abs(kv[1])):
        print(f"  {k:18} {v:+.2f}")
    if not args.dry_run:
        data = {
            "trained_on": f"bench/train_same_fact.py on the dev half: {len(train)} pairs "
                          f"({npos} corrupted restatements), l2={args.l2}, steps={args.steps}",
            "bias": round(bias, 4),
            "weights": {k: round(v, 4) for k, v in weights.items()},
        }
        MODEL.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {MODEL.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
