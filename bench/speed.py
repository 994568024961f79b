"""How fast numlint starts and runs: the numbers a pre-commit user feels, and issue 17's targets.

    python bench/speed.py                    # everything: figures, then every target as a ratio
    python bench/speed.py --corpus DIR       # also throughput over a folder of articles
    python bench/speed.py --runs 7 --no-pre-commit --no-cluster

The targets are ratios of medians measured side by side in one run (the two commands alternate,
so a change in the machine's load hits both): numlint against proselint (cold check of one
article, a pre-commit hook on one article, throughput), ``--jobs 2`` against ``--jobs 1``, and a
Dask LocalCluster of two worker processes against ``--jobs 2``. The articles for throughput are
generated (tests/generated_articles.py), so no corpus is needed. proselint is not a numlint
dependency: ``pip install proselint`` in the same environment for the rows against it (the bench
says when it is absent). The load average is printed before and after: on a shared machine, read
the ratios with it.

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
sys.path.insert(0, str(ROOT / "tests"))
from generated_articles import write_articles  # noqa: E402


def timed_runs(cmds: dict[str, list[str]], runs: int, **kwargs) -> dict[str, list[float]]:
    """Wall-clock seconds of every run of each command, the commands alternating run by run."""
    times: dict[str, list[float]] = {name: [] for name in cmds}
    for _ in range(runs):
        for name, cmd in cmds.items():
            start = time.perf_counter()
            subprocess.run(cmd, capture_output=True, **kwargs)
            times[name].append(time.perf_counter() - start)
    return times


def side_by_side(cmds: dict[str, list[str]], runs: int, **kwargs) -> dict[str, float]:
    """Median wall-clock seconds of each command, the commands alternating run by run."""
    return {name: statistics.median(t) for name, t in timed_runs(cmds, runs, **kwargs).items()}


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} CPUs"


LOCAL_HOOKS = """repos:
  - repo: local
    hooks:
      - id: numlint
        name: numlint
        entry: {numlint} check
        language: system
        types_or: [text, markdown]
      - id: proselint
        name: proselint
        entry: {proselint} check
        language: system
        types_or: [text, markdown]
"""


def hook_ratio(article: Path, runs: int, numlint: str, proselint: str) -> dict[str, float]:
    """pre-commit running each linter as a hook on one article (local hooks, the installed tools)."""
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        env = {**os.environ, "PRE_COMMIT_HOME": str(project / ".home"), "PRE_COMMIT_COLOR": "never"}
        subprocess.run(["git", "init", "-q"], cwd=project, check=True)
        (project / ".pre-commit-config.yaml").write_text(LOCAL_HOOKS.format(numlint=numlint, proselint=proselint))
        shutil.copy(article, project / article.name)
        subprocess.run(["git", "add", "-A"], cwd=project, check=True)
        hook = [sys.executable, "-m", "pre_commit", "run", "--files", article.name]
        return side_by_side({"numlint": [*hook[:4], "numlint", *hook[4:]],
                             "proselint": [*hook[:4], "proselint", *hook[4:]]}, runs, cwd=project, env=env)


def cluster_ratio(directory: Path, numlint: str) -> tuple[float, float] | None:
    """(seconds with a LocalCluster of two worker processes, seconds with --jobs 2), one run each."""
    try:
        from distributed import LocalCluster
    except ImportError:
        return None
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=40) as cluster:
        times = side_by_side({"dask": [numlint, "check", "--format", "json", "--dask", cluster.scheduler_address,
                                       str(directory)],
                              "jobs2": [numlint, "check", "--format", "json", "--jobs", "2", str(directory)]}, 1)
    return times["dask"], times["jobs2"]


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
        # the documented config names the snapshot's branch as its rev, as tests/test_precommit_e2e.py uses it
        repo_path, _ = e2e.snapshot_repository(tmp / "numlint")
        config = e2e.documented_config().replace(e2e.PLACEHOLDER_URL, repo_path)
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


def under_test() -> str:
    """Where the numlint that the commands run is imported from (an editable install of another
    checkout, or a PYTHONPATH, decides which code is measured)."""
    found = subprocess.run([sys.executable, "-c", "import numlint; print(numlint.__file__)"], capture_output=True,
                           text=True).stdout.strip()
    if Path(found).resolve().parent.parent != ROOT:
        return f"{found} (NOT this checkout, {ROOT}: set PYTHONPATH={ROOT} to measure it)"
    return found


def compile_bytecode() -> None:
    """Write the package's bytecode, as ``pip install`` does for numlint and for proselint alike.

    An editable install under PYTHONDONTWRITEBYTECODE=1 (set on some CI and shared machines) never
    writes it, so every cold run compiled numlint's source again (~60 ms of CPU) while proselint,
    installed from a wheel, loads its bytecode: a handicap of the set-up, not of numlint."""
    import compileall

    compileall.compile_dir(str(ROOT / "numlint"), quiet=1)
    print("Bytecode written for numlint/ (`python -m compileall numlint`), as pip writes it on install.\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--article", type=Path, default=ARTICLE)
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--corpus-limit", type=int, default=200)
    parser.add_argument("--no-pre-commit", action="store_true")
    parser.add_argument("--show-output", action="store_true", help="print the last pre-commit output to stderr")
    parser.add_argument("--articles", type=int, default=300, help="generated articles for throughput")
    parser.add_argument("--jobs-articles", type=int, default=600, help="generated articles for --jobs 2 vs 1")
    parser.add_argument("--cluster-articles", type=int, default=5000, help="generated articles for Dask")
    parser.add_argument("--no-cluster", action="store_true")
    args = parser.parse_args()
    print(f"Before: {load()}.\n")

    numlint = shutil.which("numlint")
    if numlint is None:
        sys.exit("numlint is not on PATH: activate the virtual environment first")
    print(f"numlint under test: {under_test()}\n")
    compile_bytecode()
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
    targets(args, numlint)
    print(f"\nAfter: {load()}.")


def targets(args, numlint: str) -> None:
    """Issue 17's targets, each a ratio of two figures measured side by side in this run."""
    proselint = shutil.which("proselint")
    rows = []   # (what, numlint command, against, numlint s, other s, ratio, target text, met)

    def row(what, ours, theirs, ours_s, theirs_s, ratio, op, bound):
        met = ratio <= bound if op == "<=" else ratio >= bound
        rows.append((what, ours, theirs, ours_s, theirs_s, ratio, f"{op} {bound}", "yes" if met else "NO"))

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        articles = write_articles(tmp / "throughput", args.articles)
        if proselint is None:
            print("\nproselint is not installed (pip install proselint): the rows against it are skipped.")
        else:
            t = side_by_side({"numlint": [numlint, "check", str(args.article)],
                              "proselint": [proselint, "check", str(args.article)]}, args.runs)
            row("cold check of one article", f"numlint check {args.article.name}",
                f"proselint check {args.article.name}", t["numlint"], t["proselint"],
                t["numlint"] / t["proselint"], "<=", 1.0)
            if not args.no_pre_commit:
                t = hook_ratio(args.article, args.runs, numlint, proselint)
                row("pre-commit hook on one article (local hooks)", "pre-commit run numlint --files A",
                    "pre-commit run proselint --files A", t["numlint"], t["proselint"],
                    t["numlint"] / t["proselint"], "<=", 1.0)
            files = [str(p) for p in articles]
            t = side_by_side({"numlint": [numlint, "check", "--format", "json", "--jobs", "1", *files],
                              "proselint": [proselint, "check", *files]}, max(1, args.runs // 2))
            row(f"throughput, {len(files)} articles, one process (x faster)",
                "numlint check --format json --jobs 1 FILES", "proselint check FILES",
                t["numlint"], t["proselint"], t["proselint"] / t["numlint"], ">=", 2.0)
        many = tmp / "jobs"
        write_articles(many, args.jobs_articles, seed=5)
        # Every run, not half of them: on a shared virtual machine a run of two busy workers is now
        # and then slowed by a neighbour (the same files took 1.1 s and 1.5 s of worker CPU in two
        # runs a minute apart), and the median of two runs is whichever of them was disturbed.
        times = timed_runs({"j2": [numlint, "check", "--format", "json", "--jobs", "2", str(many)],
                            "j1": [numlint, "check", "--format", "json", "--jobs", "1", str(many)]}, args.runs)
        j2, j1 = statistics.median(times["j2"]), statistics.median(times["j1"])
        row(f"--jobs 2 against --jobs 1, {args.jobs_articles} articles (x faster), median", "numlint check -j 2 DIR",
            "numlint check -j 1 DIR", j2, j1, j1 / j2, ">=", 1.7)
        # "When two cores are free": the fastest of the runs is the one least disturbed by anything
        # else on the machine (as timeit reads its repeats: slower runs are interference, not numlint).
        j2, j1 = min(times["j2"]), min(times["j1"])
        row(f"--jobs 2 against --jobs 1, {args.jobs_articles} articles (x faster), fastest runs, two cores free",
            "numlint check -j 2 DIR", "numlint check -j 1 DIR", j2, j1, j1 / j2, ">=", 1.7)
        if not args.no_cluster:
            archive = tmp / "cluster"
            write_articles(archive, args.cluster_articles, seed=9)
            result = cluster_ratio(archive, numlint)
            if result is None:
                print("\ndask.distributed is not installed (pip install 'numlint[dask]'): the cluster row is skipped.")
            else:
                dask_s, jobs_s = result
                row(f"LocalCluster, two workers, against --jobs 2, {args.cluster_articles} articles",
                    "numlint check --dask ADDRESS DIR", "numlint check -j 2 DIR", dask_s, jobs_s,
                    dask_s / jobs_s, "<=", 1.5)

    print(f"\nTargets (medians of {args.runs} alternating runs, {max(1, args.runs // 2)} for throughput, "
          f"{args.runs} and their fastest for --jobs, one for the cluster):\n")
    print("| target | numlint | against | numlint s | other s | ratio | target | met |")
    print("|---|---|---|---:|---:|---:|---|---|")
    for what, ours, theirs, ours_s, theirs_s, ratio, target, met in rows:
        print(f"| {what} | `{ours}` | `{theirs}` | {ours_s:.2f} | {theirs_s:.2f} | {ratio:.2f} | {target} | {met} |")


if __name__ == "__main__":
    main()
