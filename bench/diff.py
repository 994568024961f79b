"""numlint diff on real published versions of one story: the four figures of issue 16.

Reads ``news-versions/`` of the shared corpora (84 pairs of two published versions of one story;
``index.tsv`` lists, per pair, the figures that changed in up to four aligned sentences) and prints

1. how many of the listed changes ``numlint diff`` shows as a change (the old figure paired with the
   new one: the same digits on each side);
2. the changes it lists that the index does not (with ``--show``, each one, to read by hand);
3. the left-behind findings (NL104) it raises on the real new versions (``--show``: each one);
4. the recall of left-behind errors injected into the new versions, NL104 reporting the reverted
   mention: (a) every figure stated twice in the old version and updated in both mentions of the
   new one, the later mention reverted to its old text (what real copy offers: few); (b) every
   other updated figure, restated: the old sentence that holds it is added as a last paragraph of
   both versions (so the old version states it twice), and the new version's copy is not updated.

Usage: ``python bench/diff.py [--show]``. Corpora: ``../shared/corpora`` beside the checkout, or
``$NUMLINT_SHARED/corpora``.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import CORPORA  # noqa: E402

from numlint.diff import diff_texts  # noqa: E402

VERSIONS = CORPORA / "news-versions"
_DIGITS = re.compile(r"[^\d.]")


def digits(figure: str) -> str:
    """"$9.7 billion" -> "9.7", "18,241" -> "18241": what the index and a mention share."""
    return _DIGITS.sub("", figure).strip(".")


def written(text: str) -> set[str]:
    """The figures written in a mention's text: one, or both bounds of a range."""
    return {digits(m) for m in re.findall(r"\d[\d,]*(?:\.\d+)?", text)}


def figure_kind(figure: str) -> str:
    f = figure.lower()
    if "%" in f or "percent" in f:
        return "percent"
    if re.search(r"[$£€]|\b(?:c\$|dlrs)", f):
        return "money"
    return "count"


def listed_changes(what_changed: str) -> list[tuple[list[str], list[str], int]]:
    """(old figures, new figures, how many changes) of one kind in each aligned sentence of
    ``what_changed`` ("6.7 percent, $16.28 -> 5 percent, $16.54": percent 1, money 1). The index
    gives the figures of a sentence, not which became which ("10 percent, 6 percent -> 11 percent,
    4.3 percent, 7 percent"), so any old figure of the sentence paired with a new one of the same
    kind counts, as many times as the fewer side has figures of that kind."""
    out = []
    for segment in what_changed.split("; "):
        if " -> " not in segment:
            continue
        old, new = segment.split(" -> ", 1)
        olds = [f.strip() for f in old.split(", ") if f.strip()]
        news = [f.strip() for f in re.sub(r"\s*\(\+\d+ more\)$", "", new).split(", ") if f.strip()]
        for kind in ("percent", "money", "count"):
            a = [f for f in olds if figure_kind(f) == kind]
            b = [f for f in news if figure_kind(f) == kind]
            if a and b:
                out.append((a, b, min(len(a), len(b))))
    return out


def load_index() -> list[dict]:
    with open(VERSIONS / "index.tsv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def _where(q) -> str:
    return f"{q.line}:{q.column} {q.text.strip()!r}"


def inject(old_text: str, new_text: str, result):
    """The new version with one left-behind error per figure updated in two or more mentions: the
    later mention reverted to its old text. Yields (text, start, end) of each injected mention."""
    by_fact: dict[int, list] = {}
    for c in result.changes:
        if c.change == "changed":
            by_fact.setdefault(c.fact, []).append(c)
    for changes in by_fact.values():
        if len(changes) < 2:
            continue
        target = max(changes, key=lambda c: c.new.start)
        old_figure = old_text[target.old.start:target.old.end]
        text = new_text[:target.new.start] + old_figure + new_text[target.new.end:]
        yield text, target.new.start, target.new.start + len(old_figure)


def restate(old_text: str, new_text: str, result):
    """Injection (b): yields (old text, new text, start, end) with the old sentence of one updated
    figure restated at the end of both versions, left at the old value in the new one."""
    from numlint.lang.sentences import split_sentences

    grouped: dict[int, int] = {}
    for c in result.changes:
        grouped[c.fact] = grouped.get(c.fact, 0) + 1
    spans = split_sentences(old_text)
    for c in result.changes:
        if c.change != "changed" or grouped[c.fact] > 1:
            continue
        s0, s1 = next(((a, b) for a, b in spans if a <= c.old.start < b), (None, None))
        if s0 is None:
            continue
        sentence = old_text[s0:s1].strip()
        offset = old_text[s0:s1].index(sentence)
        start = c.old.start - s0 - offset
        tail = "\n\n" + sentence + "\n"
        at = len(new_text.rstrip("\n")) + 2
        yield (old_text.rstrip("\n") + tail, new_text.rstrip("\n") + tail,
               at + start, at + start + (c.old.end - c.old.start))


def _finding_spans(old: str, new: str, name: str) -> set[tuple[int, int]]:
    """Where ``numlint diff`` of the two texts puts its findings (positions in the new text)."""
    return {(f.start, f.end) for f in diff_texts(old, new, f"{name}.old.txt", f"{name}.new.txt").findings}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print every unlisted change, finding and miss")
    args = parser.parse_args(argv)
    if not VERSIONS.is_dir():
        raise SystemExit(f"corpus not found at {VERSIONS} (set NUMLINT_SHARED)")
    rows = load_index()
    began = time.perf_counter()
    diff_seconds = 0.0
    listed = shown = unlisted = left = injected = caught = elsewhere = 0
    restated = restated_caught = restated_elsewhere = 0
    for row in rows:
        name = row["id"]
        old_text = (VERSIONS / f"{name}.old.txt").read_text(encoding="utf-8")
        new_text = (VERSIONS / f"{name}.new.txt").read_text(encoding="utf-8")
        t0 = time.perf_counter()
        result = diff_texts(old_text, new_text, f"{name}.old.txt", f"{name}.new.txt")
        diff_seconds += time.perf_counter() - t0
        changed = [c for c in result.changes if c.change == "changed"]
        expected = listed_changes(row["what_changed"])
        used: set[int] = set()
        for olds, news, n in expected:
            listed += n
            old_digits, new_digits = {digits(f) for f in olds}, {digits(f) for f in news}
            hits = [i for i, c in enumerate(changed) if i not in used
                    and written(c.old.text) & old_digits and written(c.new.text) & new_digits][:n]
            used.update(hits)
            shown += len(hits)
            if len(hits) < n and args.show:
                print(f"MISS   {name}: {', '.join(olds)} -> {', '.join(news)} ({n - len(hits)} of {n} not shown)")
        for i, c in enumerate(changed):
            if i in used:
                continue
            unlisted += 1
            if args.show:
                print(f"EXTRA  {name}: old {_where(c.old)} -> new {_where(c.new)} ({c.metric or '-'})")
        for f in result.findings:
            left += 1
            if args.show:
                related = "; ".join(f"{r.line}:{r.column} {r.message}" for r in f.related)
                print(f"NL104  {name}.new.txt:{f.line}:{f.column}: {f.message} [{related}]")
        real = {(f.start, f.end) for f in result.findings}
        for text, start, end in inject(old_text, new_text, result):
            injected += 1
            spans = _finding_spans(old_text, text, name)
            if (start, end) in spans:
                caught += 1
            elif args.show:
                print(f"NOT CAUGHT {name}: {text[start:end]!r} at {start}")
            # findings other than the injected one and those the real version already had
            elsewhere += len(spans - real - {(start, end)})
        for old_injected, new_injected, start, end in restate(old_text, new_text, result):
            restated += 1
            spans = _finding_spans(old_injected, new_injected, name)
            if (start, end) in spans:
                restated_caught += 1
            elif args.show:
                print(f"NOT CAUGHT (b) {name}: {new_injected[start:end]!r}: {new_injected[start - 60:end + 30]!r}")
            # other mentions of the restated sentence are left behind too: not counted as elsewhere
            restated_elsewhere += len({sp for sp in spans - real if sp[0] < len(new_text)})
    print(f"pairs of versions: {len(rows)}")
    print(f"1. listed changes shown: {shown}/{listed} = {shown / max(listed, 1):.3f}")
    print(f"2. changes listed by numlint diff and not in the index: {unlisted} (--show lists them)")
    print(f"3. left-behind findings (NL104) on the real new versions: {left}")
    total, found = injected + restated, caught + restated_caught
    print(f"4. injected left-behind errors caught: {found}/{total} = {found / max(total, 1):.3f} "
          f"({elsewhere + restated_elsewhere} other new findings); (a) a figure updated twice, one "
          f"mention reverted: {caught}/{injected}; (b) an updated figure restated at the old value: "
          f"{restated_caught}/{restated}")
    print(f"time: {diff_seconds:.1f} s to diff the {len(rows)} real pairs "
          f"({1000 * diff_seconds / max(len(rows), 1):.0f} ms a pair, one process); "
          f"{time.perf_counter() - began:.1f} s in all with the injections")


if __name__ == "__main__":
    main()
