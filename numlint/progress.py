"""A progress bar on stderr for long runs: files done of all, findings so far, rate, time left.

Shown only to a person: stderr is a terminal, the report is for people (text or concise), and the
run has lasted ``DELAY`` seconds already, so a commit hook or a quick check never flickers and never
pays for importing rich's console. It is transient (erased before the report is printed), and it
is redrawn from the callback that receives each result rather than from a refresh thread, so no
thread is running when ``--jobs`` forks a replacement worker.
"""

from __future__ import annotations

import os
import time

DELAY = 1.5          # seconds before the bar appears
REDRAW = 0.1         # seconds between redraws
HUMAN_FORMATS = ("text", "concise")


def wanted(fmt: str, stream) -> bool:
    """Whether a run reporting in ``fmt`` should show progress on ``stream`` (sys.stderr)."""
    if fmt not in HUMAN_FORMATS or os.environ.get("TERM") == "dumb":
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


class Progress:
    """``on_result`` callback for ``numlint.run.check_all``; ``close()`` when the run ends."""

    def __init__(self, total: int, console=None, clock=time.monotonic, delay: float = DELAY):
        self.total = total
        self.done = 0
        self.findings = 0
        self._console = console
        self._clock = clock
        self._delay = delay
        self._started_at = clock()
        self._last_draw = float("-inf")
        self._bar = None
        self._task = None

    def __call__(self, result) -> None:
        self.done += 1
        self.findings += len(result.findings)
        now = self._clock()
        if self._bar is None:
            if now - self._started_at < self._delay or self.done >= self.total:
                return
            self._start()
        if now - self._last_draw >= REDRAW or self.done >= self.total:
            self._last_draw = now
            elapsed = max(now - self._started_at, 1e-9)
            self._bar.update(self._task, completed=self.done, findings=self.findings,
                             rate=f"{self.done / elapsed:.0f}")
            self._bar.refresh()

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
        from rich.progress import Progress as Bar

        console = self._console or Console(stderr=True)
        self._bar = Bar(TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TextColumn("files"),
                        TextColumn("{task.fields[findings]} findings"), TextColumn("{task.fields[rate]} files/s"),
                        TimeRemainingColumn(), TextColumn("left"),
                        console=console, transient=True, auto_refresh=False)
        self._task = self._bar.add_task("check", total=self.total, findings=0, rate="0")
        self._bar.start()

    @property
    def shown(self) -> bool:
        return self._bar is not None

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
