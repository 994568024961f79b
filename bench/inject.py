"""Error injection: make an article contradict itself and measure whether numlint notices.

For each article, find a figure it states twice: two mentions in different sentences with the same
metric (key and modifiers), the same unit and the same value, written with digits, not a small
count that could repeat by chance (a value of at least 10, or with decimals or a scale word), not
two times ("5.8 mln in 1985/86" and "5.8 mln in 1987/88" are two figures), not a table, and not
an age, a year, a duration or a sports event ("the 60m title"), which the NL1 rules never compare,
nor a bound ("up to 300": 250 later does not contradict it), a price fraction or a "per 100". Alter
the LATER mention one way at a time:

* value:    the digits change beyond any rounding (a transposition such as 450 -> 540 when the digits
            allow it, else the value times 1.3-1.9 or 0.5-0.75, written with the same decimals);
* scale:    the scale word slips (m <-> bn, million <-> billion, mln <-> billion);
* currency: the currency changes ($ <-> £, dlrs <-> stg).

Recall = share of altered articles where a finding points at the altered mention (``--loose``: or
names it as related). New findings elsewhere = findings of the altered article, not on the altered
mention, that the original did not have (matched by code and mention text).

    python bench/inject.py                     # all articles, all alteration kinds
    python bench/inject.py --limit 1500 --sample --jobs 2
    python bench/inject.py --show 20           # print 20 misses for reading
    python bench/inject.py --save-set bench/inject-set.json   # record which mentions were altered, how
    python bench/inject.py --set bench/inject-set.json        # replay exactly those alterations

Which figures count as "stated twice" depends on what extraction and the fact stage find, so a change
to either changes the set of alterations, and two recalls on two sets do not compare. ``--set`` replays
a recorded set (file, kind, offsets and the altered mention, with a hash of the original mention so a
changed corpus file is noticed) to measure a change on the same alterations. The set holds no corpus
text: offsets, hashes and the mentions numlint wrote.

Goal: recall >= 0.90.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import multiprocessing
import os
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# The corpora sit in ../shared beside the repository (as in CI); NUMLINT_SHARED points elsewhere.
SHARED = os.environ.get("NUMLINT_SHARED", str(Path(__file__).resolve().parents[2] / "shared"))
CORPORA = Path(SHARED, "corpora/news")
_NUM = re.compile(r"\d[\d,]*(?:\.\d+)?")
SCALE_SWAPS = [("bn", "m"), ("m", "bn"), ("billion", "million"), ("million", "billion"), ("mln", "billion"),
               ("bln", "mln")]
CURRENCY_SWAPS = [("$", "£"), ("£", "$"), ("€", "$"), ("dlrs", "stg"), ("stg", "dlrs"), ("euros", "dollars"),
                  ("dollars", "euros"), ("pounds", "dollars")]


def restated_pairs(text: str):
    """(first, later) facts of one figure stated twice, as described in the module docstring."""
    from numlint.document import Document
    from numlint.facts import build_facts, is_tabular
    from numlint.linter import document_quantities

    doc = Document("x.txt", text)
    prose, quantities = document_quantities(doc)
    table = build_facts(doc, prose, quantities)
    pairs = []
    for facts in table.by_metric.values():
        for i, a in enumerate(facts):
            for b in facts[i + 1:i + 6]:
                if a.sentence_index == b.sentence_index or a.modifiers != b.modifiers or a.unit != b.unit:
                    continue
                if a.q.value is None or b.q.value is None or a.q.value != b.q.value:
                    continue
                if a.time and b.time and a.time != b.time:
                    continue  # the same number for two different times is two figures, not one
                if is_tabular(a) or is_tabular(b):
                    continue  # a table's columns repeat numbers by chance
                if _never_one_figure(a) or _never_one_figure(b):
                    continue
                if not _NUM.search(b.q.text) or b.q.change or a.q.change:
                    continue
                if a.q.value < 10 and "." not in b.q.text and b.q.multiplier == 1.0 and not _scale_word(b.q.text):
                    continue
                pairs.append((a, b))
    return pairs


_AGE = re.compile(r"year-old|years? old|\baged?\b", re.I)
_TIME_UNITS = {"year", "month", "week", "day", "hour", "minute", "second"}


def _never_one_figure(f) -> bool:
    """Classes the NL1 rules never compare, so altering them says nothing about recall: ages (two
    people of one age are common), years and durations, sports distances named as events ("60m")."""
    from numlint.facts import looks_like_year

    from numlint.registry import load_rules

    vocab = load_rules()["NL101"].vocabularies
    if f.key in vocab.get("ignore_metrics", ()) and not f.modifiers:
        return True  # the rule declares this metric never one figure ("the 100m champion", "a 5% rise")
    context = f.left[-8:] + f.q.text + f.right[:12]
    return bool(_AGE.search(context)) or looks_like_year(f) or f.unit in _TIME_UNITS or bool(
        re.match(r"\s*(?:final|title|race|hurdles|relay|freestyle|event|record)", f.right)) or bool(
        re.match(r"-\d+/\d+", f.right)) or bool(re.search(r"\bper\s+$", f.left[-5:])) or f.q.approx in (
        "<", "<=", ">", ">=")  # "84-5/8" (a price fraction), "per 100 people", "up to 300": not one figure said twice


def _scale_word(text: str) -> str | None:
    for word, _ in SCALE_SWAPS:
        if re.search(r"(?<=\d)\s?" + re.escape(word) + r"\b", text):
            return word
    return None


def _format_like(original: str, value: float) -> str:
    decimals = len(original.split(".")[1]) if "." in original else 0
    text = f"{value:,.{decimals}f}" if "," in original else f"{value:.{decimals}f}"
    return text


def alter_value(number: str, rng: random.Random) -> str | None:
    digits = number.replace(",", "")
    plain = digits.replace(".", "")
    # a transposition of two adjacent different digits, the commonest typing slip
    spots = [i for i in range(len(plain) - 1) if plain[i] != plain[i + 1] and not (i == 0 and plain[1] == "0")]
    if spots and rng.random() < 0.5:
        i = rng.choice(spots)
        swapped = plain[:i] + plain[i + 1] + plain[i] + plain[i + 2:]
        if "." in digits:
            k = digits.index(".")
            swapped = swapped[:k] + "." + swapped[k:]
        value = float(swapped)
        old = float(digits)
        if abs(value - old) / old >= 0.08:
            return _format_like(number, value)
    value = float(digits)
    factor = rng.uniform(1.3, 1.9) if rng.random() < 0.5 else rng.uniform(0.5, 0.75)
    new = value * factor
    if "." not in digits:
        new = round(new)
        if new == value:
            return None
    return _format_like(number, new)


def alterations(text: str, b, rng: random.Random):
    """(kind, altered text, start, end of the altered mention in it)."""
    start, end = b.q.start, b.q.end
    mention = text[start:end]
    out = []
    m = _NUM.search(mention)
    if m:
        new_number = alter_value(m.group(), rng)
        if new_number:
            new_mention = mention[:m.start()] + new_number + mention[m.end():]
            out.append(("value", new_mention))
    word = _scale_word(mention)
    if word:
        for old, new in SCALE_SWAPS:
            if old == word:
                new_mention = re.sub(r"(?<=\d)(\s?)" + re.escape(old) + r"\b", r"\g<1>" + new, mention, count=1)
                out.append(("scale", new_mention))
                break
    if b.q.kind == "money":
        for old, new in CURRENCY_SWAPS:
            if old in mention:
                out.append(("currency", mention.replace(old, new, 1)))
                break
    result = []
    for kind, new_mention in out:
        altered = text[:start] + new_mention + text[end:]
        result.append((kind, altered, start, start + len(new_mention)))
    return result


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def run_article(args):
    """Choose a restated figure of one article, alter it each way, and score numlint on each."""
    path, seed, loose = args
    rng = random.Random(f"{seed}:{Path(path).name}")
    text = Path(path).read_text(encoding="utf-8")
    try:
        pairs = restated_pairs(text)
    except Exception as exc:
        return [("crash", path, str(exc), False, 0, "", None)]
    if not pairs:
        return []
    a, b = rng.choice(pairs)
    planned = [(kind, b.q.start, b.q.end, altered[start:end], a.q.text, a.line)
               for kind, altered, start, end in alterations(text, b, rng)]
    return _score(path, text, planned, loose)


def replay_article(args):
    """Score the recorded alterations of one article (``--set``)."""
    path, recorded, loose = args
    text = Path(path).read_text(encoding="utf-8")
    planned = []
    for r in recorded:
        if _digest(text[r["start"]:r["end"]]) != r["original"]:
            return [("changed", path, "the corpus file differs from the recorded set", False, 0, "", None)]
        planned.append((r["kind"], r["start"], r["end"], r["altered"], "", r["first_line"]))
    return _score(path, text, planned, loose)


def _score(path, text, planned, loose):
    import numlint

    base = collections.Counter((f.code, text[f.start:f.end]) for f in numlint.check_text(text, path))
    rows = []
    for kind, b_start, b_end, new_mention, first_text, first_line in planned:
        altered = text[:b_start] + new_mention + text[b_end:]
        start, end = b_start, b_start + len(new_mention)
        findings = numlint.check_text(altered, path)
        hit = False
        extra = 0
        after = collections.Counter()
        for f in findings:
            on = f.start < end and start < f.end
            rel = any(r.start < end and start < r.end for r in f.related)
            if on or (loose and rel):
                hit = True
            elif not rel:
                after[(f.code, altered[f.start:f.end])] += 1
        new_elsewhere = after - base
        extra = sum(new_elsewhere.values())
        line = altered.count("\n", 0, start) + 1
        sentence_start = max(altered.rfind("\n", 0, start), altered.rfind(". ", 0, start) + 1)
        context = altered[sentence_start:altered.find("\n", end) if altered.find("\n", end) > 0 else len(altered)]
        first = f"{first_text!r} on line {first_line}" if first_text else f"line {first_line}"
        rows.append((kind, path, f"{text[b_start:b_end]!r} -> {altered[start:end]!r} line {line} "
                     f"(first stated as {first}): {context.strip()[:300]}"
                     + (f" || new elsewhere: {sorted(new_elsewhere)}" if extra else ""), hit, extra,
                     ",".join(sorted({f.code for f in findings if f.start < end and start < f.end})),
                     {"file": Path(path).parent.name + "/" + Path(path).name, "kind": kind, "start": b_start,
                      "end": b_end, "original": _digest(text[b_start:b_end]), "altered": new_mention,
                      "first_line": first_line}))
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", action="append")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--sample", action="store_true")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--loose", action="store_true", help="count a finding that names the altered mention as related")
    ap.add_argument("--show", type=int, default=0, help="print this many misses")
    ap.add_argument("--save-set", type=Path, help="write the alterations made to FILE (JSON)")
    ap.add_argument("--set", dest="replay", type=Path, help="replay the alterations recorded in FILE")
    args = ap.parse_args(argv)

    paths = []
    for name in args.corpus or ["bbc-news-2005", "reuters-21578"]:
        paths += sorted((CORPORA / name).glob("*.txt"))
    if args.limit:
        paths = random.Random(args.seed).sample(paths, min(args.limit, len(paths))) if args.sample else paths[:args.limit]
    worker = run_article
    work = [(str(p), args.seed, args.loose) for p in paths]
    if args.replay:
        recorded = collections.defaultdict(list)
        for r in json.loads(args.replay.read_text(encoding="utf-8"))["alterations"]:
            recorded[r["file"]].append(r)
        paths = [CORPORA / name for name in sorted(recorded)]
        work = [(str(CORPORA / name), recorded[name], args.loose) for name in sorted(recorded)]
        worker = replay_article
    t0 = time.time()
    rows = []
    with multiprocessing.Pool(args.jobs) as pool:
        for i, res in enumerate(pool.imap_unordered(worker, work, chunksize=8), 1):
            rows.extend(res)
            if i % 200 == 0 or i == len(paths):
                print(f"\r{i}/{len(paths)} articles, {time.time() - t0:.0f}s", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    out_dir = ROOT / "bench" / "out"
    out_dir.mkdir(parents=True, exist_ok=True)
    by_kind = collections.defaultdict(lambda: [0, 0, 0])
    codes = collections.Counter()
    with open(out_dir / "inject-results.txt", "w", encoding="utf-8") as out:
        for kind, path, desc, hit, extra, found, _ in sorted(rows, key=lambda r: r[:6]):
            by_kind[kind][0] += 1
            by_kind[kind][1] += hit
            by_kind[kind][2] += extra
            if found:
                codes[(kind, found)] += 1
            out.write(f"{'HIT ' if hit else 'MISS'} {kind:<8} {Path(path).name}: {desc} [{found}]\n")
    print(f"{len(paths)} articles, {len(rows)} alterations in {time.time() - t0:.0f}s "
          f"({'loose' if args.loose else 'strict'}: a finding on the altered mention)")
    total = [0, 0, 0]
    for kind in sorted(by_kind):
        n, hit, extra = by_kind[kind]
        total = [total[0] + n, total[1] + hit, total[2] + extra]
        print(f"  {kind:<9} n={n:<5} recall={hit / max(n, 1):.3f}  new findings elsewhere per alteration={extra / max(n, 1):.3f}")
    print(f"  {'all':<9} n={total[0]:<5} recall={total[1] / max(total[0], 1):.3f}  "
          f"new findings elsewhere per alteration={total[2] / max(total[0], 1):.3f}")
    print("codes on the altered mention:", ", ".join(f"{k}:{c}={v}" for (k, c), v in sorted(codes.items())))
    print(f"details: {out_dir / 'inject-results.txt'}")
    if args.save_set:
        made = sorted((r[6] for r in rows if r[6]), key=lambda r: (r["file"], r["kind"]))
        args.save_set.write_text(json.dumps({"seed": args.seed, "alterations": made}, indent=1) + "\n",
                                 encoding="utf-8")
        print(f"alterations recorded: {args.save_set} ({len(made)})")
    if args.show:
        misses = [r for r in rows if not r[3]][: args.show]
        for kind, path, desc, *_ in misses:
            print(f"MISS {kind} {Path(path).name}: {desc}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
