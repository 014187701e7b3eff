"""Reading and making Word documents (.docx) in tests, with python-docx."""

from docx import Document

import io


def docx_text(data):
    """The text a reader sees in the .docx ``data``: its paragraphs, then its tables' cells
    (a merged cell once), one per line."""
    document = Document(io.BytesIO(data))
    lines = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            seen = []
            for cell in row.cells:
                if cell._tc not in seen:
                    seen.append(cell._tc)
                    lines.append(cell.text)
    return "\n".join(lines)


def edited(data, old, new):
    """The .docx ``data`` with ``old`` replaced by ``new`` in the first paragraph holding it, as
    an administrator edits a template in Word (the paragraph becomes one run)."""
    document = Document(io.BytesIO(data))
    for paragraph in document.paragraphs:
        if old in paragraph.text:
            text = paragraph.text.replace(old, new)
            for run in paragraph.runs[1:]:
                run._element.getparent().remove(run._element)
            paragraph.runs[0].text = text
            break
    else:
        raise AssertionError(f"{old!r} not in the document")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
