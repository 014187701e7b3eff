"""Mediation first (先调后裁).

Mediation sessions are ``MediationSession`` items inside the case. A session with the result
"agreed" carries the agreement and closes the case as mediated (调解成功). Without agreement
when the mediation period (``mediation_days``, 15) has run out, or after a session that
failed, the case is offered for transfer to arbitration: the arbitration stage opens with its
own clock, the mediation clock, sessions and history stay with the case.
"""

from Acquisition import aq_base
from Acquisition import aq_parent
from plone import api
from suizhou.laborrights import _
from suizhou.laborrights.cases.register import now
from suizhou.laborrights.content.case import ICase
from suizhou.laborrights.employer import access
from suizhou.laborrights.handling import assignment
from suizhou.laborrights.handling import clocks
from suizhou.laborrights.handling import periods
from suizhou.laborrights.handling.errors import Refused
from suizhou.laborrights.handling.history import record
from suizhou.laborrights.i18n import zh
from suizhou.laborrights.notifications import recipients
from suizhou.laborrights.notifications.outbox import queue_mail
from suizhou.laborrights.notifications.outbox import queue_sms
from suizhou.laborrights.settings import setting
from suizhou.laborrights.timezone import beijing
from suizhou.laborrights.timezone import format_datetime
from suizhou.laborrights.vocabularies import title_of


MEDIATED = "mediated"
ARBITRATION_ROUTE = "arbitration"
ARBITRATION_STAGE = periods.ROUTE_STAGES[ARBITRATION_ROUTE]


def sessions(case):
    """The case's mediation sessions, oldest first."""
    found = [obj for obj in case.objectValues() if obj.portal_type == "MediationSession"]
    return sorted(found, key=lambda s: (s.session_date is None, s.session_date))


def agreed_session(case):
    """The session that reached the agreement (the last one, if recorded twice), or None."""
    agreed = [session for session in sessions(case) if session.result == "agreed"]
    return agreed[-1] if agreed else None


def _open(case):
    return api.content.get_state(case) in assignment.OPEN_STATES


def session_recorded(session, edited=False):
    """A session was added or changed: into the history; a session to come is told to both
    parties; an agreement closes the case."""
    case = aq_parent(session)
    if getattr(case, "portal_type", None) != "Case":
        return
    record(
        case,
        "mediation_session",
        session.notes or "",
        session=session.getId(),
        session_date=session.session_date,
        mediator=session.mediator,
        mediation_kind=title_of("mediation_kinds", session.mediation_kind),
        place=getattr(session, "place", None),
        video_link=getattr(session, "video_link", None),
        applicant_attended=getattr(session, "applicant_attended", None),
        employer_attended=getattr(session, "employer_attended", None),
        result=session.result,
        edited=edited,
    )
    if session.result == "scheduled":
        notify_parties(case, session)
    if session.result == "agreed" and _open(case):
        agreement_reached(case, session)


def _appointment(session):
    """What the parties are told, and what a change of it is measured by."""
    return (session.session_date, (session.place or "").strip(), session.video_link or "", session.mediator)


def notify_parties(case, session):
    """Tell the applicant (SMS and e-mail, as the settings say) and the employer (SMS to its
    mobile on the case) when and where the session is, once per appointment: an edit that
    changes neither time, place, link nor mediator tells nobody again."""
    if session.session_date is None or beijing(session.session_date) <= now():
        return
    appointment = _appointment(session)
    if getattr(aq_base(session), "notified_appointment", None) == appointment:
        return
    session.notified_appointment = appointment
    facts = {
        "reference": case.getId(),
        "when": format_datetime(session.session_date),
        "where": appointment[1] or zh(_("session_by_video", default="视频调解")),
        "link": f"，视频链接：{appointment[2]}" if appointment[2] else "",
        "mediator": session.mediator or "",
        "employer": case.employer_name or "",
    }
    told = []
    applicant_sms = zh(
        _(
            "session_applicant_sms",
            default="您的维权事项${reference}定于${when}调解，地点：${where}${link}，调解员${mediator}。"
            "请按时参加，携带身份证件和证据材料。",
        ),
        **facts,
    )
    mobile = recipients.applicant_mobile(case)
    if mobile and setting("notifications", "notify_applicant_by_sms"):
        queue_sms(mobile, applicant_sms)
        told.append("applicant_sms")
    email = recipients.applicant_email(case)
    if email and setting("notifications", "notify_applicant_by_email"):
        subject = zh(_("session_applicant_subject", default="维权事项${reference}调解通知"), **facts)
        if queue_mail(email, subject, applicant_sms):
            told.append("applicant_mail")
    employer_mobile = access.employer_mobile(case)
    if employer_mobile:
        queue_sms(
            employer_mobile,
            zh(
                _(
                    "session_employer_sms",
                    default="${employer}：受理编号${reference}的劳动争议定于${when}调解，地点：${where}${link}，"
                    "调解员${mediator}。请派员按时参加，携带营业执照、授权委托书和相关证据。",
                ),
                **facts,
            ),
        )
        told.append("employer_sms")
    record(case, "notified", zh(_("session_notified", default="调解时间、地点已告知双方当事人")),
           session=session.getId(), channels=told)


def agreement_reached(case, session):
    """Close the case as mediated, with the agreement's amount."""
    record(
        case,
        "mediation_agreement",
        session.agreement_terms or "",
        session=session.getId(),
        amount=session.agreement_amount,
        performance_deadline=session.performance_deadline,
    )
    case.outcome = MEDIATED
    if "amount_recovered" in ICase and getattr(aq_base(case), "amount_recovered", None) is None:
        case.amount_recovered = session.agreement_amount
    api.content.transition(
        obj=case,
        transition="close",
        comment=api.portal.translate(
            _("comment_mediated", default="调解成功，双方达成调解协议。")
        ),
    )


def transfer_offered(case, on=None):
    """Is the case offered for transfer to arbitration? (mediating, and the period ran
    out or a session failed)."""
    if not _open(case) or api.content.get_state(case) == "registered":
        return False
    clock = clocks.current(case)
    if clock is None or clock.stage != "mediation":
        return False
    info = clocks.status(clock, on)
    if info.overdue:
        return True
    return any(s.result == "failed" for s in sessions(case))


def transfer_to_arbitration(case, reason, unit=None, handler=None, when=None):
    """Open the arbitration stage (its acceptance clock) after mediation without agreement.

    ``unit``/``handler``: the arbitration unit, when it is not the unit that mediated.
    """
    if not api.user.has_permission("Modify portal content", obj=case):
        raise Refused(_("refused_no_permission", default="您没有办理该事项的权限。"))
    if not transfer_offered(case, periods.to_date(when)):
        raise Refused(
            _(
                "refused_transfer_not_yet",
                default="调解期限（${days}日）届满仍未达成协议，或调解不成的，方可转入仲裁。",
                mapping={"days": periods.setting("mediation_days", 15)},
            )
        )
    reason = (reason or "").strip()
    if not reason:
        raise Refused(_("refused_transfer_needs_reason", default="转入仲裁须说明理由。"))
    if unit:
        assignment.check_unit(unit)
    assignment.check_handler(handler)
    case.route = ARBITRATION_ROUTE
    record(case, "transfer", reason, from_stage="mediation", to_stage=ARBITRATION_STAGE)
    clocks.start(case, ARBITRATION_STAGE, when=when, comment=reason)  # fires CaseTransferred
    if unit and unit != case.assigned_unit:
        case.assigned_unit = unit
        case.handler = handler or None
        # The transfer is the authority for the move to the arbitration unit.
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(obj=case, transition="route", comment=reason)
    elif handler and handler != case.handler:
        case.handler = handler
        assignment.applied(case, reason, action="assign")
    case.reindexObject()
    return clocks.current(case)
