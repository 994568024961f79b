"""atheris fuzz target for numlint's public API and its input decoding (not run in CI).

Each input is split into a selector byte and a body. The body is decoded by numlint.sources.decode
(the path every file takes); if it is text, it goes through numlint.extract_text and
numlint.check_text as plain text, Markdown or HTML. A crash is any exception other than
SourceError, a span outside the text, a text[start:end] that is not the mention, findings out of
order, or a second run that differs. See fuzz/README.md for how to run it.
"""

from __future__ import annotations

import os
import sys
import warnings

import atheris

with atheris.instrument_imports(include=["numlint"]):
    import importlib
    import pkgutil

    import numlint
    from numlint.sources import SourceError, decode

    # numlint imports its stages lazily; import them here so that they are instrumented too.
    for _name in ("document", "markup", "extract", "units", "facts", "linter", "suppress", "registry"):
        try:
            importlib.import_module(f"numlint.{_name}")
        except ImportError:
            pass
    import numlint.rules

    for _info in pkgutil.iter_modules(numlint.rules.__path__):
        importlib.import_module(f"numlint.rules.{_info.name}")

warnings.simplefilter("ignore")
PATHS = ("story.txt", "story.md", "story.html")
MAX_LEN = int(os.environ.get("NUMLINT_FUZZ_MAX_LEN", "2000"))


def check_span(text: str, item) -> None:
    if not (0 <= item.start <= item.end <= len(text)):
        raise AssertionError(f"span {item.start}:{item.end} outside a text of {len(text)}")
    if item.line < 1 or item.column < 1:
        raise AssertionError(f"line/column {item.line}:{item.column}")


def TestOneInput(data: bytes) -> None:
    if not data:
        return
    selector, body = data[0], data[1:MAX_LEN + 1]
    try:
        text = decode(body)
    except SourceError:
        return
    if selector & 0x80:  # half the time, fuzz the text directly (any code points, not only UTF-8 bytes)
        fdp = atheris.FuzzedDataProvider(body)
        text = fdp.ConsumeUnicodeNoSurrogates(MAX_LEN)

    quantities = numlint.extract_text(text)
    for q in quantities:
        check_span(text, q)
        if text[q.start:q.end] != q.text:
            raise AssertionError(f"mention {q.text!r} is not text[{q.start}:{q.end}] = {text[q.start:q.end]!r}")

    path = PATHS[selector % len(PATHS)]
    findings = numlint.check_text(text, path=path)
    for f in findings:
        check_span(text, f)
        for r in f.related:
            check_span(text, r)
    keys = [(f.start, f.end, f.code) for f in findings]
    if keys != sorted(keys):
        raise AssertionError(f"findings out of order: {keys}")
    if selector & 0x40 and numlint.check_text(text, path=path) != findings:
        raise AssertionError("a second run gave other findings")


def main() -> None:
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
