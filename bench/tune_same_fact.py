"""Choose the consistency rules' same-fact thresholds on the DEV half: recall against noise.

For each threshold on the same-fact probability (``numlint.facts.matching``), prints on the dev half

* recall on the genuine hand-labelled injected inconsistencies (``bench/inject-set.json`` joined with
  ``bench/labels/inject-pairs.jsonl``), per kind: a value slip caught by NL101, a slipped scale word
  by NL201, a slipped currency or unit by NL202;
* findings per 100 clean dev articles that the same rule would raise at that threshold.

Each rule is run once with its threshold at zero, and every hit keeps the probability of the pair
it reports (``Hit.values["same_fact"]``), so one run gives the whole curve. The test half is never
read here; measure the chosen thresholds on it with ``bench/inject.py`` and ``bench/noise.py``.

    python bench/tune_same_fact.py
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import multiprocessing
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import CORPORA, articles, relative  # noqa: E402

RULE_OF_KIND = {"value": "NL101", "scale": "NL201", "currency": "NL202", "unit": "NL202"}
THRESHOLDS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)


def _hits(text: str, path: str) -> list[tuple[str, int, int, float]]:
    """(code, start, end, probability) of every NL101/NL201/NL202 hit with thresholds at zero."""
    from numlint.document import Document
    from numlint.facts import build_facts
    from numlint.linter import document_quantities
    from numlint.registry import load_rules
    from numlint.rules import consistency

    doc = Document(path, text)
    prose, quantities = document_quantities(doc)
    table = build_facts(doc, prose, quantities)
    out = []
    for code in ("NL101", "NL201", "NL202"):
        rule = load_rules()[code]
        rule = dataclasses.replace(rule, options={**rule.options, "min_same_fact": 0.0, "warn_same_fact": 0.0,
                                                  "slip_same_fact": 0.0})
        for hit in consistency.check(table, rule):
            out.append((code, hit.mention.start, hit.mention.end, float(hit.values["same_fact"])))
    return out


def clean_job(path: str):
    return _hits(Path(path).read_text(encoding="utf-8"), path)


def case_job(case: dict):
    text = (CORPORA / case["file"]).read_text(encoding="utf-8")
    b0, b1 = case["b"]
    altered = text[:b0] + case["new"] + text[b1:]
    start, end = b0, b0 + len(case["new"])
    code = RULE_OF_KIND[case["kind"]]
    best = -1.0
    for c, s, e, p in _hits(altered, case["file"]):
        if c == code and s < end and start < e:
            best = max(best, p)
    return case["kind"], best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    labels = {}
    for line in (ROOT / "bench/labels/inject-pairs.jsonl").read_text().splitlines():
        r = json.loads(line)
        labels[(r["file"], tuple(r["a"]), tuple(r["b"]))] = r["label"]
    cases = [c for c in json.loads((ROOT / "bench/inject-set.json").read_text())["cases"]
             if labels.get((c["file"], tuple(c["a"]), tuple(c["b"]))) == "genuine"
             and c["file"] in {relative(p) for p in articles(split="dev")}]
    dev = [str(p) for p in articles(split="dev")]
    with multiprocessing.Pool(args.jobs) as pool:
        caught = pool.map(case_job, cases, chunksize=4)
        clean = pool.map(clean_job, dev, chunksize=20)
    print(f"dev half: {len(cases)} genuine injected cases, {len(dev)} clean articles")
    print("threshold  " + "  ".join(f"{k:>8}" for k in RULE_OF_KIND) + "   per 100 clean: NL101  NL201  NL202")
    for t in THRESHOLDS:
        rec = []
        for kind in RULE_OF_KIND:
            ps = [p for k, p in caught if k == kind]
            rec.append(f"{sum(p >= t for p in ps) / max(len(ps), 1):8.3f}")
        noise = {c: sum(1 for hits in clean for code, _, _, p in hits if code == c and p >= t) * 100 / len(dev)
                 for c in ("NL101", "NL201", "NL202")}
        rates = f"{noise['NL101']:20.2f}  {noise['NL201']:5.2f}  {noise['NL202']:5.2f}"
        print(f"{t:9.2f}  " + "  ".join(rec) + "   " + rates)
    counts = {k: sum(1 for kk, _ in caught if kk == k) for k in RULE_OF_KIND}
    print("cases per kind:", counts)


if __name__ == "__main__":
    main()
