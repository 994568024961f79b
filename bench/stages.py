"""Time each pipeline stage on one long, synthetic document: where a big file's seconds go.

    python bench/stages.py                 # 4,900 copies of a three-line article (about 1 MB)
    python bench/stages.py --copies 24500  # the 5 MB case of tests/test_robustness.py
    python bench/stages.py --copies 1000 --trace 12  # where the memory goes, by stage (slow)

Prints seconds for extraction, fact building and each selected rule (kind + rendering findings),
the peak resident memory after each stage, and the peak against issue 17's target (a 5 MB input
stays under 250 MB). The article is the one tests/test_robustness.py repeats; no corpus is needed.

``--trace N`` runs the pipeline under tracemalloc and prints, after each stage that keeps memory,
the Python heap it holds and its peak during the stage, and the N source lines whose allocations
grew most over the stage. tracemalloc's own bookkeeping inflates the resident figures and the
seconds, so read those from a run without it.
"""

from __future__ import annotations

import argparse
import gc
import resource
import sys
import time
import tracemalloc

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


class Heap:
    """With ``--trace N``: the Python heap held after a stage, its peak during it, and the N lines
    of numlint whose allocations grew most over it (what a stage keeps, not what it freed). An
    allocation made in the standard library (``dataclasses.replace``, ``re``) is put down to the
    numlint line that called it."""

    NOT_OURS = (tracemalloc.Filter(False, tracemalloc.__file__),
                tracemalloc.Filter(False, "<frozen importlib._bootstrap*>"))

    def __init__(self, top: int) -> None:
        self.top = top
        if top:
            tracemalloc.start(8)
            self.snapshot = self._snapshot()

    def _snapshot(self):
        return tracemalloc.take_snapshot().filter_traces(self.NOT_OURS)

    @staticmethod
    def _where(traceback) -> str:
        frames = list(traceback)[::-1]   # most recent first
        frame = next((f for f in frames if "/numlint/" in f.filename), frames[0])
        name = frame.filename
        name = name[name.rindex("/numlint/") + 1:] if "/numlint/" in name else name.rsplit("/", 1)[-1]
        return f"{name}:{frame.lineno}"

    def report(self, stage: str) -> None:
        if not self.top:
            return
        current, peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        snapshot = self._snapshot()
        grown: dict[str, list[int]] = {}
        for stat in snapshot.compare_to(self.snapshot, "traceback"):
            size_count = grown.setdefault(self._where(stat.traceback), [0, 0])
            size_count[0] += stat.size_diff
            size_count[1] += stat.count_diff
        self.snapshot = snapshot
        print(f"          heap after {stage}: {current / 1e6:.1f} MB held, {peak / 1e6:.1f} MB at its peak")
        for where, (size, count) in sorted(grown.items(), key=lambda item: -item[1][0])[:self.top]:
            if size >= 100_000:
                print(f"          {size / 1e6:7.1f} MB  {count:+9,} blocks  {where}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--copies", type=int, default=4900)
    ap.add_argument("--trace", type=int, default=0, metavar="N",
                    help="under tracemalloc: the heap by stage and its N biggest growing lines")
    args = ap.parse_args()
    gc.disable()  # as numlint.linter.lint does for the whole pipeline (see _cyclic_gc_paused there)
    text = ARTICLE * args.copies
    doc = Document("long.txt", text, "text")
    print(f"{len(text):,} characters; peak memory before the pipeline {peak_mb():.0f} MB")
    heap = Heap(args.trace)
    total = time.perf_counter()
    t = time.perf_counter()
    prose, quantities = document_quantities(doc)
    print(f"extract   {time.perf_counter() - t:7.2f} s  {len(quantities):,} quantities  peak {peak_mb():.0f} MB")
    heap.report("extraction")
    t = time.perf_counter()
    table = build_facts(doc, prose, quantities)
    print(f"facts     {time.perf_counter() - t:7.2f} s  peak {peak_mb():.0f} MB")
    heap.report("facts")
    for rule in selected_rules(Config()):
        t = time.perf_counter()
        hits = list(kind_module(rule.kind).check(table, rule))
        findings = findings_from_hits(doc, rule, rule.severity, hits)
        print(f"{rule.code}     {time.perf_counter() - t:7.2f} s  {len(findings):,} findings  peak {peak_mb():.0f} MB")
        heap.report(rule.code)
    print(f"total     {time.perf_counter() - total:7.2f} s")
    peak = peak_mb()
    verdict = "met" if peak < PEAK_TARGET_MB else "NOT met"
    print(f"peak memory {peak:.0f} MB for {len(text) / 1e6:.1f} MB of input "
          f"(target for 5 MB: < {PEAK_TARGET_MB} MB; {verdict})")


if __name__ == "__main__":
    main()
