"""Check many files in worker processes: forked from a parent that has already loaded the pipeline,
results kept in input order, a dead worker costing only the file it held, and a signal ending the
run and every worker at once.

Why not ``concurrent.futures.ProcessPoolExecutor``: when one worker dies (the out-of-memory killer,
a segfault in a C extension) it breaks the whole pool, and every file not yet checked fails with
``BrokenProcessPool``; on Ctrl-C its workers each raise ``KeyboardInterrupt`` in the middle of a
task while its management thread waits for them, which is how a run hung. Here the parent knows
which file each worker holds, so a dead worker is that one file's error and a fresh worker takes
the rest; workers ignore SIGINT and SIGTERM's default is left alone, so only the parent decides
when the run ends, and it kills every worker before it exits.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Sequence
from multiprocessing.connection import wait
from typing import Any

_SIGNALS = (signal.SIGINT, signal.SIGTERM)
# How often an idle worker checks that its parent is still alive (a parent killed with SIGKILL
# cannot kill its workers; they notice within this many seconds and exit).
_ORPHAN_CHECK_SECONDS = 1.0


def available_cores() -> int:
    """Cores this process may run on (the affinity mask under taskset or a container's cpuset)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _context():
    # fork: each worker starts with the parent's loaded modules, rules and tables, instead of
    # importing and building them again (spawn costs each worker a cold start). Where fork is
    # unavailable or unsafe (Windows, macOS), the platform's default start method.
    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def _set_mask(how, signals):
    """pthread_sigmask where the platform has it (not Windows, whose workers are spawned anyway)."""
    if hasattr(signal, "pthread_sigmask"):
        return signal.pthread_sigmask(how, signals)
    return set()


def _worker(conn, parent_pid: int, work: Callable[[Any], Any]) -> None:
    """A worker's life: receive an item, send back ``work(item)``, until told to stop (None), the
    pipe closes, or the parent is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)     # Ctrl-C reaches the group; the parent handles it
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _set_mask(signal.SIG_UNBLOCK, _SIGNALS)
    # A worker never writes to stdout: an orphan must not hold the pipe of "$(numlint check ...)".
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.close(devnull)
    try:
        while True:
            if not conn.poll(_ORPHAN_CHECK_SECONDS):
                if os.getppid() != parent_pid:
                    return
                continue
            item = conn.recv()
            if item is None:
                return
            conn.send(work(item))
    except (EOFError, OSError):   # the parent closed the pipe or died
        return


class _Slot:
    """One worker process, its end of the pipe, and the index of the item it holds (or None)."""

    def __init__(self, ctx, work):
        parent_end, child_end = ctx.Pipe(duplex=True)
        # Signals are blocked while the worker is forked, so none reaches it before it has set its
        # own handlers (it would otherwise run the parent's and die with a traceback).
        self.process = ctx.Process(target=_worker, args=(child_end, os.getpid(), work), daemon=True)
        old = _set_mask(signal.SIG_BLOCK, _SIGNALS)
        try:
            self.process.start()
        finally:
            try:
                _set_mask(signal.SIG_SETMASK, old)   # a pending signal is raised here
            except BaseException:
                self.process.kill()
                self.process.join(1)
                raise
        child_end.close()
        self.conn = parent_end
        self.index: int | None = None

    def give(self, index: int, item) -> None:
        self.index = index
        self.conn.send(item)

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()


def run_parallel(items: Sequence, work: Callable[[Any], Any], processes: int,
                 on_lost: Callable[[Any, str], Any], on_result: Callable[[Any], None] | None = None) -> list:
    """``[work(item) for item in items]`` in ``processes`` forked workers, in input order.

    ``work`` must not raise (wrap it). An item whose worker dies is ``on_lost(item, why)`` instead, and
    a new worker takes the remaining items. ``on_result`` is called with each result as it arrives
    (for a progress bar). KeyboardInterrupt, or any exception raised by a signal handler in the
    parent, kills every worker before it propagates.
    """
    ctx = _context()
    results: list = [None] * len(items)
    pending = iter(range(len(items)))
    slots: list[_Slot] = []
    try:
        for _ in range(min(processes, len(items))):
            slots.append(_Slot(ctx, work))
        busy = 0
        for slot in slots:
            index = next(pending, None)
            if index is not None:
                slot.give(index, items[index])
                busy += 1
        while busy:
            ready = wait([s.conn for s in slots if s.index is not None]
                         + [s.process.sentinel for s in slots if s.index is not None])
            for slot in list(slots):
                if slot.index is None:
                    continue
                if slot.conn in ready or slot.conn.poll():
                    try:
                        result = slot.conn.recv()
                    except (EOFError, OSError):
                        result = None
                        died = True
                    else:
                        died = False
                elif slot.process.sentinel in ready:
                    died = True
                    result = None
                else:
                    continue
                index = slot.index
                slot.index = None
                busy -= 1
                if died:
                    slot.process.join(1)
                    results[index] = on_lost(items[index], _why_dead(slot.process.exitcode))
                    slot.conn.close()
                    slots.remove(slot)
                    following = next(pending, None)
                    if following is not None:
                        slot = _Slot(ctx, work)
                        slots.append(slot)
                        slot.give(following, items[following])
                        busy += 1
                else:
                    results[index] = result
                    following = next(pending, None)
                    if following is not None:
                        slot.give(following, items[following])
                        busy += 1
                if on_result is not None:
                    on_result(results[index])
        for slot in slots:
            try:
                slot.conn.send(None)
            except OSError:
                pass
        for slot in slots:
            slot.process.join(5)
    finally:
        # Normal end: the workers have already exited. Interrupted or failed: they are killed here,
        # before the exception reaches the caller, so none outlives the run.
        for slot in slots:
            slot.kill()
        for slot in slots:
            slot.process.join(1)
            slot.conn.close()
    return results


def _why_dead(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        hint = " (out of memory?)" if -exitcode == signal.SIGKILL else ""
        return f"the worker process checking it was killed by {name}{hint}"
    return f"the worker process checking it exited with status {exitcode}"
