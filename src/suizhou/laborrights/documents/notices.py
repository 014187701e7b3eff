"""When a case has each of its written documents (文书), and the one still laid out in Python.

The notices to the applicant (受理通知书, 不予受理通知书, 补正通知书, 结案通知书, the procedure
notices of ``procedure_notices.py``), the 调解协议书 and the 司法确认申请书 are filled from the
Word templates an administrator edits (``docx_templates``, ``issuing``); the notices are issued
by themselves when their event happens (``automatic``). Here is only when a case has each:
``CHECKS[kind](case)`` raises ``NotAvailable`` with the reason in Chinese.

The 口头申请笔录 (an application taken down by the clerk and signed at the desk) is built here as
a ``Document`` and printed as a page or a reportlab PDF (``pdf.py``); what every such document is
made of is in ``notice_base.py``.
"""

from plone import api
from suizhou.laborrights import _
from suizhou.laborrights.documents import procedure_notices
from suizhou.laborrights.documents.notice_base import dispute_types as _dispute_types
from suizhou.laborrights.documents.notice_base import Document
from suizhou.laborrights.documents.notice_base import issuer
from suizhou.laborrights.documents.notice_base import NotAvailable
from suizhou.laborrights.documents.notice_base import progress_link as _progress_link
from suizhou.laborrights.handling import mediation
from suizhou.laborrights.handling.history import last
from suizhou.laborrights.i18n import zh as t
from suizhou.laborrights.intake.interfaces import IOralApplication
from suizhou.laborrights.notifications import recipients
from suizhou.laborrights.timezone import chinese_date
from suizhou.laborrights.timezone import chinese_datetime
from suizhou.laborrights.vocabularies import title_of


def acceptance(case):
    state = api.content.get_state(case)
    if state == "registered":
        raise NotAvailable(t(_("document_not_yet_routed", default="该事项尚未分办受理。")))
    if state == "rejected":
        raise NotAvailable(t(_("document_was_rejected", default="该事项已决定不予受理。")))


def rejection(case):
    if api.content.get_state(case) != "rejected":
        raise NotAvailable(t(_("document_not_rejected", default="该事项未作不予受理决定。")))


def mediation_agreement(case):
    if mediation.agreed_session(case) is None:
        raise NotAvailable(t(_("document_no_agreement", default="该事项没有达成调解协议的调解记录。")))


def closure(case):
    if api.content.get_state(case) not in ("closed", "withdrawn"):
        raise NotAvailable(t(_("document_not_closed", default="该事项尚未办结。")))


def registration(case):
    """Every case has its registration form."""


# --- 口头申请笔录 -------------------------------------------------------------------------


def _clerk(case):
    entry = last(case, "oral_application")
    userid = entry.actor if entry is not None else None
    user = api.user.get(userid=userid) if userid else None
    return (user.getProperty("fullname") or userid) if user is not None else (userid or "")


def oral_record(case):
    if not IOralApplication.providedBy(case):
        raise NotAvailable(t(_("document_not_oral", default="该事项不是口头申请。")))
    section = None
    rows = (
        (t(_("label_reference", default="受理编号")), case.getId()),
        (
            t(_("oral_time", default="申请时间")),
            chinese_datetime(case.received),
        ),
        (t(_("label_received_at", default="受理场所")), recipients.unit_title(case.station) or issuer(case)),
        (t(_("label_channel", default="受理渠道")), title_of("channels", case.channel)),
        (t(_("oral_clerk", default="记录人")), _clerk(case)),
        (t(_("fieldset_applicant", default="申请人")), section),
        (t(_("label_applicant_name", default="申请人姓名")), case.applicant_name),
        (t(_("label_applicant_id_number", default="公民身份号码")), case.applicant_id_number or ""),
        (t(_("label_applicant_phone", default="联系电话")), case.applicant_phone),
        (t(_("oral_dispute", default="争议")), section),
        (t(_("label_employer_name", default="用人单位名称")), case.employer_name or ""),
        (t(_("label_dispute_types_of_case", default="争议类型")), _dispute_types(case)),
        (t(_("label_request", default="请求事项")), case.request or ""),
        (t(_("label_facts", default="事实与理由")), case.facts),
    )
    paragraphs = (
        t(
            _(
                "oral_statement",
                default="申请人书写申请确有困难，口头提出申请，由受理员记入本笔录。",
            )
        ),
        t(
            _(
                "oral_confirmation",
                default="以上笔录已向申请人宣读（或经申请人阅读），申请人确认与其陈述一致。",
            )
        ),
    )
    return Document(
        kind="oral_record",
        title=t(ORAL_RECORD),
        number=case.getId(),
        addressee="",
        paragraphs=paragraphs,
        rows=rows,
        signatures=(
            t(_("signature_oral_applicant", default="申请人（签名或捺印）")),
            t(_("signature_clerk", default="记录人（签名）")),
        ),
        issuer=issuer(case),
        date=chinese_date(case.received),
        link=_progress_link(case),
    )


# kind -> title of the documents from the Word templates, in the order of the control panel
TITLES = {
    "acceptance": _("document_acceptance", default="受理通知书"),
    "rejection": _("document_rejection", default="不予受理通知书"),
    "supplement": _("document_supplement", default="补正通知书"),
    "mediation_agreement": _("document_mediation_agreement", default="调解协议书"),
    "closure": _("document_closure", default="结案通知书"),
    "extension": _("document_extension", default="延长仲裁期限通知书"),
    "acceptance_overdue": _("document_acceptance_overdue", default="逾期未受理告知书"),
    "registration": _("document_registration_form", default="劳动保障维权事项登记表"),
    "judicial_confirmation": _("document_judicial_confirmation", default="司法确认申请书"),
}

# kind -> its check
CHECKS = {
    "acceptance": acceptance,
    "rejection": rejection,
    "supplement": procedure_notices.supplement,
    "mediation_agreement": mediation_agreement,
    "closure": closure,
    "extension": procedure_notices.extension,
    "acceptance_overdue": procedure_notices.acceptance_overdue,
    "registration": registration,
    "judicial_confirmation": mediation_agreement,
}

ORAL_RECORD = _("document_oral_record", default="口头申请笔录")


def check(case, kind):
    """Raise ``NotAvailable`` (Chinese message) unless ``case`` has document ``kind`` now."""
    if kind == "oral_record":
        oral_record(case)
    else:
        CHECKS[kind](case)


def available(case):
    """(kind, title) of the case's documents listed on its pages (the registration form has a
    link of its own: the receipt)."""
    found = []
    for kind in (*(kind for kind in TITLES if kind != "registration"), "oral_record"):
        try:
            check(case, kind)
        except NotAvailable:
            continue
        found.append((kind, t(TITLES.get(kind, ORAL_RECORD))))
    return found
