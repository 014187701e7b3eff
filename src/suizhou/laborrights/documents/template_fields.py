"""What the Word templates (``docx_templates.py``) are filled with: one flat set of tags for
every kind, read from the case (``case_fields``), and the same tags with sample values
(``sample_fields``) that an uploaded template is tried against before it replaces the old one.

Every value is text as a reader sees it (dates as 2026年7月13日 in Beijing time, amounts with
two decimals, codes as their titles from the vocabularies); a missing value is "". The names of
the offices come from the site's data (the handling unit's title, the district titles of the
vocabularies control panel), never from code. docs/admin-guide.md lists the tags.
"""

from docxtpl import Listing
from plone import api
from suizhou.laborrights import _
from suizhou.laborrights.documents.notice_base import dispute_types
from suizhou.laborrights.documents.notice_base import issuer
from suizhou.laborrights.documents.notice_base import issuer_unit
from suizhou.laborrights.documents.notice_base import money
from suizhou.laborrights.documents.procedure_notices import acceptance_overdue_entry
from suizhou.laborrights.documents.procedure_notices import award_extension_entry
from suizhou.laborrights.documents.procedure_notices import reason_sentence
from suizhou.laborrights.handling import clocks
from suizhou.laborrights.handling import mediation
from suizhou.laborrights.handling.history import last
from suizhou.laborrights.handling.refusal import rejection_reason
from suizhou.laborrights.i18n import zh as t
from suizhou.laborrights.notifications import recipients
from suizhou.laborrights.settings import court_name
from suizhou.laborrights.timezone import chinese_date
from suizhou.laborrights.vocabularies import title_of


# tag -> what it is (shown in the control panel and the admin guide)
TAGS = {
    "number": _("tag_number", default="文书编号，如 随劳调受字〔2026〕第0012号"),
    "date": _("tag_date", default="出具日期，如 2026年7月13日"),
    "office": _("tag_office", default="出具单位（承办单位，否则受理场所或区县中心）"),
    "office_address": _("tag_office_address", default="出具单位的地址"),
    "office_phone": _("tag_office_phone", default="出具单位的联系电话"),
    "city": _("tag_city", default="市名（维权事项登记的区县列表中的“市”）"),
    "court": _("tag_court_by_district", default="受理司法确认的人民法院（门户网站设置中按区县填写；未填写时留出空白）"),
    "reference": _("tag_reference", default="受理编号"),
    "received": _("tag_received", default="登记时间"),
    "routed": _("tag_routed", default="分办时间"),
    "closed": _("tag_closed", default="办结时间"),
    "channel": _("tag_channel", default="受理渠道"),
    "route": _("tag_route", default="办理途径（调解、仲裁、监察……）"),
    "time_limit": _("tag_time_limit", default="当前办理阶段及其法定期限，如 调解阶段的法定办理期限至2026年7月28日"),
    "station": _("tag_station", default="受理场所"),
    "clerk": _("tag_clerk", default="出具文书的工作人员"),
    "applicant_name": _("tag_applicant_name", default="申请人姓名"),
    "applicant_id_number": _("tag_applicant_id_number", default="申请人公民身份号码"),
    "applicant_phone": _("tag_applicant_phone", default="申请人联系电话"),
    "applicant_address": _("tag_applicant_address", default="申请人联系地址"),
    "employer_name": _("tag_employer_name", default="用人单位名称"),
    "employer_credit_code": _("tag_employer_credit_code", default="统一社会信用代码"),
    "employer_address": _("tag_employer_address", default="用人单位地址"),
    "employer_contact": _("tag_employer_contact", default="用人单位联系人"),
    "employer_phone": _("tag_employer_phone", default="用人单位联系电话"),
    "dispute_types": _("tag_dispute_types", default="争议类型"),
    "workers_involved": _("tag_workers_involved", default="涉及人数"),
    "claim_amount": _("tag_claim_amount", default="请求金额（元）"),
    "claims": _("tag_claims", default="请求明细，每项有 kind（类别）、amount（金额）、note（说明）"),
    "request": _("tag_request", default="请求事项"),
    "facts": _("tag_facts", default="事实与理由"),
    "outcome": _("tag_outcome", default="办理结果"),
    "amount_recovered": _("tag_amount_recovered", default="追回金额（元）"),
    "workers_benefited": _("tag_workers_benefited", default="惠及劳动者人数"),
    "rejection_reason": _("tag_rejection_reason", default="不予受理的理由"),
    "supply": _("tag_supply", default="需补正的材料"),
    "supply_by": _("tag_supply_by", default="补正期限"),
    "extension_reason": _("tag_extension_reason", default="延长仲裁审理期限的理由"),
    "extension_approved_by": _("tag_extension_approved_by", default="批准延期的负责人"),
    "extension_days": _("tag_extension_days", default="延长的天数"),
    "extended_to": _("tag_extended_to", default="延长后的审理期限届满日"),
    "acceptance_due": _("tag_acceptance_due", default="应作出受理决定的期限（逾期未受理告知书）"),
    "mediator": _("tag_mediator", default="调解员"),
    "session_date": _("tag_session_date", default="调解时间"),
    "session_parties": _("tag_session_parties", default="参加调解人员"),
    "agreement_terms": _("tag_agreement_terms", default="调解协议内容"),
    "agreement_amount": _("tag_agreement_amount", default="协议金额（元）"),
    "performance_deadline": _("tag_performance_deadline", default="履行期限"),
    "progress_url": _("tag_progress_url", default="进度查询网址"),
}

COURT_BLANK = "＿＿＿＿＿＿人民法院"


def _text(value):
    return "" if value is None else str(value)


def _lines(value):
    """Text that may run over several lines (facts, terms): each line break stays one in Word."""
    text = _text(value).replace("\r\n", "\n").strip()
    return Listing(text) if "\n" in text else text


def _clerk():
    user = api.user.get_current()
    return (user.getProperty("fullname") or user.getId()) if user is not None else ""


def _time_limit(case):
    clock = clocks.current(case)
    info = clocks.status(clock) if clock is not None else None
    if info is None or info.due is None:
        return ""
    return t(
        _("acceptance_time_limit", default="本事项${stage}阶段的法定办理期限至${due}。"),
        stage=t(info.title),
        due=chinese_date(info.due),
    )


def _workers_benefited(case):
    if not case.amount_recovered:
        return ""
    return _text(case.workers_benefited or case.workers_involved or 1)


def _office_contact(case):
    unit = issuer_unit(case)
    if unit is None:
        return "", ""
    phones = [phone.strip() for phone in getattr(unit, "phones", None) or () if phone and phone.strip()]
    return _text(getattr(unit, "address", None)), "、".join(phones)


def _procedure_fields(case):
    extension = award_extension_entry(case)
    extended = dict(extension.details) if extension is not None else {}
    overdue = acceptance_overdue_entry(case)
    return {
        "extension_reason": reason_sentence(extension.comment) if extension is not None else "",
        "extension_approved_by": _text(extended.get("approved_by")),
        "extension_days": _text(extended.get("extension_days")),
        "extended_to": chinese_date(extended.get("due")),
        "acceptance_due": chinese_date(dict(overdue.details).get("due")) if overdue is not None else "",
    }


def case_fields(case, number="", date=None):
    """The tags filled from ``case`` for a document numbered ``number`` issued on ``date``."""
    supplement = last(case, "supplement_requested")
    supplement = dict(supplement.details) if supplement is not None else {}
    session = mediation.agreed_session(case)
    rejected = api.content.get_state(case) == "rejected"
    office_address, office_phone = _office_contact(case)
    return {
        "number": number,
        "date": chinese_date(date),
        "office": issuer(case),
        "office_address": office_address,
        "office_phone": office_phone,
        "city": title_of("districts", "city"),
        "court": court_name(case.district) or COURT_BLANK,
        "reference": case.getId(),
        "received": chinese_date(case.received),
        "routed": chinese_date(case.routed),
        "closed": chinese_date(case.closed),
        "channel": title_of("channels", case.channel) if case.channel else "",
        "route": title_of("routes", case.route) if case.route else "",
        "time_limit": _time_limit(case),
        "station": recipients.unit_title(case.station),
        "clerk": _clerk(),
        "applicant_name": _text(case.applicant_name),
        "applicant_id_number": _text(case.applicant_id_number),
        "applicant_phone": _text(case.applicant_phone),
        "applicant_address": _text(case.applicant_address),
        "employer_name": _text(case.employer_name),
        "employer_credit_code": _text(case.employer_credit_code),
        "employer_address": _text(case.employer_address),
        "employer_contact": _text(case.employer_contact),
        "employer_phone": _text(case.employer_phone),
        "dispute_types": dispute_types(case),
        "workers_involved": _text(case.workers_involved),
        "claim_amount": money(case.claim_amount),
        "claims": [
            {
                "kind": title_of("claim_kinds", row.get("kind")) if row.get("kind") else "",
                "amount": money(row.get("amount")),
                "note": _text(row.get("note")),
            }
            for row in case.claims or ()
        ],
        "request": _lines(case.request),
        "facts": _lines(case.facts),
        "outcome": title_of("outcomes", case.outcome) if case.outcome else "",
        "amount_recovered": money(case.amount_recovered),
        "workers_benefited": _workers_benefited(case),
        "rejection_reason": rejection_reason(case) if rejected else "",
        "supply": _lines(supplement.get("supply")),
        "supply_by": chinese_date(supplement.get("supply_by")),
        "mediator": _text(session.mediator) if session else "",
        "session_date": chinese_date(session.session_date) if session else "",
        "session_parties": _text(session.parties) if session else "",
        "agreement_terms": _lines(session.agreement_terms) if session else "",
        "agreement_amount": money(session.agreement_amount) if session else "",
        "performance_deadline": chinese_date(session.performance_deadline) if session else "",
        "progress_url": recipients.progress_url(case),
        **_procedure_fields(case),
    }


def sample_fields():
    """Every tag with a plausible value (no real person), to try an uploaded template."""
    sample = {name: t(title) for name, title in TAGS.items()}
    sample.update(
        number="示例字〔2026〕第0001号",
        date="2026年7月13日",
        extension_days="15",
        claims=[{"kind": "拖欠工资", "amount": "12,000.00", "note": "2026年3月至5月"}],
    )
    return sample
