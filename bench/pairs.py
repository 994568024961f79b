"""NL101's task, offline: how well the same-fact model ranks a restated figure that changed above
the pairs of different facts it weighs in clean copy. A minute per run, against a minute per
threshold for the full harnesses, so a new feature, a retrained model or a change of the rule's
gates can be judged before the two harnesses confirm it.

What is measured
    *Clean pairs*: every pair of mentions in two sentences that NL101 scores (the pairs its earlier
    filters leave; a pair is scored when the rule asks how likely it is to be one fact) on the
    articles of the chosen half, as published. Edited copy is nearly free of number errors, so a
    clean pair that reaches the rule's gates is a false alarm in the making.
    *Genuine cases*: the value alterations of ``bench/inject-set.json`` whose pair is hand-labelled
    genuine in ``bench/labels/inject-pairs.jsonl`` (chosen from the raw text, never by numlint; see
    ``bench/inject.py``), each article altered and checked; the case's pair is the one that joins
    the altered mention to its labelled partner. A case with no such pair was ruled out before the
    model (a ceiling no model can pass); the report counts those apart.
    Each pair keeps its evidence (``matching.FEATURES``) and value relation, so the model can be
    re-scored without re-reading the text.

What is printed
    * recall of genuine cases at K clean pairs: the share of cases whose pair ranks above the K-th
      best clean pair (the model's probability, zero below the text floor): one point of the
      recall-noise curve per K, independent of the threshold;
    * at the rule's own gates (``warn_same_fact`` and ``text_same_fact`` of rules/NL101-*.toml, or
      ``--warn`` and ``--text-floor``): clean pairs that pass, genuine and harmless cases caught;
    * with ``--sweep``, the best gates at each level of clean pairs (text floor x threshold).

Clean pairs are not findings: NL101 reports one finding per out-of-line mention and names only a
headline figure's best partner, so its findings are fewer (``bench/noise.py`` counts them), and a
case whose pair passes can still be dropped by a later check (a stated part of a total, "the other").
Figures here rank; the harnesses report.

    python bench/pairs.py                         # dev half, the shipped model and the rule's gates
    python bench/pairs.py --sweep                 # and the frontier of text floor x threshold
    python bench/pairs.py --model other.json      # score a model written elsewhere (same features)
    python bench/pairs.py --split test            # measure only: do not tune on the test half
"""

from __future__ import annotations

import argparse
import collections
import json
import multiprocessing
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import CORPORA, articles, relative, split_of  # noqa: E402
from bench.inject import load_labels  # noqa: E402

INJECT_SET = ROOT / "bench" / "inject-set.json"
KS = (10, 25, 50, 75, 100, 150)

_scored: list[dict] = []   # the pairs PairView scored in the current article (one per process)


def _record_scores() -> None:
    """Have every pair NL101 scores recorded with its evidence (in this process)."""
    from numlint.rules import consistency

    if getattr(consistency.PairView._score, "recording", False):
        return
    score = consistency.PairView._score

    def recording(self, features):
        score(self, features)
        a, b = self.a, self.b
        if self.verdict == "conflict" and not self.slip and a.sentence_index != b.sentence_index:
            _scored.append({"a": (a.q.start, a.q.end), "b": (b.q.start, b.q.end), "features": dict(features)})

    recording.recording = True
    consistency.PairView._score = recording


def _overlaps(x, y) -> bool:
    return x[0] < y[1] and y[0] < x[1]


def clean_pairs(rel: str) -> list[dict]:
    import numlint

    _record_scores()
    _scored.clear()
    path = CORPORA / rel
    numlint.check_text(path.read_text(encoding="utf-8"), str(path))
    return [dict(p, file=rel) for p in _scored]


def case_pairs(case: dict) -> list[dict]:
    """The scored pairs joining the altered mention of one case to its labelled partner."""
    import numlint

    _record_scores()
    _scored.clear()
    path = CORPORA / case["file"]
    text = path.read_text(encoding="utf-8")
    (a0, a1), (b0, b1) = case["a"], case["b"]
    altered = text[:b0] + case["new"] + text[b1:]
    span, partner = (b0, b0 + len(case["new"])), (a0, a1)
    numlint.check_text(altered, str(path))
    return [p for p in _scored if (_overlaps(p["a"], span) and _overlaps(p["b"], partner))
            or (_overlaps(p["b"], span) and _overlaps(p["a"], partner))]


def labelled_cases(split: str) -> list[dict]:
    """The recorded value alterations of ``split`` whose pair is hand-labelled, with their label."""
    labels = load_labels()
    out = []
    for case in json.loads(INJECT_SET.read_text(encoding="utf-8"))["cases"]:
        label = labels.get((case["file"], tuple(case["a"]), tuple(case["b"])), {}).get("label")
        if case["kind"] == "value" and label and split_of(case["file"]) == split:
            out.append(dict(case, label=label))
    return out


def rule_gates() -> tuple[float, float]:
    """NL101's warning threshold and text floor, as its definition sets them."""
    from numlint.registry import load_rules

    options = load_rules()["NL101"].options
    warn = options.get("warn_same_fact")
    return float(options["min_same_fact"] if warn is None else warn), float(options.get("text_same_fact") or 0.0)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    ap.add_argument("--split", choices=("dev", "test"), default="dev")
    ap.add_argument("--model", type=Path, help="a same-fact model JSON to score with (default: the shipped one)")
    ap.add_argument("--warn", type=float, help="threshold on the probability (default: the rule's warn_same_fact)")
    ap.add_argument("--text-floor", type=float, help="floor on the text-only probability (default: the rule's)")
    ap.add_argument("--sweep", action="store_true", help="print the best gates at each level of clean pairs")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args(argv)

    from numlint.facts import matching

    model = matching.load_model()
    if args.model:
        data = json.loads(args.model.read_text(encoding="utf-8"))
        model = matching.SameFactModel(data["bias"], data["weights"], data.get("trained_on", ""))
    warn, floor = rule_gates()
    warn = warn if args.warn is None else args.warn
    floor = floor if args.text_floor is None else args.text_floor

    t0 = time.time()
    rels = [relative(p) for p in articles(split=args.split)]
    cases = labelled_cases(args.split)
    with multiprocessing.Pool(args.jobs) as pool:
        clean = [p for found in pool.imap_unordered(clean_pairs, rels, chunksize=16) for p in found]
        found = pool.map(case_pairs, cases, chunksize=4)
    for p in clean:
        p["p"], p["s"] = model.probability(p["features"]), model.same_fact(p["features"])
    best: dict[str, list[tuple[float, float]]] = collections.defaultdict(list)
    unscored = collections.Counter()
    for case, pairs in zip(cases, found, strict=True):
        if not pairs:
            unscored[case["label"]] += 1
        best[case["label"]].append(max(((model.probability(p["features"]), model.same_fact(p["features"]))
                                        for p in pairs), default=(-1.0, -1.0)))
    genuine, harmless = best["genuine"], best["harmless"]

    print(f"{args.split} half: {len(rels)} clean articles, {len(clean)} pairs NL101 scores there; "
          f"{len(genuine)} genuine and {len(harmless)} harmless labelled value cases "
          f"({unscored['genuine']} and {unscored['harmless']} ruled out before the model); {time.time() - t0:.0f}s")
    print(f"model: {args.model or 'the shipped same_fact_model.json'}; text floor {floor}")

    def ranked(p: float, s: float) -> float:
        return p if s >= floor else 0.0

    clean_ranked = sorted((ranked(p["p"], p["s"]) for p in clean), reverse=True)
    points = []
    for k in KS:
        if k <= len(clean_ranked):
            edge = clean_ranked[k - 1]
            points.append(f"@{k} {sum(ranked(*g) > edge for g in genuine) / max(len(genuine), 1):.3f}")
    print("recall of genuine cases at K clean pairs: " + "  ".join(points))

    def passing(pairs, w, f) -> int:
        return sum(p >= w and s >= f for p, s in pairs)

    clean_ps = [(p["p"], p["s"]) for p in clean]
    print(f"at warn {warn} and text floor {floor}: clean pairs {passing(clean_ps, warn, floor)}, "
          f"genuine caught {passing(genuine, warn, floor)}/{len(genuine)}, "
          f"harmless caught {passing(harmless, warn, floor)}/{len(harmless)}")

    if args.sweep:
        frontier: dict[int, tuple] = {}
        for f in [x / 20 for x in range(0, 17)]:
            for w in [x / 100 for x in range(70, 100)]:
                n, g = passing(clean_ps, w, f), passing(genuine, w, f)
                level = n // 10
                if level not in frontier or g > frontier[level][1]:
                    frontier[level] = (n, g, f, w)
        print("best gates at each level of clean pairs (clean pairs, genuine caught, text floor, warn):")
        for level in sorted(frontier)[:20]:
            n, g, f, w = frontier[level]
            print(f"  <= {level * 10 + 9:4}: {n:4} clean, {g:3}/{len(genuine)} genuine  floor {f:.2f} warn {w:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
