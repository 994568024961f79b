"""What a CMS page wraps around its article: the elements, attributes and class names that are not copy.

``numlint.markup.html`` lints an article page for its article (``<article>``, else ``<main>``, else
the whole page) and, inside that, leaves out what this module names. Figure captions and pull quotes
are copy and are kept. ``--html-scope all`` reads every visible element instead.
"""

from __future__ import annotations

import re

# Never copy, wherever they are: site navigation, asides ("most read", related links), forms
# (newsletter sign-up, search, comment boxes).
CHROME_ELEMENTS = frozenset({"nav", "aside", "form", "button", "dialog"})
# The page's masthead and footer; inside an article they are the article's own (headline, byline).
PAGE_FRAME_ELEMENTS = frozenset({"header", "footer"})

# A class or id naming page furniture, matched as a whole token or one of its hyphen or underscore
# parts ("share-count", "newsletter_box", "most-read"; "reading-time", the "4 min read" of an
# article's header, only whole, as "time" alone names copy too); not "banner", which CMSs also give the hero
# image and headline of the article. Word's and Google Docs' HTML exports mark
# their comment threads and comment anchors with the last few.
BOILERPLATE_WORDS = frozenset("""
    nav navbar navigation menu breadcrumb breadcrumbs skip share sharing social newsletter subscribe
    subscription signup sign-up comments comment related recommended popular trending promo promoted
    advert advertisement ad ads sponsored sponsor cookie cookies sidebar masthead paywall
    outbrain taboola most-read mostread read-more more-stories site-header site-footer
    reading-time read-time readtime readingtime
    msocomanchor msocommentreference msocommenttext
""".split())

# Pull quotes are copy even when a CMS puts them in an <aside>.
PULL_QUOTE_WORDS = frozenset({"pullquote", "pull-quote", "pull", "quote", "blockquote"})

_PARTS = re.compile(r"[-_]")
# Hidden from every reader: display:none, and Word's own hidden elements and comment lists.
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|mso-hide\s*:\s*all|mso-element\s*:\s*comment", re.IGNORECASE)


def _names(attrs: dict[str, str]) -> list[str]:
    return (attrs.get("class", "") + " " + attrs.get("id", "")).lower().split()


def _named(tokens: list[str], words: frozenset[str]) -> bool:
    """Is a class or id token one of ``words``, or does it hold one as whole hyphen or underscore
    parts? CMSs prefix and suffix their names: "c-most-read" and "article__reading-time" hold
    "most-read" and "reading-time", "share_count" holds "share"."""
    for token in tokens:
        parts = _PARTS.split(token)
        if token in words or any(p in words for p in parts):
            return True
        if len(parts) > 1 and any("-".join(parts[i:j]) in words
                                  for i in range(len(parts) - 1) for j in range(i + 2, len(parts) + 1)):
            return True
    return False


def is_hidden(attrs: dict[str, str]) -> bool:
    """The ``hidden`` attribute, ``aria-hidden="true"`` or a hiding style: no reader sees it."""
    return ("hidden" in attrs or attrs.get("aria-hidden", "").strip().lower() == "true"
            or bool(_HIDDEN_STYLE.search(attrs.get("style", ""))))


def is_chrome(tag: str, attrs: dict[str, str], in_article: bool) -> bool:
    """Is this element page furniture rather than copy?"""
    tokens = _names(attrs)
    if tag in CHROME_ELEMENTS:
        return not (tag == "aside" and _named(tokens, PULL_QUOTE_WORDS))
    if tag in PAGE_FRAME_ELEMENTS and not in_article:
        return True
    if tag in ("figcaption", "blockquote") or _named(tokens, PULL_QUOTE_WORDS):
        return False
    return is_hidden(attrs) or _named(tokens, BOILERPLATE_WORDS)


# A footnote or endnote marker ("[1]", "1") and the note's link back to it: Google Docs' export
# (#ftnt1, #ftnt_ref1), Word's (#_ftn1, #_ftnref1, #_edn1, #_ednref1), and Markdown converters
# (#fn1, #fnref1, or the note roles of DPUB-ARIA). The note's text is copy and is kept, as it is
# in a .docx; its number is not a quantity.
_NOTE_HREF = re.compile(r"#(?:ftnt|_ftn|_edn|fn)(?:_?ref)?[-:]?\d+", re.IGNORECASE)
_NOTE_ROLES = frozenset({"doc-noteref", "doc-backlink"})


def is_note_marker(tag: str, attrs: dict[str, str]) -> bool:
    """A link that is a footnote's or endnote's number in the text, or its way back from the note."""
    return tag == "a" and (bool(_NOTE_HREF.fullmatch(attrs.get("href", "")))
                           or attrs.get("role", "").strip().lower() in _NOTE_ROLES)


def is_comment_thread_link(tag: str, attrs: dict[str, str]) -> bool:
    """Google Docs' HTML export: ``<a href="#cmnt_ref1">`` opens a comment at the end of the page,
    ``<a href="#cmnt1">[a]</a>`` is its marker in the text."""
    return tag == "a" and attrs.get("href", "").startswith("#cmnt")
