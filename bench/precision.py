"""Precision on clean copy: of numlint's warnings and errors on edited news, the share worth an editor's look.

What is measured
    A fixed, deterministic sample of published (clean) articles from the **test** half of the
    dev/test split in ``bench/corpus.py`` is linted with ``numlint.check_text(text, path)``. Every
    finding of severity warning or error is a *finding in the sample*. Each is judged by a person,
    reading it in context, as **worth** an editor's look (a careful copy editor would want to check
    it: two mentions that really look like one fact stated with different values, a real
    unit/scale/percent-base problem) or **not** (plainly different facts: parts and their total,
    different owners or categories, alternatives, table rows, different periods, a correct
    conversion; or a misread quantity). The report gives the findings in the sample, their rate per
    100 articles, how many are judged, and the share judged worth: overall, per code, per severity,
    per corpus, and reweighted to the test half (the sample over-samples the modern corpus).
    ``bench/noise.py`` gives the rate on the whole half; this gives what that rate is worth.

How the sample is chosen
    ``--articles`` (default 1000) articles of the chosen half, split across the three corpora in
    proportion to their size in that half, with the modern corpus weighted ``--modern-weight``
    times (default 3; it is small but is the copy numlint will mostly see). Within a corpus the
    articles are those with the lowest sha256(seed, relative path): the sample does not depend on
    listing order and an article added to a corpus displaces at most one other. ``--seed`` (default
    0 = the fixed sample) draws a different sample of the same half. 1000 articles, not fewer,
    because warnings and errors come at about 10 per 100 articles: the fixed test sample holds
    about 100 findings, all of which are judged. The modern weight takes 129 of the 144 modern
    test articles, so a fresh seed mostly re-draws BBC and Reuters articles.

Finding ids
    First 12 hex of sha256 over (relative path, code, mention text, sorted related mention texts,
    message with its line numbers blanked) -- no offsets and no line numbers, so an id survives
    small shifts of the text or of other findings; it changes when the message's wording or the
    mentions change, and the finding then comes up unjudged.

Judgements
    ``bench/labels/precision-judgements.jsonl``, one JSON object a line:
    ``{"id", "file" (relative path), "code", "judged": "worth"|"not", "why": <tag>, "date": ISO}``
    with ``why`` one of the tags in ``WHY`` below, and ``carried_from`` (the earlier id) on a judgement
    that ``--carry-from REV`` carried to a finding whose message was reworded since REV. **No corpus
    text** goes in that file (nor in any other file of the repository): the sentences are only ever
    written to bench/out/, which git ignores.

    python bench/precision.py --jobs 2                # the report on the fixed test sample
    python bench/precision.py --fresh 50              # 50 unjudged findings, with context, to judge
    python bench/precision.py --judge my-calls.txt    # add judgements: lines "<id> worth|not <why>"
    python bench/precision.py --carry-from HEAD       # keep judgements of findings only reworded since HEAD
    python bench/precision.py --split dev --jobs 2    # the same on the dev half, for tuning
    python bench/precision.py --seed 7 --fresh 50     # a fresh sample of articles (see below)

Baseline (2026-12-02, all 97 findings of the fixed test sample judged by one reader)
    2 of 97 worth an editor's look (2.1%, 95% CI 1-7%): NL101 2/94, NL302 0/1, NL304 0/1,
    NL401 0/1; warnings 1/88, errors 1/9. The false alarms were mostly different facts that share
    a noun (30), different periods (16), rows of a list or table (15), parts and their total (12)
    and different owners (10).

Judging a fresh sample each time a figure is reported
    Every time a precision figure is quoted, at least 50 of the findings behind it must have been
    judged fresh, by reading them in context, after the change being reported: run ``--fresh 50``
    on the fixed sample (a change to numlint leaves its changed findings unjudged); if fewer than 50
    come up, draw a new sample with ``--seed K`` (a K not used before; note it with the figure) and
    judge ``--fresh 50`` there. Judge before looking at the totals, one finding at a time, against
    the definition above, and write "not" whenever the two mentions are plainly different facts.
    Read bench/out/precision-sample.txt (every finding of the sample, with its sentences and the
    figures marked) for context; open the article itself when a sentence is not enough. Tune on
    ``--split dev``, never by reading the test half's findings to change numlint.
"""

from __future__ import annotations

import argparse
import collections
import datetime
import hashlib
import json
import math
import multiprocessing
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import DEFAULT_CORPORA, SPLITS, articles, corpus_of, relative  # noqa: E402

OUT = ROOT / "bench" / "out"
LABELS = ROOT / "bench" / "labels" / "precision-judgements.jsonl"
JUDGED = ("worth", "not")
WHY = (
    "real-inconsistency",   # worth: one fact, two values
    "worth-checking",       # worth: not surely wrong, but an editor would want to look
    "different-facts",      # not: two different quantities that merely look alike
    "parts-and-total",      # not: a part and its whole, or parts of one total
    "different-owner",      # not: the same metric of different companies, people, places
    "different-time",       # not: the same metric at different dates or periods
    "list-or-table",        # not: rows of a table or items of a list
    "alternatives",         # not: options, scenarios, offers, forecasts vs actuals
    "correct-conversion",   # not: a conversion that is right
    "extraction-error",     # not: the quantity, unit or metric was misread
    "other",
)
REPORTED = ("warning", "error")
MARK = ("[[", "]]")


# --- the sample ----------------------------------------------------------------------------------

def _rank(seed: int, rel: str) -> str:
    return hashlib.sha256(f"{seed}\0{rel}".encode()).hexdigest()


def allocate(sizes: dict[str, int], total: int, modern_weight: float) -> dict[str, int]:
    """Articles per corpus: in proportion to size, modern weighted up, capped at what there is."""
    weights = {c: n * (modern_weight if c == "modern" else 1.0) for c, n in sizes.items()}
    want = {c: 0 for c in sizes}
    left, open_ = total, dict(weights)
    while left > 0 and open_:
        w = sum(open_.values())
        share = {c: left * open_[c] / w for c in open_}
        # largest-remainder rounding, then cap; spill what a capped corpus cannot take to the rest
        floors = {c: int(share[c]) for c in open_}
        rest = left - sum(floors.values())
        for c in sorted(open_, key=lambda c: (-(share[c] - floors[c]), c))[:rest]:
            floors[c] += 1
        capped = False
        for c in list(open_):
            room = sizes[c] - want[c]
            if floors[c] >= room:
                want[c] += room
                left -= room
                del open_[c]
                capped = True
        if not capped:
            for c in open_:
                want[c] += floors[c]
            left = 0
    return want


def sample(split: str, total: int, modern_weight: float, seed: int, corpora=DEFAULT_CORPORA):
    """(paths, sizes of the half per corpus, sample size per corpus): deterministic for the arguments."""
    by_corpus = {c: articles((c,), split) for c in corpora}
    sizes = {c: len(p) for c, p in by_corpus.items()}
    want = allocate(sizes, total, modern_weight)
    chosen: list[Path] = []
    for c, paths in by_corpus.items():
        chosen += sorted(paths, key=lambda p: _rank(seed, relative(p)))[: want[c]]
    return sorted(chosen, key=relative), sizes, want


# --- findings ------------------------------------------------------------------------------------

def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around text[start:end]: from the last line break or '. ' before to the next after."""
    dot = text.rfind(". ", 0, max(start - 1, 0))
    lo = max(text.rfind("\n", 0, start) + 1, dot + 2 if dot >= 0 else 0)
    his = [i for i in (text.find("\n", end), text.find(". ", end)) if i >= 0]
    hi = min(his) + 1 if his else len(text)
    return lo, hi


def marked_sentence(text: str, start: int, end: int) -> str:
    """The sentence around text[start:end] with the figure between [[ and ]]."""
    lo, hi = _sentence_bounds(text, start, end)
    lo, hi = min(lo, start), max(hi, end)
    s = text[lo:start] + MARK[0] + text[start:end] + MARK[1] + text[end:hi]
    return " ".join(s.split())


LINE_REF = re.compile(r"\blines? \d+(?:(?:, | and |-)\d+)*")


def finding_id(rel: str, code: str, mention: str, related: list[str], message: str) -> str:
    """12 hex of sha256 over the finding's parts; the message's line numbers ("in line 45") are
    blanked first, so a line added above the finding does not change its id."""
    key = json.dumps([rel, code, mention, sorted(related), LINE_REF.sub("line #", message)],
                     ensure_ascii=False)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


def span_key(rel: str, f) -> str:
    """A finding by where it is, not what it says: its file, code, and the offsets of its mention and
    of its related mentions (what ``--carry-from`` matches across two versions of numlint)."""
    return json.dumps([rel, f.code, f.start, f.end, sorted((r.start, r.end) for r in f.related)])


# Run with another checkout first on sys.path: this script's ``check_one`` with that checkout's
# numlint, for the files read from stdin (one relative path a line), as JSON {span key: id}.
_IDS_OF_CHECKOUT = """
import json, sys
sys.path.insert(0, sys.argv[1])
import numlint  # the other checkout's, before this script's own directory goes on the path
import importlib.util
spec = importlib.util.spec_from_file_location("precision", sys.argv[2])
precision = importlib.util.module_from_spec(spec)
spec.loader.exec_module(precision)
from bench.corpus import CORPORA
rows = [r for rel in sys.stdin.read().split() for r in precision.check_one(str(CORPORA / rel))]
print(json.dumps({r["spans"]: r["id"] for r in rows if "spans" in r}))
"""


def carry_judgements(rev: str, rows: list[dict], labels: Path = LABELS) -> int:
    """Judgements of numlint at ``rev`` carried to the same findings now, where only their wording
    changed: matched by ``span_key`` (same file, code, mention and related mentions), so a reworded
    message keeps its human judgement instead of coming up unjudged."""
    import subprocess
    import tempfile

    judgements = load_judgements(labels)
    todo = [r for r in rows if r["id"] not in judgements and r["id"] != "CRASH"]
    if not todo:
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        checkout = Path(tmp) / "checkout"
        added = subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "--quiet", str(checkout), rev],
                               capture_output=True, text=True)
        if added.returncode:
            raise SystemExit(f"--carry-from {rev}: git cannot check it out: {added.stderr.strip()}")
        try:
            files = "\n".join(sorted({r["file"] for r in todo}))
            done = subprocess.run([sys.executable, "-c", _IDS_OF_CHECKOUT, str(checkout),
                                   str(Path(__file__).resolve())],
                                  input=files, capture_output=True, text=True)
            if done.returncode:
                last = (done.stderr.strip().splitlines() or ["no message"])[-1]
                raise SystemExit(f"--carry-from {rev}: its numlint failed on the judged files: {last}")
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(checkout)], check=True)
    old_ids = json.loads(done.stdout)
    today = datetime.date.today().isoformat()
    new = []
    for r in todo:
        old = judgements.get(old_ids.get(r["spans"], ""))
        if old:
            new.append({"id": r["id"], "file": r["file"], "code": r["code"], "judged": old["judged"],
                        "why": old["why"], "date": today, "carried_from": old["id"]})
    with open(labels, "a", encoding="utf-8") as fh:
        for j in new:
            fh.write(json.dumps(j, ensure_ascii=False) + "\n")
    return len(new)


def check_one(path: str) -> list[dict]:
    import numlint

    p = Path(path)
    rel = relative(p)
    text = p.read_text(encoding="utf-8")
    try:
        findings = numlint.check_text(text, path)
    except Exception as exc:  # a crash is reported, never judged
        return [{"id": "CRASH", "file": rel, "code": "CRASH", "severity": "error",
                 "message": f"{type(exc).__name__}: {exc}", "line": 0, "sentence": "", "related": []}]
    rows = []
    for f in findings:
        if f.severity not in REPORTED:
            continue
        mention = text[f.start:f.end]
        related_texts = [text[r.start:r.end] for r in f.related]
        rows.append({
            "id": finding_id(rel, f.code, mention, related_texts, f.message),
            "spans": span_key(rel, f),
            "file": rel,
            "corpus": corpus_of(p),
            "code": f.code,
            "severity": f.severity,
            "message": f.message,
            "line": f.line,
            "sentence": marked_sentence(text, f.start, f.end),
            "related": [(r.message, r.line, marked_sentence(text, r.start, r.end)) for r in f.related],
        })
    return rows


def collect(paths: list[Path], jobs: int) -> list[dict]:
    with multiprocessing.Pool(jobs) as pool:
        per_article = pool.map(check_one, [str(p) for p in paths], chunksize=8)
    rows = [r for rs in per_article for r in rs]
    rows.sort(key=lambda r: (r["file"], r["line"], r["code"], r["id"]))
    return rows


def write_sample(rows: list[dict], out: Path, judgements: dict[str, dict]) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(format_finding(r, judgements.get(r["id"])))


def format_finding(r: dict, judgement: dict | None = None) -> str:
    verdict = f"  [judged {judgement['judged']} / {judgement['why']}]" if judgement else "  [unjudged]"
    lines = [f"{r['id']}  {r['file']}:{r['line']}  {r['code']} {r['severity']}{verdict}",
             f"    {r['message']}",
             f"    > {r['sentence']}"]
    for msg, line, sentence in r["related"]:
        lines.append(f"    related ({msg}; line {line}): {sentence}")
    return "\n".join(lines) + "\n\n"


# --- judgements ----------------------------------------------------------------------------------

def load_judgements(path: Path = LABELS) -> dict[str, dict]:
    """id -> judgement; a later line for an id overrides an earlier one."""
    out: dict[str, dict] = {}
    if not path.exists():
        return out
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        j = json.loads(line)
        if j.get("judged") not in JUDGED or j.get("why") not in WHY:
            raise SystemExit(f"{path}:{n}: judged must be one of {JUDGED}, why one of {WHY}")
        out[j["id"]] = j
    return out


def add_judgements(calls_file: Path, rows: list[dict], labels: Path = LABELS) -> int:
    """Append judgements from a file of lines '<id> worth|not <why>' (or JSON objects) to the labels."""
    by_id = {r["id"]: r for r in rows}
    today = datetime.date.today().isoformat()
    new = []
    for n, line in enumerate(calls_file.read_text(encoding="utf-8").splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("{"):
            j = json.loads(line)
            fid, judged, why = j["id"], j["judged"], j["why"]
        else:
            fid, judged, why = (line.split() + ["", "", ""])[:3]
        if fid not in by_id:
            raise SystemExit(f"{calls_file}:{n}: {fid} is not a finding of this sample")
        if judged not in JUDGED or why not in WHY:
            raise SystemExit(f"{calls_file}:{n}: judged must be one of {JUDGED}, why one of {WHY}")
        r = by_id[fid]
        new.append({"id": fid, "file": r["file"], "code": r["code"], "judged": judged, "why": why,
                    "date": today})
    before = load_judgements(labels)
    replaced = sum(j["id"] in before for j in new)
    if replaced:
        print(f"{replaced} of these replace an earlier judgement of the same finding (the later line wins)")
    labels.parent.mkdir(parents=True, exist_ok=True)
    with open(labels, "a", encoding="utf-8") as fh:
        for j in new:
            fh.write(json.dumps(j, ensure_ascii=False) + "\n")
    return len(new)


# --- the report ----------------------------------------------------------------------------------

def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    if n == 0:
        return (0.0, 0.0)
    p = k / n
    d = 1 + z * z / n
    c = p + z * z / (2 * n)
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    # at k = 0 the lower bound is 0 up to rounding ("-0%" in the report otherwise)
    return (max((c - h) / d, 0.0), min((c + h) / d, 1.0))


def share(k: int, n: int) -> str:
    if n == 0:
        return "   -  (0 judged)"
    lo, hi = wilson(k, n)
    return f"{100 * k / n:5.1f}%  ({k}/{n}; 95% CI {100 * lo:.0f}-{100 * hi:.0f}%)"


def report(rows, judgements, n_articles, sizes, want, args) -> None:
    unique = {r["id"]: r for r in rows if r["id"] != "CRASH"}
    crashes = [r for r in rows if r["id"] == "CRASH"]
    dupes = len(rows) - len(crashes) - len(unique)
    judged = {i: judgements[i] for i in unique if i in judgements}
    unjudged = sorted(i for i in unique if i not in judgements)

    print(f"sample: {n_articles} articles of the {args.split} half (seed {args.seed}; "
          + ", ".join(f"{c} {want[c]}/{sizes[c]}" for c in sizes) + ")")
    print(f"findings in sample (warning + error): {len(rows) - len(crashes)} "
          f"= {100 * (len(rows) - len(crashes)) / max(n_articles, 1):.2f} per 100 articles"
          + (f" ({dupes} share an id with another)" if dupes else ""))
    by_sev = collections.Counter(r["severity"] for r in unique.values())
    print("  " + ", ".join(f"{s} {by_sev[s]}" for s in REPORTED))
    if crashes:
        print(f"CRASHES: {len(crashes)} ({', '.join(r['file'] for r in crashes)})")
    print(f"judged: {len(judged)} of {len(unique)}")

    def worth(ids) -> tuple[int, int]:
        ids = [i for i in ids if i in judged]
        return sum(judged[i]["judged"] == "worth" for i in ids), len(ids)

    print(f"\nshare judged worth an editor's look: {share(*worth(unique))}")
    # reweighted to the half: each corpus's findings count as (articles in half / articles sampled)
    num = den = 0.0
    for c in sizes:
        if not want[c]:
            continue
        k, n = worth(i for i, r in unique.items() if r["corpus"] == c)
        w = sizes[c] / want[c]
        num, den = num + w * k, den + w * n
    if den:
        print(f"  reweighted to the {args.split} half's corpus sizes: {100 * num / den:5.1f}%")
    for label, key, values in (("severity", "severity", REPORTED),
                               ("corpus", "corpus", tuple(sizes)),
                               ("code", "code", sorted({r["code"] for r in unique.values()}))):
        print(f"by {label}:")
        for v in values:
            ids = [i for i, r in unique.items() if r[key] == v]
            if ids:
                print(f"  {v:<8} {len(ids):4} findings  worth {share(*worth(ids))}")
    print("by code and severity:")
    for code, sev in sorted({(r["code"], r["severity"]) for r in unique.values()}):
        ids = [i for i, r in unique.items() if (r["code"], r["severity"]) == (code, sev)]
        print(f"  {code} {sev:<8} {len(ids):4} findings  worth {share(*worth(ids))}")
    whys = collections.Counter((judged[i]["judged"], judged[i]["why"]) for i in judged)
    if whys:
        print("why (judged):")
        for (j, w), k in sorted(whys.items(), key=lambda kv: (kv[0][0] != "worth", -kv[1], kv[0][1])):
            print(f"  {j:<5} {w:<20} {k:4}")
    if unjudged:
        print(f"unjudged ({len(unjudged)}): " + " ".join(unjudged))
    print(f"\nfindings with context: {args.out}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=SPLITS, default="test", help="half to sample (default test)")
    ap.add_argument("--articles", type=int, default=1000, help="articles in the sample (default 1000)")
    ap.add_argument("--modern-weight", type=float, default=3.0, help="over-sampling of the modern corpus")
    ap.add_argument("--seed", type=int, default=0, help="0 = the fixed sample; another K = a fresh one")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--fresh", type=int, default=0, metavar="N", help="print N unjudged findings to judge")
    ap.add_argument("--judge", type=Path, metavar="FILE",
                    help="append judgements from FILE (lines '<id> worth|not <why>') to the labels")
    ap.add_argument("--carry-from", metavar="REV",
                    help="carry the judgements of numlint at git revision REV to the same findings reworded since")
    ap.add_argument("--labels", type=Path, default=LABELS)
    ap.add_argument("--out", type=Path, default=OUT / "precision-sample.txt")
    args = ap.parse_args(argv)

    paths, sizes, want = sample(args.split, args.articles, args.modern_weight, args.seed)
    rows = collect(paths, args.jobs)
    if args.judge:
        k = add_judgements(args.judge, rows, args.labels)
        print(f"added {k} judgements to {args.labels}")
    if args.carry_from:
        k = carry_judgements(args.carry_from, rows, args.labels)
        print(f"carried {k} judgements from {args.carry_from} to reworded findings in {args.labels}")
    judgements = load_judgements(args.labels)
    write_sample(rows, args.out, judgements)
    if args.fresh:
        seen, todo = set(), []
        for r in sorted(rows, key=lambda r: r["id"]):  # ids are hashes: a deterministic shuffle
            if r["id"] not in judgements and r["id"] not in seen and r["id"] != "CRASH":
                seen.add(r["id"])
                todo.append(r)
        for r in todo[: args.fresh]:
            print(format_finding(r), end="")
        print(f"{min(args.fresh, len(todo))} of {len(todo)} unjudged findings shown; judge them in a file of "
              f"lines '<id> worth|not <why>' (why: {', '.join(WHY)}) and run --judge FILE")
        return 0
    report(rows, judgements, len(paths), sizes, want, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
