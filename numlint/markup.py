"""Plain text, Markdown and HTML -> the prose a reader sees, with a map back to the original file.

Extraction runs on ``Prose.text``; every span it finds is mapped back with ``Prose.to_original`` so
that positions always point into the file the user opened (``**10,000**`` or ``&nbsp;`` included).

How the map is built:

* Every prose character is either *verbatim* (``origin_end - origin == 1`` and the original character
  is the prose character), *decoded* (an entity, an escape or a collapsed run of HTML whitespace:
  ``origin_end - origin > 1``, every decoded character maps to the whole construct), or *inserted*
  (a block separator: ``origin == origin_end``, at the block boundary).
* Markdown: markdown-it-py gives the block structure (tokens with line ranges) and the inline tokens.
  It does not give inline offsets, so the inline parser runs on a state subclass that records, for
  each text token, where in the block's inline source it started (``_TrackingStateInline``); the
  inline source of a block is then aligned back to the file's lines (``_align``).
* HTML: a small linear-time tokenizer of our own (``_html_to_builder``). The stdlib ``HTMLParser``
  was the first choice, but on Python 3.11 it is super-linear on unterminated tags (15 kB of ``<a ``
  took 7.7 s, 140 kB of ``<a b='x`` 226 s) and stops tokenizing after a malformed ``&#``, which is
  not acceptable for a linter that must never hang on a file.
"""

from __future__ import annotations

import bisect
import html
import re
from array import array
from dataclasses import dataclass, field
from html.entities import html5 as _HTML5_ENTITIES

from markdown_it import MarkdownIt
from markdown_it.rules_inline.state_inline import StateInline


@dataclass
class Prose:
    """The visible text of a document and, for each of its characters, where it came from.

    ``origin[i]`` is the original offset of prose character i and ``origin_end[i]`` the original
    offset just after it (they differ for a decoded entity such as ``&amp;``). Both are None for plain
    text, where prose and original are the same string. Characters the converter inserts (the blank
    line between two blocks) map to the position of the block boundary. ``headings`` are prose spans
    of the headline/standfirst (plain text: the first line; Markdown/HTML: h1 headings and ``<title>``).
    """

    text: str
    origin: list[int] | array | None = None
    origin_end: list[int] | array | None = None
    headings: list[tuple[int, int]] = field(default_factory=list)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a prose span [start, end) to the original file's span."""
        if self.origin is None or self.origin_end is None:
            return start, end
        if end <= start:
            o = self.origin[start] if start < len(self.origin) else (self.origin_end[-1] if self.origin_end else 0)
            return o, o
        return self.origin[start], self.origin_end[end - 1]

    def to_prose(self, offset: int) -> int:
        """The prose offset of the first prose character at or after an original offset."""
        if self.origin is None:
            return offset
        return bisect.bisect_left(self.origin, offset)


def plain_prose(text: str) -> Prose:
    first_line_end = text.find("\n")
    first_line_end = len(text) if first_line_end < 0 else first_line_end
    headline = (0, len(text[:first_line_end].rstrip("\r")))
    return Prose(text=text, headings=[headline] if headline[1] > 0 else [])


def to_prose(text: str, fmt: str) -> Prose:
    """The prose of a document in format 'text', 'markdown' or 'html'. Never raises on any text."""
    try:
        if fmt == "markdown":
            return markdown_prose(text)
        if fmt == "html":
            return html_prose(text)
    except Exception:  # noqa: BLE001 - a converter bug must not stop the lint; plain text is a safe view
        pass
    return plain_prose(text)


# --------------------------------------------------------------------------------------------------
# The prose builder: text pieces plus two parallel arrays of original offsets.


class _Builder:
    """Accumulates prose and its map. Separators are requested, then written lazily before the next
    visible character, so empty blocks never produce double blank lines."""

    def __init__(self, original: str) -> None:
        self.original = original
        self.parts: list[str] = []
        self.origin = array("q")
        self.origin_end = array("q")
        self.length = 0
        self.pending_sep = ""
        self.last_end = 0  # original offset just after the last written character
        self.last_origin = 0
        self.headings: list[tuple[int, int]] = []

    def sep(self, separator: str = "\n\n") -> None:
        if len(separator) > len(self.pending_sep):
            self.pending_sep = separator

    def at_block_start(self) -> bool:
        return self.length == 0 or bool(self.pending_sep)

    def _flush_sep(self, next_origin: int) -> None:
        sep = self.pending_sep
        self.pending_sep = ""
        if self.length == 0 or not sep:
            return
        o = min(self.last_end, next_origin)
        o = max(o, self.last_origin)
        self.parts.append(sep)
        self.origin.extend([o] * len(sep))
        self.origin_end.extend([o] * len(sep))
        self.length += len(sep)
        self.last_origin = o

    def verbatim(self, start: int, count: int) -> None:
        """Write original[start:start+count] as is."""
        if count <= 0:
            return
        if start < self.last_origin:  # never let the map run backwards (defensive; should not happen)
            return
        self._flush_sep(start)
        self.parts.append(self.original[start:start + count])
        self.origin.extend(range(start, start + count))
        self.origin_end.extend(range(start + 1, start + count + 1))
        self.length += count
        self.last_end = start + count
        self.last_origin = start + count - 1

    def decoded(self, chars: str, start: int, end: int) -> None:
        """Write chars that stand for original[start:end] (an entity, an escape, collapsed space)."""
        if not chars or start < self.last_origin:
            return
        self._flush_sep(start)
        self.parts.append(chars)
        self.origin.extend([start] * len(chars))
        self.origin_end.extend([end] * len(chars))
        self.length += len(chars)
        self.last_end = end
        self.last_origin = start

    def prose(self) -> Prose:
        text = "".join(self.parts)
        headings = []
        for start, end in self.headings:
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                headings.append((start, end))
        return Prose(text=text, origin=self.origin, origin_end=self.origin_end, headings=headings)


class _IdentityMap:
    """Positions in the converter's source are positions in the original file."""

    def verbatim(self, b: _Builder, start: int, count: int) -> None:
        b.verbatim(start, count)

    def decoded(self, b: _Builder, chars: str, start: int, end: int) -> None:
        b.decoded(chars, start, end)


# --------------------------------------------------------------------------------------------------
# HTML


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


def _html_to_builder(s: str, b: _Builder, tr, start: int = 0, end: int | None = None) -> None:
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
    b = _Builder(text)
    _html_to_builder(text, b, _IdentityMap())
    return b.prose()


# --------------------------------------------------------------------------------------------------
# Markdown


_BASE_PENDING = StateInline.__dict__.get("pending")
if not isinstance(_BASE_PENDING, property):
    _BASE_PENDING = None


class _TrackingStateInline(StateInline):
    """markdown-it's inline state, recording in ``token.meta['pos']`` where each token starts in the
    inline source. Text is flushed from ``pending`` in one piece, so the position of its first
    character is noted when pending goes from empty to non-empty; emphasis and strikethrough push one
    text token per delimiter run piece at the same ``state.pos``, so those are offset by the
    lengths of the pieces already pushed there."""

    def __init__(self, src, md, env, outTokens) -> None:  # noqa: N803 - markdown-it's name
        self._pending_start = 0
        super().__init__(src, md, env, outTokens)
        self._last_push: tuple[int, object] | None = None

    # Text reaches `pending` through append_pending (markdown-it-py >= 4.1) or through the `pending`
    # attribute itself (older versions, and the trimming before a line break in all): both are hooked.
    @property
    def pending(self) -> str:
        if _BASE_PENDING is not None:
            return _BASE_PENDING.fget(self)
        return self.__dict__.get("_tracked_pending", "")

    @pending.setter
    def pending(self, value: str) -> None:
        if value and not self.pending:
            self._pending_start = self.pos
        if _BASE_PENDING is not None:
            _BASE_PENDING.fset(self, value)
        else:
            self.__dict__["_tracked_pending"] = value

    def append_pending(self, text: str) -> None:
        if not self._pending and not self._pending_buffer:
            self._pending_start = self.pos
        super().append_pending(text)

    def pushPending(self):  # noqa: N802 - markdown-it's name
        token = super().pushPending()
        token.meta = {"pos": self._pending_start}
        return token

    def push(self, ttype, tag, nesting):
        token = super().push(ttype, tag, nesting)
        pos = self.pos
        last = self._last_push
        if last is not None and last[0] == pos and ttype == "text":
            prev = last[1]
            token.meta = {"pos": prev.meta["pos"] + len(prev.content)}
        else:
            token.meta = {"pos": pos}
        self._last_push = (pos, token) if ttype == "text" else None
        return token


def _tracking_parse(md: MarkdownIt):
    def parse(src, md_, env, tokens):
        state = _TrackingStateInline(src, md_, env, tokens)
        md.inline.tokenize(state)
        for rule in md.inline.ruler2.getRules(""):
            rule(state)
        return state.tokens

    return parse


def _make_markdown() -> MarkdownIt:
    # commonmark + GFM tables and strikethrough; no typographer, no linkify (both would rewrite text).
    # maxNesting bounds markdown-it's recursion (blockquotes, lists): deeper content is dropped rather
    # than overflowing the stack.
    md = MarkdownIt("commonmark", {"maxNesting": 40})
    md.enable(["table", "strikethrough"])
    # Keep text, entity and escape tokens separate: each has its own source position.
    md.disable(["text_join", "fragments_join"])
    # Inline parsing is run by markdown_prose itself, only for blocks that hold inline markup
    # (markdown-it-py's inline pass costs several times its block pass).
    md.disable("inline")
    md.inline.parse = _tracking_parse(md)
    return md


_MD: MarkdownIt | None = None
# Blockquote markers beyond this depth are dropped before parsing: past its maxNesting markdown-it
# silently discards a container's content, and 3,000 nested '>' must still show their text.
_MAX_QUOTE_DEPTH = 25
_DEEP_QUOTE = re.compile(r"(?m)^((?:[ \t]{0,3}>){%d})(?:[ \t]{0,3}>)+" % _MAX_QUOTE_DEPTH)
_LINE_BREAK = re.compile(r"\r\n?|\n")
_FRONT_MATTER = {"---": ("---", "..."), "+++": ("+++",)}


class _LineMap:
    """Offsets in the normalized text (CRLF and lone CR as LF, NUL as U+FFFD, as markdown-it sees
    it) -> offsets in the original. Only line ends change, so a line maps by its start."""

    def __init__(self, original: str, normalized: str, n_starts: list[int]) -> None:
        self.original = original
        self.identity = "\r" not in original
        self.n_starts = n_starts
        if not self.identity:
            o_starts = [0]
            o_starts.extend(m.end() for m in _LINE_BREAK.finditer(original))
            self.o_starts = o_starts

    def to_orig(self, x: int) -> int:
        if self.identity:
            return x
        line = bisect.bisect_right(self.n_starts, x) - 1
        o = self.o_starts[line] + (x - self.n_starts[line])
        if self.original.startswith("\r\n", o):  # the LF of a CRLF is the verbatim twin of our LF
            o += 1
        return o


class _BlockMap:
    """Inline source of one block -> original offsets. ``segs`` are (content start, content end,
    normalized start, per-character map or None): None when the content line is a contiguous copy of
    the source line at that position; a map (normalized offsets, -1 for "not in the source") else."""

    def __init__(self, content: str, normalized: str, segs, lines: _LineMap) -> None:
        self.content = content
        self.normalized = normalized
        self.segs = segs
        self.starts = [seg[0] for seg in segs]
        self.lines = lines

    def _seg(self, p: int):
        return self.segs[max(0, bisect.bisect_right(self.starts, p) - 1)]

    def point(self, p: int) -> int:
        """Normalized offset of content position p (or the nearest mapped one)."""
        c0, c1, n0, cmap = self._seg(p)
        if cmap is None:
            return n0 + min(p, c1) - c0
        k = min(p - c0, len(cmap) - 1)
        while k > 0 and cmap[k] < 0:
            k -= 1
        return cmap[k] if k >= 0 and cmap[k] >= 0 else n0

    def verbatim(self, b: _Builder, p: int, count: int) -> None:
        content, normalized, to_orig = self.content, self.normalized, self.lines.to_orig
        end = p + count
        while p < end:
            c0, c1, n0, cmap = self._seg(p)
            if p >= c1:  # the '\n' joining two content lines: the source line end
                if content[p] == "\n":
                    x = self._line_end(p - 1 if p > c0 else p)
                    self._newline(b, x)
                p += 1
                continue
            stop = min(end, c1)
            if cmap is None:
                x = n0 + p - c0
                if normalized.startswith(content[p:stop], x):
                    b.verbatim(to_orig(x), stop - p)
                else:  # should not happen; keep the text, anchored to the nearest position
                    b.decoded(content[p:stop], to_orig(x), to_orig(x))
            else:
                for q in range(p, stop):
                    x = cmap[q - c0]
                    ch = content[q]
                    if x >= 0 and normalized[x] == ch:
                        if ch == "\n":
                            self._newline(b, x)
                        else:
                            b.verbatim(to_orig(x), 1)
                    else:
                        o = to_orig(self.point(q))
                        b.decoded(ch, o, o)
            p = stop

    def soft_break(self, b: _Builder, p: int) -> None:
        """The newline at content position p, a soft line break inside a paragraph, written as a
        space that stands for the source line's end: a paragraph wrapped at 72 columns is one
        paragraph to its reader, and a newline would end the sentence for the facts stage."""
        c0 = self._seg(p)[0]
        x = self._line_end(p - 1 if p > c0 else p)
        # an inserted character (width 0 at the line end), not a copy of the newline
        o = len(self.lines.original) if x >= len(self.normalized) else self.lines.to_orig(x)
        b.decoded(" ", o, o)

    def _line_end(self, p: int) -> int:
        x = self.point(p)
        k = self.normalized.find("\n", x)
        return len(self.normalized) if k < 0 else k

    def _newline(self, b: _Builder, x: int) -> None:
        if x >= len(self.normalized):
            o = len(self.lines.original)
            b.decoded("\n", o, o)
        else:
            b.verbatim(self.lines.to_orig(x), 1)

    def decoded(self, b: _Builder, chars: str, start: int, end: int) -> None:
        # Map first and last character: a collapsed run of HTML white space may span lines (and the
        # container markers between them).
        o = self.lines.to_orig(self.point(start))
        o_end = self.lines.to_orig(self.point(end - 1)) + 1 if end > start else o
        b.decoded(chars, o, max(o, o_end))


def _greedy(content: str, src: str, s0: int, s1: int) -> list[int]:
    """Map content into src[s0:s1] by matching from the end backwards (content is a suffix of the
    source lines up to dropped characters: container markers, escaping backslashes; a space may
    stand for a tab). Linear: each step moves one index."""
    cmap = [-1] * len(content)
    i = len(content) - 1
    j = s1 - 1
    while i >= 0 and j >= s0:
        a = content[i]
        c = src[j]
        if a == c:
            cmap[i] = j
            i -= 1
            j -= 1
        elif a == " " and c == "\t":
            i -= 1  # a tab expanded into spaces: the spaces are not verbatim
        else:
            j -= 1
    return cmap


def _align(content: str, normalized: str, starts: list[int], first: int, last: int, kind: str = ""):
    """Segments (see _BlockMap) aligning a block's inline source with source lines [first, last)."""
    n_lines = len(starts)
    last = min(last, n_lines)

    def line_bounds(line: int) -> tuple[int, int]:
        s0 = starts[line]
        s1 = starts[line + 1] - 1 if line + 1 < n_lines else len(normalized)
        return s0, s1

    c_lines = content.split("\n")
    if len(c_lines) == last - first + 1 and c_lines[-1] == "":
        c_lines.pop()
    segs = []
    if len(c_lines) == last - first and last > first:
        c = 0
        for idx, line_text in enumerate(c_lines):
            s0, s1 = line_bounds(first + idx)
            k = -1
            if kind == "atx":
                h = normalized.find("#", s0, s1)
                if h >= 0:
                    while h < s1 and normalized[h] == "#":
                        h += 1
                    k = normalized.find(line_text, h, s1)
            elif normalized.endswith(line_text, s0, s1):
                k = s1 - len(line_text)
            else:
                k = normalized.rfind(line_text, s0, s1)
            if k >= 0:
                segs.append((c, c + len(line_text), k, None))
            else:
                segs.append((c, c + len(line_text), s0, _greedy(line_text, normalized, s0, s1)))
            c += len(line_text) + 1
        return segs
    if last <= first:
        return [(0, len(content), 0, [-1] * len(content))]
    s0 = line_bounds(first)[0]
    s1 = line_bounds(last - 1)[1]
    return [(0, len(content), s0, _greedy(content, normalized, s0, s1))]


def _cell_align(content: str, normalized: str, cursor: int, line_end: int):
    k = normalized.find(content, cursor, line_end) if content else cursor
    if k >= 0:
        return [(0, len(content), k, None)], k + len(content)
    cmap = [-1] * len(content)
    j = cursor
    for i, ch in enumerate(content):  # forward greedy: escaped pipes drop a backslash
        while j < line_end and normalized[j] != ch:
            j += 1
        if j >= line_end:
            break
        cmap[i] = j
        j += 1
    return [(0, len(content), cursor, cmap)], j


def _front_matter_lines(normalized: str, starts: list[int]) -> int:
    """The number of lines of YAML (---) or TOML (+++) front matter at the top, or 0."""
    first = normalized[: starts[1] - 1] if len(starts) > 1 else normalized
    closers = _FRONT_MATTER.get(first.rstrip())
    if closers is None:
        return 0
    for line in range(1, len(starts)):
        s0 = starts[line]
        s1 = starts[line + 1] - 1 if line + 1 < len(starts) else len(normalized)
        if normalized[s0:s1].rstrip() in closers:
            return line + 1
    return 0


def markdown_prose(text: str) -> Prose:
    global _MD
    if _MD is None:
        _MD = _make_markdown()
    md = _MD
    normalized = text
    if "\r" in normalized:
        normalized = _LINE_BREAK.sub("\n", normalized)
    if "\0" in normalized:
        normalized = normalized.replace("\0", "\ufffd")
    starts = [0]
    starts.extend(m.end() for m in re.finditer("\n", normalized))
    lines = _LineMap(text, normalized, starts)
    b = _Builder(text)

    skipped = _front_matter_lines(normalized, starts)
    feed = normalized
    if skipped:
        cut = starts[skipped] if skipped < len(starts) else len(normalized)
        feed = "\n" * skipped + normalized[cut:]
    if ">" * 8 in feed or "> " * 8 in feed:
        # Alignment is by search within each source line, so shortening a line here is safe.
        feed = _DEEP_QUOTE.sub(r"\1", feed)
    env: dict = {}
    tokens = md.parse(feed, env)

    heading_tag = ""
    heading_kind = ""
    row_cursor = 0
    row_end = 0
    cell_index = 0
    for tok in tokens:
        t = tok.type
        if t == "inline":
            if tok.map is None:
                continue
            first, last = tok.map
            if heading_kind == "cell":
                b.sep("\n" if cell_index else "\n\n")
                segs, row_cursor = _cell_align(tok.content, normalized, row_cursor, row_end)
                cell_index += 1
            else:
                b.sep("\n\n")
                segs = _align(tok.content, normalized, starts, first, last, heading_kind)
            bmap = _BlockMap(tok.content, normalized, segs, lines)
            start_len = b.length
            if _INLINE_MARKUP.search(tok.content):
                children = md.inline.parse(tok.content, md, env, [])
                _inline_to_builder(children, tok.content, b, bmap)
            else:
                _plain_inline_to_builder(tok.content, b, bmap)
            if heading_tag == "h1":
                b.headings.append((start_len, b.length))
        elif t == "heading_open":
            heading_tag = tok.tag
            heading_kind = "atx" if tok.markup.startswith("#") else "setext"
        elif t == "heading_close":
            heading_tag = heading_kind = ""
        elif t == "tr_open" and tok.map:
            line = tok.map[0]
            if line < len(starts):
                row_cursor = starts[line]
                row_end = starts[line + 1] - 1 if line + 1 < len(starts) else len(normalized)
            cell_index = 0
            b.sep("\n\n")
        elif t in ("th_open", "td_open"):
            heading_kind = "cell"
        elif t in ("th_close", "td_close"):
            heading_kind = ""
        elif t == "html_block" and tok.map:
            b.sep("\n\n")
            segs = _align(tok.content, normalized, starts, tok.map[0], tok.map[1])
            _html_to_builder(tok.content, b, _BlockMap(tok.content, normalized, segs, lines))
            b.sep("\n\n")
        elif tok.nesting != 0 or t in ("hr", "fence", "code_block"):
            b.sep("\n\n")
    return b.prose()


# What can start an inline construct other than plain text and line breaks: escapes, code, emphasis,
# links, images, strikethrough, HTML and autolinks, character references. A block with none of these
# ("5 < 6", "R&D", "15%") gives markdown-it's inline pass nothing to do, so it is skipped.
_INLINE_MARKUP = re.compile(r"[\\`*_\[]|~~|!\[|<[A-Za-z/!?]|&(?:#|[A-Za-z][A-Za-z0-9]*;)")


def _plain_inline_to_builder(content: str, b: _Builder, bmap: _BlockMap) -> None:
    """What markdown-it's inline pass would give for content without inline markup: the lines,
    trailing spaces before and indentation after each soft line break dropped."""
    p = 0
    n = len(content)
    while p <= n:
        nl = content.find("\n", p)
        end = n if nl < 0 else nl
        q = p
        if p > 0:
            while q < end and content[q] in " \t":
                q += 1
        e = end
        if nl >= 0:
            while e > q and content[e - 1] == " ":
                e -= 1
        bmap.verbatim(b, q, e - q)
        if nl < 0:
            break
        if end - e >= 2:
            bmap.verbatim(b, nl, 1)  # two trailing spaces: a hard line break, kept as a newline
        else:
            bmap.soft_break(b, nl)
        p = nl + 1


def _inline_to_builder(children, content: str, b: _Builder, bmap: _BlockMap) -> None:
    """Write the visible inline tokens: text, entities and escapes, line breaks; skip code spans,
    raw HTML, images (their alt text is not prose), autolinks, link destinations and titles
    (which never become tokens)."""
    in_autolink = False
    cursor = 0
    for child in children:
        t = child.type
        if t == "link_open" and child.markup == "autolink":
            in_autolink = True
        elif t == "link_close" and in_autolink:
            in_autolink = False
        elif in_autolink:
            continue
        elif t == "text":
            s = child.content
            if not s:
                continue
            p = child.meta.get("pos", cursor) if child.meta else cursor
            if not content.startswith(s, p):  # should not happen: find it from where we are
                p = content.find(s, cursor)
                if p < 0:
                    continue
            bmap.verbatim(b, p, len(s))
            cursor = p + len(s)
        elif t == "text_special":
            p = child.meta.get("pos", cursor) if child.meta else cursor
            markup = child.markup or child.content
            if not content.startswith(markup, p):
                p = content.find(markup, cursor)
                if p < 0:
                    continue
            bmap.decoded(b, child.content, p, p + len(markup))
            cursor = p + len(markup)
        elif t in ("softbreak", "hardbreak"):
            p = child.meta.get("pos", cursor) if child.meta else cursor
            nl = content.find("\n", p)
            if nl >= 0:
                if t == "softbreak":
                    bmap.soft_break(b, nl)
                else:
                    bmap.verbatim(b, nl, 1)
                cursor = nl + 1
