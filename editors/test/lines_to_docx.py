#!/usr/bin/env python3
"""Writes a minimal valid .docx whose body holds every line of a text file as one paragraph, so
that the .docx's text view (`ogi-lsp extract`) is that text again. Used by both editors' end-to-end
tests to make a report .docx at test time instead of keeping a binary fixture.

    python3 editors/test/lines_to_docx.py REPORT.txt OUT.docx
"""

import sys
import zipfile
from xml.sax.saxutils import escape

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""

RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""


def paragraph(line: str) -> str:
    # xml:space="preserve" keeps leading and trailing spaces, as Word writes them.
    return f'<w:p><w:r><w:t xml:space="preserve">{escape(line)}</w:t></w:r></w:p>'


def document(lines: list[str]) -> str:
    body = "".join(paragraph(line) for line in lines)
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
    )


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit("usage: lines_to_docx.py REPORT.txt OUT.docx")
    with open(sys.argv[1], encoding="utf-8") as f:
        lines = f.read().splitlines()
    with zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as docx:
        docx.writestr("[Content_Types].xml", CONTENT_TYPES)
        docx.writestr("_rels/.rels", RELS)
        docx.writestr("word/document.xml", document(lines))


if __name__ == "__main__":
    main()
