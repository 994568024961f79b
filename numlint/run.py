"""One run of ``numlint check`` or ``numlint extract``, without the command line around it: which
inputs, the configuration of each, the jobs (in one process or several), the baseline, the report
and the exit status. ``numlint.cli`` parses options and prints; everything it decides is here.

Heavy stages are imported where they are used, so a run that stops at a configuration error (or
``numlint --version``) never loads them.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, replace

from numlint.config import FORMATS, Config, ConfigError, resolve_codes
from numlint.model import FileResult, severity_rank

__all__ = ["FORMATS", "EXIT_CLEAN", "EXIT_FINDINGS", "EXIT_ERROR", "Interrupted"]
EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


# ---------------------------------------------------------------------------------------------
# Settings from the command line

def split_codes(value: str | None) -> tuple[str, ...]:
    """``"NL1, percent-vs-points"`` -> ``("NL1", "percent-vs-points")``."""
    if not value:
        return ()
    return tuple(c.strip() for c in value.split(",") if c.strip())


def validate_codes(codes: tuple[str, ...], option: str) -> tuple[str, ...]:
    """Codes, prefixes, ALL or rule names as given to ``option``, as codes; an unknown one is a
    ``ConfigError`` naming the option."""
    from numlint.registry import load_rules

    try:
        return resolve_codes(codes, load_rules())
    except ValueError as exc:
        raise ConfigError(f"{option}: {exc}") from None


def overrides(select: str | None, extend_select: str | None, ignore: str | None, fail_on: str | None,
              fmt: str | None) -> dict:
    """What the command line sets (Config field name -> value), validated."""
    out: dict = {}
    if select is not None:
        out["select"] = validate_codes(split_codes(select), "--select")
    if extend_select:
        out["extend_select"] = validate_codes(split_codes(extend_select), "--extend-select")
    if ignore:
        out["ignore"] = validate_codes(split_codes(ignore), "--ignore")
    if fail_on:
        out["fail_on"] = fail_on
    if fmt:
        out["format"] = fmt
    return out


def load_baseline(path: str | None):
    """The baseline recorded in ``path`` (None for none); a broken one is a ``ConfigError``."""
    if not path:
        return None
    from numlint.baseline import BaselineError, load

    try:
        return load(path)
    except BaselineError as exc:
        raise ConfigError(str(exc)) from None


def report_format(project: Config) -> str:
    """The configured format, else github under GitHub Actions, else text."""
    return project.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")


# ---------------------------------------------------------------------------------------------
# Inputs

def _load(path: str, text: str | None):
    """(Document, None) for an input, or (None, FileResult) naming why it cannot be read."""
    from numlint.document import Document, format_for_path
    from numlint.sources import SourceError, read_source

    try:
        if text is None:
            text = read_source(path)
    except SourceError as exc:
        return None, FileResult(path=path, error=str(exc))
    return Document(path, text, format_for_path(path)), None


def inputs(paths: tuple[str, ...], stdin_filename: str | None, walk_config=None):
    """(path, text-or-None, error-or-None) for every input; '-' (or no path with piped input) is stdin.

    ``walk_config(directory) -> Config`` gives the include/exclude globs for a walked directory.
    """
    seen: set[str] = set()
    for path, text, error in _given_inputs(paths, stdin_filename, walk_config):
        # "numlint check a.txt a.txt", or a file named beside its directory ("numlint check . a.txt"),
        # is checked and reported once, under the name it was first given (stdin is never a repeat).
        key = os.path.normcase(os.path.abspath(path)) if text is None else None
        if key is not None and key in seen:
            continue
        seen.add(key)
        yield path, text, error


def _given_inputs(paths: tuple[str, ...], stdin_filename: str | None, walk_config):
    from numlint.sources import DEFAULT_SUFFIXES, iter_sources

    if not paths:
        # Piped input is read; at a terminal, no path means the current directory (as ruff does).
        paths = ("-",) if not sys.stdin.isatty() else (".",)
    for given in paths:
        if given == "-":
            from numlint.sources import SourceError, decode, read_stdin

            name = stdin_filename or "<stdin>"
            try:
                yield name, decode(read_stdin(sys.stdin.buffer)), None
            except SourceError as exc:
                yield name, None, str(exc)
            continue
        if walk_config is not None and _force_excluded(given, walk_config):
            continue
        cfg = walk_config(given) if walk_config is not None and os.path.isdir(given) else None
        if cfg is None or not (cfg.include or cfg.exclude):
            for source in iter_sources([given]):
                yield source.path, None, source.error
            continue
        from numlint.config import path_matches

        suffixes = ("",) if cfg.include else DEFAULT_SUFFIXES
        for source in iter_sources([given], suffixes=suffixes, exclude=cfg.exclude):
            if cfg.include and not any(path_matches(source.path, pat, cfg.root) for pat in cfg.include):
                continue
            if any(path_matches(source.path, pat, cfg.root) for pat in cfg.exclude):
                continue
            yield source.path, None, source.error


def _force_excluded(given: str, walk_config) -> bool:
    """A path named on the command line that ``exclude`` matches, under ``force-exclude`` (ruff's
    meaning: pre-commit names every staged file, so without it ``exclude`` would never apply there)."""
    from numlint.config import is_force_excluded

    where = given if os.path.isdir(given) else (os.path.dirname(given) or ".")
    return is_force_excluded(given, walk_config(where))


# ---------------------------------------------------------------------------------------------
# Jobs

@dataclass(frozen=True)
class Job:
    """One input to check: its text when already read (stdin), why it cannot be read, its settings."""

    path: str
    text: str | None
    error: str | None
    config: Config | None


def plan(paths: tuple[str, ...], stdin_filename: str | None, resolver) -> list[Job]:
    """A job per input, each with the configuration that applies to it (``config.Resolver``)."""
    return [_job(path, text, error, resolver)
            for path, text, error in inputs(paths, stdin_filename, resolver.for_directory)]


def _job(path: str, text: str | None, error: str | None, resolver) -> Job:
    if error:
        return Job(path, text, error, None)
    try:
        return Job(path, text, None, resolver.for_file(path))
    except OSError as exc:  # a directory that cannot be searched for its .numlint.toml: this file's error
        from numlint.sources import oserror_reason

        return Job(path, text, f"cannot look for its configuration: {oserror_reason(exc)}", None)


def _contained(path: str, work) -> FileResult:
    """``work()``, with a bug in numlint turned into that file's one-line error, so one odd article
    costs only its own report and every other file is still checked (exit 2 at the end, as for
    unreadable input). NUMLINT_DEBUG=1 lets the exception through, with its traceback."""
    try:
        return work()
    except Exception as exc:
        if os.environ.get("NUMLINT_DEBUG"):
            raise
        return FileResult(path=path, error=internal_error(exc, "this file"))


def internal_error(exc: Exception, what: str) -> str:
    """The one-line error for a bug in numlint met on ``what`` ("this file", "these files")."""
    detail = (str(exc).splitlines() or [""])[0][:200]
    return f"internal error: {type(exc).__name__}: {detail} (a bug in numlint; please report it with {what})"


def check_job(job: Job) -> FileResult:
    """One input through the linter (a picklable top-level function, for ``--jobs``)."""
    if job.error:
        return FileResult(path=job.path, error=job.error)

    def work() -> FileResult:
        from numlint.linter import lint

        doc, unreadable = _load(job.path, job.text)
        return unreadable or lint(doc, job.config)

    return _contained(job.path, work)


# Fewer files than this are checked in this process even with --jobs: forking workers and handing
# them files costs more than checking a handful of articles (a pre-commit hook's usual load).
PARALLEL_FROM = 6


def job_count(jobs: int) -> int:
    """``--jobs``: N processes, or 0 for as many as this process may use cores."""
    if jobs != 0:
        return jobs
    from numlint.parallel import available_cores  # multiprocessing: only for a parallel run

    return available_cores()


def warm_up() -> None:
    """Load what checking an article loads lazily (modules, rule definitions, tables), once, so
    that workers forked afterwards start with it instead of each loading it again."""
    from numlint import check_text

    check_text("Profit rose 5% to £500m from £476m, and the 1,200 staff will share £2m.\n", "<warm-up>.txt")


# What a report reads of a file's result beyond its path, error and findings, for a file with
# findings and for one without: the text and prose for the source lines of the text report and
# SARIF, the text of every file for SARIF's artifact encoding, everything for the HTML report's
# article view (absent: everything).
REPORT_PARTS = {
    "json": (frozenset(), frozenset()),
    "concise": (frozenset(), frozenset()),
    "github": (frozenset(), frozenset()),
    "text": (frozenset({"text", "prose"}), frozenset()),
    "sarif": (frozenset({"text", "prose"}), frozenset({"text"})),
}


def report_parts(fmt: str, statistics: bool = False) -> tuple[frozenset[str], frozenset[str]] | None:
    """The parts of a ``FileResult`` the report in ``fmt`` reads (``REPORT_PARTS``); None: all."""
    return (frozenset(), frozenset()) if statistics else REPORT_PARTS.get(fmt)


def check_job_for(parts: tuple[frozenset[str], frozenset[str]], job: Job) -> FileResult:
    """``check_job``, with what the report will not read left out, as a worker sends it back: the
    text, prose and quantities of 600 articles are five times the pickle of their findings, and
    the parent, which unpickles every one, shares the cores with the workers."""
    result = check_job(job)
    if result.error:
        return result
    keep = parts[0] if result.findings else parts[1]
    dropped: dict = {}
    if "quantities" not in keep and result.quantities:
        dropped["quantities"] = ()
    if "text" not in keep and result.text is not None:
        dropped["text"] = None
    if "prose" not in keep and result.prose is not None:
        dropped["prose"] = None
    return replace(result, **dropped) if dropped else result


def _lost_job(job: Job, why: str) -> FileResult:
    return FileResult(path=job.path, error=f"internal error: {why} (please report it with this file)")


def check_all(jobs: list[Job], processes: int = 1, on_result=None,
              parts: tuple[frozenset[str], frozenset[str]] | None = None) -> list[FileResult]:
    """Every job's result, in input order, the same whatever ``processes`` is (0: every core).

    ``on_result(result)`` is called as each file is done, for a progress bar. ``parts``: what the
    report reads of a result beyond its findings (``report_parts``), all of it when None; worker
    processes send back only that."""
    processes = job_count(processes)
    if processes > 1 and len(jobs) >= PARALLEL_FROM:
        from functools import partial

        from numlint.parallel import run_parallel

        warm_up()
        work = check_job if parts is None else partial(check_job_for, parts)
        return run_parallel(jobs, work, processes, on_lost=_lost_job, on_result=on_result)
    results = []
    for job in jobs:
        results.append(check_job(job))
        if on_result is not None:
            on_result(results[-1])
    return results


# ---------------------------------------------------------------------------------------------
# Signals

class Interrupted(BaseException):
    """SIGINT or SIGTERM reached numlint: the run stops, no report is written, the exit status is
    128 + the signal's number (130, 143), as a shell reports a command a signal ended.

    A BaseException, not an Exception, so that no per-file ``except Exception`` swallows it, and not
    a KeyboardInterrupt, which click turns into "Aborted!" and exit 1."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.exit_status = 128 + signum


def end_run_on_signals() -> None:
    """Make SIGINT and SIGTERM raise ``Interrupted`` in this (the parent) process. The first one
    ignores any further ones, so the clean-up it starts (killing workers, removing a half-written
    report) is not cut short by a second Ctrl-C."""
    import signal

    def handler(signum, frame):
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, signal.SIG_IGN)
        raise Interrupted(signum)

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, handler)


def extract_one(path: str, text: str | None, error: str | None = None) -> FileResult:
    """The quantities of one input (``numlint extract``)."""
    if error:
        return FileResult(path=path, error=error)

    def work() -> FileResult:
        from numlint.linter import document_quantities

        doc, unreadable = _load(path, text)
        if unreadable:
            return unreadable
        prose, quantities = document_quantities(doc)
        # the prose goes with the quantities: the reporters read each one's frame from its sentence
        return FileResult(path=path, quantities=tuple(quantities), text=doc.text, prose=prose)

    return _contained(path, work)


def extract_all(paths: tuple[str, ...], stdin_filename: str | None) -> list[FileResult]:
    return [extract_one(p, t, e) for p, t, e in inputs(paths, stdin_filename)]


# ---------------------------------------------------------------------------------------------
# Baseline, reports, exit status

def without_baseline(results: list[FileResult], baseline) -> tuple[list[FileResult], int]:
    """The results with the findings recorded in ``baseline`` removed, and how many were removed."""
    if baseline is None:
        return results, 0
    from numlint.baseline import filter_new

    return filter_new(results, baseline)


def render_baseline(results: list[FileResult], path: str | None = None) -> str:
    """The baseline to write at ``path`` (its paths are relative to that file's directory)."""
    from numlint.baseline import render

    return render(results, path)


def render_report(results: list[FileResult], fmt: str, *, color: bool = False, quiet: bool = False,
                  in_baseline: int = 0) -> str:
    """The report in one format; each format is a small module in numlint/reporters."""
    if fmt == "json":
        from numlint.reporters import json_report

        return json_report.render_check(results)
    if fmt == "sarif":
        from numlint.reporters import sarif

        return sarif.render(results)
    if fmt == "github":
        from numlint.reporters import github

        return github.render(results)
    if fmt == "html":
        from numlint.reporters import html

        return html.render(results)
    from numlint.reporters import text

    return text.render(results, concise=fmt == "concise", color=color, quiet=quiet, suppressed_by_baseline=in_baseline)


def render_statistics(results: list[FileResult], fmt: str, color: bool) -> str:
    from numlint.reporters import text

    if fmt == "json":
        import json

        rows = [{"count": n, "code": code, "name": name, "severity": sev}
                for n, code, name, sev in text.statistics(results)]
        return json.dumps(rows, indent=2) + "\n"
    return text.render_statistics(results, color=color)


def render_extract(results: list[FileResult], fmt: str) -> str:
    """``numlint extract``'s list: JSON, or one line per quantity."""
    if fmt == "json":
        from numlint.reporters import json_report

        return json_report.render_extract(results)
    lines = []
    for r in results:
        if r.error:
            lines.append(f"{r.path}: error: {r.error}")
        for q in r.quantities:
            value = q.value if q.value is not None else f"{q.low}-{q.high}"
            extra = " ".join(
                f"{k}={v}" for k, v in (("unit", q.unit), ("approx", q.approx if q.approx != "=" else None),
                                        ("change", q.change), ("metric", q.metric), ("base", q.base)) if v
            )
            lines.append(f"{r.path}:{q.line}:{q.column}: {q.text!r} {q.kind} {value} {extra}".rstrip())
    return "\n".join(lines) + ("\n" if lines else "")


def exit_status(results: list[FileResult], fail_on: str, exit_zero: bool = False) -> int:
    """2 when an input could not be checked; else 1 when a finding reaches ``fail_on`` (unless
    ``exit_zero``); else 0."""
    if any(r.error for r in results):
        return EXIT_ERROR
    threshold = severity_rank(fail_on)
    if not exit_zero and any(severity_rank(f.severity) >= threshold for r in results for f in r.findings):
        return EXIT_FINDINGS
    return EXIT_CLEAN
