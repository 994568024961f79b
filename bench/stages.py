"""Time each pipeline stage on one long, synthetic document: where a big file's seconds go.

    python bench/stages.py                 # 4,900 copies of a three-line article (about 1 MB)
    python bench/stages.py --copies 24500  # the 5 MB case of tests/test_robustness.py

Prints seconds for extraction, fact building and each selected rule (kind + rendering findings),
the peak resident memory after each stage, and the peak against issue 17's target (a 5 MB input
stays under 250 MB). The article is the one tests/test_robustness.py repeats; no corpus is needed.
"""

from __future__ import annotations

import argparse
import gc
import resource
import sys
import time

from numlint.config import Config
from numlint.document import Document
from numlint.facts import build_facts
from numlint.linter import document_quantities, findings_from_hits, kind_module, selected_rules

ARTICLE = (
    "Some 3,000 troops were sent to the border on Monday, the ministry said.\n"
    "Officials later put the figure at 10,000 troops, up 5% from last year.\n"
    "The deployment will cost $7.2 billion, or about 1.3% of GDP.\n"
)


PEAK_TARGET_MB = 250


def peak_mb() -> float:
    """This process's peak resident set so far (ru_maxrss: kilobytes on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--copies", type=int, default=4900)
    args = ap.parse_args()
    gc.disable()  # as numlint.linter.lint does for the whole pipeline (see _cyclic_gc_paused there)
    text = ARTICLE * args.copies
    doc = Document("long.txt", text, "text")
    print(f"{len(text):,} characters; peak memory before the pipeline {peak_mb():.0f} MB")
    total = time.perf_counter()
    t = time.perf_counter()
    prose, quantities = document_quantities(doc)
    print(f"extract   {time.perf_counter() - t:7.2f} s  {len(quantities):,} quantities  peak {peak_mb():.0f} MB")
    t = time.perf_counter()
    table = build_facts(doc, prose, quantities)
    print(f"facts     {time.perf_counter() - t:7.2f} s  peak {peak_mb():.0f} MB")
    for rule in selected_rules(Config()):
        t = time.perf_counter()
        hits = list(kind_module(rule.kind).check(table, rule))
        findings = findings_from_hits(doc, rule, rule.severity, hits)
        print(f"{rule.code}     {time.perf_counter() - t:7.2f} s  {len(findings):,} findings  peak {peak_mb():.0f} MB")
    print(f"total     {time.perf_counter() - total:7.2f} s")
    peak = peak_mb()
    verdict = "met" if peak < PEAK_TARGET_MB else "NOT met"
    print(f"peak memory {peak:.0f} MB for {len(text) / 1e6:.1f} MB of input "
          f"(target for 5 MB: < {PEAK_TARGET_MB} MB; {verdict})")


if __name__ == "__main__":
    main()
