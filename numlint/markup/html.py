"""HTML -> prose: a small linear-time tokenizer of our own, writing the visible text through ``ProseWriter``.

The stdlib ``HTMLParser`` was the first choice, but on Python 3.11 it is super-linear on unterminated
tags (15 kB of ``<a `` took 7.7 s, 140 kB of ``<a b='x`` 226 s) and stops tokenizing after a malformed
``&#``, which is not acceptable for a linter that must never hang on a file.
"""

from __future__ import annotations

import html
import re
from html.entities import html5 as _HTML5_ENTITIES

from numlint.markup.prose import IdentityMap, Prose, ProseWriter

_SKIP_ELEMENTS = frozenset(
    "script style pre code template noscript textarea svg math iframe object xmp plaintext".split()
)
# Their content is not markup: no tags (and for RAWTEXT no entities) until the matching end tag.
_RAWTEXT_ELEMENTS = frozenset("script style xmp iframe noembed noframes noscript plaintext".split())
_RCDATA_ELEMENTS = frozenset(("textarea", "title"))
_VOID_ELEMENTS = frozenset(
    "area base br col embed hr img input link meta param source track wbr keygen".split()
)
_BLOCK_ELEMENTS = frozenset(
    """address article aside blockquote body caption center dd details dialog dir div dl dt fieldset
    figcaption figure footer form frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html legend li
    main menu nav ol optgroup option p section summary table tbody tfoot thead tr ul br title
    select label""".split()
)
_CELL_ELEMENTS = frozenset(("td", "th"))
_HEADING_ELEMENTS = frozenset(("h1", "title"))
_H_ELEMENTS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))

_INTERESTING = re.compile(r"[<&]")
_TAG_NAME = re.compile(r"[^\s/>]*")
_TAG_REST = re.compile(r"[^>\"'=]*")
_SPACES = re.compile(r"\s*")
_CHARREF = re.compile(r"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?")
_NAMEREF = re.compile(r"&([a-zA-Z][a-zA-Z0-9]{0,40})(;?)")
_WHITESPACE_RUN = re.compile(r"[ \t\r\n\f]{2,}")
_RAW_END_CACHE: dict[str, re.Pattern[str]] = {}
_LONGEST_LEGACY = max(len(k) for k in _HTML5_ENTITIES if not k.endswith(";"))


def _raw_end(tag: str) -> re.Pattern[str]:
    pattern = _RAW_END_CACHE.get(tag)
    if pattern is None:
        pattern = _RAW_END_CACHE[tag] = re.compile(r"</" + re.escape(tag) + r"(?=[\s/>]|$)", re.I)
    return pattern


def _entity_at(s: str, i: int, end: int) -> tuple[int, str] | None:
    """The end and decoded text of the character reference at s[i] == '&', or None if it is not one.
    Follows the HTML5 rules: numeric references with or without ';', named ones with ';', and the
    legacy names (``&amp``, ``&pound``, ``&nbsp``...) without it, longest prefix first."""
    if s.startswith("&#", i):
        m = _CHARREF.match(s, i, end)
        if not m:
            return None
        return m.end(), html.unescape(m.group(0) if m.group(0).endswith(";") else m.group(0) + ";")
    m = _NAMEREF.match(s, i, end)
    if not m:
        return None
    name = m.group(1)
    if m.group(2) and name + ";" in _HTML5_ENTITIES:
        return m.end(), _HTML5_ENTITIES[name + ";"]
    for k in range(min(len(name), _LONGEST_LEGACY), 1, -1):
        candidate = _HTML5_ENTITIES.get(name[:k])
        if candidate is not None:
            return i + 1 + k, candidate
    return None


def _html_to_builder(s: str, b: ProseWriter, tr, start: int = 0, end: int | None = None) -> None:
    """Tokenize s[start:end] as HTML and write its visible text to b (positions through tr).

    One pass, no recursion: an explicit element stack (with per-name counts so an end tag is matched
    in O(1)) decides what is skipped and where headings end."""
    n = len(s) if end is None else end
    stack: list[str] = []
    counts: dict[str, int] = {}
    skip = 0
    heading_starts: list[int] = []

    def push(tag: str) -> None:
        nonlocal skip
        stack.append(tag)
        counts[tag] = counts.get(tag, 0) + 1
        if tag in _SKIP_ELEMENTS:
            skip += 1
        if tag in _HEADING_ELEMENTS:
            heading_starts.append(b.length)

    def pop() -> str:
        nonlocal skip
        tag = stack.pop()
        counts[tag] -= 1
        if tag in _SKIP_ELEMENTS:
            skip -= 1
        if tag in _HEADING_ELEMENTS and heading_starts:
            b.headings.append((heading_starts.pop(), b.length))
        if tag in _BLOCK_ELEMENTS:
            b.sep("\n\n")
        elif tag in _CELL_ELEMENTS:
            b.sep("\n")
        return tag

    held: list[tuple[int, int] | None] = [None]  # trailing white space, written only if text follows

    def flush_held() -> None:
        h = held[0]
        held[0] = None
        if h is None or b.at_block_start():
            return
        a, z = h
        run = s[a:z]
        if z - a >= 2 and ("\n" in run or "\r" in run):
            tr.decoded(b, " ", a, z)
        else:
            tr.verbatim(b, a, z - a)

    def data(i: int, j: int) -> None:
        if skip or i >= j:
            return
        k = j
        while k > i and s[k - 1] in " \t\r\n\f":
            k -= 1
        if k == i:  # only white space, between two tags: one held run is enough
            if held[0] is None:
                held[0] = (i, j)
            return
        flush_held()
        if k > i:
            # A run of white space holding a line break reads as one space: a blank line inside a
            # <p> must not look like a block boundary.
            for m in _WHITESPACE_RUN.finditer(s, i, k):
                a, z = m.span()
                if "\n" not in m.group() and "\r" not in m.group():
                    continue
                _text(i, a)
                if not b.at_block_start():
                    tr.decoded(b, " ", a, z)
                i = z
            _text(i, k)
        if k < j:
            held[0] = (k, j)

    def _text(i: int, j: int) -> None:
        if b.at_block_start():
            while i < j and s[i].isspace():
                i += 1
        if i < j:
            tr.verbatim(b, i, j - i)

    i = start
    while i < n:
        m = _INTERESTING.search(s, i, n)
        j = m.start() if m else n
        data(i, j)
        if j >= n:
            break
        i = j
        if s[i] == "&":
            ref = _entity_at(s, i, n)
            if ref is None:
                data(i, i + 1)
                i += 1
            else:
                k, chars = ref
                if not skip:
                    flush_held()
                    if chars.isspace() and b.at_block_start():
                        pass
                    else:
                        tr.decoded(b, chars, i, k)
                i = k
            continue
        # s[i] == '<'
        nxt = s[i + 1] if i + 1 < n else ""
        if s.startswith("<!--", i):
            k = s.find("-->", i + 4, n)
            if s.startswith(">", i + 4):  # <!--> is an (empty) comment
                i += 5
            elif s.startswith("->", i + 4):
                i += 6
            else:
                if k >= 0:  # a closed comment: where suppression directives count
                    b.comments.append((tr.original(i), tr.original(k + 2) + 1))
                i = n if k < 0 else k + 3
            continue
        if nxt == "!" or nxt == "?":  # doctype, CDATA, processing instruction: a bogus comment
            k = s.find(">", i + 2, n)
            i = n if k < 0 else k + 1
            continue
        closing = nxt == "/"
        name_start = i + 2 if closing else i + 1
        if name_start >= n or not s[name_start].isascii() or not s[name_start].isalpha():
            if closing:  # '</>' is dropped, '</ x>' is a bogus comment
                k = s.find(">", i + 2, n)
                i = n if k < 0 else k + 1
            else:
                data(i, i + 1)
                i += 1
            continue
        name_end = _TAG_NAME.match(s, name_start, n).end()
        tag = s[name_start:name_end].lower()
        # The rest of the tag: attributes, with quoted values that may contain '>'.
        k = name_end
        tag_end = n
        found_gt = False
        while k < n:
            k = _TAG_REST.match(s, k, n).end()
            if k >= n:
                break
            c = s[k]
            if c == ">":
                tag_end = k + 1
                found_gt = True
                break
            if c == "=":
                k = _SPACES.match(s, k + 1, n).end()
                if k < n and s[k] in "\"'":
                    close = s.find(s[k], k + 1, n)
                    if close < 0:
                        k = n
                        break
                    k = close + 1
                continue
            k += 1  # a quote that does not start a value is part of a name
        self_closing = found_gt and tag_end - 2 >= name_end and s[tag_end - 2] == "/"
        i = tag_end
        if closing:
            if counts.get(tag):
                while stack and pop() != tag:
                    pass
            elif tag in _BLOCK_ELEMENTS:  # a stray </p> still ends a paragraph
                b.sep("\n\n")
            elif tag in _CELL_ELEMENTS:
                b.sep("\n")
            continue
        if tag in _BLOCK_ELEMENTS:
            b.sep("\n\n")
        elif tag in _CELL_ELEMENTS:
            b.sep("\n")
        if tag in _H_ELEMENTS and stack and stack[-1] in _H_ELEMENTS:
            pop()  # <h1>a<h2>b: a heading cannot hold another heading
        if tag in _VOID_ELEMENTS or self_closing:
            continue
        push(tag)
        if tag in _RAWTEXT_ELEMENTS or tag in _RCDATA_ELEMENTS:
            m = _raw_end(tag).search(s, i, n)
            k = n if m is None else m.start()
            if tag in _RCDATA_ELEMENTS and not skip:  # <title>: text and entities, no tags
                while i < k:
                    amp = s.find("&", i, k)
                    j = k if amp < 0 else amp
                    data(i, j)
                    if j >= k:
                        break
                    ref = _entity_at(s, j, k)
                    if ref is None:
                        data(j, j + 1)
                        i = j + 1
                    else:
                        flush_held()
                        tr.decoded(b, ref[1], j, ref[0])
                        i = ref[0]
            i = k
    while stack:
        pop()
    while heading_starts:
        b.headings.append((heading_starts.pop(), b.length))


def html_prose(text: str) -> Prose:
    b = ProseWriter(text)
    _html_to_builder(text, b, IdentityMap())
    return b.prose()
