"""Word files (.docx, and Google Docs' "Download as .docx") -> the document's text: one paragraph a line.

numlint's positions for a .docx are the paragraph (line) and the character in it (column) of this
text, so a finding reads "story.docx:12:40" and an editor finds the twelfth paragraph. The text is,
in reading order:

* the body: paragraphs, headings and table cells (each cell paragraph a line of its own, row by row),
  content controls included; a text box's paragraphs follow the paragraph it is anchored in;
* then the footnotes and the endnotes, in their order in the file, as Word prints them at the end.

Tracked changes read as the text after acceptance: insertions (and moves' destinations) are kept,
deletions (and moves' sources) dropped, which is the copy that will be published. Page headers and
footers, field codes and deleted text are not copy. A line break inside a paragraph (Shift+Enter)
reads as a space: it does not end a sentence, and keeps paragraph numbering intact.

Comments are not copy, but a comment whose text is a numlint directive ("numlint: disable-line NL301
-- two sources") applies to every paragraph the comment is anchored to: it is written at the end of
each of those lines as ``<!-- numlint: disable-line ... -->``, the form ``numlint.suppress`` reads in
any format (``disable-file`` stays ``disable-file``). ``numlint.markup.word`` reads the text back as
the paragraphs a reader sees, without those directives (they are its comments, where numlint.suppress
finds them), so the reports quote a paragraph as Word shows it.

python-docx opens the package (zip, content types, relationships; a clear error for what is not a
Word file) and its lxml elements are walked here, because the paragraph text it offers leaves out
tracked insertions, text boxes and footnotes. It is imported only when a .docx is read.
"""

from __future__ import annotations

import io
import re
import zipfile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_W = "{" + W + "}"

# An encrypted (password-protected) Office file is an OLE compound file holding the encrypted
# package, not a zip.
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_DIRECTIVE = re.compile(r"^\s*numlint\s*:\s*(disable-next-line|disable-line|disable-file|disable|enable)\b(.*)$",
                        re.IGNORECASE | re.DOTALL)

# Elements whose content is never copy: deleted text, the source of a move, field instructions,
# the fallback copy of a drawing (its text box is read once, from the preferred choice).
_SKIPPED = {_W + "del", _W + "moveFrom", _W + "instrText", _W + "delText", _W + "delInstrText",
            "{" + MC + "}Fallback"}
_TEXT_BOX = _W + "txbxContent"


# A directive as ``_Reader.text`` appends it to a paragraph's line (its text holds no "-->"); the
# prose of the text (numlint.markup.word) leaves these out.
APPENDED_DIRECTIVE = re.compile(r" <!-- numlint: [^\n]*? -->")


# python-docx holds every part of the package in memory, unpacked: a package whose parts unpack to
# more than this is refused before it is opened (a story's XML is a few megabytes; a zip bomb,
# which the 5 MiB cap on what is read lets through, is thousands of times its size).
MAX_UNPACKED_BYTES = 256 * 1024 * 1024


class DocxError(ValueError):
    """A .docx that cannot be read; str(exc) is the one-line reason (the caller adds the path)."""


def docx_text(data: bytes) -> str:
    """The text of a .docx file's bytes: one paragraph a line, as this module's docstring says."""
    if data.startswith(_OLE_SIGNATURE):
        raise DocxError("password-protected or encrypted Word file; save an unprotected copy to check it")
    if not data.startswith(b"PK"):
        raise DocxError("not a Word .docx file (not a zip package)")
    try:
        # The sizes the package declares: zipfile never unpacks a part past its declared size.
        unpacked = sum(info.file_size for info in zipfile.ZipFile(io.BytesIO(data)).infolist())
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise DocxError("corrupt Word file: its zip package is damaged or cut short") from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise DocxError(f"Word file too large: its parts unpack to {unpacked // 2**20:,} MiB "
                        f"(at most {MAX_UNPACKED_BYTES // 2**20} MiB)")
    try:
        import docx
        from docx.opc.constants import RELATIONSHIP_TYPE as RT
    except ImportError:  # pragma: no cover - python-docx is a dependency; a broken install says so
        raise DocxError("reading .docx needs python-docx (pip install python-docx)") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise DocxError("corrupt Word file: its zip package is damaged or cut short") from None
    except KeyError:  # python-docx: "no relationship of type ...officeDocument"
        raise DocxError("corrupt Word file: it has no main document") from None
    except ValueError as exc:
        other = _OTHER_PACKAGE.search(str(exc))
        if other:
            raise DocxError(f"not a Word document: {_package_kind(other.group(1))} with a .docx name") from None
        raise DocxError(f"corrupt Word file: {_reason(exc)}") from None
    except Exception as exc:  # noqa: BLE001 - python-docx and lxml raise their own kinds on a damaged package
        raise DocxError(f"corrupt Word file: {_reason(exc)}") from None

    reader = _Reader()
    reader.blocks(document.element.body)
    part = document.part
    for rel_type, note_tag in ((RT.FOOTNOTES, "footnote"), (RT.ENDNOTES, "endnote")):
        notes = _related_xml(part, rel_type)
        if notes is None:
            continue
        for note in notes.iter(_W + note_tag):
            if note.get(_W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            reader.blocks(note)
    directives = _comment_directives(_related_xml(part, RT.COMMENTS))
    return reader.text(directives)


# python-docx's refusal of another Office package: "file '<_io.BytesIO object at 0x...>' is not a
# Word file, content type is '...'" (the object's address would make the message differ run to run).
_OTHER_PACKAGE = re.compile(r"is not a Word file, content type is '([^']*)'")
_PACKAGE_KINDS = (("spreadsheetml", "an Excel workbook"), ("presentationml", "a PowerPoint presentation"),
                  ("macroEnabled", "a macro-enabled Word document (.docm; save it as .docx to check it)"),
                  ("template", "a Word template (.dotx; save it as .docx to check it)"))


def _package_kind(content_type: str) -> str:
    return next((kind for key, kind in _PACKAGE_KINDS if key.lower() in content_type.lower()),
                f"a package of content type {content_type}")


def _reason(exc: Exception) -> str:
    text = (str(exc).splitlines() or [""])[0].strip()
    return text[:120] or type(exc).__name__


def _related_xml(part, rel_type):
    """The root element of the part related to ``part`` by ``rel_type``, or None."""
    from lxml import etree

    for rel in part.rels.values():
        if rel.reltype == rel_type and not rel.is_external:
            target = rel.target_part
            element = getattr(target, "element", None)
            if element is not None:
                return element
            try:
                return etree.fromstring(target.blob)
            except etree.XMLSyntaxError as exc:
                raise DocxError(f"corrupt Word file: {_reason(exc)}") from None
    return None


class _Reader:
    """Collects paragraphs in reading order, and which comments each paragraph is anchored to."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.comments: list[set[str]] = []
        self.open_comments: set[str] = set()

    def blocks(self, container) -> None:
        """Paragraphs and tables of a body, cell, note or text box, recursively, in document order."""
        for child in container:
            tag = child.tag
            if tag == _W + "p":
                self.paragraph(child)
            elif tag == _W + "tbl":
                self.table(child)
            elif tag in (_W + "sdt", _W + "sdtContent", _W + "customXml", _W + "ins", _W + "moveTo"):
                self.blocks(child)

    def table(self, tbl) -> None:
        """A row a line, its cells separated by tabs: a row reads as one line of a fact box (and is
        then not compared with itself), and the line number counts rows, which is what an editor
        sees. A cell's own paragraphs (or a table inside it) are joined with spaces."""
        for row in tbl:
            if row.tag != _W + "tr":
                continue
            cells, anchored = [], set()
            for cell in row:
                if cell.tag != _W + "tc":
                    continue
                inner = _Reader()
                inner.open_comments = self.open_comments
                inner.blocks(cell)
                cells.append(" ".join(line.strip() for line in inner.lines if line.strip()))
                anchored.update(*inner.comments)
            self.lines.append("\t".join(cells))
            self.comments.append(anchored)

    def paragraph(self, p) -> None:
        pieces: list[str] = []
        anchored = set(self.open_comments)
        boxes: list = []
        self._runs(p, pieces, anchored, boxes)
        self.lines.append("".join(pieces))
        self.comments.append(anchored)
        for box in boxes:
            self.blocks(box)

    def _runs(self, element, pieces: list[str], anchored: set[str], boxes: list) -> None:
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIPPED:
                continue
            if tag == _TEXT_BOX:
                boxes.append(child)
            elif tag == _W + "t":
                pieces.append(child.text or "")
            elif tag in (_W + "tab", _W + "ptab"):
                pieces.append("\t")
            elif tag in (_W + "br", _W + "cr"):
                pieces.append(" ")
            elif tag == _W + "noBreakHyphen":
                pieces.append("\u2011")
            elif tag == _W + "commentRangeStart":
                self.open_comments.add(child.get(_W + "id"))
                anchored.add(child.get(_W + "id"))
            elif tag == _W + "commentRangeEnd":
                self.open_comments.discard(child.get(_W + "id"))
                anchored.add(child.get(_W + "id"))
            elif tag == _W + "commentReference":
                anchored.add(child.get(_W + "id"))
            elif tag in (_W + "pPr", _W + "rPr"):
                continue
            else:
                self._runs(child, pieces, anchored, boxes)

    def text(self, directives: dict[str, str]) -> str:
        lines = []
        for line, anchored in zip(self.lines, self.comments, strict=True):
            # Line breaks or a stray carriage return inside a w:t would split a paragraph in two lines.
            line = line.replace("\r", " ").replace("\n", " ").strip()
            for comment_id in sorted(c for c in anchored if c in directives):
                line += f" <!-- {directives[comment_id]} -->"
            lines.append(line)
        return "\n".join(lines) + ("\n" if lines else "")


def _comment_directives(comments) -> dict[str, str]:
    """comment id -> the directive to write on each paragraph it is anchored to."""
    if comments is None:
        return {}
    found = {}
    for comment in comments.iter(_W + "comment"):
        text = " ".join("".join(t.text or "" for t in p.iter(_W + "t")) for p in comment.iter(_W + "p"))
        m = _DIRECTIVE.match(text)
        if not m:
            continue
        action = m.group(1).lower()
        rest = " ".join(m.group(2).replace("-->", "").split())
        if action in ("disable", "disable-next-line"):
            action = "disable-line"  # a comment names the text it is anchored to, not what follows
        if action == "enable":
            continue
        found[comment.get(_W + "id")] = f"numlint: {action}{' ' + rest if rest else ''}"
    return found
