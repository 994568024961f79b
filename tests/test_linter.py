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


def test_messages_quote_the_text_as_read_and_positions_stay_in_the_file():
    """Entities decoded and tags dropped in what a finding says; start/end still index the file."""
    import numlint

    page = ('<p>The hall cost &pound;4.<span class="c0">5bn</span>, officials said. '
            "Its refurbishment cost &pound;4.5m.</p>\n<p>The route is 10&nbsp;km (10&nbsp;miles) long.</p>\n")
    findings = {f.code: f for f in numlint.check_text(page, "story.html")}
    slip, conversion = findings["NL201"], findings["NL203"]
    assert "£4.5bn" in slip.message and "£4.5m" in slip.message and "&pound;" not in slip.message
    assert page[slip.start:slip.end] == "&pound;4.5m"
    assert page[slip.related[0].start:slip.related[0].end] == '&pound;4.<span class="c0">5bn'
    assert conversion.message.startswith("10\u00a0miles does not match 10\u00a0km")
    assert page[conversion.start:conversion.end] == "10&nbsp;miles"
