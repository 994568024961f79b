"""Build .docx files for tests from a small description, with python-docx (no binary fixture in git).

A description is a list of blocks:

* ``{"title": "..."}``, ``{"heading": "...", "level": 2}``: headings (Word's Title / Heading N styles);
* ``{"p": RUNS}``: a body paragraph, RUNS a string or a list of strings and run objects:
  ``{"ins": "text"}`` / ``{"del": "text"}`` tracked insertion / deletion, ``{"br": true}`` a line break
  (Shift+Enter), ``{"footnote": "text"}`` a footnote reference with the note's text,
  ``{"textbox": ["para", ...]}`` a text box anchored here, ``{"comment": "text", "on": "anchored text"}``
  a comment on the anchored text;
* ``{"table": [["cell", ...], ...]}``: a table, row by row.

Python-docx writes the body, tables and comments; tracked changes, text boxes and footnotes have no
python-docx API, so their WordprocessingML is added to the elements it made (as Word writes it).
"""

from __future__ import annotations

import io

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = (
    f'xmlns:w="{W}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def _xml(fragment: str):
    from lxml import etree

    return etree.fromstring(f"<w:wrap {_NS}>{fragment}</w:wrap>")[0]


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _text_box(paragraphs: list[str]) -> str:
    """A text box as Word 2010+ writes it: the drawing, and a VML fallback holding the same text."""
    body = "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{_esc(t)}</w:t></w:r></w:p>" for t in paragraphs)
    return (
        "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><a:graphic>"
        "<a:graphicData><wps:wsp><wps:txbx><w:txbxContent>" + body + "</w:txbxContent></wps:txbx>"
        "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>" + body + "</w:txbxContent>"
        "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )


def build_docx(blocks: list[dict]) -> bytes:
    import docx
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    document = docx.Document()
    footnotes: list[str] = []
    change_id = 100
    for block in blocks:
        if "title" in block:
            document.add_heading(block["title"], level=0)
        elif "heading" in block:
            document.add_heading(block["heading"], level=block.get("level", 1))
        elif "table" in block:
            rows = block["table"]
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    table.cell(r, c).text = value
        elif "p" in block:
            runs = block["p"] if isinstance(block["p"], list) else [block["p"]]
            paragraph = document.add_paragraph()
            for run in runs:
                if isinstance(run, str):
                    paragraph.add_run(run)
                elif "br" in run:
                    paragraph.add_run().add_break()
                elif "comment" in run:
                    anchored = paragraph.add_run(run["on"])
                    document.add_comment(anchored, text=run["comment"], author="Desk", initials="D")
                elif "ins" in run or "del" in run:
                    change_id += 1
                    kind = "ins" if "ins" in run else "del"
                    tag = "w:t" if kind == "ins" else "w:delText"
                    paragraph._p.append(_xml(
                        f'<w:{kind} w:id="{change_id}" w:author="Sub" w:date="2026-01-05T10:00:00Z"><w:r>'
                        f'<{tag} xml:space="preserve">{_esc(run[kind])}</{tag}></w:r></w:{kind}>'))
                elif "footnote" in run:
                    footnotes.append(run["footnote"])
                    paragraph._p.append(_xml(
                        f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                        f'<w:footnoteReference w:id="{len(footnotes)}"/></w:r>'))
                elif "textbox" in run:
                    paragraph._p.append(_xml(_text_box(run["textbox"])))
                else:
                    raise ValueError(f"unknown run {run!r}")
        else:
            raise ValueError(f"unknown block {block!r}")
    if footnotes:
        notes = "".join(
            f'<w:footnote w:id="{n}"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> '
            f'{_esc(text)}</w:t></w:r></w:p></w:footnote>'
            for n, text in enumerate(footnotes, start=1)
        )
        blob = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{W}">'
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
            f'</w:r></w:p></w:footnote>{notes}</w:footnotes>'
        ).encode()
        part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, blob, document.part.package)
        document.part.relate_to(part, RT.FOOTNOTES)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
