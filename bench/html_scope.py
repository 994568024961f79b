"""What reading a CMS page for its article costs: the HTML -> prose time with ``--html-scope article``
(chrome dropped) and ``all``, on the CMS fixture's body repeated until the page is about 300 kB.

Run: ``python bench/html_scope.py`` (prints the best of five runs for each scope, and how much of the
page each reads).
"""

from __future__ import annotations

import time
from pathlib import Path

from numlint.markup.html import HTML_SCOPES, html_prose

PAGE = Path(__file__).resolve().parent.parent / "fixtures" / "cms-hospital.html"


def main(repeat: int = 200, runs: int = 5) -> None:
    page = PAGE.read_text(encoding="utf-8")
    body = page[page.index("<body>"):page.index("</body>")]
    big = page.replace(body, body * repeat)
    print(f"page: {len(big):,} characters ({repeat} copies of the fixture's body)")
    for scope in HTML_SCOPES:
        best = float("inf")
        for _ in range(runs):
            start = time.perf_counter()
            prose = html_prose(big, scope)
            best = min(best, time.perf_counter() - start)
        print(f"--html-scope {scope:<8} {best * 1000:6.0f} ms, {len(prose.text):,} characters of prose")


if __name__ == "__main__":
    main()
