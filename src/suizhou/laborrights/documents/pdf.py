"""A ``documents.Document`` as an A4 PDF with Chinese text.

Chinese is set in reportlab's CID font STSong-Light (the reader's own Song font, nothing is
embedded). Every text is escaped before it reaches reportlab's paragraph markup.
"""

from io import BytesIO
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Image
from reportlab.platypus import KeepTogether
from reportlab.platypus import Paragraph
from reportlab.platypus import SimpleDocTemplate
from reportlab.platypus import Spacer
from reportlab.platypus import Table
from reportlab.platypus import TableStyle
from suizhou.laborrights.documents.qr import qr_png
from xml.sax.saxutils import escape


FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))

BODY = ParagraphStyle("body", fontName=FONT, fontSize=12, leading=21, wordWrap="CJK", firstLineIndent=24)
PLAIN = ParagraphStyle("plain", parent=BODY, firstLineIndent=0)
CELL = ParagraphStyle("cell", parent=PLAIN, fontSize=10.5, leading=15)
SECTION = ParagraphStyle("section", parent=CELL, fontSize=11)
TITLE = ParagraphStyle("title", parent=PLAIN, fontSize=20, leading=30, alignment=1, spaceAfter=2 * mm)
NUMBER = ParagraphStyle("number", parent=PLAIN, fontSize=10.5, alignment=2)
RIGHT = ParagraphStyle("right", parent=PLAIN, alignment=2)
SMALL = ParagraphStyle("small", parent=PLAIN, fontSize=9, leading=13)


def _p(text, style=BODY):
    return Paragraph(escape(str(text or "")).replace("\n", "<br/>"), style)


def _rows(rows):
    data, style = (
        [],
        [
            ("FONT", (0, 0), (-1, -1), FONT),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ],
    )
    for label, value in rows:
        if value is None:
            line = len(data)
            style += [
                ("SPAN", (0, line), (1, line)),
                ("BACKGROUND", (0, line), (1, line), colors.HexColor("#eeeeee")),
            ]
            data.append([_p(label, SECTION), ""])
        else:
            data.append([_p(label, CELL), _p(value, CELL)])
    table = Table(data, colWidths=[38 * mm, 132 * mm])
    table.setStyle(TableStyle(style))
    return table


def _signatures(labels):
    cells = [[_p(f"{label}：", PLAIN), _p("年　　月　　日", RIGHT)] for label in labels]
    table = Table(cells, colWidths=[100 * mm, 70 * mm], rowHeights=[16 * mm] * len(cells))
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
    return table


def document_pdf(document):
    """PDF bytes of ``document``."""
    out = BytesIO()
    template = SimpleDocTemplate(
        out,
        pagesize=A4,
        title=f"{document.title} {document.number}",
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=20 * mm,
        bottomMargin=18 * mm,
    )
    story = [_p(document.title, TITLE), _p(f"编号：{document.number}", NUMBER), Spacer(1, 5 * mm)]
    if document.addressee:
        story.append(_p(document.addressee, PLAIN))
    paragraphs = list(document.paragraphs)
    if document.rows:
        # An agreement or record: the introduction, the particulars, then the clauses.
        story.append(_p(paragraphs.pop(0)))
        story += [Spacer(1, 2 * mm), _rows(document.rows), Spacer(1, 4 * mm)]
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
            KeepTogether(
                [
                    _p(text, SMALL),
                    _p(url, SMALL),
                    Image(BytesIO(qr_png(url)), width=28 * mm, height=28 * mm, hAlign="LEFT"),
                ]
            ),
        ]
    template.build(story)
    return out.getvalue()
