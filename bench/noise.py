"""Noise on real, edited copy: findings per 100 articles, by severity, by corpus and by code.

What is measured: every finding ``numlint.check_text(text, path)`` reports on published news
articles (BBC 2004-05, Reuters 1987, Guardian 2022 / CNN 2026), counted per 100 articles. Edited
copy is nearly free of number errors, so a high rate here means noise; how much of it is *worth an
editor's look* is what ``bench/precision.py`` measures, by judging a fixed sample by hand.

Which articles: the dev/test split of ``bench/corpus.py`` (a hash of each article's path). The
default is the **test** half, the one figures are reported on; tune on ``--split dev`` and read
bench/out/noise-findings.txt (each finding with its sentence) there; fix causes, not thresholds.

    python bench/noise.py --jobs 2                     # test half, all three corpora (the figure)
    python bench/noise.py --split dev --jobs 2         # the half to tune on
    python bench/noise.py --corpus bbc reuters         # without the modern corpus
    python bench/noise.py --limit 500 --sample         # a seeded random 500 of the chosen half

Targets: at most 1 error and 5 warnings per 100 clean articles (printed beside the figures).
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

from bench.corpus import DEFAULT_CORPORA, SPLITS, articles, corpus_of, relative  # noqa: E402

OUT = ROOT / "bench" / "out"
SEVERITIES = ("error", "warning", "info")
TARGETS = {"error": 1.0, "warning": 5.0}  # per 100 clean articles
# the folder names the script used to take, still accepted
ALIASES = {"bbc-news-2005": "bbc", "reuters-21578": "reuters", "articles": "modern"}


def _corpus_name(name: str) -> str:
    name = ALIASES.get(name, name)
    if name not in DEFAULT_CORPORA:
        raise argparse.ArgumentTypeError(f"unknown corpus {name!r} (one of {', '.join(DEFAULT_CORPORA)})")
    return name


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


def _target(sev: str, rate: float) -> str:
    if sev not in TARGETS:
        return ""
    mark = "ok" if rate <= TARGETS[sev] else "OVER"
    return f"   target <= {TARGETS[sev]:g}  {mark}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", nargs="+", type=_corpus_name, default=list(DEFAULT_CORPORA),
                    help="bbc, reuters and/or modern (default: all three)")
    ap.add_argument("--split", choices=SPLITS, default="test", help="half of the dev/test split (default test)")
    ap.add_argument("--limit", type=int, default=0, help="check at most N articles")
    ap.add_argument("--sample", action="store_true", help="with --limit: a random sample, not the first N")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--code", default="", help="only write findings whose code starts with this to the file")
    ap.add_argument("--out", default=str(OUT / "noise-findings.txt"))
    args = ap.parse_args(argv)
    args.corpus = list(dict.fromkeys(args.corpus))

    paths = articles(args.corpus, args.split)
    if args.limit:
        if args.sample:
            paths = random.Random(args.seed).sample(paths, min(args.limit, len(paths)))
        else:
            paths = paths[: args.limit]
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    results = []
    with multiprocessing.Pool(args.jobs) as pool:
        for i, res in enumerate(pool.imap_unordered(check_one, [str(p) for p in paths], chunksize=8), 1):
            results.append(res)
            if i % 200 == 0 or i == len(paths):
                print(f"\r{i}/{len(paths)} articles, {time.time() - t0:.0f}s", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)

    n = len(results)
    n_by_corpus = collections.Counter(corpus_of(Path(p)) for p, _ in results)
    by_code = collections.Counter()
    by_sev = collections.Counter()
    by_corpus_sev = collections.Counter()
    crashes = 0
    results.sort()
    with open(args.out, "w", encoding="utf-8") as out:
        for path, rows in results:
            corpus = corpus_of(Path(path))
            for code, sev, msg, line, sentence, related in rows:
                by_code[(code, sev)] += 1
                by_sev[sev] += 1
                by_corpus_sev[(corpus, sev)] += 1
                crashes += code == "CRASH"
                if code.startswith(args.code):
                    out.write(f"{relative(Path(path))}:{line} {code} {sev}: {msg}\n    > {sentence}\n")
                    for r in related:
                        out.write(f"    related {r}\n")
                    out.write("\n")

    def per100(k: int, m: int = n) -> float:
        return 100.0 * k / max(m, 1)

    print(f"{n} articles ({args.split} half; {', '.join(args.corpus)}) in {time.time() - t0:.0f}s")
    print("findings per 100 articles, overall:")
    for sev in SEVERITIES:
        rate = per100(by_sev[sev])
        print(f"  {sev:<8} {rate:6.2f}  ({by_sev[sev]}){_target(sev, rate)}")
    print("per corpus (error / warning / info per 100):")
    for corpus in args.corpus:
        m = n_by_corpus[corpus]
        rates = "  ".join(f"{sev} {per100(by_corpus_sev[(corpus, sev)], m):6.2f}" for sev in SEVERITIES)
        print(f"  {corpus:<8} {m:5} articles  {rates}")
    print("by code (per 100, count):")
    for (code, sev), k in sorted(by_code.items()):
        print(f"  {code} {sev:<8} {per100(k):6.2f}  ({k})")
    if crashes:
        print(f"CRASHES: {crashes}")
    print(f"findings with context: {args.out}")
    met = all(per100(by_sev[sev]) <= t for sev, t in TARGETS.items())
    print(f"targets (<= {TARGETS['error']:g} errors, <= {TARGETS['warning']:g} warnings per 100 clean articles):",
          "met" if met else "NOT met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
