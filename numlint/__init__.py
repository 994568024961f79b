"""numlint: a number-consistency linter for news copy.

The public API is two pure functions (no I/O, safe from many threads or processes):
``check_text(text, path="<string>", config=None)`` and ``extract_text(text)``.
Heavy dependencies (quantulum3, pint) load only when a function needs them, so ``import numlint``
and ``numlint --version`` stay fast for pre-commit.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "check_text", "extract_text"]


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
