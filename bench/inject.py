"""Error injection, chosen independently of numlint: make an article contradict itself, see if numlint notices.

What it measures
    Recall of numlint on one fact stated twice when the later mention is altered, and how many new
    findings the alteration causes elsewhere. The headline is recall on hand-labelled *genuine* pairs.

How cases are chosen (``bench/_surface.py``; numlint is never imported to choose them)
    Figure tokens are found by surface form: an optional currency prefix ($, £, €, US$, ...), a number
    with digits (1,200 / 12.4 / 5), an optional scale word (m, bn, mln, bln, million, billion, k,
    thousand, tn, trillion) and an optional currency or unit word (dlrs, stg, euros, %, pct, per cent,
    km, miles, tonnes, kg, pounds, ...). Years 1900-2100, dates, clock times, phone-like groups,
    ranges and scores ("10-12", "3-1"), numbers inside words or codes and bare integers below 10 are
    left out. A *restated pair* is two tokens with one normalised surface (currency, digits, scale,
    unit) in two sentences whose neighbouring content words (8 words either side, in the paragraph,
    stop words out, crude plural stripping) share at least one word. Per repeated surface the first
    later mention that has such an earlier partner is taken; at most 3 pairs an article, drawn with a
    fixed seed when there are more.

Alterations of the later mention, one at a time (whichever apply, formatting kept)
    value     a transposition of two adjacent digits (half the time, when the digits allow it), else
              the value times a factor in 0.5-0.9 or 1.1-3, with the same decimals and separators;
    scale     m <-> bn, mln -> billion (bln where the article writes bln), million <-> billion, ...;
    currency  $ <-> £, € -> $, dlrs <-> stg, euros <-> dollars, ...;
    unit      km <-> miles, kilometres -> miles, tonnes -> pounds, kg <-> pounds, metres <-> feet.

Scoring
    ``numlint.check_text`` on the original and on each altered article. *Caught (strict)*: a finding of
    severity warning or error whose span overlaps the altered mention. *Loose*: or one that names it
    as related. *Info only*: not caught loosely, but an info finding is on it or names it. *New
    findings elsewhere*: warning/error findings of the altered article, not on the altered mention and
    not naming it, that the original did not have (matched by code and mention text).

The split
    ``bench/corpus.py`` (a hash of each article's path). Every figure is reported for dev and test
    apart, per corpus and per kind. ``--show`` prints misses for reading on dev only.

Labels (``bench/labels/inject-pairs.jsonl``)
    One JSON object a line: file, split, a and b (offsets of the two mentions), sha (first 12 hex of
    sha256 of the two mention texts joined by "\\x1f"), label (genuine: one fact stated twice, so an
    alteration makes the article contradict itself; harmless: two facts that share a number, or a
    label, date, score, list item...) and why (same-fact, different-owner, different-time,
    part-vs-whole, list-or-table, category, label-or-date, price-of-different-things, other). No corpus
    text. Labels were made by reading the two sentences, blind to numlint's output, on a deterministic
    sample (``--label-sheet``): 260 pairs per half, bbc and reuters in proportion to their pairs, and
    every modern pair (the modern corpus yields only 58 dev and 51 test pairs, short of the 60
    wanted). Cases join labels by file and offsets; a sha that no longer matches is reported as
    stale. The headline recall is on genuine labelled pairs; recall on all pairs (labelled or not) is
    printed for reference.

Commands
    python bench/inject.py                                 # dev and test, all corpora, all kinds
    python bench/inject.py --split dev --show 20           # read 20 dev misses
    python bench/inject.py --set bench/inject-set.json     # replay the canonical cases exactly
    python bench/inject.py --save-set bench/inject-set.json
    python bench/inject.py --label-sheet dev --from 0 --count 40   # print pairs to label (no numlint)
    python bench/inject.py --record-labels dev decisions.txt       # "INDEX g|h WHY" lines -> the labels file

    ``--set`` replays recorded alterations (file, kind, offsets, sha, new text; no corpus text), so a
    change to the selection code does not change what a later measurement is made on.

Goal: recall >= 0.90 on genuine test pairs for each kind; new findings elsewhere low (< 0.05 per alteration).
Baseline (main at 160d973, ``python bench/inject.py --set bench/inject-set.json``): genuine test pairs,
strict recall value 0.163 (n=135), scale 0.231 (39), currency 0.176 (34), unit 0.000 (7); 0.003 new
findings elsewhere per alteration.
"""

from __future__ import annotations

import argparse
import collections
import json
import multiprocessing
import random
import shlex
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import _surface as surface  # noqa: E402
from bench.corpus import CORPORA, DEFAULT_CORPORA, articles, corpus_of, relative, split_of  # noqa: E402

KINDS = ("value", "scale", "currency", "unit")
LABELS = ROOT / "bench" / "labels" / "inject-pairs.jsonl"
OUT = ROOT / "bench" / "out"
SEED = 7
LABEL_QUOTA = 260          # pairs labelled per half
MODERN_MIN = 60            # modern over-sampled to at least this many per half (or all it has)


# ------------------------------------------------------------------------------------- choosing

def plan(path: Path, seed: int = SEED) -> list[dict]:
    """The cases of one article: each restated pair's later mention altered each applicable way."""
    text = path.read_text(encoding="utf-8")
    rel = relative(path)
    cases = []
    for p in surface.restated_pairs(text, rel, seed):
        for alt in surface.alterations(text, p.b, seed, rel):
            cases.append({"file": rel, "kind": alt["kind"], "how": alt["how"], "a": [p.a.start, p.a.end],
                          "b": [p.b.start, p.b.end], "sha": p.sha, "new": alt["new"]})
    return cases


def all_pairs(split: str, corpora=DEFAULT_CORPORA):
    """(corpus, rel, text, Pair) for every restated pair of a split, in file order."""
    for path in articles(corpora, split):
        text = path.read_text(encoding="utf-8")
        rel = relative(path)
        for p in surface.restated_pairs(text, rel, SEED):
            yield corpus_of(path), rel, text, p


def label_sample(split: str) -> list[tuple]:
    """The deterministic sample of pairs to label for one half: modern at least MODERN_MIN (or all it has),
    the rest of LABEL_QUOTA shared by bbc and reuters in proportion to their pairs. It depends only on the
    surface selection, so a change to ``bench/_surface.py`` changes it: label new pairs with
    ``--record-labels``; labels already made stay keyed by offsets and sha."""
    by_corpus = collections.defaultdict(list)
    for corpus, rel, text, p in all_pairs(split):
        by_corpus[corpus].append((corpus, rel, text, p))
    total = sum(len(v) for v in by_corpus.values())
    n_modern = len(by_corpus["modern"])
    quota = {"modern": min(n_modern, max(MODERN_MIN, round(LABEL_QUOTA * n_modern / total)))}
    rest = LABEL_QUOTA - quota["modern"]
    others = len(by_corpus["bbc"]) + len(by_corpus["reuters"])
    quota["bbc"] = round(rest * len(by_corpus["bbc"]) / others)
    quota["reuters"] = rest - quota["bbc"]
    sample = []
    for corpus in DEFAULT_CORPORA:
        items = by_corpus[corpus]
        k = min(quota[corpus], len(items))
        chosen = random.Random(f"labels:{split}:{corpus}").sample(range(len(items)), k)
        sample += [items[i] for i in sorted(chosen)]
    return sample


def _sentence(text: str, start: int) -> tuple[int, int]:
    starts = surface.sentence_starts(text) + [len(text)]
    i = max(j for j, s in enumerate(starts) if s <= start)
    return starts[i], starts[i + 1]


def _marked(text: str, tok) -> str:
    s, e = _sentence(text, tok.start)
    return (text[s:tok.start] + "[[" + text[tok.start:tok.end] + "]]" + text[tok.end:e]).strip().replace("\n", " ")


def label_sheet(split: str, start: int, count: int) -> None:
    """Print pairs of the label sample for reading: headline, then each mention's sentence, figure marked."""
    sample = label_sample(split)
    for i, (corpus, rel, text, p) in enumerate(sample[start:start + count], start):
        head = text.strip().split("\n", 1)[0][:90]
        print(f"#{i} {corpus} {rel} a={p.a.start},{p.a.end} b={p.b.start},{p.b.end} | {head}")
        print(f"  A: {_marked(text, p.a)[:400]}")
        print(f"  B: {_marked(text, p.b)[:400]}")


WHY = ("same-fact", "different-owner", "different-time", "part-vs-whole", "list-or-table", "category",
       "label-or-date", "price-of-different-things", "other")


def record_labels(split: str, decisions: Path) -> int:
    """Merge hand decisions ("INDEX g|h WHY" a line, INDEX into the label sheet of ``split``) into LABELS."""
    sample = label_sample(split)
    labels = load_labels()
    n = 0
    for line in decisions.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        index, verdict, why = line.split()
        if verdict not in ("g", "h") or why not in WHY:
            raise SystemExit(f"bad decision line: {line!r}")
        corpus, rel, text, p = sample[int(index)]
        labels[(rel, (p.a.start, p.a.end), (p.b.start, p.b.end))] = {
            "file": rel, "split": split, "a": [p.a.start, p.a.end], "b": [p.b.start, p.b.end], "sha": p.sha,
            "label": "genuine" if verdict == "g" else "harmless", "why": why}
        n += 1
    LABELS.parent.mkdir(parents=True, exist_ok=True)
    with open(LABELS, "w", encoding="utf-8") as out:
        for key in sorted(labels):
            out.write(json.dumps(labels[key]) + "\n")
    return n


def load_labels() -> dict:
    labels = {}
    if LABELS.exists():
        for line in LABELS.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                labels[(r["file"], tuple(r["a"]), tuple(r["b"]))] = r
    return labels


# ------------------------------------------------------------------------------------- scoring

def _overlaps(s: int, e: int, start: int, end: int) -> bool:
    return s < end and start < e


def score_article(job) -> list[dict]:
    """Score the given cases of one article (or the cases chosen now when ``cases`` is None)."""
    import numlint

    rel, cases, seed = job
    path = CORPORA / rel
    text = path.read_text(encoding="utf-8")
    if cases is None:
        cases = plan(path, seed)
    if not cases:
        return []
    base = collections.Counter((f.code, text[f.start:f.end]) for f in numlint.check_text(text, str(path))
                               if f.severity != "info")
    rows = []
    for case in cases:
        row = dict(case, corpus=corpus_of(path), split=split_of(rel))
        (a0, a1), (b0, b1) = case["a"], case["b"]
        if surface.pair_sha(text[a0:a1], text[b0:b1]) != case["sha"]:
            rows.append(dict(row, status="changed"))
            continue
        new = case["new"]
        altered = text[:b0] + new + text[b1:]
        start, end = b0, b0 + len(new)
        strict = loose = info = False
        codes = set()
        after = collections.Counter()
        for f in numlint.check_text(altered, str(path)):
            on = _overlaps(f.start, f.end, start, end)
            rel_on = any(_overlaps(r.start, r.end, start, end) for r in f.related)
            if f.severity == "info":
                info = info or on or rel_on
                continue
            if on:
                strict = True
                codes.add(f.code)
            if on or rel_on:
                loose = True
                codes.add(f.code)
            else:
                after[(f.code, altered[f.start:f.end])] += 1
        elsewhere = after - base
        rows.append(dict(row, status="ok", strict=strict, loose=loose, info_only=info and not loose,
                         codes=sorted(codes), elsewhere=sum(elsewhere.values()),
                         elsewhere_codes=sorted({c for c, _ in elsewhere})))
    return rows


# ------------------------------------------------------------------------------------- report

def _rate(k: int, n: int) -> str:
    return f"{k / n:.3f}" if n else "  -  "


def report(rows: list[dict], labels: dict) -> list[str]:
    lines = []
    head = (f"{'split':<5} {'corpus':<8} {'kind':<8} | {'cases':>5} {'strict':>6} {'loose':>6} {'info':>4} "
            f"{'elsew':>5} | {'gen':>4} {'strict':>6} {'loose':>6} | {'harm':>4} {'strict':>6}")
    lines.append("all pairs: cases, recall strict/loose, info-only count, new findings elsewhere per alteration"
                 " | genuine labelled: n, recall strict/loose | harmless labelled: n, strict")
    lines.append(head)
    lines.append("-" * len(head))
    groups = collections.defaultdict(list)
    for r in rows:
        if r["status"] != "ok":
            continue
        for corpus in (r["corpus"], "ALL"):
            for kind in (r["kind"], "ALL"):
                groups[(r["split"], corpus, kind)].append(r)
    order_c = {c: i for i, c in enumerate(DEFAULT_CORPORA + ("ALL",))}
    order_k = {k: i for i, k in enumerate(KINDS + ("ALL",))}
    for key in sorted(groups, key=lambda k: (k[0], order_c[k[1]], order_k[k[2]])):
        g = groups[key]
        gen = [r for r in g if r.get("label") == "genuine"]
        harm = [r for r in g if r.get("label") == "harmless"]
        lines.append(
            f"{key[0]:<5} {key[1]:<8} {key[2]:<8} | {len(g):>5} {_rate(sum(r['strict'] for r in g), len(g)):>6} "
            f"{_rate(sum(r['loose'] for r in g), len(g)):>6} {sum(r['info_only'] for r in g):>4} "
            f"{sum(r['elsewhere'] for r in g) / max(len(g), 1):>5.3f} | {len(gen):>4} "
            f"{_rate(sum(r['strict'] for r in gen), len(gen)):>6} {_rate(sum(r['loose'] for r in gen), len(gen)):>6} | "
            f"{len(harm):>4} {_rate(sum(r['strict'] for r in harm), len(harm)):>6}")
        if key[1] == "ALL" and key[2] == "ALL":
            lines.append("-" * len(head))
    return lines


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=("dev", "test", "all"), default="all")
    ap.add_argument("--corpus", action="append", choices=DEFAULT_CORPORA)
    ap.add_argument("--kinds", help="comma-separated subset of " + ",".join(KINDS))
    ap.add_argument("--limit", type=int, default=0, help="a seeded sample of this many articles")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--show", type=int, default=0, help="print this many misses with context (dev only)")
    ap.add_argument("--save-set", type=Path, help="record the alterations made to FILE")
    ap.add_argument("--set", dest="replay", type=Path, help="replay the alterations recorded in FILE")
    ap.add_argument("--label-sheet", choices=("dev", "test"), help="print label-sample pairs; runs no numlint")
    ap.add_argument("--from", dest="start", type=int, default=0)
    ap.add_argument("--count", type=int, default=40)
    ap.add_argument("--record-labels", nargs=2, metavar=("SPLIT", "DECISIONS"),
                    help="merge decisions ('INDEX g|h WHY' lines, indices of --label-sheet SPLIT) into the labels")
    args = ap.parse_args(argv)

    if args.record_labels:
        n = record_labels(args.record_labels[0], Path(args.record_labels[1]))
        print(f"{n} labels recorded in {LABELS}")
        return 0
    if args.label_sheet:
        label_sheet(args.label_sheet, args.start, args.count)
        return 0
    if args.show and args.split != "dev":
        ap.error("--show reads misses one by one: allowed with --split dev only")
    kinds = set(args.kinds.split(",")) if args.kinds else set(KINDS)
    if kinds - set(KINDS):
        ap.error(f"unknown kinds: {', '.join(sorted(kinds - set(KINDS)))}")
    corpora = tuple(args.corpus) if args.corpus else DEFAULT_CORPORA

    paths = articles(corpora, args.split)
    if args.limit:
        paths = sorted(random.Random(args.seed).sample(paths, min(args.limit, len(paths))))
    rels = [relative(p) for p in paths]
    if args.replay:
        recorded = collections.defaultdict(list)
        for case in json.loads(args.replay.read_text(encoding="utf-8"))["cases"]:
            if case["kind"] in kinds:
                recorded[case["file"]].append(case)
        wanted = set(rels)
        jobs = [(rel, recorded[rel], args.seed) for rel in sorted(recorded) if rel in wanted]
    else:
        jobs = [(rel, None, args.seed) for rel in rels]

    t0 = time.time()
    rows = []
    with multiprocessing.Pool(args.jobs) as pool:
        for i, res in enumerate(pool.imap_unordered(score_article, jobs, chunksize=16), 1):
            rows.extend(res)
            if i % 500 == 0 or i == len(jobs):
                print(f"\r{i}/{len(jobs)} articles, {time.time() - t0:.0f}s", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    rows.sort(key=lambda r: (r["file"], r["b"], r["kind"]))

    labels = load_labels()
    stale_pairs = set()
    seen = set()
    for r in rows:
        key = (r["file"], tuple(r["a"]), tuple(r["b"]))
        lab = labels.get(key)
        if lab:
            seen.add(key)
            if lab["sha"] != r["sha"] or r["status"] == "changed":
                stale_pairs.add(key)  # the labelled text is not what is there now: the label does not apply
            else:
                r["label"], r["why"] = lab["label"], lab["why"]
    # labelled pairs of the articles run that no case reached (the selection or the corpus file changed)
    ran = {job[0] for job in jobs}
    in_scope = [k for k, lab in labels.items() if k[0] in ran]
    missing = [k for k in in_scope if k not in seen]
    rows = [r for r in rows if r["kind"] in kinds]
    seen_kinds = {(r["file"], tuple(r["a"]), tuple(r["b"])) for r in rows}
    seen = {k for k in seen if k in seen_kinds}
    stale = len(stale_pairs)

    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / "inject-cases.jsonl", "w", encoding="utf-8") as out:
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")

    changed = sum(r["status"] == "changed" for r in rows)
    print(f"{len(jobs)} articles, {len(rows)} cases ({changed} on changed corpus files) in {time.time() - t0:.0f}s; "
          f"caught = a warning/error on the altered mention (strict) or naming it as related (loose)")
    for line in report(rows, labels):
        print(line)
    gen_counts = collections.Counter((lab["split"], lab["label"]) for k, lab in labels.items() if k[0] in ran)
    by_label = ", ".join(f"{split} {label} {n}" for (split, label), n in sorted(gen_counts.items()))
    print(f"labelled pairs: {len(in_scope)} in the articles run ({by_label}); "
          f"{len(in_scope) - len(missing) - stale} found, {len(missing)} missing, {stale} stale (sha differs)"
          + (f"; {len(seen)} with a case of the kinds asked" if kinds != set(KINDS) else ""))
    print(f"per-case results: {OUT / 'inject-cases.jsonl'}")
    if args.save_set:
        keep = ("file", "kind", "how", "a", "b", "sha", "new")
        cases = [{k: r[k] for k in keep} for r in rows if r["status"] == "ok"]
        with open(args.save_set, "w", encoding="utf-8") as out:
            out.write(f'{{"seed": {args.seed:d}, "cases": [\n')
            out.write(",\n".join(json.dumps(c, ensure_ascii=False) for c in cases))
            out.write("\n]}\n")
        print(f"cases recorded: {args.save_set} ({len(cases)})")
    if args.show:
        misses = [r for r in rows if r["status"] == "ok" and not r["strict"] and r.get("label") != "harmless"]
        misses.sort(key=lambda r: (r.get("label") != "genuine", r["file"], r["b"]))
        for r in misses[:args.show]:
            text = (CORPORA / r["file"]).read_text(encoding="utf-8")
            (a0, a1), (b0, b1) = r["a"], r["b"]
            sa, sb = _sentence(text, a0), _sentence(text, b0)
            notes = (" (loose hit)" if r["loose"] else "") + (" (info only)" if r["info_only"] else "")
            print(f"MISS {r['kind']} ({r['how']}) {r.get('label', 'unlabelled')} {r['file']} "
                  f"{text[b0:b1]!r} -> {r['new']!r}{notes}")
            marked_a = text[sa[0]:a0] + "[[" + text[a0:a1] + "]]" + text[a1:sa[1]]
            marked_b = text[sb[0]:b0] + "[[" + r["new"] + "]]" + text[b1:sb[1]]
            print("  A: " + marked_a.strip().replace("\n", " ")[:300])
            print("  B: " + marked_b.strip().replace("\n", " ")[:300])
    print("command: python " + " ".join(shlex.quote(a) for a in [str(Path(sys.argv[0]))] + (argv or sys.argv[1:])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
