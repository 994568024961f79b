"""The command line: parse options, call the linter, hand results to a reporter. No linting logic here."""

from __future__ import annotations

import os
import sys
import tempfile

import click

from numlint import __version__
from numlint.config import Config, ConfigError
from numlint.model import FileResult, severity_rank

FORMATS = ("text", "concise", "json", "sarif", "github", "html")
EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _codes(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(c.strip().upper() for c in value.split(",") if c.strip())


def validate_codes(codes: tuple[str, ...], option: str) -> None:
    """Every code given must be a prefix of at least one known rule (or ALL)."""
    from numlint.registry import load_rules

    known = load_rules()
    for code in codes:
        if code != "ALL" and not any(k.startswith(code) for k in known):
            raise ConfigError(f"{option}: unknown rule code {code!r} (see 'numlint rules')")


def write_output(text: str, output: str | None) -> None:
    """Print, or write ``--output`` atomically: a temporary file beside it, then a rename."""
    if output is None:
        click.echo(text, nl=False)
        return
    directory = os.path.dirname(os.path.abspath(output))
    fd, tmp = tempfile.mkstemp(prefix=".numlint-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        os.replace(tmp, output)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _check_one(path: str, text: str | None, config: Config) -> FileResult:
    from numlint.document import Document, format_for_path
    from numlint.linter import check_document
    from numlint.sources import SourceError, read_source

    try:
        if text is None:
            text = read_source(path)
    except SourceError as exc:
        return FileResult(path=path, error=str(exc))
    findings = check_document(Document(path, text, format_for_path(path)), config)
    return FileResult(path=path, findings=tuple(findings), text=text)


def _extract_one(path: str, text: str | None) -> FileResult:
    from numlint.document import Document, format_for_path
    from numlint.linter import document_quantities
    from numlint.sources import SourceError, read_source

    try:
        if text is None:
            text = read_source(path)
    except SourceError as exc:
        return FileResult(path=path, error=str(exc))
    _, quantities = document_quantities(Document(path, text, format_for_path(path)))
    return FileResult(path=path, quantities=tuple(quantities), text=text)


def _inputs(paths: tuple[str, ...], stdin_filename: str | None):
    """(path, text-or-None, error-or-None) for every input; '-' (or no path with piped input) is stdin."""
    from numlint.sources import iter_sources

    if not paths and not sys.stdin.isatty():
        paths = ("-",)
    for given in paths:
        if given == "-":
            data = sys.stdin.buffer.read()
            from numlint.sources import SourceError, decode

            name = stdin_filename or "<stdin>"
            try:
                yield name, decode(data), None
            except SourceError as exc:
                yield name, None, str(exc)
            continue
        for source in iter_sources([given]):
            yield source.path, None, source.error


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="numlint", message="%(prog)s %(version)s")
def cli() -> None:
    """numlint: find the number errors editors miss in news copy."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None, help="Output format (default text; github under GitHub Actions).")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report to FILE (atomically).")
@click.option("--select", help="Comma-separated codes or prefixes to check (e.g. NL1,NL301).")
@click.option("--ignore", help="Comma-separated codes or prefixes to skip.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Read configuration from FILE.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None, help="Lowest severity that makes the exit status 1 (default warning).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True, help="Check files in N processes.")
@click.option("--stdin-filename", help="Name to show for text read from stdin (its suffix picks the format).")
def check(paths, fmt, output, select, ignore, config_path, fail_on, jobs, stdin_filename):
    """Lint articles for inconsistent numbers."""
    try:
        select_codes, ignore_codes = _codes(select), _codes(ignore)
        validate_codes(select_codes, "--select")
        validate_codes(ignore_codes, "--ignore")
        config = Config(select=select_codes, ignore=ignore_codes, fail_on=fail_on or "warning")
    except ConfigError as exc:
        click.echo(f"numlint: {exc}", err=True)
        sys.exit(EXIT_ERROR)

    results: list[FileResult] = []
    for path, text, error in _inputs(paths, stdin_filename):
        if error:
            results.append(FileResult(path=path, error=error))
        else:
            results.append(_check_one(path, text, config))

    fmt = fmt or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    from numlint.reporters import json_report

    if fmt == "json":
        report = json_report.render_check(results)
    else:
        lines = []
        for r in results:
            if r.error:
                lines.append(f"{r.path}: error: {r.error}")
            for f in r.findings:
                lines.append(f"{r.path}:{f.line}:{f.column}: {f.code} {f.severity} {f.message}")
        report = "\n".join(lines) + ("\n" if lines else "")
    write_output(report, output)
    for r in results:
        if r.error:
            click.echo(f"numlint: {r.path}: {r.error}", err=True)

    if any(r.error for r in results):
        sys.exit(EXIT_ERROR)
    threshold = severity_rank(config.fail_on)
    if any(severity_rank(f.severity) >= threshold for r in results for f in r.findings):
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_CLEAN)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the list to FILE (atomically).")
@click.option("--stdin-filename", help="Name to show for text read from stdin.")
def extract(paths, fmt, output, stdin_filename):
    """List every quantity mention numlint parsed."""
    from numlint.reporters import json_report

    results = [
        FileResult(path=p, error=e) if e else _extract_one(p, t) for p, t, e in _inputs(paths, stdin_filename)
    ]
    if fmt == "json":
        report = json_report.render_extract(results)
    else:
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
        report = "\n".join(lines) + ("\n" if lines else "")
    write_output(report, output)
    for r in results:
        if r.error:
            click.echo(f"numlint: {r.path}: {r.error}", err=True)
    sys.exit(EXIT_ERROR if any(r.error for r in results) else EXIT_CLEAN)


@cli.command(name="rules")
def list_rules():
    """List every rule: code, name, default severity, summary."""
    from numlint.registry import load_rules

    for rule in load_rules().values():
        state = "" if rule.enabled else " (off by default)"
        click.echo(f"{rule.code}  {rule.name:<28} {rule.severity:<8} {rule.summary}{state}")


@cli.command()
@click.argument("code")
def explain(code):
    """Show a rule's documentation: what, why, example, use instead, how to silence it."""
    from numlint.registry import load_rules

    rules = load_rules()
    rule = rules.get(code.upper()) or next((r for r in rules.values() if r.name == code), None)
    if rule is None:
        click.echo(f"numlint: unknown rule {code!r} (see 'numlint rules')", err=True)
        sys.exit(EXIT_ERROR)
    click.echo(explain_text(rule))


def explain_text(rule) -> str:
    parts = [
        f"{rule.code} {rule.name} ({rule.severity}{'' if rule.enabled else ', off by default'})",
        "",
        "## What it does",
        rule.summary,
        "",
        "## Why is this bad?",
        rule.why,
    ]
    if rule.failing_examples or rule.example:
        parts += ["", "## Example", rule.example or rule.failing_examples[0]]
    if rule.use_instead or rule.passing_examples:
        parts += ["", "## Use instead", rule.use_instead or rule.passing_examples[0]]
    if rule.options:
        parts += ["", "## Options"] + [f"- {k} = {v!r}" for k, v in rule.options.items()]
    parts += [
        "",
        "## How to silence it",
        f"- for a whole run: --ignore {rule.code} (or ignore = [\"{rule.code}\"] in [tool.numlint])",
        f"- in Markdown or HTML: <!-- numlint: disable-next-line {rule.code} --> before the line",
        "- for a known, accepted finding: record it in a baseline (--write-baseline / --baseline)",
    ]
    return "\n".join(parts)


def main() -> None:
    """Entry point: user mistakes are one-line errors; a bug is a short message, never a traceback."""
    try:
        cli(standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # pragma: no cover - exercised through a test that injects a fault
        click.echo(
            f"numlint: internal error: {type(exc).__name__}: {exc}\n"
            "This is a bug in numlint; please report it with the input that caused it.",
            err=True,
        )
        sys.exit(EXIT_ERROR)
