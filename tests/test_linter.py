"""The pipeline module: what ``lint`` promises beyond its findings."""

from __future__ import annotations

import gc
import threading

import numlint
from numlint.document import Document
from numlint.linter import lint

ARTICLE = "Some 3,000 troops were sent.\nOfficials later put it at 3,000 troops, up 5%.\n"


def test_lint_gives_back_the_cyclic_collector_as_it_found_it():
    # lint pauses the cyclic collector for speed; a library must not leave a global switch flipped
    assert gc.isenabled()
    lint(Document("a.txt", ARTICLE, "text"))
    numlint.extract_text(ARTICLE)
    assert gc.isenabled()
    gc.disable()
    try:
        lint(Document("a.txt", ARTICLE, "text"))
        assert not gc.isenabled()  # a caller who turned it off keeps it off
    finally:
        gc.enable()


def test_lint_restores_the_collector_when_a_stage_raises(monkeypatch):
    import numlint.linter as linter

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(linter, "rule_findings", broken)
    try:
        lint(Document("a.txt", ARTICLE, "text"))
    except RuntimeError:
        pass
    else:  # pragma: no cover
        raise AssertionError("the stage's error should reach the caller")
    assert gc.isenabled()


SLIP = "The firm made a profit of £5m last year.\nIts profit of £5bn was a record, the chairman said.\n"


def test_concurrent_lints_agree_and_leave_the_collector_on():
    expected = numlint.check_text(SLIP)
    assert [f.code for f in expected] == ["NL201"]
    results = []

    def work():
        results.append(numlint.check_text(SLIP))

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [expected] * 8
    assert gc.isenabled()
