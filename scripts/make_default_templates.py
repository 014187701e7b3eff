"""Build the default Word templates of the documents (文书) shipped in the package:
``src/suizhou/laborrights/documents/templates_docx/<kind>.docx``.

Run it again after changing the text below and commit the .docx files with it:

    bin/zopepy scripts/make_default_templates.py [kind …]

The tags between ``{{ }}`` are docxtpl (Jinja) tags filled from the case (the list is in
``documents/template_fields.py`` and docs/admin-guide.md). Each tag is written as one run of
text, so that docxtpl finds it whole; an administrator editing the file in Word or WPS keeps a
tag whole by typing it in one go.
"""

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.shared import Pt

import pathlib
import sys


TARGET = pathlib.Path(__file__).resolve().parent.parent / "src/suizhou/laborrights/documents/templates_docx"
FONT = "宋体"
TITLE_FONT = "黑体"


def _font(run, name=FONT, size=14, bold=False):
    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


def new_document():
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(14)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    return document


def title(document, text):
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(paragraph.add_run(text), TITLE_FONT, 22, bold=True)


def number(document):
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _font(paragraph.add_run("{{ number }}"))


def line(document, text, indent=True, align=None, size=14, bold=False):
    paragraph = document.add_paragraph()
    if indent:
        paragraph.paragraph_format.first_line_indent = Pt(size * 2)
    if align is not None:
        paragraph.alignment = align
    _font(paragraph.add_run(text), size=size, bold=bold)
    return paragraph


def signed(document, signer="{{ office }}（印章）"):
    """The issuing office with its seal line and the date, on the right."""
    document.add_paragraph()
    line(document, signer, indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
    line(document, "{{ date }}", indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)


def table(document, rows):
    """Label | value rows; a row whose value is None is a section heading across both cells."""
    grid = document.add_table(rows=0, cols=2)
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    for label, value in rows:
        cells = grid.add_row().cells
        if value is None:
            merged = cells[0].merge(cells[1])
            _font(merged.paragraphs[0].add_run(label), size=12, bold=True)
            continue
        _font(cells[0].paragraphs[0].add_run(label), size=12)
        _font(cells[1].paragraphs[0].add_run(value), size=12)
    grid.autofit = False
    grid.columns[0].width, grid.columns[1].width = Cm(4.5), Cm(11)  # the grid LibreOffice reads
    for row in grid.rows:
        row.cells[0].width, row.cells[-1].width = Cm(4.5), Cm(11)
    document.add_paragraph()
    return grid


def claims_table(document):
    """The claims one row each (docxtpl's ``{%tr %}`` repeats the middle row)."""
    grid = document.add_table(rows=4, cols=3)
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(grid.rows[0].cells, ("请求类别", "金额（元）", "说明")):
        _font(cell.paragraphs[0].add_run(text), size=12, bold=True)
    _font(grid.rows[1].cells[0].paragraphs[0].add_run("{%tr for claim in claims %}"), size=12)
    for cell, text in zip(grid.rows[2].cells, ("{{ claim.kind }}", "{{ claim.amount }}", "{{ claim.note }}")):
        _font(cell.paragraphs[0].add_run(text), size=12)
    _font(grid.rows[3].cells[0].paragraphs[0].add_run("{%tr endfor %}"), size=12)
    return grid


def notice(body, heading):
    document = new_document()
    title(document, heading)
    number(document)
    line(document, "{{ applicant_name }}：", indent=False)
    for text in body:
        line(document, text)
    signed(document)
    return document


CONTACT = "承办单位：{{ office }}{% if office_address %}，地址：{{ office_address }}{% endif %}" \
    "{% if office_phone %}，电话：{{ office_phone }}{% endif %}。"
PROGRESS = "查询办理进度：访问 {{ progress_url }}，输入受理编号和登记的联系电话。"


def acceptance():
    return notice(
        (
            "你（单位）于{{ received }}提出的{{ dispute_types }}事项（受理编号：{{ reference }}），"
            "经审查，符合受理条件，决定予以受理，由{{ office }}承办（{{ route }}）。",
            "{{ time_limit }}",
            "请保持通讯畅通，按承办单位的通知提供证据材料、参加调解或者庭审。"
            "无正当理由拒不到场的，可能影响你（单位）的权益。",
            "特此通知。",
            CONTACT,
            PROGRESS,
        ),
        "受理通知书",
    )


def rejection():
    return notice(
        (
            "你（单位）于{{ received }}提出的{{ dispute_types }}事项（受理编号：{{ reference }}），"
            "经审查，{{ rejection_reason }}。根据有关规定，决定不予受理。",
            "对本决定不服的，可以依法就该劳动争议事项向人民法院提起诉讼；"
            "属于其他部门职责范围的，请向有关部门反映，我们可以提供指引。",
            "特此通知。",
        ),
        "不予受理通知书",
    )


def supplement():
    return notice(
        (
            "你（单位）于{{ received }}提出的{{ dispute_types }}申请（受理编号：{{ reference }}），"
            "所提交的材料不齐备。请于{{ supply_by }}前补正下列材料：",
            "{{ supply }}",
            "补正材料请交至{{ office }}。审查期限自收到补正材料之日起重新计算"
            "（《劳动人事争议仲裁办案规则》第四十六条）；逾期未补正的，可能影响你（单位）申请的受理。",
            "特此通知。",
            CONTACT,
            PROGRESS,
        ),
        "补正通知书",
    )


def closure():
    return notice(
        (
            "你（单位）于{{ received }}提出的{{ dispute_types }}事项（受理编号：{{ reference }}），"
            "已于{{ closed }}办结。办理结果：{{ outcome }}。",
            "{% if amount_recovered %}为劳动者追回（挽回）金额{{ amount_recovered }}元，"
            "惠及劳动者{{ workers_benefited }}人。{% endif %}",
            "欢迎对本次服务作出评价：访问 {{ progress_url }}，输入受理编号和登记的联系电话即可评价。",
            "特此通知。",
            CONTACT,
        ),
        "结案通知书",
    )


def extension():
    return notice(
        (
            "你（单位）的{{ dispute_types }}劳动争议仲裁案件（受理编号：{{ reference }}），"
            "因{{ extension_reason }}，经{{ extension_approved_by }}批准，根据《中华人民共和国劳动争议调解仲裁法》"
            "第四十三条的规定，审理期限延长{{ extension_days }}日，至{{ extended_to }}届满。",
            "特此通知。",
            CONTACT,
            PROGRESS,
        ),
        "延长仲裁期限通知书",
    )


def acceptance_overdue():
    return notice(
        (
            "你（单位）于{{ received }}提出的仲裁申请（受理编号：{{ reference }}），"
            "仲裁委员会未在法定期限内（{{ acceptance_due }}前）作出受理或者不予受理的决定。",
            "根据《中华人民共和国劳动争议调解仲裁法》第二十九条的规定，"
            "你（单位）可以就该劳动争议事项向人民法院提起诉讼。",
            "特此告知。",
            CONTACT,
            PROGRESS,
        ),
        "逾期未受理告知书",
    )


PARTIES = (
    ("当事人", None),
    ("申请人", "{{ applicant_name }}"),
    ("公民身份号码", "{{ applicant_id_number }}"),
    ("联系电话", "{{ applicant_phone }}"),
    ("联系地址", "{{ applicant_address }}"),
    ("被申请人", "{{ employer_name }}"),
    ("统一社会信用代码", "{{ employer_credit_code }}"),
    ("单位地址", "{{ employer_address }}"),
    ("单位联系人", "{{ employer_contact }}"),
)


def mediation_agreement():
    document = new_document()
    title(document, "调解协议书")
    number(document)
    table(
        document,
        PARTIES
        + (
            ("调解情况", None),
            ("调解组织", "{{ office }}"),
            ("调解员", "{{ mediator }}"),
            ("调解时间", "{{ session_date }}"),
            ("参加人员", "{{ session_parties }}"),
        ),
    )
    line(
        document,
        "申请人与被申请人因{{ dispute_types }}发生争议（受理编号：{{ reference }}），"
        "经{{ office }}主持调解，双方自愿达成如下协议：",
    )
    line(document, "一、{{ agreement_terms }}")
    line(document, "二、协议金额{{ agreement_amount }}元，于{{ performance_deadline }}前履行完毕。")
    line(
        document,
        "本协议自双方当事人签名或者盖章，经调解员签名并加盖调解组织印章后生效，"
        "对双方当事人具有约束力，当事人应当履行。一方当事人在协议约定期限内不履行的，"
        "另一方当事人可以依法申请仲裁；因支付拖欠劳动报酬、工伤医疗费、经济补偿或者赔偿金事项达成协议，"
        "用人单位在约定期限内不履行的，劳动者可以持本协议书依法向人民法院申请支付令"
        "（《中华人民共和国劳动争议调解仲裁法》第十六条）。",
    )
    line(document, "本协议一式三份，双方当事人和调解组织各执一份。")
    document.add_paragraph()
    for signer in ("申请人（签名）：", "被申请人（盖章）：", "调解员（签名）："):
        line(document, signer, indent=False)
    signed(document)
    return document


def registration():
    document = new_document()
    title(document, "劳动保障维权事项登记表")
    line(document, "编号：{{ number }}", indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT, size=12)
    line(document, "受理编号：{{ reference }}", indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT, size=12)
    table(
        document,
        (
            ("登记", None),
            ("登记时间", "{{ received }}"),
            ("受理渠道", "{{ channel }}"),
            ("受理场所", "{{ station }}"),
            ("申请人", None),
            ("姓名", "{{ applicant_name }}"),
            ("公民身份号码", "{{ applicant_id_number }}"),
            ("联系电话", "{{ applicant_phone }}"),
            ("联系地址", "{{ applicant_address }}"),
            ("用人单位", None),
            ("名称", "{{ employer_name }}"),
            ("统一社会信用代码", "{{ employer_credit_code }}"),
            ("地址", "{{ employer_address }}"),
            ("联系人及电话", "{{ employer_contact }} {{ employer_phone }}"),
            ("争议", None),
            ("争议类型", "{{ dispute_types }}"),
            ("涉及人数", "{{ workers_involved }}"),
            ("请求金额（元）", "{{ claim_amount }}"),
            ("请求事项", "{{ request }}"),
            ("事实与理由", "{{ facts }}"),
        ),
    )
    line(document, "请求明细", indent=False, size=12, bold=True)
    claims_table(document)
    document.add_paragraph()
    line(document, "申请人（签名或捺印）：", indent=False)
    line(document, "登记人：{{ clerk }}", indent=False)
    signed(document, "{{ office }}")
    return document


def judicial_confirmation():
    document = new_document()
    title(document, "司法确认申请书")
    number(document)
    table(document, PARTIES)
    line(document, "请求事项", indent=False, bold=True)
    line(
        document,
        "确认申请人与被申请人于{{ session_date }}经{{ office }}主持调解达成的调解协议"
        "（受理编号：{{ reference }}）有效。",
    )
    line(document, "事实与理由", indent=False, bold=True)
    line(
        document,
        "申请人与被申请人因{{ dispute_types }}发生争议，经{{ office }}（调解员：{{ mediator }}）主持调解，"
        "双方自愿达成如下协议：{{ agreement_terms }}；协议金额{{ agreement_amount }}元，"
        "于{{ performance_deadline }}前履行完毕。",
    )
    line(
        document,
        "该协议是双方真实意思表示，不违反法律、行政法规的强制性规定，不损害国家利益、社会公共利益和他人合法权益。"
        "根据《中华人民共和国人民调解法》第三十三条、《中华人民共和国民事诉讼法》第二百零五条的规定，"
        "双方共同申请人民法院确认该调解协议有效。",
    )
    line(document, "此致", indent=True)
    line(document, "{{ court }}", indent=False)
    document.add_paragraph()
    line(document, "附：调解协议书一份", indent=False, size=12)
    for signer in ("申请人（签名）：", "被申请人（盖章）："):
        line(document, signer, indent=False)
    signed(document, "调解组织：{{ office }}（印章）")
    return document


BUILDERS = {
    "acceptance": acceptance,
    "rejection": rejection,
    "supplement": supplement,
    "mediation_agreement": mediation_agreement,
    "closure": closure,
    "extension": extension,
    "acceptance_overdue": acceptance_overdue,
    "registration": registration,
    "judicial_confirmation": judicial_confirmation,
}


def main(kinds=()):
    """Build the templates of ``kinds`` (all when none are named on the command line)."""
    TARGET.mkdir(parents=True, exist_ok=True)
    for kind, build in BUILDERS.items():
        if kinds and kind not in kinds:
            continue
        path = TARGET / f"{kind}.docx"
        build().save(path)
        print(path)


if __name__ == "__main__":
    main(sys.argv[1:])
