"""Finding and reading the files to check: directory walks, decoding, one-line input errors.

Nothing here writes: numlint never modifies, creates or deletes a user's file (``--output`` is
``cli.write_output``'s business). ``read_bounded`` is the one reader of files numlint is handed
(articles, baselines, configuration): regular files only, at most ``MAX_BYTES``.

Decoding policy (CONTRACT.md: "Input is decoded as UTF-8 (a BOM is accepted); a file that is not
text is an input error"):

* UTF-8, with or without a BOM (the BOM is dropped, so offsets count from the first real character);
* UTF-16 or UTF-32 *with a BOM* (what Windows Notepad calls "Unicode") is decoded too: the BOM makes
  the encoding certain, and offsets are code points of the decoded text either way;
* anything else that is not valid UTF-8 is an input error that says where the first bad byte is and
  how to convert the file. There is deliberately no silent cp1252/latin-1 fallback: every byte string
  decodes as latin-1, so a fallback would turn a PDF or a mis-saved file into garbage "text" with
  findings at wrong places, and "£5m" in cp1252 (0xA3) would quietly become a different number of
  characters than the editor shows. Old wire copy is converted once (``iconv -f cp1252 -t utf-8``);
  ``decode(data, encoding=...)`` takes an explicit encoding for a caller that offers an option;
* a file that looks binary (a known signature such as PDF, PNG, ZIP/DOCX, or mostly NUL bytes) is
  "binary file, not text". A few stray NUL bytes in otherwise valid text are kept: they are text to
  us, and the linter copes with them.

Only regular files are read (a FIFO or a device named on the command line would block or never
end), and a file larger than ``MAX_BYTES`` is refused rather than read into memory.
"""

from __future__ import annotations

import codecs
import errno
import fnmatch
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

DEFAULT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".docx")

# Word writes "~$" and the end of a document's name ("~$ory.docx") beside a document while it is
# open, to say who has it: a few bytes of user name, not a document. A walk of a shared folder
# skips it, as it skips hidden directories; named on the command line it is still read (and refused).
OFFICE_OWNER_FILE_PREFIX = "~$"

# An article is a few kilobytes; a 5 MB one is already absurd. Past this we refuse instead of reading.
# The cap is what memory allows: the whole pipeline holds about 200 bytes per input byte on news text
# and up to 380 on dense figures (python bench/growth.py, 2026-12-02), so 5 MiB stays within 2 GB;
# the old 64 MiB allowed 13-25 GB.
MAX_BYTES = 5 * 1024 * 1024

# Leading bytes of common non-text files an editor might drop into a folder of copy.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x7fELF", "executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Office document (.doc/.xls)"),
)


# What must not reach a terminal raw from a file name: C0 and C1 controls (an ESC sequence can
# restyle or rewrite the screen), DEL, bidirectional overrides (they reorder what follows), and the
# lone surrogates Python uses for the bytes of a name that is not UTF-8 (printing one raises).
_UNSAFE_IN_NAME = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape_char(match: re.Match) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: the original byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe_name(path: str) -> str:
    """``path`` as it may be shown on a terminal: unsafe characters as backslash escapes (``\\x1b``)."""
    return _UNSAFE_IN_NAME.sub(_escape_char, path)


class SourceError(Exception):
    """A file that cannot be checked; str(exc) is the one-line reason (the path is added by callers)."""


@dataclass(frozen=True)
class SourcePath:
    path: str               # as the user should see it (relative when given relative)
    error: str | None = None


def _excluded(path: str, exclude: tuple[str, ...]) -> bool:
    parts = Path(path).parts
    return any(
        fnmatch.fnmatch(path, pat) or fnmatch.fnmatch(Path(path).name, pat)
        or any(fnmatch.fnmatch(p, pat) for p in parts)
        for pat in exclude
    )


def oserror_reason(exc: OSError) -> str:
    """A short, lower-case reason for an OSError, without the path (callers add it)."""
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno == errno.ENOENT:
        return "no such file or directory"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    reason = exc.strerror or type(exc).__name__
    return reason[:1].lower() + reason[1:]


def iter_sources(paths, suffixes=DEFAULT_SUFFIXES, exclude: tuple[str, ...] = ()):
    """Yield a SourcePath for every file named or found under a named directory, in a stable order.

    Files named explicitly are always checked, whatever their suffix (pre-commit passes exactly the
    files it wants); directories are walked for ``suffixes``, skipping hidden directories (``.git``)
    and Word's owner files of open documents (``~$ory.docx``).
    Symlinked directories are followed once: a loop is cut by remembering the real paths already
    walked. A directory that cannot be listed is reported as an error, never skipped in silence.
    """
    suffixes = tuple(s.lower() for s in suffixes)
    for given in paths:
        if not os.path.lexists(given):
            yield SourcePath(given, "no such file or directory")
            continue
        try:
            is_dir = os.path.isdir(given)
        except OSError:  # pragma: no cover - isdir swallows OSError on every platform we know
            is_dir = False
        if not is_dir:
            if os.path.islink(given) and not os.path.exists(given):
                # A dangling link, or a link loop (a -> b -> a): say which, not "no such file".
                try:
                    os.stat(given)
                except OSError as exc:
                    why = "symbolic link loop" if exc.errno == errno.ELOOP else "broken symbolic link"
                    yield SourcePath(given, why)
                    continue
            yield SourcePath(given)
            continue
        yield from _walk(given, suffixes, exclude)


def _walk(top: str, suffixes: tuple[str, ...], exclude: tuple[str, ...]):
    errors: list[OSError] = []
    seen: set[str] = set()
    for root, dirs, files in os.walk(top, followlinks=True, onerror=errors.append):
        while errors:
            exc = errors.pop(0)
            yield SourcePath(exc.filename or root, f"cannot list directory: {oserror_reason(exc)}")
        real = os.path.realpath(root)
        if real in seen:
            dirs[:] = []
            continue
        seen.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not _excluded(os.path.join(root, d), exclude))
        for name in sorted(files):
            full = os.path.join(root, name)
            if name.startswith(OFFICE_OWNER_FILE_PREFIX):
                continue
            if name.lower().endswith(suffixes) and not _excluded(full, exclude):
                yield SourcePath(full)
    for exc in errors:
        yield SourcePath(exc.filename or top, f"cannot list directory: {oserror_reason(exc)}")


def _signature(data: bytes) -> str | None:
    """The kind of a binary file recognised by its first bytes, or None."""
    return next((kind for magic, kind in _SIGNATURES if data.startswith(magic)), None)


def _looks_binary(sample: bytes) -> bool:
    """Mostly NUL or C0 control bytes (other than tab, newline, form feed, carriage return, escape)."""
    if not sample:
        return False
    if sample.count(0) > len(sample) // 10:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > len(sample) // 10


def _looks_utf16(sample: bytes) -> bool:
    """ASCII-heavy UTF-16 without a BOM: NUL in nearly every other byte, and only there."""
    if len(sample) < 4:
        return False
    even, odd = sample[0::2], sample[1::2]
    for zeros, other in ((even, odd), (odd, even)):
        if zeros.count(0) >= 0.9 * len(zeros) and other.count(0) <= 0.1 * len(other):
            return True
    return False


def _line_col_of_byte(data: bytes, index: int) -> tuple[int, int]:
    """1-based line and column (in characters) of byte ``index`` in UTF-8 ``data``, best effort.
    Lines end at LF, CRLF or a lone CR, as in the one line index (lang/lines.py)."""
    prefix = data[:index]
    line = prefix.count(b"\n") + prefix.count(b"\r") - prefix.count(b"\r\n") + 1
    line_start = max(prefix.rfind(b"\n"), prefix.rfind(b"\r")) + 1
    column = len(data[line_start:index].decode("utf-8", errors="replace")) + 1
    return line, column


def decode(data: bytes, encoding: str | None = None) -> str:
    """Bytes -> text, by the policy in this module's docstring. Raises SourceError with a one-line reason.

    ``encoding`` forces a codec (for a caller offering ``--encoding cp1252``); a BOM is still dropped.
    """
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except LookupError:
            raise SourceError(f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            raise SourceError(f"not valid {encoding} (byte {exc.start}: {data[exc.start:exc.start + 1]!r})") from None
        return text[1:] if text.startswith("\ufeff") else text

    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    else:
        # UTF-32 first: its little-endian BOM begins with UTF-16's.
        for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
                           (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
            if data.startswith(bom):
                try:
                    return data[len(bom):].decode(codec)
                except UnicodeDecodeError as exc:
                    name = codec.upper().replace("-LE", "").replace("-BE", "")
                    raise SourceError(
                        f"not valid {name} (byte {exc.start + len(bom)}); save the file as UTF-8"
                    ) from None
    kind = _signature(data)
    sample = data[:8192]
    if kind or _looks_binary(sample):
        if not kind and _looks_utf16(sample):
            raise SourceError("UTF-16 text without a byte-order mark; save the file as UTF-8")
        raise SourceError(f"binary file ({kind}), not text" if kind else "binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = data[exc.start:exc.start + 1]
        line, column = _line_col_of_byte(data, exc.start)
        raise SourceError(
            f"not valid UTF-8: byte 0x{bad.hex() if bad else '??'} at line {line}, column {column}; "
            "save the file as UTF-8 (old Windows or wire copy: iconv -f cp1252 -t utf-8)"
        ) from None


def read_source(path: str, max_bytes: int = MAX_BYTES) -> str:
    """The decoded text of one file, or a SourceError with a one-line reason."""
    try:
        data = read_bounded(path, max_bytes)
    except FileNotFoundError:
        raise SourceError("no such file or directory") from None
    return decode_file(path, data)


def decode_file(path: str, data: bytes) -> str:
    """The text of a file's bytes, by its suffix: a Word file's paragraphs, else decoded text."""
    if path.lower().endswith(".docx"):
        return docx_text(data)
    return decode(data)


def docx_text(data: bytes) -> str:
    """A Word file's text, one paragraph a line (numlint.docx_reader), or a SourceError."""
    from numlint.docx_reader import DocxError
    from numlint.docx_reader import docx_text as read_docx

    try:
        return read_docx(data)
    except DocxError as exc:
        raise SourceError(str(exc)) from None


def read_bounded(path: str, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``: what every file numlint reads goes
    through (articles, configuration, baselines). A FIFO, a device (``/dev/zero``), a socket or a
    directory is a SourceError, never waited on or read forever; so is a file too large. A missing
    file is FileNotFoundError (callers word that themselves); any other OSError a SourceError."""
    # O_NONBLOCK: opening a FIFO must not wait for a writer. It has no effect on regular files, the
    # only kind we go on to read.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise
    except IsADirectoryError:
        raise SourceError("is a directory") from None
    except OSError as exc:
        raise SourceError(oserror_reason(exc)) from None
    try:
        with os.fdopen(fd, "rb", buffering=0) as fh:
            info = os.fstat(fh.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise SourceError("is a directory")
            if not stat.S_ISREG(info.st_mode):
                raise SourceError("not a regular file (a pipe, socket or device); numlint reads files")
            if info.st_size > max_bytes:
                raise SourceError(f"file too large ({info.st_size:,} bytes; numlint reads at most {max_bytes:,})")
            return read_capped(fh, max_bytes)
    except OSError as exc:
        raise SourceError(oserror_reason(exc)) from None


def read_stdin(stream, max_bytes: int = MAX_BYTES) -> bytes:
    """Standard input, to the end but never more than ``max_bytes`` (``check - < /dev/zero`` is
    refused once past the cap, not read until memory runs out)."""
    return read_capped(stream, max_bytes, what="standard input")


def read_capped(fh, max_bytes: int, what: str = "file") -> bytes:
    """Read to the end, but never more than max_bytes (a file may grow while we read it)."""
    chunks = []
    total = 0
    while True:
        chunk = fh.read(min(1 << 20, max_bytes + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        if total > max_bytes:
            raise SourceError(f"{what} too large (more than {max_bytes:,} bytes; numlint reads at most {max_bytes:,})")
    return b"".join(chunks)
