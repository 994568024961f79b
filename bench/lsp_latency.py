"""How fast ``numlint lsp`` answers typing, and how much memory it holds after a long session.

Builds a Markdown article of at least 5,000 words from the fixture articles in fixtures/ (each one a
section, repeated with its figures left as they are), starts ``numlint lsp`` over stdio as an editor
does, opens the article, then:

1. latency: ``--samples`` single keystrokes at the end of a paragraph half-way down, each typed after
   the last one's diagnostics arrived, timed from sending ``didChange`` to receiving
   ``publishDiagnostics`` for that version (this includes the server's debounce, ``--debounce-ms``,
   which is what a user waits);
2. a session: ``--edits`` keystrokes (default 2,000) typed in bursts of ``--burst`` at ``--gap-ms``
   apart, waiting for the diagnostics after each burst, as someone types a word and pauses; then the
   server's resident memory (VmRSS, and its peak VmHWM, from /proc; Linux only) against the memory
   right after opening.

    python bench/lsp_latency.py                 # the README's figures
    python bench/lsp_latency.py --json          # the same, as JSON

Needs the ``lsp`` extra (pygls). Writes nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


from numlint.lsp.testing import Session  # noqa: E402


def build_article(min_words: int = 5000) -> str:
    """The fixture articles (.txt and .md; not the HTML one) as sections of one Markdown story."""
    sections = []
    for path in sorted((ROOT / "fixtures").glob("*")):
        if path.suffix not in (".txt", ".md") or ".expected" in path.name:
            continue
        body = path.read_text(encoding="utf-8").strip()
        sections.append((path.stem, body))
    parts, words, round_ = ["# Desk round-up"], 0, 0
    while words < min_words:
        round_ += 1
        for name, body in sections:
            parts.append(f"## {name} ({round_})\n\n{body}")
            words += len(body.split())
    return "\n\n".join(parts) + "\n"


def rss_kib(pid: int) -> dict[str, int]:
    out = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                out[key] = int(value.split()[0])
    except OSError:
        pass
    return out


async def bench(args) -> dict:
    text = build_article(args.words)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "roundup.md"
        path.write_text(text, encoding="utf-8")
        uri = path.as_uri()
        options = {"debounce-ms": args.debounce_ms}
        async with Session(root=tmp, initialization_options=options) as s:
            version = 1
            t0 = time.perf_counter()
            s.open(uri, text, "markdown", version)
            first = await s.wait_diagnostics(uri, version, timeout=120)
            open_seconds = time.perf_counter() - t0
            memory_open = rss_kib(s.pid)

            # Type at the end of a paragraph half-way down, so every figure after it moves (as when
            # a reporter edits in the middle of a story).
            lines = text.split("\n")
            line = next(i for i in range(len(lines) // 2, len(lines))
                        if lines[i].strip() and not lines[i].startswith("#"))
            col = len(lines[line])

            def keystroke(ch: str) -> None:
                nonlocal version, col
                version += 1
                s.change(uri, version, (line, col), (line, col), ch)
                col += 1

            latencies = []
            for i in range(args.samples):
                t = time.perf_counter()
                keystroke("x" if i % 6 else " ")
                await s.wait_diagnostics(uri, version, timeout=60)
                latencies.append(time.perf_counter() - t)

            t_session = time.perf_counter()
            bursts = []
            done = 0
            while done < args.edits:
                n = min(args.burst, args.edits - done)
                for i in range(n):
                    keystroke(" " if (done + i) % 6 == 5 else "y")
                    if i < n - 1 and args.gap_ms:
                        await asyncio.sleep(args.gap_ms / 1000)
                t = time.perf_counter()
                await s.wait_diagnostics(uri, version, timeout=60)
                bursts.append(time.perf_counter() - t)
                done += n
            session_seconds = time.perf_counter() - t_session
            memory_end = rss_kib(s.pid)
            # The server still answers: a hover at the first figure.
            hover_t = time.perf_counter()
            await s.hover(uri, 0, 0)
            hover_seconds = time.perf_counter() - hover_t

    def ms(values):
        values = sorted(values)
        return {"median": round(statistics.median(values) * 1000, 1),
                "p95": round(values[int(0.95 * (len(values) - 1))] * 1000, 1),
                "max": round(values[-1] * 1000, 1)}

    return {
        "article_words": len(text.split()),
        "article_chars": len(text),
        "findings_on_open": len(first),
        "debounce_ms": args.debounce_ms,
        "open_to_diagnostics_ms": round(open_seconds * 1000, 1),
        "change_to_diagnostics_ms": ms(latencies),
        "samples": len(latencies),
        "session": {"edits": args.edits, "burst": args.burst, "gap_ms": args.gap_ms,
                    "seconds": round(session_seconds, 1),
                    "last_keystroke_to_diagnostics_ms": ms(bursts)},
        "memory_kib": {"after_open": memory_open.get("VmRSS"), "after_edits": memory_end.get("VmRSS"),
                       "peak": memory_end.get("VmHWM")},
        "hover_after_session_ms": round(hover_seconds * 1000, 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--words", type=int, default=5000)
    ap.add_argument("--samples", type=int, default=30)
    ap.add_argument("--edits", type=int, default=2000)
    ap.add_argument("--burst", type=int, default=10)
    ap.add_argument("--gap-ms", type=float, default=30.0, help="between keystrokes in a burst (30 ms: fast typing)")
    ap.add_argument("--debounce-ms", type=int, default=150)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    result = asyncio.run(bench(args))
    if args.json:
        print(json.dumps(result, indent=2))
        return
    lat = result["change_to_diagnostics_ms"]
    mem = result["memory_kib"]
    print(f"article: {result['article_words']:,} words, {result['findings_on_open']} findings; "
          f"open to diagnostics {result['open_to_diagnostics_ms']:.0f} ms")
    print(f"change to diagnostics ({result['samples']} keystrokes, debounce {result['debounce_ms']} ms): "
          f"median {lat['median']:.0f} ms, p95 {lat['p95']:.0f} ms, max {lat['max']:.0f} ms")
    ses = result["session"]
    bl = ses["last_keystroke_to_diagnostics_ms"]
    print(f"session: {ses['edits']:,} edits in bursts of {ses['burst']} ({ses['seconds']:.0f} s); last keystroke "
          f"to diagnostics median {bl['median']:.0f} ms, p95 {bl['p95']:.0f} ms")
    if mem["after_open"]:
        print(f"server memory: {mem['after_open'] / 1024:.0f} MiB after open, "
              f"{mem['after_edits'] / 1024:.0f} MiB after {ses['edits']:,} edits (peak {mem['peak'] / 1024:.0f} MiB)")
    print(f"hover after the session: {result['hover_after_session_ms']:.0f} ms")


if __name__ == "__main__":
    main()
