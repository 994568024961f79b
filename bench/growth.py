"""How numlint's time and memory grow with the size of one document: time per MB and peak memory per
MB, from 0.1 MB to 50 MB of news-like text. Flat columns mean linear cost; a column that climbs with
the size is a cost that grows faster than the input.

    python bench/growth.py                          # 0.1, 0.25, 0.5, 1, 2 and 5 MB
    python bench/growth.py --sizes 0.1,1,10,50      # up to 50 MB (about 12 s per MB on 2 cores)
    PYTHONPATH=/path/to/other/checkout python bench/growth.py   # the same figures for another version

The text is the project's own fixture articles (fixtures/*.txt, *.md read as plain text), joined
and repeated to the size; no corpus is needed. Each size runs in a fresh process (numlint.check_text,
the whole pipeline, every default rule), so its peak resident memory is its own: "peak" is the
process's maximum resident set after the check minus what it held before (interpreter, modules, the
text itself), divided by the input size.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
MB = 1_000_000


def news_text(size: int) -> str:
    articles = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    block = "\n\n".join(a.strip() for a in articles) + "\n\n"
    return (block * (size // len(block) + 1))[:size]


def _peak_bytes() -> int:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024  # Linux reports KiB


def one(size: int) -> dict:
    import numlint

    numlint.check_text("Warm-up: 3 troops.\n")  # modules and word lists loaded before measuring
    text = news_text(size)
    before = _peak_bytes()
    started, cpu_started = time.perf_counter(), time.process_time()
    findings = numlint.check_text(text, path="long.txt")
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    return {"bytes": len(text.encode("utf-8")), "seconds": seconds, "cpu": cpu, "findings": len(findings),
            "peak": _peak_bytes(), "growth": _peak_bytes() - before}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="0.1,0.25,0.5,1,2,5", help="comma-separated sizes in MB")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a child: measure one size in bytes
    args = ap.parse_args()
    if args.one is not None:
        print(json.dumps(one(args.one)))
        return
    # CPU seconds as well as wall-clock ones: on a shared machine the wall clock measures the others.
    print(f"{'MB':>6} {'seconds':>9} {'s/MB':>7} {'CPU s/MB':>9} {'peak RSS MB':>12} {'peak growth':>12} "
          f"{'bytes/byte':>11}")
    for size_mb in (float(s) for s in args.sizes.split(",")):
        done = subprocess.run([sys.executable, __file__, "--one", str(int(size_mb * MB))],
                              capture_output=True, text=True, env=os.environ, check=False)
        if done.returncode != 0:
            print(f"{size_mb:>6g}  failed: {done.stderr.strip().splitlines()[-1:]}")
            continue
        r = json.loads(done.stdout)
        mb = r["bytes"] / MB
        print(f"{mb:>6.2f} {r['seconds']:>9.2f} {r['seconds'] / mb:>7.2f} {r['cpu'] / mb:>9.2f} "
              f"{r['peak'] / MB:>12.0f} "
              f"{r['growth'] / MB:>12.0f} {r['growth'] / r['bytes']:>11.0f}", flush=True)


if __name__ == "__main__":
    main()
