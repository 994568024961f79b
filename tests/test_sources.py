"""numlint.sources: which files are checked, how bytes become text, and the one-line input errors."""

from __future__ import annotations

import codecs
import os
import sys

import pytest

from numlint.sources import MAX_BYTES, SourceError, decode, iter_sources, read_source

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def paths_and_errors(*given):
    return [(s.path, s.error) for s in iter_sources(list(given))]


# --- decoding ---------------------------------------------------------------------------------


def test_utf8_plain_and_with_bom():
    assert decode("Profits rose to £5m".encode()) == "Profits rose to £5m"
    # The BOM is dropped so that offset 0 is the first character an editor shows.
    assert decode(codecs.BOM_UTF8 + "£5m".encode()) == "£5m"


def test_empty_file_is_empty_text():
    assert decode(b"") == ""


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_with_a_bom_are_decoded(codec):
    text = "Profits rose to £5m, then 10\u202f000 jobs\r\n"
    data = text.encode(codec)
    if codec.endswith(("-le", "-be")):
        bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
               "utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}[codec]
        data = bom + data
    assert decode(data) == text


def test_utf16_without_bom_is_named():
    with pytest.raises(SourceError, match="UTF-16 text without a byte-order mark"):
        decode("Troops: 3,000 in all".encode("utf-16-le"))


def test_broken_utf16_after_bom():
    with pytest.raises(SourceError, match="not valid UTF-16"):
        decode(codecs.BOM_UTF16_LE + b"\x00\xd8")  # a lone high surrogate


def test_invalid_utf8_says_where_and_how_to_fix():
    # cp1252 wire copy: 0x92 is a curly apostrophe, 0xA3 a pound sign.
    data = b"Headline\n" + "Profit\x92s \xa35m".encode("latin-1")
    with pytest.raises(SourceError) as info:
        decode(data)
    message = str(info.value)
    assert "not valid UTF-8" in message
    assert "0x92" in message and "line 2, column 7" in message
    assert "iconv -f cp1252 -t utf-8" in message
    assert "\n" not in message


def test_explicit_encoding_for_old_wire_copy():
    assert decode("Profit\x92s \xa35m".encode("latin-1"), encoding="cp1252") == "Profit\u2019s £5m"
    with pytest.raises(SourceError, match="unknown encoding"):
        decode(b"x", encoding="no-such-codec")


@pytest.mark.parametrize(
    "data, kind",
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
        (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "ZIP archive or Office document"),
        (b"\x1f\x8b\x08\x00", "gzip archive"),
        (b"\x7fELF\x02\x01\x01", "executable"),
    ],
)
def test_known_binary_formats_are_named(data, kind):
    with pytest.raises(SourceError, match=f"binary file \\({kind}\\), not text"):
        decode(data)


def test_mostly_nul_is_binary_but_a_stray_nul_is_text():
    with pytest.raises(SourceError, match="^binary file, not text$"):
        decode(bytes(range(256)) * 20)
    with pytest.raises(SourceError, match="binary file"):
        decode(b"\x00" * 1000)
    article = b"Some 3,000 troops arrived.\x00 Later 10,000 more came.\n" * 10
    assert "\x00" in decode(article)


# --- reading ----------------------------------------------------------------------------------


def test_read_source_returns_text(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(codecs.BOM_UTF8 + b"Rose 5%\r\n")
    assert read_source(str(f)) == "Rose 5%\r\n"


def test_read_missing_file(tmp_path):
    with pytest.raises(SourceError, match="^no such file or directory$"):
        read_source(str(tmp_path / "gone.txt"))


def test_read_directory(tmp_path):
    with pytest.raises(SourceError, match="^is a directory$"):
        read_source(str(tmp_path))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this platform")
def test_read_fifo_does_not_block(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(SourceError, match="not a regular file"):
        read_source(str(fifo))  # would hang forever if opened blocking


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_read_endless_device_is_refused():
    with pytest.raises(SourceError, match="not a regular file"):
        read_source("/dev/zero")


def test_too_large_file_is_refused_without_reading_it(tmp_path):
    f = tmp_path / "huge.txt"
    with open(f, "wb") as fh:
        fh.truncate(MAX_BYTES + 1)  # sparse: costs no disk
    with pytest.raises(SourceError, match="file too large"):
        read_source(str(f))
    small = tmp_path / "small.txt"
    small.write_text("12345678901")
    with pytest.raises(SourceError, match="file too large"):
        read_source(str(small), max_bytes=10)


@pytest.mark.skipif(IS_ROOT, reason="running as root: root reads any file, so chmod 000 proves nothing "
                    "(test_unreadable_file_simulated covers this case)")
def test_unreadable_file(tmp_path):
    f = tmp_path / "secret.txt"
    f.write_text("3,000 troops")
    f.chmod(0)
    try:
        with pytest.raises(SourceError, match="^permission denied$"):
            read_source(str(f))
    finally:
        f.chmod(0o644)


def test_unreadable_file_simulated(tmp_path, deny_reading):
    """Tests run as root here, and root can read anything: simulate EACCES at open()."""
    f = tmp_path / "secret.txt"
    f.write_text("3,000 troops")
    deny_reading(f)
    with pytest.raises(SourceError, match="^permission denied$"):
        read_source(str(f))


def test_symlink_loop_file(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    os.symlink(b, a)
    os.symlink(a, b)
    assert paths_and_errors(str(a)) == [(str(a), "symbolic link loop")]
    with pytest.raises(SourceError, match="symbolic link loop"):
        read_source(str(a))


def test_dangling_symlink(tmp_path):
    link = tmp_path / "gone.txt"
    os.symlink(tmp_path / "nowhere.txt", link)
    assert paths_and_errors(str(link)) == [(str(link), "broken symbolic link")]


# --- finding files ----------------------------------------------------------------------------


def test_missing_path_is_an_error_not_an_exception(tmp_path):
    missing = str(tmp_path / "nope.md")
    assert paths_and_errors(missing) == [(missing, "no such file or directory")]


def test_directory_is_walked_for_article_suffixes_in_a_stable_order(tmp_path):
    for name in ["b.md", "a.txt", "c.HTML", "d.htm", "e.markdown", "notes.py", "img.png", "sub/z.txt",
                 ".git/x.txt", ".hidden/y.md"]:
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("x")
    found = [os.path.relpath(p, tmp_path) for p, e in paths_and_errors(str(tmp_path))]
    assert found == ["a.txt", "b.md", "c.HTML", "d.htm", "e.markdown", os.path.join("sub", "z.txt")]


def test_named_files_are_checked_whatever_their_suffix(tmp_path):
    f = tmp_path / "COPY"
    f.write_text("x")
    assert paths_and_errors(str(f)) == [(str(f), None)]


def test_many_files_at_once_keep_their_order(tmp_path):
    names = [str(tmp_path / f"{i:03}.txt") for i in range(300)]
    for n in names:
        open(n, "w").close()
    given = list(reversed(names))
    assert [p for p, _ in paths_and_errors(*given)] == given


def test_directory_symlink_loop_terminates(tmp_path):
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "story.txt").write_text("x")
    os.symlink(tmp_path, tmp_path / "desk" / "loop")      # desk/loop -> .. (a cycle)
    os.symlink(tmp_path / "desk", tmp_path / "desk" / "self")
    found = paths_and_errors(str(tmp_path))
    assert found == [(str(tmp_path / "desk" / "story.txt"), None)]


def test_exclude_patterns(tmp_path):
    for name in ["keep.txt", "drafts/skip.txt", "skip.md"]:
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("x")
    found = [os.path.relpath(s.path, tmp_path) for s in iter_sources([str(tmp_path)], exclude=("drafts", "*.md"))]
    assert found == ["keep.txt"]


def test_unlistable_directory_is_reported(tmp_path, monkeypatch):
    """As root, chmod cannot stop a listing; simulate the walk's error callback instead."""
    (tmp_path / "ok.txt").write_text("x")
    locked = tmp_path / "locked"
    locked.mkdir()
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(locked))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = paths_and_errors(str(tmp_path))
    assert (str(locked), "cannot list directory: permission denied") in found
    assert (str(tmp_path / "ok.txt"), None) in found


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file names are bytes")
def test_undecodable_file_name_is_found(tmp_path):
    name = os.fsdecode(b"caf\xe9.txt")
    with open(os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt"), "w") as fh:
        fh.write("Some 3,000 troops")
    [(path, error)] = paths_and_errors(str(tmp_path))
    assert error is None and path.endswith(name)
    assert read_source(path) == "Some 3,000 troops"
