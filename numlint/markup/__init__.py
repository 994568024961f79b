"""Plain text, Markdown, HTML and Word -> the prose a reader sees, with a map back to the original file.

Extraction runs on ``Prose.text``; every span it finds is mapped back with ``Prose.to_original`` so
that positions always point into the file the user opened (``**10,000**`` or ``&nbsp;`` included).

* ``prose``: the ``Prose`` offset map and ``ProseWriter``, the one place that builds it.
* ``html``: the HTML tokenizer (linear time, never hangs on broken markup); of a CMS page it reads
  the article, without the chrome ``chrome`` names.
* ``word``: a Word file's text (``numlint.docx_reader``: one paragraph a line) as its paragraphs,
  without the directives taken from its comments.
* ``markdown``: markdown-it-py tokens aligned back to the file's lines.
"""

from __future__ import annotations

from numlint.markup.prose import Prose, plain_prose

__all__ = ["Prose", "html_prose", "markdown_prose", "plain_prose", "to_prose"]


def __getattr__(name: str):
    # markdown-it costs more to import than linting an article: a plain-text run never loads it
    if name == "markdown_prose":
        from numlint.markup.markdown import markdown_prose

        return markdown_prose
    if name == "html_prose":
        from numlint.markup.html import html_prose

        return html_prose
    raise AttributeError(name)


def to_prose(text: str, fmt: str, html_scope: str = "article") -> Prose:
    """The prose of a document in format 'text', 'markdown', 'html' or 'docx' (a Word file's text, one
    paragraph a line). ``html_scope``: "article" or "all" (numlint.markup.html). Never raises on any text."""
    try:
        if fmt == "docx":
            from numlint.markup.word import word_prose

            return word_prose(text)
        if fmt == "markdown":
            from numlint.markup.markdown import markdown_prose

            return markdown_prose(text)
        if fmt == "html":
            from numlint.markup.html import html_prose

            return html_prose(text, html_scope)
    except Exception:  # noqa: BLE001 - a converter bug must not stop the lint; plain text is a safe view
        pass
    return plain_prose(text)
