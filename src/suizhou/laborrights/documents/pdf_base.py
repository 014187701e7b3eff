"""What every PDF of the site shares: A4, the Chinese font, escaped text, tables of particulars.

Chinese is set in reportlab's CID font STSong-Light (the reader's own Song font, nothing is
embedded). Every text is escaped before it reaches reportlab's paragraph markup, so what was
filed (``<script>`` included) is printed as typed.

A row of a table may run over a page break (``splitInRow``): the facts of a case (up to 5,000
characters, more when a form feeds several fields into them) take several pages in their cell
instead of making the PDF fail.
"""

from io import BytesIO
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Image
from reportlab.platypus import Paragraph
from reportlab.platypus import SimpleDocTemplate
from reportlab.platypus import Table
from reportlab.platypus import TableStyle
from suizhou.laborrights.documents.qr import qr_png
from xml.sax.saxutils import escape


FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))

SECTION_BACKGROUND = colors.HexColor("#eeeeee")


def style(name, parent=None, **settings):
    """A paragraph style in the Chinese font, wrapping between any two characters."""
    if parent is None:
        settings = {"fontName": FONT, "wordWrap": "CJK", **settings}
    return ParagraphStyle(name, parent=parent, **settings)


def paragraph(text, paragraph_style):
    """A paragraph of plain text: escaped, line breaks kept."""
    return Paragraph(escape(str(text or "")).replace("\n", "<br/>"), paragraph_style)


def particulars(rows, widths, label_style, value_style, section_style):
    """(label, value) rows as a two-column table; a value None starts a section (its label on
    a shaded row across both columns). Long values continue on the next page."""
    data = []
    commands = [
        ("FONT", (0, 0), (-1, -1), FONT),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    for label, value in rows:
        if value is None:
            line = len(data)
            commands += [
                ("SPAN", (0, line), (1, line)),
                ("BACKGROUND", (0, line), (1, line), SECTION_BACKGROUND),
            ]
            data.append([paragraph(label, section_style), ""])
        else:
            data.append([paragraph(label, label_style), paragraph(value, value_style)])
    table = Table(data, colWidths=widths, splitInRow=1)
    table.setStyle(TableStyle(commands))
    return table


def qr_image(url, size):
    """The QR code of ``url``, ``size`` square, at the left."""
    return Image(BytesIO(qr_png(url)), width=size, height=size, hAlign="LEFT")


def a4_pdf(story, title, top_margin=20 * mm, bottom_margin=18 * mm):
    """PDF bytes of ``story`` (flowables) on A4 pages with 20 mm side margins."""
    out = BytesIO()
    SimpleDocTemplate(
        out,
        pagesize=A4,
        title=title,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=top_margin,
        bottomMargin=bottom_margin,
    ).build(story)
    return out.getvalue()
