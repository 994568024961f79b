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
from collections import deque
from collections.abc import Callable, Sequence
from multiprocessing.connection import wait
from multiprocessing.reduction import ForkingPickler
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


def _worker(conn, parent_pid: int, work: Callable[[Any], Any], items: Sequence | None = None) -> None:
    """A worker's life: receive an item (or, with ``items``, inherited by a forked worker, its index
    in them), send back ``work(item)``, until told to stop (None), the pipe closes, or the parent is
    gone."""
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
            conn.send(work(item if items is None else items[item]))
    except (EOFError, OSError):   # the parent closed the pipe or died
        return


# Items a worker holds: the one it is checking and the next, already in its pipe, so that it never
# waits for the parent between two files. With every core busy the parent is not scheduled at once
# when a result arrives; a worker holding a single item sat idle for a fifth of a run of 600 files.
_AHEAD = 2
# An item goes ahead (to a worker already busy) only when its pickle is small: a large one (text
# read from stdin) could fill the pipe while that worker is itself blocked sending a large result.
_AHEAD_BYTES = 16 * 1024


class _Slot:
    """One worker process, its end of the pipe, and the indices of the items it holds, oldest (the
    one being checked) first."""

    def __init__(self, ctx, work, items: Sequence | None = None):
        parent_end, child_end = ctx.Pipe(duplex=True)
        # Signals are blocked while the worker is forked, so none reaches it before it has set its
        # own handlers (it would otherwise run the parent's and die with a traceback).
        self.process = ctx.Process(target=_worker, args=(child_end, os.getpid(), work, items), daemon=True)
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
        self.held: deque[int] = deque()

    def give(self, index: int, payload: bytes) -> None:
        self.held.append(index)
        try:
            self.conn.send_bytes(payload)   # what conn.send(item) sends, pickled by the caller
        except OSError:
            # The worker died after its last result (a broken pipe): the item stays held, and the
            # main loop, seeing the worker gone, counts the first held item lost and gives back the
            # rest. Killed, in case it is not dead yet, so that it cannot wait for an item never sent.
            self.kill()

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()


class _Feed:
    """The items not yet given to a worker, in input order, each pickled once (only its index when
    the workers are forked: they hold the items already)."""

    def __init__(self, items: Sequence, by_index: bool):
        self.items = items
        self.by_index = by_index
        self.pending = deque(range(len(items)))
        self._head: tuple[int, bytes] | None = None

    def __bool__(self) -> bool:
        return bool(self.pending)

    def fill(self, slot: _Slot, depth: int = _AHEAD) -> None:
        """Give ``slot`` items until it holds ``depth`` (beyond the first, small ones only)."""
        while self.pending and len(slot.held) < depth:
            index = self.pending[0]
            if self._head is None or self._head[0] != index:
                item = index if self.by_index else self.items[index]
                self._head = (index, bytes(ForkingPickler.dumps(item)))
            payload = self._head[1]
            if slot.held and len(payload) > _AHEAD_BYTES:
                return
            self.pending.popleft()
            self._head = None
            slot.give(index, payload)

    def give_back(self, indices) -> None:
        """Items a dead worker held but had not started: first in line again, in their order."""
        self.pending.extendleft(reversed(indices))


def run_parallel(items: Sequence, work: Callable[[Any], Any], processes: int,
                 on_lost: Callable[[Any, str], Any], on_result: Callable[[Any], None] | None = None) -> list:
    """``[work(item) for item in items]`` in ``processes`` forked workers, in input order.

    ``work`` must not raise (wrap it). An item whose worker dies is ``on_lost(item, why)`` instead (the
    items it held but had not started go to a new worker, which takes the remaining items too).
    ``on_result`` is called with each result as it arrives (for a progress bar). KeyboardInterrupt,
    or any exception raised by a signal handler in the parent, kills every worker before it
    propagates.
    """
    ctx = _context()
    results: list = [None] * len(items)
    # A forked worker inherits the items: it is sent their indices, not their pickles.
    inherited = items if ctx.get_start_method() == "fork" else None
    feed = _Feed(items, by_index=inherited is not None)
    slots: list[_Slot] = []
    try:
        for _ in range(min(processes, len(items))):
            slots.append(_Slot(ctx, work, inherited))
        for depth in range(1, _AHEAD + 1):   # one each first, so that every worker starts at once
            for slot in slots:
                feed.fill(slot, depth)
        while any(s.held for s in slots):
            ready = wait([s.conn for s in slots if s.held] + [s.process.sentinel for s in slots if s.held])
            for slot in list(slots):
                if not slot.held:
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
                index = slot.held.popleft()
                if died:
                    slot.process.join(1)
                    results[index] = on_lost(items[index], _why_dead(slot.process.exitcode))
                    feed.give_back(slot.held)
                    slot.held.clear()
                    slot.conn.close()
                    slots.remove(slot)
                    if feed:
                        slot = _Slot(ctx, work, inherited)
                        slots.append(slot)
                        feed.fill(slot)
                else:
                    results[index] = result
                    feed.fill(slot)
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
