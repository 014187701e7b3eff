"""Telling the applicant and the staff what happened to a case.

The handling events (``handling.events``) queue messages in the transaction's outbox
(``outbox``); they are sent once the transaction commits. Each notice is written into the
case history (action ``notified``) in the same transaction. ``CaseClosed`` is fired for every
end of a case: closed, not accepted (the reason is the reject comment) or withdrawn.
"""

from plone import api
from suizhou.laborrights import _
from suizhou.laborrights import logger
from suizhou.laborrights.handling import clocks
from suizhou.laborrights.handling.history import record
from suizhou.laborrights.handling.refusal import rejection_reason
from suizhou.laborrights.i18n import zh as t
from suizhou.laborrights.notifications import messages
from suizhou.laborrights.notifications import recipients
from suizhou.laborrights.notifications.outbox import current_outbox
from suizhou.laborrights.notifications.outbox import queue_mail
from suizhou.laborrights.notifications.outbox import queue_sms
from suizhou.laborrights.settings import setting


NEWS_TITLES = {
    "routed": _("news_routed", default="已分办"),
    "copied": _("news_copied", default="抄送"),
    "transferred": _("news_transferred", default="转入下一程序"),
    "due_soon": _("news_due_soon", default="即将到期"),
    "overdue": _("news_overdue", default="已超期"),
    "closed": _("news_closed", default="已办结"),
    "rejected": _("news_rejected", default="不予受理"),
    "supplement": _("news_supplement", default="补正通知"),
    "extended": _("news_extended", default="延长仲裁期限"),
    "acceptance_overdue": _("news_acceptance_overdue", default="逾期未受理告知"),
}
CHANNEL_TITLES = {
    "email": _("channel_email", default="电子邮件"),
    "sms": _("channel_sms", default="短信"),
}


def tell_applicant(case, message, kind):
    """E-mail (when the applicant gave an address) and SMS (to a mobile); returns channels used."""
    channels = []
    email = recipients.applicant_email(case)
    if email and setting("notifications", "notify_applicant_by_email", True):
        if queue_mail(email, message.subject, message.body):
            channels.append("email")
    mobile = recipients.applicant_mobile(case)
    if mobile and message.sms and setting("notifications", "notify_applicant_by_sms", True):
        queue_sms(mobile, message.sms)
        channels.append("sms")
    if channels:
        record(
            case,
            "notified",
            t(
                _("history_notified_applicant", default="已告知申请人（${channels}）：${news}"),
                channels="、".join(t(CHANNEL_TITLES[channel]) for channel in channels),
                news=t(NEWS_TITLES[kind]),
            ),
            kind=kind,
            to="applicant",
            channels=channels,
        )
        current_outbox().told.setdefault((case.UID(), "applicant"), set()).add(kind)
    return channels


def applicant_told(case, kind):
    """Has the applicant been told ``kind`` of news about ``case`` in this transaction?"""
    return kind in current_outbox().told.get((case.UID(), "applicant"), ())


def tell_staff(case, message, kind, units=(), handlers=()):
    """E-mail each unit's work mailbox and each handler; returns the number of addresses."""
    if not setting("notifications", "notify_units_by_email", True):
        return 0
    addresses = [recipients.unit_email(uid) for uid in units if uid]
    addresses += [recipients.user_email(userid) for userid in handlers if userid]
    addresses = list(dict.fromkeys(address for address in addresses if address))
    sent = [address for address in addresses if queue_mail(address, message.subject, message.body)]
    if sent:
        record(
            case,
            "notified",
            t(
                _("history_notified_staff", default="已邮件告知承办单位、承办人（${count}个邮箱）：${news}"),
                count=len(sent),
                news=t(NEWS_TITLES[kind]),
            ),
            kind=kind,
            to="staff",
            units=tuple(units),
            handlers=tuple(handlers),
        )
    else:
        logger.info("%s: no e-mail address for unit(s) %s", case.getId(), units)
    return len(sent)


def case_routed(case, event):
    tell_staff(case, messages.staff_routed(case, event.reason), "routed", [event.unit], [event.handler])
    copies = [uid for uid in event.copy_units if uid != event.unit]
    if copies:
        tell_staff(case, messages.staff_routed(case, event.reason, copy=True), "copied", copies)
    if event.previous_unit == event.unit:
        return  # a new handler in the same unit is no news for the applicant
    if applicant_told(case, "transferred"):
        return  # moved to the arbitration unit with the transfer: one message is enough
    tell_applicant(case, messages.applicant_routed(case), "routed")


def case_transferred(case, event):
    args = (case, event.from_stage, event.to_stage, event.reason)
    tell_staff(case, messages.staff_transferred(*args), "transferred", [case.assigned_unit], [case.handler])
    tell_applicant(case, messages.applicant_transferred(*args), "transferred")


def case_due_soon(case, event):
    """Internal: the unit and the handler are reminded; the applicant is not."""
    message = messages.staff_due(case, event.stage, event.due)
    tell_staff(case, message, "due_soon", [case.assigned_unit], [case.handler])


def case_overdue(case, event):
    message = messages.staff_due(case, event.stage, event.due, overdue=True)
    tell_staff(case, message, "overdue", [case.assigned_unit], [case.handler])
    if event.stage == "arbitration_acceptance":  # art. 29: the applicant may go to court
        tell_applicant(case, messages.applicant_acceptance_overdue(case, event.due), "acceptance_overdue")


def supplement_requested(case, event):
    message = messages.applicant_supplement(case, event.details.get("supply"), event.details.get("supply_by"))
    tell_applicant(case, message, "supplement")


def clock_extended(case, event):
    """The award period's extension is notified to the parties (art. 43)."""
    if event.stage != "arbitration_award":
        return
    clock = clocks.current(case)
    days = clock.extension_days if clock is not None else ""
    tell_applicant(case, messages.applicant_extended(case, days, event.due), "extended")


def case_closed(case, event):
    if api.content.get_state(case) == "rejected":
        tell_applicant(case, messages.applicant_rejected(case, rejection_reason(case)), "rejected")
        return
    tell_staff(
        case, messages.staff_closed(case, event.outcome), "closed", [case.assigned_unit], [case.handler]
    )
    tell_applicant(case, messages.applicant_closed(case, event.outcome), "closed")

