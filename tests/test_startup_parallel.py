"""--jobs workers send back only what the report reads (numlint.run.report_parts): every format's
report is still byte for byte the one of a single process."""

from __future__ import annotations

import subprocess
import sys

import pytest
from generated_articles import write_articles

from numlint import run
from numlint.config import Resolver

NUMLINT = [sys.executable, "-c", "from numlint.cli import main; main()"]


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    """Text, Markdown and HTML articles, with findings and without."""
    root = tmp_path_factory.mktemp("mixed")
    paths = write_articles(root / "articles", 12, seed=3)
    for path in paths[:4]:
        body = path.read_text(encoding="utf-8")
        path.with_suffix(".md").write_text(f"# {path.stem}\n\n{body}", encoding="utf-8")
        path.with_suffix(".html").write_text(f"<html><body><article><p>{body}</p></article></body></html>",
                                             encoding="utf-8")
    (root / "articles" / "clean.txt").write_text("Nothing here is counted.\n", encoding="utf-8")
    return root


@pytest.mark.parametrize("args", [["--format", fmt] for fmt in ("json", "text", "concise", "sarif", "github", "html")]
                         + [["--statistics"], ["--format", "json", "--statistics"]])
def test_every_report_is_the_same_from_workers(mixed, args):
    serial = subprocess.run([*NUMLINT, "check", *args, "--jobs", "1", "articles"], cwd=mixed, capture_output=True)
    parallel = subprocess.run([*NUMLINT, "check", *args, "--jobs", "2", "articles"], cwd=mixed, capture_output=True)
    assert serial.returncode == 1 and serial.stdout
    assert (parallel.returncode, parallel.stdout, parallel.stderr) == (serial.returncode, serial.stdout, serial.stderr)


def test_a_written_baseline_is_the_same_from_workers(mixed, tmp_path):
    for jobs in ("1", "2"):
        subprocess.run([*NUMLINT, "check", "--jobs", jobs, "--write-baseline", str(tmp_path / f"{jobs}.json"),
                        "articles"], cwd=mixed, capture_output=True, check=True)
    assert (tmp_path / "1.json").read_bytes() == (tmp_path / "2.json").read_bytes()


def test_a_worker_leaves_out_what_the_report_does_not_read(mixed):
    jobs = run.plan((str(mixed / "articles"),), None, Resolver())
    full = [run.check_job(job) for job in jobs]
    with_findings = next(r for r in full if r.findings)
    clean = next(r for r in full if not r.findings and not r.error)
    assert with_findings.quantities and with_findings.text and with_findings.prose is not None
    for parts in (run.report_parts("json"), run.report_parts("text", statistics=True)):
        slim = run.check_job_for(parts, jobs[full.index(with_findings)])
        assert (slim.findings, slim.quantities, slim.text, slim.prose) == (with_findings.findings, (), None, None)
    text_parts = run.report_parts("text")
    slim = run.check_job_for(text_parts, jobs[full.index(with_findings)])
    assert (slim.text, slim.quantities) == (with_findings.text, ())
    assert slim.prose is not None
    # a file without findings shows no source line in any report but HTML's; SARIF still says
    # its encoding, from its text
    assert run.check_job_for(text_parts, jobs[full.index(clean)]).text is None
    assert run.check_job_for(run.report_parts("sarif"), jobs[full.index(clean)]).text == clean.text
    assert run.report_parts("html") is None


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_workers_get_every_item_forked_or_spawned(method, monkeypatch):
    # A forked worker is sent the index of an item it inherited; a spawned one, the item itself.
    import multiprocessing

    from numlint import parallel

    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {method} here")
    monkeypatch.setattr(parallel, "_context", lambda: multiprocessing.get_context(method))
    items = [f"item {n}" for n in range(25)]
    assert parallel.run_parallel(items, str.upper, 2, on_lost=lambda item, why: why) == [i.upper() for i in items]
