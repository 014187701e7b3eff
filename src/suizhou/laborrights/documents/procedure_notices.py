"""Written notices of procedural events (``handling/procedure.py``, ``handling/clocks.py``), each
built from the case's history:

- 补正通知书: what the applicant is to supply and by when (the latest ``supplement_requested``);
- 延长仲裁期限通知书: the award period extended (《劳动争议调解仲裁法》第四十三条: with the
  director's approval, notified to the parties in writing);
- 逾期未受理告知书: no acceptance decision within the period of art. 29 — the applicant may
  bring the dispute before the people's court.
"""

from plone import api
from suizhou.laborrights import _
from suizhou.laborrights.documents.notice_base import dispute_types
from suizhou.laborrights.documents.notice_base import NotAvailable
from suizhou.laborrights.documents.notice_base import notice
from suizhou.laborrights.documents.notice_base import progress_link
from suizhou.laborrights.handling import clocks
from suizhou.laborrights.handling.history import entries
from suizhou.laborrights.handling.history import last
from suizhou.laborrights.i18n import zh as t
from suizhou.laborrights.notifications import recipients
from suizhou.laborrights.timezone import chinese_date


KINDS = {
    "supplement": _("document_supplement", default="补正通知书"),
    "extension": _("document_extension", default="延长仲裁期限通知书"),
    "acceptance_overdue": _("document_acceptance_overdue", default="逾期未受理告知书"),
}

CLOSING = _("document_closing", default="特此通知。")


def _sentence(text):
    return (text or "").strip().rstrip("。.；;")


# --- 补正通知书 ---------------------------------------------------------------------------


def supplement(case):
    entry = last(case, "supplement_requested")
    if entry is None:
        raise NotAvailable(t(_("document_no_supplement", default="该事项未通知补正材料。")))
    details = dict(entry.details)
    paragraphs = (
        t(
            _(
                "supplement_text",
                default="你（单位）于${received}提出的${dispute_types}申请（受理编号：${reference}），"
                "所提交的材料不齐备。请于${supply_by}前补正下列材料：",
            ),
            received=chinese_date(case.received),
            dispute_types=dispute_types(case),
            reference=case.getId(),
            supply_by=chinese_date(details.get("supply_by")),
        ),
        details.get("supply", ""),
        t(
            _(
                "supplement_effect",
                default="补正材料请交至${unit}。审查期限自收到补正材料之日起重新计算"
                "（《劳动人事争议仲裁办案规则》第四十六条）；逾期未补正的，可能影响你（单位）申请的受理。",
            ),
            unit=recipients.unit_title(case.assigned_unit) or recipients.unit_title(case.station) or "",
        ),
        t(CLOSING),
    )
    return notice(case, "supplement", KINDS["supplement"], paragraphs, details.get("event_day"), progress_link(case))


# --- 延长仲裁期限通知书 -----------------------------------------------------------------------


def _award_extension(case):
    for entry in reversed(entries(case)):
        if entry.action == "clock_extended" and dict(entry.details).get("stage") == "arbitration_award":
            return entry
    return None


def extension(case):
    entry = _award_extension(case)
    if entry is None:
        raise NotAvailable(t(_("document_not_extended", default="该事项的仲裁审理期限未延长。")))
    details = dict(entry.details)
    paragraphs = (
        t(
            _(
                "extension_text",
                default="你（单位）的${dispute_types}劳动争议仲裁案件（受理编号：${reference}），"
                "因${reason}，经${approved_by}批准，根据《中华人民共和国劳动争议调解仲裁法》第四十三条的规定，"
                "审理期限延长${days}日，至${due}届满。",
            ),
            dispute_types=dispute_types(case),
            reference=case.getId(),
            reason=_sentence(entry.comment),
            approved_by=details.get("approved_by", ""),
            days=details.get("extension_days", ""),
            due=chinese_date(details.get("due")),
        ),
        t(CLOSING),
    )
    day = details.get("extended") or entry.when
    return notice(case, "extension", KINDS["extension"], paragraphs, day, progress_link(case))


# --- 逾期未受理告知书 ---------------------------------------------------------------------------


def _acceptance_overdue(case):
    """The overdue entry of the acceptance clock that still runs, or None."""
    clock = clocks.current(case)
    if clock is None or clock.stage != "arbitration_acceptance":
        return None
    if api.content.get_state(case) not in ("registered", "routed", "in_progress"):
        return None
    for entry in reversed(entries(case)):
        details = dict(entry.details)
        if entry.action == "overdue" and details.get("stage") == "arbitration_acceptance":
            return entry if details.get("due") == clock.due_date else None
    return None


def acceptance_overdue(case):
    entry = _acceptance_overdue(case)
    if entry is None:
        raise NotAvailable(
            t(_("document_acceptance_not_overdue", default="该事项的仲裁立案审查未逾期。"))
        )
    due = dict(entry.details).get("due")
    paragraphs = (
        t(
            _(
                "acceptance_overdue_text",
                default="你（单位）于${received}提出的仲裁申请（受理编号：${reference}），"
                "仲裁委员会未在法定期限内（${due}前）作出受理或者不予受理的决定。",
            ),
            received=chinese_date(case.received),
            reference=case.getId(),
            due=chinese_date(due),
        ),
        t(
            _(
                "acceptance_overdue_rights",
                default="根据《中华人民共和国劳动争议调解仲裁法》第二十九条的规定，"
                "你（单位）可以就该劳动争议事项向人民法院提起诉讼。",
            )
        ),
        t(_("document_closing_inform", default="特此告知。")),
    )
    return notice(
        case, "acceptance_overdue", KINDS["acceptance_overdue"], paragraphs, entry.when, progress_link(case)
    )


BUILDERS = {
    "supplement": supplement,
    "extension": extension,
    "acceptance_overdue": acceptance_overdue,
}
