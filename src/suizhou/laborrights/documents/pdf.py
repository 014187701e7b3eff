"""A ``documents.Document`` as an A4 PDF with Chinese text (set-up shared in ``pdf_base``)."""

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether
from reportlab.platypus import Spacer
from suizhou.laborrights.documents.pdf_base import a4_pdf
from suizhou.laborrights.documents.pdf_base import paragraph
from suizhou.laborrights.documents.pdf_base import particulars
from suizhou.laborrights.documents.pdf_base import qr_image
from suizhou.laborrights.documents.pdf_base import style
from suizhou.laborrights.documents.pdf_base import table


BODY = style("body", fontSize=12, leading=21, firstLineIndent=24)
PLAIN = style("plain", BODY, firstLineIndent=0)
CELL = style("cell", PLAIN, fontSize=10.5, leading=15)
SECTION = style("section", CELL, fontSize=11)
TITLE = style("title", PLAIN, fontSize=20, leading=30, alignment=1, spaceAfter=2 * mm)
NUMBER = style("number", PLAIN, fontSize=10.5, alignment=2)
RIGHT = style("right", PLAIN, alignment=2)
SMALL = style("small", PLAIN, fontSize=9, leading=13)


def _p(text, paragraph_style=BODY):
    return paragraph(text, paragraph_style)


def _signatures(labels):
    cells = [[_p(f"{label}：", PLAIN), _p("年　　月　　日", RIGHT)] for label in labels]
    return table(
        cells, [100 * mm, 70 * mm], [("VALIGN", (0, 0), (-1, -1), "BOTTOM")], rowHeights=[16 * mm] * len(cells)
    )


def document_pdf(document):
    """PDF bytes of ``document``."""
    story = [_p(document.title, TITLE), _p(f"编号：{document.number}", NUMBER), Spacer(1, 5 * mm)]
    if document.addressee:
        story.append(_p(document.addressee, PLAIN))
    paragraphs = list(document.paragraphs)
    if document.rows:
        # An agreement or record: the introduction, the particulars, then the clauses.
        story.append(_p(paragraphs.pop(0)))
        story += [
            Spacer(1, 2 * mm),
            particulars(document.rows, [38 * mm, 132 * mm], CELL, CELL, SECTION),
            Spacer(1, 4 * mm),
        ]
    story += [_p(text) for text in paragraphs]
    if document.signatures:
        story += [Spacer(1, 6 * mm), KeepTogether(_signatures(document.signatures))]
    story += [
        Spacer(1, 10 * mm),
        KeepTogether([_p(document.issuer, RIGHT), _p(document.date, RIGHT)]),
    ]
    if document.link:
        text, url = document.link
        story += [
            Spacer(1, 8 * mm),
            KeepTogether([_p(text, SMALL), _p(url, SMALL), qr_image(url, 28 * mm)]),
        ]
    return a4_pdf(story, f"{document.title} {document.number}", top_margin=20 * mm)
