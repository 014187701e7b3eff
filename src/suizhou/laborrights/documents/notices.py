"""Written notices of a case (文书), each built from the case as one ``Document``.

A ``Document`` is plain text arranged the way an official notice is: title, number, to whom,
paragraphs, a table of particulars, signature lines, issuer and date. The same document is
rendered as a printable page (``templates/document.pt``) and as a PDF (``pdf.py``), so both
always say the same thing.

Kinds (``KINDS``): 受理通知书, 不予受理通知书 (with the reason given when the case was not
accepted), 调解协议书 (from the agreed mediation session), 结案通知书 (with the invitation to
rate the service) and 口头申请笔录 (an application taken down by the clerk); the notices of
procedural events (补正通知书, 延长仲裁期限通知书, 逾期未受理告知书) are in
``procedure_notices.py``. What every notice is made of is in ``notice_base.py``.
"""

from plone import api
from suizhou.laborrights import _
from suizhou.laborrights.documents import procedure_notices
from suizhou.laborrights.documents.notice_base import dispute_types as _dispute_types
from suizhou.laborrights.documents.notice_base import Document
from suizhou.laborrights.documents.notice_base import issuer
from suizhou.laborrights.documents.notice_base import money
from suizhou.laborrights.documents.notice_base import NotAvailable
from suizhou.laborrights.documents.notice_base import notice
from suizhou.laborrights.documents.notice_base import progress_link as _progress_link
from suizhou.laborrights.handling import clocks
from suizhou.laborrights.handling import mediation
from suizhou.laborrights.handling.history import last
from suizhou.laborrights.handling.refusal import rejection_reason
from suizhou.laborrights.i18n import zh as t
from suizhou.laborrights.intake.interfaces import IOralApplication
from suizhou.laborrights.notifications import recipients
from suizhou.laborrights.timezone import chinese_date
from suizhou.laborrights.timezone import chinese_datetime
from suizhou.laborrights.vocabularies import title_of


def _notice(case, kind, paragraphs, date, link=None):
    return notice(case, kind, KINDS[kind], paragraphs, date, link)


# --- 受理通知书 ---------------------------------------------------------------------------


def acceptance(case):
    state = api.content.get_state(case)
    if state == "registered":
        raise NotAvailable(t(_("document_not_yet_routed", default="该事项尚未分办受理。")))
    if state == "rejected":
        raise NotAvailable(t(_("document_was_rejected", default="该事项已决定不予受理。")))
    paragraphs = [
        t(
            _(
                "acceptance_text",
                default="你（单位）于${received}提出的${dispute_types}事项（受理编号：${reference}），"
                "经审查，符合受理条件，决定予以受理，由${unit}承办（${route}）。",
            ),
            received=chinese_date(case.received),
            dispute_types=_dispute_types(case),
            reference=case.getId(),
            unit=recipients.unit_title(case.assigned_unit) or issuer(case),
            route=title_of("routes", case.route) if case.route else "",
        )
    ]
    clock = clocks.current(case)
    if clock is not None:
        info = clocks.status(clock)
        if info.due is not None:
            paragraphs.append(
                t(
                    _("acceptance_time_limit", default="本事项${stage}阶段的法定办理期限至${due}。"),
                    stage=t(info.title),
                    due=chinese_date(info.due),
                )
            )
    paragraphs.append(
        t(
            _(
                "acceptance_duties",
                default="请保持通讯畅通，按承办单位的通知提供证据材料、参加调解或者庭审。"
                "无正当理由拒不到场的，可能影响你（单位）的权益。",
            )
        )
    )
    paragraphs.append(t(_("document_closing", default="特此通知。")))
    return _notice(case, "acceptance", paragraphs, case.routed or case.received, _progress_link(case))


# --- 不予受理通知书 -------------------------------------------------------------------------


def rejection(case):
    if api.content.get_state(case) != "rejected":
        raise NotAvailable(t(_("document_not_rejected", default="该事项未作不予受理决定。")))
    paragraphs = (
        t(
            _(
                "rejection_text",
                default="你（单位）于${received}提出的${dispute_types}事项（受理编号：${reference}），"
                "经审查，${reason}。根据有关规定，决定不予受理。",
            ),
            received=chinese_date(case.received),
            dispute_types=_dispute_types(case),
            reference=case.getId(),
            reason=rejection_reason(case),
        ),
        t(
            _(
                "rejection_rights",
                default="对本决定不服的，可以依法就该劳动争议事项向人民法院提起诉讼；"
                "属于其他部门职责范围的，请向有关部门反映，我们可以提供指引。",
            )
        ),
        t(_("document_closing", default="特此通知。")),
    )
    return _notice(case, "rejection", paragraphs, case.closed)


# --- 调解协议书 ---------------------------------------------------------------------------


def agreed_session(case):
    for session in reversed(mediation.sessions(case)):
        if session.result == "agreed":
            return session
    return None


def mediation_agreement(case):
    session = agreed_session(case)
    if session is None:
        raise NotAvailable(t(_("document_no_agreement", default="该事项没有达成调解协议的调解记录。")))
    section = None
    rows = (
        (t(_("agreement_section_parties", default="当事人")), section),
        (t(_("agreement_applicant", default="申请人")), case.applicant_name),
        (t(_("label_applicant_id_number", default="公民身份号码")), case.applicant_id_number or ""),
        (t(_("label_applicant_phone", default="联系电话")), case.applicant_phone),
        (t(_("label_applicant_address", default="联系地址")), case.applicant_address or ""),
        (t(_("agreement_respondent", default="被申请人")), case.employer_name or ""),
        (t(_("label_employer_credit_code", default="统一社会信用代码")), case.employer_credit_code or ""),
        (t(_("label_employer_address", default="单位地址")), case.employer_address or ""),
        (t(_("label_employer_contact", default="单位联系人")), case.employer_contact or ""),
        (t(_("agreement_section_mediation", default="调解情况")), section),
        (t(_("agreement_organisation", default="调解组织")), issuer(case)),
        (t(_("label_session_mediator", default="调解员")), session.mediator),
        (
            t(_("label_session_mediation_kind", default="调解类型")),
            title_of("mediation_kinds", session.mediation_kind),
        ),
        (t(_("label_session_date", default="调解时间")), chinese_date(session.session_date)),
        (t(_("label_session_parties", default="参加人员")), session.parties or ""),
        (t(_("agreement_section_dispute", default="争议事项")), section),
        (t(_("label_dispute_types_of_case", default="争议类型")), _dispute_types(case)),
        (t(_("label_request", default="请求事项")), case.request or ""),
        (t(_("agreement_section_terms", default="协议内容")), section),
        (t(_("label_agreement_terms", default="协议内容")), session.agreement_terms or ""),
        (t(_("label_agreement_amount", default="协议金额（元）")), money(session.agreement_amount)),
        (t(_("label_performance_deadline", default="履行期限")), chinese_date(session.performance_deadline)),
    )
    paragraphs = (
        t(
            _(
                "agreement_intro",
                default="申请人与被申请人因${dispute_types}发生争议（受理编号：${reference}），"
                "经调解组织主持调解，双方自愿达成如下协议：",
            ),
            dispute_types=_dispute_types(case),
            reference=case.getId(),
        ),
        t(
            _(
                "agreement_effect",
                default="本协议自双方当事人签名或者盖章，经调解员签名并加盖调解组织印章后生效，"
                "对双方当事人具有约束力，当事人应当履行。",
            )
        ),
        t(
            _(
                "agreement_default",
                default="一方当事人在协议约定期限内不履行的，另一方当事人可以依法申请仲裁；"
                "因支付拖欠劳动报酬、工伤医疗费、经济补偿或者赔偿金事项达成协议，用人单位在约定期限内"
                "不履行的，劳动者可以持本协议书依法向人民法院申请支付令。",
            )
        ),
        t(_("agreement_copies", default="本协议一式三份，双方当事人和调解组织各执一份。")),
    )
    return Document(
        kind="mediation_agreement",
        title=t(KINDS["mediation_agreement"]),
        number=case.getId(),
        addressee="",
        paragraphs=paragraphs,
        rows=rows,
        signatures=(
            t(_("signature_applicant", default="申请人（签名）")),
            t(_("signature_respondent", default="被申请人（盖章）")),
            t(_("signature_mediator", default="调解员（签名）")),
            t(_("signature_organisation", default="调解组织（印章）")),
        ),
        issuer=issuer(case),
        date=chinese_date(session.session_date),
        link=None,
    )


# --- 结案通知书 ---------------------------------------------------------------------------


def closure(case):
    if api.content.get_state(case) not in ("closed", "withdrawn"):
        raise NotAvailable(t(_("document_not_closed", default="该事项尚未办结。")))
    paragraphs = [
        t(
            _(
                "closure_text",
                default="你（单位）于${received}提出的${dispute_types}事项（受理编号：${reference}），"
                "已于${closed}办结。办理结果：${outcome}。",
            ),
            received=chinese_date(case.received),
            dispute_types=_dispute_types(case),
            reference=case.getId(),
            closed=chinese_date(case.closed),
            outcome=title_of("outcomes", case.outcome) if case.outcome else "—",
        )
    ]
    if case.amount_recovered:
        paragraphs.append(
            t(
                _("closure_amount", default="为劳动者追回（挽回）金额${amount}元，惠及劳动者${workers}人。"),
                amount=money(case.amount_recovered),
                workers=case.workers_benefited or case.workers_involved or 1,
            )
        )
    paragraphs.append(
        t(
            _(
                "closure_rating",
                default="欢迎对本次服务作出评价：扫描下方二维码或访问下方网址，"
                "输入受理编号和登记的联系电话即可评价。",
            )
        )
    )
    paragraphs.append(t(_("document_closing", default="特此通知。")))
    link = (t(_("document_rating_link", default="评价服务、查询进度：")), recipients.progress_url(case))
    return _notice(case, "closure", paragraphs, case.closed, link)


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
        title=t(KINDS["oral_record"]),
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


KINDS = {
    "acceptance": _("document_acceptance", default="受理通知书"),
    "rejection": _("document_rejection", default="不予受理通知书"),
    "mediation_agreement": _("document_mediation_agreement", default="调解协议书"),
    "closure": _("document_closure", default="结案通知书"),
    "oral_record": _("document_oral_record", default="口头申请笔录"),
    **procedure_notices.KINDS,
}

BUILDERS = {
    "acceptance": acceptance,
    "rejection": rejection,
    "mediation_agreement": mediation_agreement,
    "closure": closure,
    "oral_record": oral_record,
    **procedure_notices.BUILDERS,
}


def build(case, kind):
    """The document ``kind`` of ``case``; raises KeyError for an unknown kind and
    NotAvailable when the case has no such document."""
    return BUILDERS[kind](case)


def available(case):
    """(kind, title) of the documents the case has now."""
    found = []
    for kind, builder in BUILDERS.items():
        try:
            builder(case)
        except NotAvailable:
            continue
        found.append((kind, t(KINDS[kind])))
    return found
