"""Markdown -> prose: markdown-it-py's block and inline tokens, aligned back to the file's lines.

markdown-it gives the block structure (tokens with line ranges) and the inline tokens. It does not give
inline offsets, so the inline parser runs on a state subclass that records, for each text token, where
in the block's inline source it started (``_TrackingStateInline``); the inline source of a block is
then aligned back to the file's lines (``_align``). HTML blocks inside Markdown go to the HTML reader.
"""

from __future__ import annotations

import bisect
import re

from markdown_it import MarkdownIt
from markdown_it.rules_inline.state_inline import StateInline

from numlint.lang.lines import LineIndex
from numlint.markup.html import _html_to_builder
from numlint.markup.prose import Prose, ProseWriter

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
_DEEP_QUOTE = re.compile(r"(?m)^((?:[ \t]{0,3}>){" + str(_MAX_QUOTE_DEPTH) + r"})(?:[ \t]{0,3}>)+")
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
            self.o_starts = LineIndex(original).starts

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

    def original(self, p: int) -> int:
        """The original offset of content position p."""
        return self.lines.to_orig(self.point(p))

    def verbatim(self, b: ProseWriter, p: int, count: int) -> None:
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

    def soft_break(self, b: ProseWriter, p: int) -> None:
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

    def _newline(self, b: ProseWriter, x: int) -> None:
        if x >= len(self.normalized):
            o = len(self.lines.original)
            b.decoded("\n", o, o)
        else:
            b.verbatim(self.lines.to_orig(x), 1)

    def decoded(self, b: ProseWriter, chars: str, start: int, end: int) -> None:
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
    starts = LineIndex(normalized).starts
    lines = _LineMap(text, normalized, starts)
    b = ProseWriter(text)

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
        elif t == "table_open":
            b.table_start()
            b.sep("\n\n")
        elif t == "tr_open" and tok.map:
            line = tok.map[0]
            if line < len(starts):
                row_cursor = starts[line]
                row_end = starts[line + 1] - 1 if line + 1 < len(starts) else len(normalized)
            cell_index = 0
            b.sep("\n\n")
            b.row_start()
        elif t in ("th_open", "td_open"):
            heading_kind = "cell"
            b.cell_start()
        elif t in ("th_close", "td_close"):
            heading_kind = ""
            b.cell_end()
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


def _plain_inline_to_builder(content: str, b: ProseWriter, bmap: _BlockMap) -> None:
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


def _inline_to_builder(children, content: str, b: ProseWriter, bmap: _BlockMap) -> None:
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
        elif t == "html_inline" and child.content.startswith("<!--") and child.content.endswith("-->"):
            p = child.meta.get("pos", cursor) if child.meta else cursor
            if content.startswith(child.content, p):  # an inline comment: suppression directives count
                b.comments.append((bmap.original(p), bmap.original(p + len(child.content) - 1) + 1))
        elif t in ("softbreak", "hardbreak"):
            p = child.meta.get("pos", cursor) if child.meta else cursor
            nl = content.find("\n", p)
            if nl >= 0:
                if t == "softbreak":
                    bmap.soft_break(b, nl)
                else:
                    bmap.verbatim(b, nl, 1)
                cursor = nl + 1
