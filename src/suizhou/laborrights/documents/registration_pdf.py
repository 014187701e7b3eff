"""The registration form (《劳动保障一站式维权事项受理登记表》) of a case, with its receipt, as PDF.

One A4 page for a typical filing: short particulars two to a row, a field left empty is not
drawn (nor a section with nothing in it), then the applicant's and the clerk's signature and
date lines, then the receipt with the progress QR code. Long facts run over pages in their cell.
The font, the escaping of what was filed and the page set-up are shared with the notices
(``pdf_base``).
"""

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether
from reportlab.platypus import Spacer
from suizhou.laborrights.documents.pdf_base import a4_pdf
from suizhou.laborrights.documents.pdf_base import paragraph
from suizhou.laborrights.documents.pdf_base import qr_image
from suizhou.laborrights.documents.pdf_base import SECTION_BACKGROUND
from suizhou.laborrights.documents.pdf_base import style
from suizhou.laborrights.documents.pdf_base import table
from suizhou.laborrights.masking import mask_id_number
from suizhou.laborrights.masking import mask_phone
from suizhou.laborrights.vocabularies import title_of


TITLE = "劳动保障一站式维权事项受理登记表"

BODY = style("body", fontSize=9.5, leading=13.5)
LABEL = style("label", BODY, textColor=colors.HexColor("#333333"))
SECTION = style("section", BODY, fontSize=10.5, leading=14)
TITLE_STYLE = style("title", BODY, fontSize=16, leading=22, alignment=1)
SMALL = style("small", BODY, fontSize=8, leading=11)

LABEL_WIDTH, VALUE_WIDTH = 32 * mm, 53 * mm  # two label/value pairs make the 170 mm of a line
WIDTHS = [LABEL_WIDTH, VALUE_WIDTH, LABEL_WIDTH, VALUE_WIDTH]


def _p(text, paragraph_style=BODY):
    return paragraph(text, paragraph_style)


def _filled(value):
    return value is not None and str(value).strip() != ""


def particulars(case, data, masked=False):
    """What the form shows of ``case``: (section title, [(label, value, wide)]) in the order of
    the form, plain values (a PDF made from them later, as the e-mailed receipt in the sender
    thread, needs no database); a wide field takes a line of its own."""
    id_number, phone = case.applicant_id_number, case.applicant_phone
    if masked:
        id_number, phone = mask_id_number(id_number), mask_phone(phone)
    amount = f"{case.claim_amount:,.2f} 元" if case.claim_amount is not None else None
    disputes = "、".join(title_of("dispute_types", code) for code in case.dispute_types or ())
    return [
        (
            "受理信息",
            [
                ("受理编号", data["reference"], False),
                ("登记时间", data["received"], False),
                ("受理渠道", data["channel"], False),
                ("申请事项", data["form"], False),
                ("用工所在区县", data["district"], False),
                ("受理场所", data["station"], False),
            ],
        ),
        (
            "申请人",
            [
                ("姓名", case.applicant_name, False),
                ("联系电话", phone, False),
                ("公民身份号码", id_number, False),
                ("灵活就业/平台从业人员", "是" if case.applicant_gig_worker else None, False),
                ("联系地址", case.applicant_address, True),
            ],
        ),
        (
            "被申请人（用人单位）",
            [
                ("单位名称", case.employer_name, True),
                ("统一社会信用代码", case.employer_credit_code, False),
                ("单位联系人", case.employer_contact, False),
                ("单位联系电话", case.employer_phone, False),
                ("单位地址", case.employer_address, True),
            ],
        ),
        (
            "争议事项",
            [
                ("争议类型", disputes, True),
                ("请求金额", amount, False),
                ("涉及劳动者人数", case.workers_involved, False),
                ("请求事项", case.request, True),
                ("事实与理由", case.facts, True),
                ("附件", "\n".join(data["attachments"]), True),
            ],
        ),
    ]


def _lines(fields):
    """The table lines of a section's filled fields: short ones two to a line, in order."""
    lines, pending = [], None
    for label, value, wide in fields:
        if not _filled(value):
            continue
        if wide:
            if pending:
                lines.append([pending])
                pending = None
            lines.append([(label, value)])
        elif pending:
            lines.append([pending, (label, value)])
            pending = None
        else:
            pending = (label, value)
    if pending:
        lines.append([pending])
    return lines


def _table(sections):
    """The particulars as one table: shaded section lines across, then label/value cells; a
    field alone on its line spans the rest of it. Long values continue on the next page."""
    data = []
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    for title, fields in sections:
        lines = _lines(fields)
        if not lines:
            continue
        row = len(data)
        commands += [("SPAN", (0, row), (3, row)), ("BACKGROUND", (0, row), (3, row), SECTION_BACKGROUND)]
        data.append([_p(title, SECTION), "", "", ""])
        for line in lines:
            row = len(data)
            cells = []
            for label, value in line:
                cells += [_p(label, LABEL), _p(value)]
            if len(line) == 1:
                cells += ["", ""]
                commands.append(("SPAN", (1, row), (3, row)))
            data.append(cells)
    return table(data, WIDTHS, commands, splitInRow=1)


def _signatures():
    """Signature and date lines of the applicant and of the clerk who registered the case."""
    cells = [
        [_p(f"{who}签名：", BODY), "", _p("日期：", BODY), ""]
        for who in ("申请人", "登记人")
    ]
    lines = [
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LINEBELOW", (1, 0), (1, -1), 0.6, colors.black),
        ("LINEBELOW", (3, 0), (3, -1), 0.6, colors.black),
    ]
    return table(cells, [28 * mm, 62 * mm, 15 * mm, 50 * mm], lines, rowHeights=[11 * mm] * 2, hAlign="LEFT")


def _receipt(data):
    """The receipt: what happens next and when, and the progress page's address and QR code."""
    fields = [
        ("后续办理", data["next_steps"], True),
        ("法定时限", data["time_limit"], True),
        ("提示", data["duplicate_notice"] if data["duplicate"] else None, True),
    ]
    story = [_table([("受理回执", fields)])] if _lines(fields) else [_p("受理回执", SECTION)]
    lookup = [
        _p("凭受理编号和联系电话查询办理进度（扫描二维码或访问以下地址）：", SMALL),
        _p(data["progress_url"], SMALL),
    ]
    qr = qr_image(data["progress_url"], 24 * mm)
    progress = table([[lookup, qr]], [142 * mm, 28 * mm], [("VALIGN", (0, 0), (-1, -1), "MIDDLE")])
    return [*story, Spacer(1, 1.5 * mm), progress]


def registration_pdf(case, data, masked=False):
    """PDF bytes of the registration form of ``case``; ``data`` is ``receipt.receipt_data``.

    ``masked``: the citizen's copy (through the signed receipt link, or by e-mail) shows the ID
    number and phone in part; the staff's copy shows them in full.
    """
    return registration_pdf_of(particulars(case, data, masked), data)


def registration_pdf_of(sections, data):
    """PDF bytes of the registration form with the ``particulars`` ``sections``."""
    story = [
        _p(TITLE, TITLE_STYLE),
        Spacer(1, 3 * mm),
        _table(sections),
        KeepTogether([Spacer(1, 1 * mm), _signatures()]),
        Spacer(1, 5 * mm),
        KeepTogether(_receipt(data)),
    ]
    return a4_pdf(story, f"{TITLE} {data['reference']}", top_margin=15 * mm, bottom_margin=15 * mm)
