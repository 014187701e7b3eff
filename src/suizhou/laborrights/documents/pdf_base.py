"""What every PDF of the site shares: A4, the Chinese font, escaped text, tables of particulars.

Chinese is set in a TrueType CJK font from a Debian package (``fonts-wqy-zenhei``, installed by
``.ci/run`` and named in docs/deployment.md), embedded as a subset of the characters used, so
every viewer shows the text. Noto CJK (also installed) cannot serve: reportlab embeds TrueType
outlines only, Noto's are PostScript (CFF). Without any of the fonts below the PDFs fall back to
the CID font STSong-Light, which is not embedded (some viewers then show no text), and say so in
the log. Every text is escaped before it reaches reportlab's paragraph markup, so what was filed
(``<script>`` included) is printed as typed.

A row of a table may run over a page break (``splitInRow``): the facts of a case (up to 5,000
characters, more when a form feeds several fields into them) take several pages in their cell
instead of making the PDF fail.
"""

from io import BytesIO
from pathlib import Path
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Image
from reportlab.platypus import Paragraph
from reportlab.platypus import SimpleDocTemplate
from reportlab.platypus import Table
from reportlab.platypus import TableStyle
from suizhou.laborrights import logger
from suizhou.laborrights.documents.qr import qr_png
from xml.sax.saxutils import escape


# (file, index of the face in a collection): TrueType outlines, GBK's characters or more.
EMBEDDABLE_FONTS = (
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),  # fonts-wqy-zenhei
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),  # fonts-wqy-microhei
    ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),  # fonts-arphic-uming
)
EMBEDDED_NAME = "LaborRightsCJK"
FALLBACK_FONT = "STSong-Light"


def register_font(candidates=EMBEDDABLE_FONTS):
    """The name of the font every PDF uses, registered with reportlab: the first TrueType CJK
    font found (embedded as a subset), else the CID font (not embedded)."""
    for path, index in candidates:
        if Path(path).is_file():
            pdfmetrics.registerFont(TTFont(EMBEDDED_NAME, path, subfontIndex=index))
            return EMBEDDED_NAME
    logger.warning(
        "No TrueType CJK font (%s): PDFs use %s, not embedded; install fonts-wqy-zenhei",
        ", ".join(path for path, _index in candidates),
        FALLBACK_FONT,
    )
    pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK_FONT))
    return FALLBACK_FONT


FONT = register_font()

SECTION_BACKGROUND = colors.HexColor("#eeeeee")


def style(name, parent=None, **settings):
    """A paragraph style in the Chinese font, wrapping between any two characters."""
    if parent is None:
        settings = {"fontName": FONT, "wordWrap": "CJK", **settings}
    return ParagraphStyle(name, parent=parent, **settings)


def paragraph(text, paragraph_style):
    """A paragraph of plain text: escaped, line breaks kept."""
    return Paragraph(escape(str(text or "")).replace("\n", "<br/>"), paragraph_style)


def table(data, widths, commands=(), **options):
    """A reportlab table whose every cell is set in the Chinese font (a cell left to reportlab's
    default would add Helvetica, which is not embedded)."""
    result = Table(data, colWidths=widths, **options)
    result.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT), *commands]))
    return result


def particulars(rows, widths, label_style, value_style, section_style):
    """(label, value) rows as a two-column table; a value None starts a section (its label on
    a shaded row across both columns). Long values continue on the next page."""
    data = []
    commands = [
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
    return table(data, widths, commands, splitInRow=1)


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
        initialFontName=FONT,  # else reportlab names Helvetica (not embedded) on every page
    ).build(story)
    return out.getvalue()
