"""numlint over an archive on a Dask cluster (``pip install 'numlint[dask]'``).

The unit of work is the same pure function a local run uses (``numlint.run.check_job``, which is
``numlint.check_text`` with the file's configuration and its failures contained), so a cluster finds
exactly what ``numlint check --jobs 1`` finds:

* ``check_bag(bag)``: a Dask bag of articles (texts, or ``(path, text)`` pairs) -> a Dask dataframe
  of findings, one row per finding, for a data team's own pipeline;
* ``check_on_cluster(jobs, address)``: what ``numlint check --dask ADDRESS PATHS`` runs. The files are
  read here, on the machine that runs the command, and their text travels with the work, so the
  workers need numlint installed but no access to the archive's filesystem.

Dask is imported only inside these functions: ``import numlint.dask`` costs nothing and a plain
``numlint check`` never loads it.
"""

from __future__ import annotations

from numlint.model import FileResult
from numlint.run import Job, check_job

__all__ = ["FINDING_COLUMNS", "check_bag", "check_on_cluster"]

# The dataframe check_bag returns: the JSON report's fields for a finding (CONTRACT.md), flattened,
# with the article's path first; ``error`` is set (and the finding fields empty) for an article
# numlint could not check.
FINDING_COLUMNS: dict[str, str] = {
    "path": "object", "code": "object", "rule": "object", "severity": "object", "message": "object",
    "start": "int64", "end": "int64", "line": "int64", "column": "int64", "end_line": "int64",
    "end_column": "int64", "error": "object",
}
# Files per task sent to a cluster: enough that scheduling overhead (a few ms a task) is small
# against the work (~20 ms an article), few enough that the workers share the load evenly.
BATCH = 25

_INSTALL = "needs Dask: pip install 'numlint[dask]'"


class DaskUnavailable(RuntimeError):
    """Dask is not installed, or the scheduler cannot be reached (a one-line message for the CLI)."""


def _as_job(item, number: int, config) -> Job:
    if isinstance(item, str):
        return Job(f"<article {number}>.txt", item, None, config)
    path, text = item
    return Job(str(path), text, None, config)


def _rows(result: FileResult) -> list[dict]:
    if result.error:
        empty = dict.fromkeys(("code", "rule", "severity", "message"))
        return [{"path": result.path, **empty, **dict.fromkeys(
            ("start", "end", "line", "column", "end_line", "end_column"), -1), "error": result.error}]
    return [{"path": result.path, "code": f.code, "rule": f.rule, "severity": f.severity, "message": f.message,
             "start": f.start, "end": f.end, "line": f.line, "column": f.column, "end_line": f.end_line,
             "end_column": f.end_column, "error": None} for f in result.findings]


def _partition_rows(items, config, first: int = 0) -> list[dict]:
    rows: list[dict] = []
    for number, item in enumerate(items, first):
        rows.extend(_rows(check_job(_as_job(item, number, config))))
    return rows


def check_bag(bag, config=None):
    """A Dask dataframe of the findings in a bag of articles (``FINDING_COLUMNS``).

    Each item is an article's text (named ``<article N>.txt`` within its partition, read as plain
    text) or a ``(path, text)`` pair, whose suffix picks the format as on the command line. ``config``
    is a ``numlint.config.Config`` (default: every default rule). Nothing runs until the dataframe
    is computed, on whatever scheduler the caller has set up.
    """
    try:
        import pandas as pd
    except ImportError:
        raise DaskUnavailable(f"numlint.dask.check_bag {_INSTALL}") from None

    meta = pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in FINDING_COLUMNS.items()})
    return bag.map_partitions(_partition_rows, config).to_dataframe(meta=meta)


def _check_batch(jobs: list[Job]) -> list[FileResult]:
    return [check_job(job) for job in jobs]


def _with_text(job: Job) -> Job:
    """The job with its file read here (or its read error), so that no worker needs the file."""
    if job.text is not None or job.error:
        return job
    from numlint.sources import SourceError, read_source

    try:
        return Job(job.path, read_source(job.path), None, job.config)
    except SourceError as exc:
        return Job(job.path, None, str(exc), job.config)


def check_on_cluster(jobs: list[Job], address: str, on_result=None) -> list[FileResult]:
    """Every job's result, in input order, computed on the Dask scheduler at ``address``
    (``tcp://host:8786``). ``on_result(result)`` is called as results arrive, for a progress bar.
    How long to try to connect is Dask's own setting (``DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT``,
    30 s by default)."""
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise DaskUnavailable(f"--dask {_INSTALL}") from None
    try:
        client = Client(address)
    except (OSError, TimeoutError) as exc:
        raise DaskUnavailable(f"--dask: cannot reach the Dask scheduler at {address}: {exc}") from None
    try:
        jobs = [_with_text(job) for job in jobs]
        batches = [jobs[i:i + BATCH] for i in range(0, len(jobs), BATCH)]
        futures = client.map(_check_batch, batches, pure=False)
        order = {future.key: number for number, future in enumerate(futures)}
        done: list[list[FileResult] | None] = [None] * len(batches)
        for future in as_completed(futures):
            done[order[future.key]] = future.result()
            if on_result is not None:
                for result in done[order[future.key]]:
                    on_result(result)
        return [result for batch in done for result in batch]
    finally:
        client.close()
