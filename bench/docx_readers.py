"""Which .docx reader serves numlint: python-docx (numlint.docx_reader) or mammoth.

Builds one Word file with every construct issue 19 names (tests/docx_builder.py), reads it with each
reader, and prints, per construct, whether its text came out as the copy after acceptance, and
whether the reader's output can give a finding's paragraph: numlint needs a paragraph (line) and a
character in it for each figure. Run: ``python bench/docx_readers.py`` (mammoth: ``pip install mammoth``).
"""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from docx_builder import build_docx  # noqa: E402

# construct -> (description, text that must be read, text that must not be read)
CASES = {
    "heading": ({"title": "Council to cut 450 jobs"}, "Council to cut 450 jobs", None),
    "paragraph": ({"p": "The council will cut 450 jobs."}, "The council will cut 450 jobs.", None),
    "table": ({"table": [["Libraries", "120"]]}, "120", None),
    "footnote": ({"p": ["Cuts.", {"footnote": "Budget paper: 460 jobs."}]}, "460 jobs", None),
    "text box": ({"p": ["Box.", {"textbox": ["Fact box: 12 libraries"]}]}, "12 libraries", None),
    "tracked insertion": ({"p": ["Unions said ", {"ins": "540"}, " posts."]}, "said 540 posts", None),
    "tracked deletion": ({"p": ["Unions said ", {"del": "400"}, "540 jobs."]}, "said 540 jobs", "400"),
    "line break": ({"p": ["Some 30 posts", {"br": True}, "were at risk."]}, "posts were", None),
    "comment (not copy)": ({"p": ["It ", {"comment": "check the 2,000", "on": "cut 40 jobs"}, "."]},
                           "cut 40 jobs", "2,000"),
}


def _numlint(data: bytes) -> str:
    from numlint.docx_reader import docx_text

    return docx_text(data)


def _mammoth_text(data: bytes) -> str:
    import mammoth

    return mammoth.extract_raw_text(io.BytesIO(data)).value


def _mammoth_html(data: bytes) -> str:
    import re

    import mammoth

    html = mammoth.convert_to_html(io.BytesIO(data)).value
    return re.sub(r"<[^>]+>", " ", html)


def main() -> None:
    readers = {"python-docx (numlint)": _numlint, "mammoth raw text": _mammoth_text, "mammoth HTML": _mammoth_html}
    print(f"{'construct':<20}" + "".join(f"{name:>24}" for name in readers))
    score = dict.fromkeys(readers, 0)
    for construct, (block, wanted, unwanted) in CASES.items():
        data = build_docx([block])
        row = f"{construct:<20}"
        for name, read in readers.items():
            try:
                text = " ".join(read(data).split())
            except ImportError:
                row += f"{'not installed':>24}"
                continue
            ok = wanted in text and (unwanted is None or unwanted not in text)
            score[name] += ok
            row += f"{'yes' if ok else 'NO':>24}"
        print(row)
    print(f"{'read right':<20}" + "".join(f"{f'{score[n]}/{len(CASES)}':>24}" for n in readers))
    print(f"{'positions':<20}{'paragraph, character':>24}{'none (one string)':>24}{'none (HTML to re-map)':>24}")
    data = build_docx([b for b, _, _ in CASES.values()] * 40)
    for name, read in readers.items():
        try:
            read(data)
            t = time.perf_counter()
            for _ in range(5):
                read(data)
        except ImportError:
            continue
        print(f"{name}: {(time.perf_counter() - t) / 5 * 1000:.1f} ms for {len(CASES) * 40} paragraphs")


if __name__ == "__main__":
    main()
