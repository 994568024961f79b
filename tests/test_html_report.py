"""The HTML report: self-contained, every quantity and finding present, article text escaped, and
rendered by a real browser (headless Chromium, when installed) into a non-blank screenshot."""

from __future__ import annotations

import html as html_module
import json
import os
import re
import shutil
import struct
import subprocess
import tempfile
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from numlint.document import Document
from numlint.model import FileResult, Finding, Quantity, Related
from numlint.reporters import html

ARTICLE = (
    "Floods <b>&</b> storms: officials said 212 people had died & 40% of homes were damaged.\n"
    "\n"
    "The death toll of 221 is expected to rise <script>alert(1)</script>.\n"
    "A survey put damage at 35% of buildings and 3,000 people displaced.\n"
)


def _q(doc, needle, metric, value, kind="count", base=None):
    s = ARTICLE.index(needle)
    e = s + len(needle)
    return Quantity(text=needle, start=s, end=e, value=value, metric=metric, kind=kind, base=base,
                    unit="percent" if kind == "percent" else "",
                    **dict(zip(("line", "column", "end_line", "end_column"), doc.position(s, e), strict=True)))


def sample() -> FileResult:
    doc = Document("news/flood.txt", ARTICLE)
    qs = (
        _q(doc, "212", "deaths", 212.0),
        _q(doc, "40%", None, 40.0, "percent", base="homes"),
        _q(doc, "221", "deaths", 221.0),
        _q(doc, "35%", None, 35.0, "percent", base="buildings"),
        _q(doc, "3,000", "people displaced", 3000.0),
    )
    a, b = qs[2], qs[0]
    f1 = Finding("NL101", "conflicting-values", "error", "221 deaths here, but 212 <on> line 1", a.start, a.end,
                 a.line, a.column, a.end_line, a.end_column,
                 (Related(b.start, b.end, b.line, b.column, b.end_line, b.end_column, "212 deaths & more"),))
    c, d = qs[3], qs[1]
    f2 = Finding("NL301", "mixed-percent-bases", "warning", "35% of buildings beside 40% of homes", c.start, c.end,
                 c.line, c.column, c.end_line, c.end_column,
                 (Related(d.start, d.end, d.line, d.column, d.end_line, d.end_column, "40% of homes"),))
    return FileResult("news/flood.txt", findings=(f1, f2), quantities=qs, text=ARTICLE)


def test_self_contained():
    page = html.render([sample()])
    assert page.startswith("<!DOCTYPE html>")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "<link" not in page and "@import" not in page and "url(" not in page
    assert "@font-face" not in page


def test_every_quantity_and_finding_is_present_and_linked():
    result = sample()
    page = html.render([result])
    marks = re.findall(r'<mark id="([^"]+)"[^>]*>([^<]*)</mark>', page)
    assert [t for _, t in marks] == ["212", "40%", "221", "35%", "3,000"]
    for n, f in enumerate(result.findings, start=1):
        card = re.search(rf'<article class="finding sev-{f.severity}" id="f0-n{n}" '
                         r'data-for="([^"]+)">(.*?)</article>', page)
        assert card, f.code
        assert f.code in card.group(2)
        # The card points at its own mention and its related mentions.
        targets = card.group(1).split()
        texts = {mid: t for mid, t in marks}
        assert [texts[t] for t in targets] == [ARTICLE[f.start:f.end]] + [ARTICLE[r.start:r.end] for r in f.related]
    # The flagged mention carries the finding's severity and number.
    assert re.search(r'<mark id="f0-m2" class="q hit sev-error"[^>]*>221</mark>'
                     r'<sup class="badge sev-error">1</sup>', page)
    assert re.search(r'<mark id="f0-m0" class="q rel"', page)


def test_facts_table_by_metric():
    page = html.render([sample()])
    table = page[page.index('<table class="facts">'):page.index("</table>")]
    rows = re.findall(r"<tr><td>(.*?)</td><td>(.*?)</td><td[^>]*>(.*?)</td></tr>", table)
    names = [re.sub(r"<[^>]+>", "", r[0]) for r in rows]
    assert names == ["deaths #1", "% of homes #2", "% of buildings #2", "people displaced"]  # linked to findings
    values = [re.findall(r">([^<]+)</a>", r[1]) for r in rows]
    assert values == [["212", "221"], ["40%"], ["35%"], ["3,000"]]
    lines = [re.findall(r">(\d+)</a>", r[2]) for r in rows]
    assert lines == [["1", "3"], ["1"], ["4"], ["4"]]


def test_facts_table_shows_whose_and_when_each_value_is():
    from numlint.linter import lint

    text = "Acme's profits rose to $5m last year.\nProfits at Bolt fell to $3m in 2023, the chairman said.\n"
    page = html.render([lint(Document("news/profits.txt", text))])
    table = page[page.index('<table class="facts">'):page.index("</table>")]
    notes = re.findall(r'<span class="frame">(.*?</span>)</span>', table)
    frames = [re.findall(r'title="\w+">([^<]+)</span>', note) for note in notes]
    assert frames == [["acme", "last year"], ["bolt", "2023"]]
    assert '<span class="whose" title="whose">acme</span>' in table


def test_article_text_is_escaped():
    page = html.render([sample()])
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Floods &lt;b&gt;&amp;&lt;/b&gt; storms" in page
    assert "died &amp; 40%" not in page  # the quantity is wrapped, but the ampersand is escaped
    assert "had died &amp; " in page
    assert "221 deaths here, but 212 &lt;on&gt; line 1" in page
    assert "212 deaths &amp; more" in page
    assert html.render([FileResult("<a&b>.txt", error="bad <byte>")]).count("&lt;a&amp;b&gt;.txt") >= 1


def test_markup_is_dimmed_for_html_sources():
    text = "<p>Some <em>212</em> people</p>\n<!-- numlint: disable -->\n"
    doc = Document("a.html", text)
    s = text.index("212")
    q = Quantity(text="212", start=s, end=s + 3, value=212.0, metric="people",
                 **dict(zip(("line", "column", "end_line", "end_column"), doc.position(s, s + 3), strict=True)))
    page = html.render([FileResult("a.html", quantities=(q,), text=text)])
    assert '<span class="markup">&lt;em&gt;</span><mark' in page
    assert '<span class="markup">&lt;!-- numlint: disable --&gt;</span>' in page


def test_clean_file_and_unreadable_file():
    page = html.render([FileResult("ok.txt", text="Nothing to see.\n"),
                        FileResult("bad.txt", error="binary file, not text")])
    assert "No number problems found." in page
    assert "Could not check this file: binary file, not text" in page


def _png_pixels_vary(png: bytes) -> tuple[int, int, int]:
    """(width, height, distinct byte values in the image data) of a PNG, without an imaging library."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, height = 8, b"", 0, 0
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos:pos + 8])
        data = png[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", data[:8])
        elif kind == b"IDAT":
            idat += data
        pos += 12 + length
    raw = zlib.decompress(idat)
    return width, height, len(set(raw))


FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _result(name: str) -> FileResult:
    """A fixture through the whole pipeline; the Word fixture is built into a .docx first."""
    from numlint.linter import lint
    from numlint.sources import docx_text

    if name.endswith(".docx"):
        from docx_builder import build_docx

        spec = json.loads((FIXTURES / (name + ".json")).read_text(encoding="utf-8"))
        text = docx_text(build_docx(spec))
    else:
        text = (FIXTURES / name).read_text(encoding="utf-8")
    from numlint.document import format_for_path

    return lint(Document(f"fixtures/{name}", text, format_for_path(name)))


class _ArticleText(HTMLParser):
    """The text of the first article view of a report, without finding cards, badges and line numbers;
    paragraphs and headings one a line."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0          # inside div.article, counting nested elements
        self.hidden = 0         # inside a card, a badge, a line number or a hidden directive
        self.done = False
        self.lines: list[str] = []

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if self.done:
            return
        if not self.depth:
            if tag == "div" and "article" in classes:
                self.depth = 1
            return
        self.depth += 1
        if self.hidden or {"notes", "badge", "ln", "markup"} & set(classes):
            self.hidden += 1
        if tag in ("p", "h4") and not self.hidden:
            self.lines.append("")

    def handle_endtag(self, tag):
        if self.done or not self.depth:
            return
        self.depth -= 1
        if self.hidden:
            self.hidden -= 1
        if not self.depth:
            self.done = True

    def handle_data(self, data):
        if self.depth and not self.hidden and not self.done and self.lines:
            self.lines[-1] += data


def article_text(page: str) -> list[str]:
    parser = _ArticleText()
    parser.feed(page)
    return [" ".join(line.split()) for line in parser.lines]


def test_the_article_as_read_for_every_format():
    cms = article_text(html.render([_result("cms-hospital.html")]))
    assert cms[0] == "Riverside hospital opens £48m wing"
    assert cms[2] == ("Riverside General Hospital opened its £48m surgical wing on Monday, and now has 340 beds, "
                      "up from 300 last year.")
    assert not any("50,000" in line or "dataLayer" in line or "<" in line for line in cms)
    word_html = article_text(html.render([_result("word-export-flood.htm")]))
    assert word_html[0] == "Flood defences" and "MsoNormal" not in " ".join(word_html)
    rail = html.render([_result("gdocs-export-rail.html")])
    chips = re.findall(r'<a class="chip"[^>]*>([^<]*)</a>', rail)
    assert "£5,800" in chips and not any("&amp;" in chip or "span" in chip for chip in chips)  # values as read
    assert "The scheme will cost £12m, the agency said, and will protect 4,400 homes." in word_html
    markdown = article_text(html.render([_result("bank-profit.md")]))
    assert not any(line.startswith("#") or "**" in line for line in markdown)
    word = article_text(html.render([_result("school-repairs.docx")]))
    assert word[9] == "Repairs will take 16% of the capital budget, up from 9% last year."  # directive not shown
    assert word[5:8] == ["Work Schools", "Roofs 140", "Heating 90"]


def test_headings_line_numbers_and_source_toggle():
    cms = html.render([_result("cms-hospital.html")])
    assert re.search(r'<div class="ln">17</div><h4 class="para heading">Riverside hospital opens <mark', cms)
    assert cms.count("<summary>Show source</summary>") == 1
    # The source view repeats the highlights without ids, so every anchor is unique.
    ids = re.findall(r'<mark id="([^"]+)"', cms)
    assert len(ids) == len(set(ids)) == len(re.findall(r'<mark (?!id=)', cms))
    assert '<span class="markup">&lt;figcaption&gt;</span>' in cms
    word = html.render([_result("school-repairs.docx")])
    assert "Show source" not in word and "Show source" not in html.render([_result("korea-troops.txt")])
    # A Word file's line is its paragraph: the fact box is the twelfth.
    assert re.search(r'<div class="ln">12</div><p class="para">Fact box: the council will repair <mark', word)


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
BROWSER_FORMATS = ("korea-troops.txt", "bank-profit.md", "cms-hospital.html", "gdocs-export-rail.html",
                   "word-export-flood.htm", "school-repairs.docx")

# Appended to a copy of each report (the report itself is untouched): what the browser rendered, read
# through the DOM, written into the page for --dump-dom to carry out.
PROBE = """<script>
(function(){
  var article=document.querySelector('div.article');
  var marks=Array.prototype.map.call(article.querySelectorAll('mark.q'),function(m){
    var r=m.getBoundingClientRect();
    return {text:m.textContent,bg:getComputedStyle(m).backgroundColor,w:r.width,h:r.height};});
  var badges=article.querySelectorAll('sup.badge');
  Array.prototype.forEach.call(badges,function(b){b.style.display='none';});
  var paras=Array.prototype.map.call(article.querySelectorAll('.para'),function(p){return p.innerText;});
  Array.prototype.forEach.call(badges,function(b){b.style.display='';});
  var details=document.querySelector('details.source');
  var out={text:article.innerText,paras:paras,marks:marks,
           source:details?{open:details.open,shown:details.querySelector('div.article').checkVisibility()}:null};
  if(details){details.open=true;out.source.shown_when_opened=details.querySelector('div.article').checkVisibility();}
  var pre=document.createElement('pre');pre.id='numlint-probe';pre.textContent=JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>"""


def _chromium(*args: str, timeout: int = 90) -> subprocess.CompletedProcess:
    profile = tempfile.mkdtemp()
    try:
        return subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", *args],
            check=False, capture_output=True, text=True, timeout=timeout,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def _artifacts(tmp_path: Path) -> Path:
    """Where screenshots are kept: $NUMLINT_ARTIFACTS (CI sets .ci/artifacts), else the test's tmp."""
    where = Path(os.environ.get("NUMLINT_ARTIFACTS") or tmp_path)
    where.mkdir(parents=True, exist_ok=True)
    return where


def _need_chromium() -> None:
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} missing in CI: .ci/run installs Debian's chromium")
        pytest.skip("headless Chromium not installed (.ci/run installs it)")


@pytest.mark.parametrize("name", BROWSER_FORMATS)
def test_report_renders_in_headless_chromium(name, tmp_path):
    _need_chromium()
    result = _result(name)
    page = html.render([result])
    artifacts = _artifacts(tmp_path)
    report = artifacts / f"report-{name}.html"
    report.write_text(page, encoding="utf-8")
    probed = tmp_path / "probed.html"
    probed.write_text(page.replace("</body>", PROBE + "</body>"), encoding="utf-8")

    dom = _chromium("--dump-dom", probed.as_uri()).stdout
    found = re.search(r'<pre id="numlint-probe">(.*?)</pre>', dom, re.DOTALL)
    assert found, dom[-2000:]
    seen = json.loads(html_module.unescape(found.group(1)))
    # The text a reader of the report sees is the article as read, paragraph by paragraph, no markup
    # (a directive's remains are in the page but not displayed).
    assert "<" not in seen["text"] and "&" + "pound;" not in seen["text"]
    assert [" ".join(p.split()) for p in seen["paras"]] == article_text(page)
    # Every quantity is highlighted, as read, in a colour of its own and with a visible box.
    from numlint.linter import as_read

    as_written = as_read(result.prose, sorted(result.quantities, key=lambda q: q.start))
    assert [m["text"] for m in seen["marks"]] == [q.text for q in as_written]
    for mark in seen["marks"]:
        assert mark["bg"] not in ("rgba(0, 0, 0, 0)", "transparent") and mark["w"] > 0 and mark["h"] > 0, mark
    # The source view is there only where it helps, and closed until asked for.
    if name.endswith((".txt", ".docx")):
        assert seen["source"] is None
    else:
        assert seen["source"] == {"open": False, "shown": False, "shown_when_opened": True}

    shot = artifacts / f"report-{name}.png"
    _chromium(f"--screenshot={shot}", "--window-size=1400,1000", report.as_uri())
    assert shot.exists() and shot.stat().st_size > 10_000
    width, height, distinct = _png_pixels_vary(shot.read_bytes())
    assert (width, height) == (1400, 1000)
    assert distinct > 50  # a blank page compresses to a handful of byte values


def test_real_fixture_every_extracted_quantity_is_marked():
    from numlint.document import Document
    from numlint.linter import lint

    path = Path(__file__).resolve().parent.parent / "fixtures" / "korea-troops.txt"
    text = path.read_text(encoding="utf-8")
    try:
        result = lint(Document("fixtures/korea-troops.txt", text, "text"))
    except Exception as exc:  # pragma: no cover - extraction landing
        pytest.skip(f"pipeline not ready: {exc}")
    if not result.quantities:
        pytest.skip("no quantities extracted yet")
    page = html.render([result])
    marked = re.findall(r"<mark [^>]*>([^<]*)</mark>", page)
    assert marked == [q.text for q in sorted(result.quantities, key=lambda q: q.start)]
    for n, f in enumerate(result.findings, start=1):
        assert f'id="f0-n{n}"' in page and html._e(f.message) in page
