"""numlint: a number-consistency linter for news copy.

The public API is three pure functions (no I/O, safe from many threads or processes):
``check_text(text, path="<string>", config=None)``, ``extract_text(text)`` and
``extract_frames(text)``.
Heavy dependencies (quantulum3, pint) load only when a function needs them, so ``import numlint``
and ``numlint --version`` stay fast for pre-commit.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "check_text", "extract_frames", "extract_text"]


def check_text(text: str, path: str = "<string>", config=None):
    """Findings (``numlint.model.Finding``) for one article; the format follows ``path``'s suffix."""
    from numlint.document import Document, format_for_path
    from numlint.linter import check_document

    return check_document(Document(path, text, format_for_path(path)), config)


def extract_text(text: str):
    """Every quantity mention (``numlint.model.Quantity``) in a plain-text article, with positions."""
    from numlint.document import Document
    from numlint.linter import document_quantities

    return document_quantities(Document("<string>", text, "text"))[1]


def extract_frames(text: str):
    """Every quantity mention of a plain-text article with its frame, as (``Quantity``, ``Frame``)
    pairs in text order: the frame (``numlint.facts.frame.Frame``) is whose the figure is
    (``owner``), when (``time``), per what (``per``), of what for a share (``base``) and says who
    (``source``), as the rules and ``numlint extract --format json`` read them."""
    from numlint.document import Document
    from numlint.facts import frames_of
    from numlint.linter import document_quantities

    prose, quantities = document_quantities(Document("<string>", text, "text"))
    frames = frames_of(prose, quantities) if quantities else {}
    return [(q, frames.get((q.start, q.end))) for q in quantities]
