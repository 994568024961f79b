"""HTML -> prose: a small linear-time tokenizer of our own, writing the visible text through ``ProseWriter``.

The stdlib ``HTMLParser`` was the first choice, but on Python 3.11 it is super-linear on unterminated
tags (15 kB of ``<a `` took 7.7 s, 140 kB of ``<a b='x`` 226 s) and stops tokenizing after a malformed
``&#``, which is not acceptable for a linter that must never hang on a file.
"""

from __future__ import annotations

import html
import re
from html.entities import html5 as _HTML5_ENTITIES

from numlint.markup.chrome import is_chrome, is_comment_thread_link, is_note_marker
from numlint.markup.prose import IdentityMap, Prose, ProseWriter

# What is read of a page: "article" (the article without the page's chrome; numlint.markup.chrome)
# or "all" (every visible element).
HTML_SCOPES = ("article", "all")

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
    main menu nav ol optgroup option p section summary table tbody tfoot thead tr ul title
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
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
_SCOPE_TAG = {tag: re.compile(rf"<{tag}(?=[\s/>])", re.IGNORECASE) for tag in ("article", "main")}
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


def _attributes(s: str, start: int, end: int) -> dict[str, str]:
    """The attributes of a start tag whose name ends at ``start`` and which closes at ``end``."""
    attrs: dict[str, str] = {}
    for m in _ATTRIBUTE.finditer(s, start, end):
        value = m.group(2) if m.group(2) is not None else m.group(3) if m.group(3) is not None else m.group(4)
        attrs.setdefault(m.group(1).lower(), html.unescape(value or ""))
    return attrs


def _scope_tag(s: str, start: int, end: int) -> str | None:
    """The element that holds the article: <article> when the page has one, else <main>, else None."""
    return next((tag for tag, pattern in _SCOPE_TAG.items() if pattern.search(s, start, end)), None)


# Digits inside <sup> and <sub>, written as the raised and lowered digits a reader sees.
_RAISED = {"sup": str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"), "sub": str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")}


def _html_to_builder(s: str, b: ProseWriter, tr, start: int = 0, end: int | None = None,
                     scope: str = "all") -> None:
    """Tokenize s[start:end] as HTML and write its visible text to b (positions through tr).

    One pass, no recursion: an explicit element stack (with per-name counts so an end tag is matched
    in O(1)) decides what is skipped and where headings end. With ``scope="article"`` only the text
    inside the page's <article> (else <main>) is read, without the chrome numlint.markup.chrome names."""
    n = len(s) if end is None else end
    stack: list[str] = []
    dropped: list[bool] = []   # per stack entry: its content is not read
    counts: dict[str, int] = {}
    skip = 0
    filtering = scope == "article"
    scope_tag = _scope_tag(s, start, n) if filtering else None
    in_scope = 0
    heading_starts: list[int] = []

    def quiet() -> bool:
        return bool(skip) or (scope_tag is not None and not in_scope)

    def push(tag: str, drop: bool = False) -> None:
        nonlocal skip, in_scope
        stack.append(tag)
        drop = drop or tag in _SKIP_ELEMENTS
        dropped.append(drop)
        counts[tag] = counts.get(tag, 0) + 1
        if drop:
            skip += 1
        if tag == scope_tag:
            in_scope += 1
        if tag in _HEADING_ELEMENTS:
            heading_starts.append(b.length)

    def drop_enclosing(tag: str) -> None:
        """Stop reading the nearest open ``tag`` (a comment thread seen from inside it)."""
        nonlocal skip
        for k in range(len(stack) - 1, -1, -1):
            if stack[k] == tag:
                if not dropped[k]:
                    dropped[k] = True
                    skip += 1
                return

    def pop() -> str:
        nonlocal skip, in_scope
        tag = stack.pop()
        counts[tag] -= 1
        if dropped.pop():
            skip -= 1
        if tag == scope_tag:
            in_scope -= 1
        if tag in _HEADING_ELEMENTS and heading_starts:
            b.headings.append((heading_starts.pop(), b.length))
        if tag in _BLOCK_ELEMENTS:
            b.sep("\n\n")
        elif tag in _CELL_ELEMENTS:
            b.sep("\n")
        if tag in _CELL_ELEMENTS or tag == "table":
            b.cell_end()
        return tag

    # Trailing white space (or a <br>), written only if text follows: (start, end, read as one space).
    held: list[tuple[int, int, bool] | None] = [None]

    def flush_held() -> None:
        h = held[0]
        held[0] = None
        if h is None or b.at_block_start():
            return
        a, z, as_space = h
        run = s[a:z]
        if as_space or (z - a >= 2 and ("\n" in run or "\r" in run)):
            tr.decoded(b, " ", a, z)
        else:
            tr.verbatim(b, a, z - a)

    def data(i: int, j: int) -> None:
        if i >= j or quiet():
            return
        k = j
        while k > i and s[k - 1] in " \t\r\n\f":
            k -= 1
        if k == i:  # only white space, between two tags: one held run is enough
            if held[0] is None:
                held[0] = (i, j, False)
            return
        flush_held()
        if b.parts and b.parts[-1].endswith(" "):
            while i < k and s[i] in " \t\r\n\f":  # "<br>\n  up from": one space, not two
                i += 1
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
            held[0] = (k, j, False)

    def _text(i: int, j: int) -> None:
        if b.at_block_start():
            while i < j and s[i].isspace():
                i += 1
        if i < j:
            raised = _RAISED.get("sup" if counts.get("sup") else "sub" if counts.get("sub") else "")
            if raised and s[i:j].isdigit():
                # "£5m<sup>1</sup>" reads "£5m¹" (a footnote mark after £5m), "500m<sup>2</sup>" reads
                # "500m²", as a reader sees them; read as plain digits they ran into the figure
                tr.decoded(b, s[i:j].translate(raised), i, j)
            else:
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
                if not quiet():
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
        tag_start, i = i, tag_end
        if closing:
            if counts.get(tag):
                while stack and pop() != tag:
                    pass
            elif tag in _BLOCK_ELEMENTS:  # a stray </p> still ends a paragraph
                b.sep("\n\n")
            elif tag in _CELL_ELEMENTS:
                b.sep("\n")
            continue
        if tag == "br":
            # A line break inside a paragraph (an address, a CMS's soft return) does not end a
            # sentence: it reads as one space.
            if not quiet() and not b.at_block_start():
                held[0] = (held[0][0] if held[0] else tag_start, tag_end, True)
            continue
        if tag in _BLOCK_ELEMENTS:
            b.sep("\n\n")
        elif tag in _CELL_ELEMENTS:
            b.sep("\n")
        if not quiet():
            if tag == "table":
                b.table_start()
            elif tag == "tr":
                b.row_start()
            elif tag in _CELL_ELEMENTS:
                b.cell_start()
        if tag in _H_ELEMENTS and stack and stack[-1] in _H_ELEMENTS:
            pop()  # <h1>a<h2>b: a heading cannot hold another heading
        if tag in _VOID_ELEMENTS or self_closing:
            continue
        drop = False
        if filtering and tag_end - name_end > 1:
            attrs = _attributes(s, name_end, tag_end - 1)
            if is_comment_thread_link(tag, attrs):
                if attrs["href"].startswith("#cmnt_ref"):
                    drop_enclosing("div")   # the thread at the end of the page
                drop = True                 # the [a] marker in the text
            elif is_note_marker(tag, attrs):
                drop = True                 # a footnote's [1]; the note itself is copy
            else:
                drop = is_chrome(tag, attrs, in_article=in_scope > 0)
        elif filtering:
            drop = is_chrome(tag, {}, in_article=in_scope > 0)
        push(tag, drop)
        if tag in _RAWTEXT_ELEMENTS or tag in _RCDATA_ELEMENTS:
            m = _raw_end(tag).search(s, i, n)
            k = n if m is None else m.start()
            if tag in _RCDATA_ELEMENTS and not quiet():  # <title>: text and entities, no tags
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


def html_prose(text: str, scope: str = "article") -> Prose:
    """The prose of an HTML page: its article (``scope="article"``, numlint.markup.chrome) or every
    visible element (``scope="all"``)."""
    b = ProseWriter(text)
    _html_to_builder(text, b, IdentityMap(), scope=scope)
    return b.prose()
