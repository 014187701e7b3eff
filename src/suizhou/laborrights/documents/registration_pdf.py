"""The registration form (《劳动保障一站式维权事项受理登记表》) of a case, with its receipt, as PDF.

Chinese text is set in reportlab's built-in CID font STSong-Light (the reader's own Song
font is used, nothing is embedded). Everything filed is escaped before it reaches
reportlab's paragraph markup, so text such as ``<script>`` is printed as typed.
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
from reportlab.platypus import Spacer
from reportlab.platypus import Table
from reportlab.platypus import TableStyle
from suizhou.laborrights.documents.qr import qr_png
from suizhou.laborrights.vocabularies import title_of
from xml.sax.saxutils import escape


FONT = "STSong-Light"
TITLE = "劳动保障一站式维权事项受理登记表"

pdfmetrics.registerFont(UnicodeCIDFont(FONT))

BODY = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=15, wordWrap="CJK")
LABEL = ParagraphStyle("label", parent=BODY, textColor=colors.HexColor("#333333"))
HEADING = ParagraphStyle("heading", parent=BODY, fontSize=12, leading=18, spaceBefore=8)
TITLE_STYLE = ParagraphStyle("title", parent=BODY, fontSize=16, leading=24, alignment=1)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=8.5, leading=12)


def _p(text, style=BODY):
    """A paragraph of plain text: escaped, line breaks kept."""
    return Paragraph(escape(str(text or "")).replace("\n", "<br/>"), style)


def _yes_no(value):
    return "是" if value else "否"


def _rows(case, data):
    amount = f"{case.claim_amount:,.2f} 元" if case.claim_amount is not None else ""
    return [
        ("受理信息", None),
        ("受理编号", data["reference"]),
        ("登记时间", data["received"]),
        ("受理渠道", data["channel"]),
        ("申请事项", data["form"]),
        ("用工所在区县", data["district"]),
        ("受理场所", data["station"]),
        ("申请人", None),
        ("姓名", case.applicant_name),
        ("公民身份号码", case.applicant_id_number),
        ("联系电话", case.applicant_phone),
        ("联系地址", case.applicant_address),
        ("灵活就业/平台从业人员", _yes_no(case.applicant_gig_worker)),
        ("被申请人（用人单位）", None),
        ("单位名称", case.employer_name),
        ("统一社会信用代码", case.employer_credit_code),
        ("单位地址", case.employer_address),
        ("单位联系人", case.employer_contact),
        ("单位联系电话", case.employer_phone),
        ("争议事项", None),
        ("争议类型", "、".join(title_of("dispute_types", code) for code in case.dispute_types or ())),
        ("请求金额", amount),
        ("涉及劳动者人数", case.workers_involved),
        ("请求事项", case.request),
        ("事实与理由", case.facts),
        ("附件", "\n".join(data["attachments"]) or "无"),
    ]


def _table(case, data):
    rows = []
    style = [
        ("FONT", (0, 0), (-1, -1), FONT),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    for label, value in _rows(case, data):
        if value is None:  # a section heading across both columns
            style += [
                ("SPAN", (0, len(rows)), (1, len(rows))),
                ("BACKGROUND", (0, len(rows)), (1, len(rows)), colors.HexColor("#eeeeee")),
            ]
            rows.append([_p(label, HEADING), ""])
        else:
            rows.append([_p(label, LABEL), _p(value)])
    table = Table(rows, colWidths=[42 * mm, 128 * mm], repeatRows=0)
    table.setStyle(TableStyle(style))
    return table


def registration_pdf(case, data):
    """PDF bytes of the registration form of ``case``; ``data`` is ``receipt.receipt_data``."""
    out = BytesIO()
    document = SimpleDocTemplate(
        out,
        pagesize=A4,
        title=f"{TITLE} {data['reference']}",
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
    )
    story = [_p(TITLE, TITLE_STYLE), Spacer(1, 4 * mm), _table(case, data), Spacer(1, 6 * mm)]
    story.append(_p("受理回执", HEADING))
    if data["next_steps"]:
        story += [_p("后续办理：", LABEL), _p(data["next_steps"])]
    if data["time_limit"]:
        story += [_p("法定时限：", LABEL), _p(data["time_limit"])]
    if data["duplicate"]:
        story.append(_p(data["duplicate_notice"]))
    story += [
        Spacer(1, 3 * mm),
        _p("凭受理编号和联系电话查询办理进度（扫描二维码或访问以下地址）：", SMALL),
        _p(data["progress_url"], SMALL),
        Image(BytesIO(qr_png(data["progress_url"])), width=32 * mm, height=32 * mm, hAlign="LEFT"),
    ]
    document.build(story)
    return out.getvalue()
