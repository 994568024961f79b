"""A cold ``numlint check`` loads only what its input and output need (issue 17: start-up counts, a
pre-commit hook runs on every commit): no markdown-it for a plain-text article, no rich console for
an uncoloured report, no multiprocessing without --jobs, no pint for the lexicon's own
units, no tempfile without --output. Each case runs in a fresh interpreter and lists the modules it loaded."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("markdown_it", "rich.console", "multiprocessing", "pint", "quantulum3", "dask", "tempfile")
PROBE = f"""
import json, sys
from numlint.cli import main
sys.argv = ["numlint", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]), file=sys.stderr)
"""
ARTICLE = ("Harrow Mills made a profit of £500m, up from £400m, and employs 1,200 people.\n\n"
           "Its new depot will open in May. The £500m profit was a record.\n")


def loaded(tmp_path: Path, *args: str, env=None) -> set[str]:
    result = subprocess.run([sys.executable, "-c", PROBE, *args], cwd=tmp_path, capture_output=True, text=True,
                            env=env)
    return set(json.loads(result.stderr.strip().splitlines()[-1]))


@pytest.fixture
def article(tmp_path) -> Path:
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "story.md").write_text("# Profit\n\n" + ARTICLE, encoding="utf-8")
    return tmp_path


def test_plain_text_piped_report_loads_nothing_heavy(article):
    assert loaded(article, "check", "story.txt") == set()


def test_each_heavy_module_loads_when_its_input_or_output_needs_it(article):
    assert "markdown_it" in loaded(article, "check", "story.md")
    assert "multiprocessing" in loaded(article, "check", "--jobs", "2", *[str(p) for p in _copies(article, 8)])
    assert "rich.console" in loaded(article, "check", "story.txt", env={**os.environ, "FORCE_COLOR": "1"})
    assert "tempfile" in loaded(article, "check", "--output", "report.txt", "story.txt")


def test_a_conversion_in_the_lexicons_units_loads_no_pint(tmp_path):
    (tmp_path / "depot.txt").write_text("The depot will sit 10 km (6 miles) from the city and cost £5m, or "
                                        "$6.3m. It will hold 40,000 litres (8,800 gallons) at 4C (39F).\n",
                                        encoding="utf-8")
    assert "pint" not in loaded(tmp_path, "check", "depot.txt")


def _copies(directory: Path, count: int) -> list[Path]:
    paths = []
    for i in range(count):
        path = directory / f"copy-{i}.txt"
        path.write_text(ARTICLE.replace("1,200", f"{1200 + i:,}"), encoding="utf-8")
        paths.append(path)
    return paths
