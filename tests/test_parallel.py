"""--jobs: the same report as one process, and signals and dead workers handled for real: each test
starts numlint in its own session, sends a real signal, and then looks in /proc for any process
of that session still alive (issue 14, "Parallel runs and signals")."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from generated_articles import write_articles

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")

NUMLINT = [sys.executable, "-c", "from numlint.cli import main; main()"]
HANG_GUARD = 60   # seconds; far beyond any healthy run, only there so a hang fails instead of blocking


def _stat(pid: int) -> tuple[int, int] | None:
    """(parent pid, session id) of a live process, None when it is gone or a zombie."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = raw[raw.rindex(")") + 2:].split()
    if fields[0] == "Z":
        return None
    return int(fields[1]), int(fields[3])


def _processes(where) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            stat = _stat(int(entry))
            if stat is not None and where(*stat):
                found.append(int(entry))
    return found


def _children(pid: int) -> list[int]:
    return _processes(lambda ppid, sid: ppid == pid)


def _session(sid: int) -> list[int]:
    return _processes(lambda ppid, s: s == sid)


def _start(args, cwd) -> subprocess.Popen:
    return subprocess.Popen([*NUMLINT, "check", *args], cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)


def _wait_for_workers(proc: subprocess.Popen, count: int = 2) -> list[int]:
    deadline = time.monotonic() + HANG_GUARD
    while time.monotonic() < deadline:
        workers = _children(proc.pid)
        if len(workers) >= count:
            return workers
        assert proc.poll() is None, "numlint ended before its workers started: give it more files"
        time.sleep(0.02)
    raise AssertionError("no workers started")


def _assert_session_gone(sid: int) -> None:
    # The parent has been waited for; anything left in its session is an orphaned worker.
    deadline = time.monotonic() + 5
    while _session(sid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _session(sid) == [], "worker processes outlived the run"


def _archive(tmp_path_factory, name: str, count: int) -> Path:
    """A directory holding ``articles/``: ``count`` generated articles."""
    root = tmp_path_factory.mktemp(name)
    write_articles(root / "articles", count)
    return root


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    """Enough articles to keep two workers busy while a signal is sent (the tests wait for the
    workers to start before sending it)."""
    return _archive(tmp_path_factory, "archive", 400)


@pytest.fixture(scope="module")
def small_archive(tmp_path_factory) -> Path:
    return _archive(tmp_path_factory, "small", 120)


def test_jobs_report_is_identical_to_one_process(small_archive):
    archive = small_archive
    for fmt, counts in (("json", ("2", "auto")), ("text", ("0",))):
        serial = subprocess.run([*NUMLINT, "check", "--format", fmt, "--jobs", "1", "articles"], cwd=archive,
                                capture_output=True)
        assert serial.returncode == 1 and serial.stdout
        for jobs in counts:
            parallel = subprocess.run([*NUMLINT, "check", "--format", fmt, "--jobs", jobs, "articles"], cwd=archive,
                                      capture_output=True)
            assert (parallel.returncode, parallel.stdout) == (serial.returncode, serial.stdout), (fmt, jobs)


@pytest.mark.parametrize("jobs", ["2", "8"])
def test_ctrl_c_to_the_process_group_ends_the_run_and_every_worker(archive, jobs):
    proc = _start(["--jobs", jobs, "--format", "json", "--output", "report.json", "articles"], archive)
    _wait_for_workers(proc)
    os.killpg(proc.pid, signal.SIGINT)          # what a terminal's Ctrl-C does
    out, err = proc.communicate(timeout=HANG_GUARD)
    assert proc.returncode == 130, err.decode()
    assert b"Traceback" not in err
    _assert_session_gone(proc.pid)
    assert not (archive / "report.json").exists()
    assert not list(archive.glob(".numlint-*"))   # no half-written report left beside it


def test_sigterm_to_the_parent_ends_every_worker_and_releases_the_output_pipe(archive):
    proc = _start(["--jobs", "2", "articles"], archive)
    _wait_for_workers(proc)
    os.kill(proc.pid, signal.SIGTERM)           # the parent alone, as a supervisor or timeout(1) sends it
    # communicate() returns only when every holder of the stdout pipe has closed it: "$(numlint ...)"
    out, err = proc.communicate(timeout=HANG_GUARD)
    assert proc.returncode == 143, err.decode()
    assert out == b""
    _assert_session_gone(proc.pid)


@pytest.fixture(scope="module")
def long_archive(tmp_path_factory) -> Path:
    """Articles enough for one process to take several seconds (400 take about one)."""
    return _archive(tmp_path_factory, "long-archive", 4000)


def test_sigterm_in_a_serial_run_exits_143(long_archive):
    archive = long_archive
    proc = _start(["--jobs", "1", "--output", "report.txt", "articles"], archive)
    time.sleep(1.5)                             # into the run (4,000 articles take several seconds)
    assert proc.poll() is None
    os.kill(proc.pid, signal.SIGTERM)
    proc.communicate(timeout=HANG_GUARD)
    assert proc.returncode == 143
    assert not (archive / "report.txt").exists()


def test_a_killed_worker_costs_only_the_file_it_held(small_archive):
    archive = small_archive
    proc = _start(["--jobs", "2", "--format", "json", "articles"], archive)
    victim = _wait_for_workers(proc)[0]
    os.kill(victim, signal.SIGKILL)             # what the out-of-memory killer does
    out, err = proc.communicate(timeout=HANG_GUARD)
    report = json.loads(out)
    serial = json.loads(subprocess.run([*NUMLINT, "check", "--format", "json", "articles"], cwd=archive,
                                       capture_output=True).stdout)
    assert [f["path"] for f in report["files"]] == [f["path"] for f in serial["files"]]
    lost = [f for f in report["files"] if f["error"]]
    assert len(lost) <= 1                       # the file the worker held, if it held one
    for f in lost:
        assert f["error"].startswith("internal error: the worker process checking it was killed by SIGKILL")
        assert f"numlint: {f['path']}: internal error" in err.decode()
    assert proc.returncode == (2 if lost else 1)
    kept = [f for f in report["files"] if not f["error"]]
    assert kept == [f for f in serial["files"] if f["path"] not in {g["path"] for g in lost}]
    assert len(kept) >= len(serial["files"]) - 1


def test_workers_of_a_killed_parent_exit_by_themselves(archive):
    proc = _start(["--jobs", "2", "articles"], archive)
    workers = _wait_for_workers(proc)
    os.kill(proc.pid, signal.SIGKILL)           # nothing can be cleaned up: the workers must notice
    proc.communicate(timeout=HANG_GUARD)
    deadline = time.monotonic() + 10
    while any(_stat(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_stat(w) for w in workers)


def test_jobs_option_rejects_a_negative_count(tmp_path):
    result = subprocess.run([*NUMLINT, "check", "--jobs", "-1", "x.txt"], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 2
    assert "is not a number of processes" in result.stderr
