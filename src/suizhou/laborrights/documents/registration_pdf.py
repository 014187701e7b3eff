"""The registration form (《劳动保障一站式维权事项受理登记表》) of a case, with its receipt, as PDF.

The font, the escaping of what was filed and the table that may run over pages are shared
with the notices (``pdf_base``).
"""

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Spacer
from suizhou.laborrights.documents.pdf_base import a4_pdf
from suizhou.laborrights.documents.pdf_base import paragraph
from suizhou.laborrights.documents.pdf_base import particulars
from suizhou.laborrights.documents.pdf_base import qr_image
from suizhou.laborrights.documents.pdf_base import style
from suizhou.laborrights.masking import mask_id_number
from suizhou.laborrights.masking import mask_phone
from suizhou.laborrights.vocabularies import title_of


TITLE = "劳动保障一站式维权事项受理登记表"

BODY = style("body", fontSize=10, leading=15)
LABEL = style("label", BODY, textColor=colors.HexColor("#333333"))
HEADING = style("heading", BODY, fontSize=12, leading=18, spaceBefore=8)
TITLE_STYLE = style("title", BODY, fontSize=16, leading=24, alignment=1)
SMALL = style("small", BODY, fontSize=8.5, leading=12)


def _p(text, paragraph_style=BODY):
    return paragraph(text, paragraph_style)


def _yes_no(value):
    return "是" if value else "否"


def _rows(case, data, masked):
    id_number, phone = case.applicant_id_number, case.applicant_phone
    if masked:
        id_number, phone = mask_id_number(id_number), mask_phone(phone)
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
        ("公民身份号码", id_number),
        ("联系电话", phone),
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


def _table(case, data, masked):
    return particulars(_rows(case, data, masked), [42 * mm, 128 * mm], LABEL, BODY, HEADING)


def registration_pdf(case, data, masked=False):
    """PDF bytes of the registration form of ``case``; ``data`` is ``receipt.receipt_data``.

    ``masked``: the citizen's copy (through the signed receipt link, or by e-mail) shows the ID
    number and phone in part; the staff's copy shows them in full.
    """
    story = [_p(TITLE, TITLE_STYLE), Spacer(1, 4 * mm), _table(case, data, masked), Spacer(1, 6 * mm)]
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
        qr_image(data["progress_url"], 32 * mm),
    ]
    return a4_pdf(story, f"{TITLE} {data['reference']}", top_margin=18 * mm)
