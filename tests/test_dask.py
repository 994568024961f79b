"""numlint on a Dask cluster (``numlint[dask]``): a LocalCluster of two worker processes finds byte for
byte what ``--jobs 1`` finds, from the command line and from ``numlint.dask.check_bag``."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from generated_articles import write_articles

distributed = pytest.importorskip("distributed")
dask_bag = pytest.importorskip("dask.bag")

NUMLINT = [sys.executable, "-c", "from numlint.cli import main; main()"]


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=40) as local:
        yield local


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    root = tmp_path_factory.mktemp("dask-archive")
    write_articles(root / "articles", 200, seed=23)
    (root / "articles" / "broken.txt").write_bytes(b"Profit \xff rose 5%.\n")   # an input error travels too
    return root


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_cluster_report_is_byte_identical_to_one_process(cluster, archive, fmt):
    local = subprocess.run([*NUMLINT, "check", "--format", fmt, "--jobs", "1", "articles"], cwd=archive,
                           capture_output=True)
    remote = subprocess.run([*NUMLINT, "check", "--format", fmt, "--dask", cluster.scheduler_address, "articles"],
                            cwd=archive, capture_output=True)
    assert local.returncode == 2 and b"broken.txt" in local.stderr   # the findings, and the bad file
    assert (remote.returncode, remote.stdout, remote.stderr) == (local.returncode, local.stdout, local.stderr)


def test_check_bag_gives_every_finding_of_check_text(cluster, archive):
    import numlint

    paths = sorted((archive / "articles").glob("article-*.txt"))[:60]
    articles = [(p.name, p.read_text(encoding="utf-8")) for p in paths]
    from numlint.dask import FINDING_COLUMNS, check_bag

    with distributed.Client(cluster) as client:
        frame = check_bag(dask_bag.from_sequence(articles, npartitions=4)).compute(scheduler=client.get)
    assert list(frame.columns) == list(FINDING_COLUMNS)
    expected = [(name, f.code, f.line, f.column, f.message) for name, text in articles
                for f in numlint.check_text(text, name)]
    got = list(zip(frame.path, frame.code, frame.line, frame.column, frame.message, strict=True))
    assert expected and got == expected
    assert frame.error.isna().all()


def test_unreachable_scheduler_is_a_one_line_error(tmp_path):
    (tmp_path / "a.txt").write_text("Profit rose 5% to £500m.\n", encoding="utf-8")
    result = subprocess.run([*NUMLINT, "check", "--dask", "tcp://127.0.0.1:9", "a.txt"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=120,
                            env={**os.environ, "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"})
    assert result.returncode == 2
    assert result.stderr.startswith("numlint: --dask: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    assert len(result.stderr.strip().splitlines()) == 1
