"""How fast numlint starts and runs: the numbers a pre-commit user feels.

    python bench/speed.py                    # start-up, one article, pre-commit on one file
    python bench/speed.py --corpus DIR       # also throughput over a folder of articles
    python bench/speed.py --runs 7 --no-pre-commit

Prints a Markdown table (docs/pre-commit.md's "Speed" section is pasted from it). Every figure is the
median of --runs runs, wall clock, on whatever machine runs it; the commands are printed with the
figures so anyone can repeat them. The pre-commit figure builds the hook's environment first (from
the package index, like tests/test_precommit_e2e.py, whose set-up it reuses) and times only the runs
after that.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "fixtures" / "korea-troops.txt"


def median_seconds(cmd, runs, **kwargs) -> tuple[float, subprocess.CompletedProcess]:
    times = []
    result = None
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run(cmd, capture_output=True, text=True, **kwargs)
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def import_time(module: str, runs: int) -> float:
    """Cumulative import time of ``module`` per ``python -X importtime`` (median, seconds)."""
    figures = []
    for _ in range(runs):
        err = subprocess.run([sys.executable, "-X", "importtime", "-c", f"import {module}"],
                             capture_output=True, text=True, cwd=ROOT).stderr
        for line in err.splitlines():
            m = re.match(r"import time:\s+\d+ \|\s+(\d+) \|\s*(\S+)$", line)
            if m and m.group(2) == module:
                figures.append(int(m.group(1)) / 1e6)
    return statistics.median(figures)


def _load_e2e():
    spec = importlib.util.spec_from_file_location("precommit_e2e", ROOT / "tests" / "test_precommit_e2e.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pre_commit_figures(article: Path, runs: int, keep_output: bool) -> list[tuple[str, str, float]]:
    e2e = _load_e2e()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        repo_path, rev = e2e.snapshot_repository(tmp / "numlint")
        config = e2e.documented_config().replace(e2e.PLACEHOLDER_URL, repo_path).replace(
            f"rev: {e2e.PLACEHOLDER_REV}", f"rev: {rev}")
        project = tmp / "newsroom"
        project.mkdir()
        env = e2e._clean_env(PRE_COMMIT_HOME=str(tmp / "home"), PRE_COMMIT_COLOR="never")
        subprocess.run(["git", "init", "-q"], cwd=project, env=env, check=True)
        (project / ".pre-commit-config.yaml").write_text(config)
        shutil.copy(article, project / article.name)
        subprocess.run(["git", "add", "-A"], cwd=project, env=env, check=True)
        cmd = [sys.executable, "-m", "pre_commit", "run", "--files", article.name]
        start = time.perf_counter()
        first = subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True)
        rows.append(("pre-commit, first run (builds the hook environment)",
                     f"pre-commit run --files {article.name}", time.perf_counter() - start))
        seconds, last = median_seconds(cmd, runs, cwd=project, env=env)
        rows.append(("pre-commit, environment built", f"pre-commit run --files {article.name}", seconds))
        if keep_output:
            print("--- pre-commit output (last run) ---\n" + last.stdout + last.stderr, file=sys.stderr)
        if first.returncode not in (0, 1):
            print(first.stdout + first.stderr, file=sys.stderr)
    return rows


def corpus_throughput(corpus: Path, limit: int) -> tuple[int, int, float]:
    files = sorted(p for p in corpus.rglob("*") if p.suffix.lower() in (".txt", ".md", ".html"))[:limit]
    size = sum(p.stat().st_size for p in files)
    numlint = shutil.which("numlint") or "numlint"
    start = time.perf_counter()
    subprocess.run([numlint, "check", "--format", "json", *map(str, files)], capture_output=True, cwd=ROOT)
    return len(files), size, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--article", type=Path, default=ARTICLE)
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--corpus-limit", type=int, default=200)
    parser.add_argument("--no-pre-commit", action="store_true")
    parser.add_argument("--show-output", action="store_true", help="print the last pre-commit output to stderr")
    args = parser.parse_args()

    numlint = shutil.which("numlint")
    if numlint is None:
        sys.exit("numlint is not on PATH: activate the virtual environment first")
    rows = [("import numlint.cli", "python -X importtime -c 'import numlint.cli'",
             import_time("numlint.cli", args.runs)),
            ("import numlint", "python -X importtime -c 'import numlint'", import_time("numlint", args.runs))]
    seconds, _ = median_seconds([numlint, "--version"], args.runs)
    rows.append(("start-up", "numlint --version", seconds))
    seconds, result = median_seconds([numlint, "check", str(args.article)], args.runs)
    rows.append((f"one article ({args.article.stat().st_size:,} bytes), exit {result.returncode}",
                 f"numlint check {args.article.name}", seconds))
    # An article naming a unit the news lexicon does not know ("A/cm2") loads quantulum3 (and pint):
    # the slowest single-article case a pre-commit user can meet.
    with tempfile.TemporaryDirectory() as tmp:
        unknown = Path(tmp) / "unknown-unit.txt"
        unknown.write_text("A current density of 1.3 A/cm2 was used, up from 1.1 A/cm2.\n", encoding="utf-8")
        seconds, _ = median_seconds([numlint, "check", str(unknown)], args.runs)
        rows.append(("one article with a unit only quantulum3 knows", "numlint check unknown-unit.txt", seconds))
    if not args.no_pre_commit:
        rows += pre_commit_figures(args.article, args.runs, args.show_output)

    print(f"Median of {args.runs} runs, wall clock; {os.cpu_count()} CPUs, Python {sys.version.split()[0]}.\n")
    print("| what | command | seconds |\n|---|---|---:|")
    for what, cmd, secs in rows:
        print(f"| {what} | `{cmd}` | {secs:.2f} |")
    if args.corpus:
        count, size, secs = corpus_throughput(args.corpus, args.corpus_limit)
        print(f"\nCorpus: {count} files, {size / 1e6:.2f} MB in {secs:.1f} s = {size / 1e3 / secs:.0f} kB/s "
              f"({count / secs:.1f} files/s), one process: `numlint check --format json FILES`")


if __name__ == "__main__":
    main()
