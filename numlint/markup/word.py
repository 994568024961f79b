"""A Word file's text (numlint.docx_reader: one paragraph a line) -> the paragraphs a reader sees.

The text is the document's own, so the prose is the text itself, less the directives the reader
appended to a paragraph from the comments anchored to it: a comment sits in Word's margin, not in
the paragraph, so the reports quote the paragraph without it. Those directives are the prose's
comments, where numlint.suppress reads them.
"""

from __future__ import annotations

from numlint.docx_reader import APPENDED_DIRECTIVE
from numlint.markup.prose import Prose, ProseWriter, first_line_headline


def word_prose(text: str) -> Prose:
    """The prose of a Word file's text: its paragraphs, a line each, mapped back to the text. The
    first paragraph is the headline unless it ends like a sentence, as in plain text."""
    writer = ProseWriter(text)
    written = 0
    for m in APPENDED_DIRECTIVE.finditer(text):
        writer.verbatim(written, m.start() - written)
        writer.comments.append((m.start() + 1, m.end()))   # the comment, without the space before it
        written = m.end()
    writer.verbatim(written, len(text) - written)
    prose = writer.prose()
    prose.headings = first_line_headline(prose.text)
    prose.block_separator = "\n"
    return prose
