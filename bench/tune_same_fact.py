"""Choose the consistency rules' same-fact thresholds on the DEV half: recall against noise.

For each candidate threshold on the same-fact probability (``numlint.facts.matching``), the rules are
run for real with that threshold (``[tool.numlint.rules.CODE]`` options, as a user would set them)
and the script prints, on the dev half only,

* recall on the genuine hand-labelled injected inconsistencies (``bench/inject-set.json`` joined with
  ``bench/labels/inject-pairs.jsonl``): a warning or error on the altered mention, per kind (value,
  scale, currency, unit);
* findings per 100 clean dev articles, per consistency rule.

The test half is never read here; measure the chosen thresholds on it with ``bench/inject.py`` and
``bench/noise.py``.

    python bench/tune_same_fact.py                       # the default grid
    python bench/tune_same_fact.py --thresholds 0.8 0.9
    python bench/tune_same_fact.py --option NL101.headline_same_fact --thresholds 0.5 0.6 0.85
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import CORPORA, articles, relative  # noqa: E402

KINDS = ("value", "scale", "currency", "unit")
CODES = ("NL101", "NL102", "NL103", "NL201", "NL202")
THRESHOLDS = (0.7, 0.8, 0.85, 0.9, 0.93, 0.96)


def _config(t: float, option: str | None = None):
    """The thresholds set to ``t``: every rule's, or only ``option`` ("NL101.headline_same_fact")."""
    from numlint.config import Config

    if option:
        code, name = option.split(".")
        return Config(rule_options={code: {name: t}})
    options = {
        "NL101": {"warn_same_fact": t, "min_same_fact": max(t, 0.97)},
        "NL102": {"min_same_fact": t},
        "NL103": {"min_same_fact": t},
        "NL201": {"slip_same_fact": t},
        "NL202": {"slip_same_fact": t},
    }
    return Config(rule_options=options)


def clean_job(job) -> dict[str, int]:
    import numlint

    path, t, option = job
    counts = dict.fromkeys(CODES, 0)
    for f in numlint.check_text(Path(path).read_text(encoding="utf-8"), path, _config(t, option)):
        if f.code in counts:
            counts[f.code] += 1
    return counts


def case_job(job) -> tuple[str, bool]:
    import numlint

    case, t, option = job
    text = (CORPORA / case["file"]).read_text(encoding="utf-8")
    b0, b1 = case["b"]
    altered = text[:b0] + case["new"] + text[b1:]
    start, end = b0, b0 + len(case["new"])
    caught = any(f.severity != "info" and f.start < end and start < f.end
                 for f in numlint.check_text(altered, case["file"], _config(t, option)))
    return case["kind"], caught


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--thresholds", type=float, nargs="+", default=THRESHOLDS)
    ap.add_argument("--option", help="vary only this option, as CODE.NAME (NL101.headline_same_fact)")
    args = ap.parse_args()
    labels = {}
    for line in (ROOT / "bench/labels/inject-pairs.jsonl").read_text().splitlines():
        r = json.loads(line)
        labels[(r["file"], tuple(r["a"]), tuple(r["b"]))] = r["label"]
    dev_files = {relative(p) for p in articles(split="dev")}
    cases = [c for c in json.loads((ROOT / "bench/inject-set.json").read_text())["cases"]
             if labels.get((c["file"], tuple(c["a"]), tuple(c["b"]))) == "genuine" and c["file"] in dev_files]
    dev = [str(p) for p in articles(split="dev")]
    counts = {k: sum(1 for c in cases if c["kind"] == k) for k in KINDS}
    print(f"dev half: {len(dev)} clean articles; genuine injected cases {counts}")
    print("threshold " + "".join(f"{k:>9}" for k in KINDS) + "   per 100 clean: " + "  ".join(CODES))
    with multiprocessing.Pool(args.jobs) as pool:
        for t in args.thresholds:
            caught = pool.map(case_job, [(c, t, args.option) for c in cases], chunksize=4)
            clean = pool.map(clean_job, [(p, t, args.option) for p in dev], chunksize=20)
            recall = []
            for kind in KINDS:
                got = [ok for k, ok in caught if k == kind]
                recall.append(f"{sum(got) / max(len(got), 1):9.3f}")
            noise = "  ".join(f"{sum(c[code] for c in clean) * 100 / len(dev):5.2f}" for code in CODES)
            print(f"{t:9.2f} " + "".join(recall) + "   " + " " * 15 + noise, flush=True)


if __name__ == "__main__":
    main()
