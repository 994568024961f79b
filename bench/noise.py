"""Noise on real, edited copy: findings per 100 articles over the news corpus, by code and severity.

Edited news copy is nearly free of number errors, so nearly every finding here is a false positive.
Read bench/out/noise-findings.txt (each finding with its sentence) and fix causes, not thresholds.

    python bench/noise.py                      # all 5,752 articles, one job per CPU
    python bench/noise.py --limit 500 --sample # a random 500
    python bench/noise.py --corpus bbc-news-2005 --jobs 4

Goal: at most 2 errors and 20 warnings per 100 articles.
"""

from __future__ import annotations

import argparse
import collections
import multiprocessing
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# The corpora sit in ../shared beside the repository (as in CI); NUMLINT_SHARED points elsewhere.
SHARED = os.environ.get("NUMLINT_SHARED", str(Path(__file__).resolve().parents[2] / "shared"))
CORPORA = Path(SHARED, "corpora/news")
OUT = ROOT / "bench" / "out"


def articles(corpora: list[str]) -> list[Path]:
    paths = []
    for name in corpora:
        paths += sorted(p for p in (CORPORA / name).glob("*.txt"))
    return paths


def _sentence(text: str, start: int, end: int) -> str:
    lo = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start - 1) + 1)
    hi_candidates = [i for i in (text.find("\n", end), text.find(". ", end)) if i >= 0]
    hi = min(hi_candidates) + 1 if hi_candidates else len(text)
    return text[lo:hi].strip()


def check_one(path: str):
    import numlint

    text = Path(path).read_text(encoding="utf-8")
    try:
        findings = numlint.check_text(text, path)
    except Exception as exc:  # a crash is a finding of its own for this bench
        return path, [("CRASH", "error", f"{type(exc).__name__}: {exc}", 0, "", [])]
    rows = []
    for f in findings:
        related = [f"{r.message}: {_sentence(text, r.start, r.end)}" for r in f.related]
        rows.append((f.code, f.severity, f.message, f.line, _sentence(text, f.start, f.end), related))
    return path, rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", action="append", help="bbc-news-2005 and/or reuters-21578 (default both)")
    ap.add_argument("--limit", type=int, default=0, help="check at most N articles")
    ap.add_argument("--sample", action="store_true", help="with --limit: a random sample, not the first N")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--code", default="", help="only write findings whose code starts with this to the file")
    ap.add_argument("--out", default=str(OUT / "noise-findings.txt"))
    args = ap.parse_args(argv)

    paths = articles(args.corpus or ["bbc-news-2005", "reuters-21578"])
    if args.limit:
        if args.sample:
            paths = random.Random(args.seed).sample(paths, min(args.limit, len(paths)))
        else:
            paths = paths[: args.limit]
    OUT.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    results = []
    with multiprocessing.Pool(args.jobs) as pool:
        for i, res in enumerate(pool.imap_unordered(check_one, [str(p) for p in paths], chunksize=8), 1):
            results.append(res)
            if i % 200 == 0 or i == len(paths):
                print(f"\r{i}/{len(paths)} articles, {time.time() - t0:.0f}s", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)

    n = len(results)
    by_code = collections.Counter()
    by_sev = collections.Counter()
    crashes = 0
    results.sort()
    with open(args.out, "w", encoding="utf-8") as out:
        for path, rows in results:
            for code, sev, msg, line, sentence, related in rows:
                by_code[(code, sev)] += 1
                by_sev[sev] += 1
                crashes += code == "CRASH"
                if code.startswith(args.code):
                    out.write(f"{Path(path).name}:{line} {code} {sev}: {msg}\n    > {sentence}\n")
                    for r in related:
                        out.write(f"    related {r}\n")
                    out.write("\n")
    per100 = lambda k: 100.0 * k / max(n, 1)
    print(f"{n} articles in {time.time() - t0:.0f}s; findings per 100 articles:")
    for sev in ("error", "warning", "info"):
        print(f"  {sev:<8} {per100(by_sev[sev]):6.2f}")
    print("by code:")
    for (code, sev), k in sorted(by_code.items()):
        print(f"  {code} {sev:<8} {per100(k):6.2f}  ({k})")
    if crashes:
        print(f"CRASHES: {crashes}")
    print(f"findings with context: {args.out}")
    goal = per100(by_sev["error"]) <= 2 and per100(by_sev["warning"]) <= 20
    print("goal (<= 2 errors, <= 20 warnings per 100 articles):", "met" if goal else "NOT met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
