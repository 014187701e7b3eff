"""Matters sent to a partner unit and what comes back.

A transfer gives the partner's group ``Reader`` on the case (local role, left alone by the
assignment's own ``sync_local_roles``) while it is open: the partner's members receive it in
their mailbox (``receive``: 待接收 → 处理中) and record the result (``give_result``), which closes
it. With its last open transfer closed the partner loses the role (``sync_role``): the case,
its files and its hand-over page answer it as a stranger; the mailbox keeps the reference, the
purpose and its own result, no personal data. The court share of 裁审衔接 is a transfer without
a result to give: the court keeps reading that one case. Transfers live in the case's
annotations; each step is also written into the case history."""

from persistent.list import PersistentList
from persistent.mapping import PersistentMapping
from plone import api
from suizhou.laborrights import _
from suizhou.laborrights.cases.register import now
from suizhou.laborrights.handling.errors import Refused
from suizhou.laborrights.handling.history import record
from suizhou.laborrights.handling.periods import count_due
from suizhou.laborrights.i18n import zh
from suizhou.laborrights.partners import units
from suizhou.laborrights.partners.events import PartnerMatterSent
from suizhou.laborrights.partners.events import PartnerResultReturned
from suizhou.laborrights.partners.vocabularies import outcome_title
from suizhou.laborrights.partners.vocabularies import purpose_title
from suizhou.laborrights.timezone import beijing
from zope.annotation.interfaces import IAnnotations
from zope.event import notify


ANNOTATION_KEY = "suizhou.laborrights.partners.transfers"
ROLE = "Reader"
JUDICIAL_CONFIRMATION = "judicial_confirmation"
COURT_SHARE = "court_share"
# The court's own time limit for 司法确认, counted from its receipt in the mailbox (its 受理), not the
# parties' 30 days to apply (民事诉讼法第二百零五条, partners.agreement).
COURT_DECISION_DAYS = 15
COURT_DECISION_BASIS = _(
    "basis_court_decision",
    default="15日，《最高人民法院关于人民调解协议司法确认程序的若干规定》第六条，自法院接收（受理）之日起算；"
    "因特殊情况经院长批准可延长10日",
)
AWAITING_COURT = _("due_awaiting_court", default="待法院接收")
# 裁审衔接: a major or group case is one with at least this many workers, or flagged collective.
MAJOR_CASE_WORKERS = 10
MEDIATED = "mediated"  # the outcome of a case closed by a mediation agreement (handling.mediation)
# The roles of the case's own staff (a partner or a copy unit reads it as ``Reader``).
STAFF_ROLES = {"CaseHandler", "CaseSupervisor", "Manager", "Site Administrator"}
# The states of a transfer in the partner's mailbox (``state``).
WAITING, HANDLING, RETURNED, SHARED = "waiting", "handling", "returned", "shared"


def _stored(case, create=False):
    annotations = IAnnotations(case)
    stored = annotations.get(ANNOTATION_KEY)
    if stored is None and create:
        stored = annotations[ANNOTATION_KEY] = PersistentList()
    return stored


def transfers(case):
    """The case's transfers, oldest first (plain dicts, read only)."""
    return [dict(item) for item in (_stored(case) or ())]


def due_date(transfer):
    """The court's last day to decide on 司法确认: 15 days after it received the transfer
    (the receipt day not counted, a last day off work moves on); None before the receipt and
    for other purposes. Computed, not stored: older transfers kept a ``due`` of 30 days from
    the sending, which is no longer read."""
    if transfer["purpose"] != JUDICIAL_CONFIRMATION or not transfer.get("received"):
        return None
    return count_due(beijing(transfer["received"]).date(), COURT_DECISION_DAYS, working=False)


def awaiting_court(transfer):
    """Sent to the court for 司法确认 and not yet received there: no due date yet."""
    return transfer["purpose"] == JUDICIAL_CONFIRMATION and not transfer.get("received")


def is_major(case):
    return bool(getattr(case, "collective_dispute", False)) or (
        (getattr(case, "workers_involved", None) or 0) >= MAJOR_CASE_WORKERS
    )


def state(transfer):
    """``waiting`` (待接收), ``handling`` (处理中), ``returned`` (已反馈) or ``shared`` (裁审衔接)."""
    if transfer["purpose"] == COURT_SHARE:
        return SHARED
    if transfer["returned"] is not None:
        return RETURNED
    return HANDLING if transfer.get("received") else WAITING


def reads_case(case, partner):
    """Whether the partner may still read the case: a transfer to it is open, or shared."""
    return any(t["partner"] == partner and state(t) != RETURNED for t in _stored(case) or ())


def sync_role(case, partner):
    """The partner's group has ``Reader`` on the case exactly while ``reads_case``."""
    group = units.group_id(partner)
    roles = set(dict(case.get_local_roles()).get(group, ()))
    if reads_case(case, partner) and ROLE not in roles:
        case.manage_setLocalRoles(units.ensure_group(partner), sorted(roles | {ROLE}))
    elif not reads_case(case, partner) and ROLE in roles:
        if roles - {ROLE}:
            case.manage_setLocalRoles(group, sorted(roles - {ROLE}))
        else:
            case.manage_delLocalRoles([group])
    else:
        return
    case.reindexObjectSecurity()


def _add(case, partner, purpose, note):
    sent = now()
    transfer = PersistentMapping(
        id=len(_stored(case) or ()) + 1,
        partner=partner,
        purpose=purpose,
        note=note,
        sent=sent,
        sender=api.user.get_current().getId(),
        outcome=None,
        result_day=None,
        result_note="",
        received=None,
        received_by=None,
        returned=None,
    )
    _stored(case, create=True).append(transfer)
    sync_role(case, partner)
    case.reindexObject(idxs=["partner_units"])
    notify(PartnerMatterSent(case, transfer))
    return transfer


def _check_partner(partner):
    if not partner or not units.exists(partner):
        error = Refused(_("refused_partner_unknown", default="请选择协同单位。"))
        error.field = "partner"
        raise error


def agreement_closed(case):
    """Closed by a mediation agreement: still to be sent to the court for 司法确认."""
    return api.content.get_state(case) == "closed" and getattr(case, "outcome", None) == MEDIATED


def may_send(case):
    """Whoever may change the case; once it is closed by a mediation agreement, its handling
    unit and handler too (the agreement goes to the court for 司法确认 after the closing)."""
    if api.user.has_permission("Modify portal content", obj=case):
        return True
    return agreement_closed(case) and is_case_staff(case)


def is_case_staff(case):
    """Whether the current user handles or supervises the case (not only reads it)."""
    return bool(set(api.user.get_roles(obj=case)) & STAFF_ROLES)


def send(case, partner, purpose, note=""):
    """Send the case to a partner unit; returns the transfer."""
    _check_partner(partner)
    if not purpose:
        error = Refused(_("refused_partner_purpose", default="请选择移交事由。"))
        error.field = "purpose"
        raise error
    if purpose == JUDICIAL_CONFIRMATION and units.agency_of(partner) != units.COURT:
        error = Refused(_("refused_confirmation_not_court", default="调解协议司法确认只能移交法院。"))
        error.field = "partner"
        raise error
    if purpose != JUDICIAL_CONFIRMATION and not api.user.has_permission("Modify portal content", obj=case):
        error = Refused(_("refused_partner_closed", default="已办结的事项只能移交法院进行调解协议司法确认。"))
        error.field = "purpose"
        raise error
    if purpose == COURT_SHARE:
        return share_with_court(case, partner, note)
    transfer = _add(case, partner, purpose, (note or "").strip())
    record(
        case,
        "partner_transfer",
        transfer["note"],
        partner=partner,
        partner_title=units.title(partner),
        purpose=purpose,
        purpose_title=zh(purpose_title(purpose)),
    )
    return transfer


def share_with_court(case, partner, note=""):
    """裁审衔接: a major or group case shared read-only with a court unit."""
    _check_partner(partner)
    if not api.user.has_permission("Modify portal content", obj=case):
        raise Refused(_("refused_partner_closed", default="已办结的事项只能移交法院进行调解协议司法确认。"))
    if units.agency_of(partner) != units.COURT:
        error = Refused(_("refused_share_not_court", default="裁审衔接只能共享给法院。"))
        error.field = "partner"
        raise error
    if not is_major(case):
        raise Refused(
            _(
                "refused_share_not_major",
                default="只有重大或群体性案件（涉及劳动者10人以上或集体劳动争议）可共享至法院进行裁审衔接。",
            )
        )
    transfer = _add(case, partner, COURT_SHARE, (note or "").strip())
    transfer["returned"] = transfer["sent"]  # nothing to give back: read only from the start
    record(case, "court_share", transfer["note"], partner=partner, partner_title=units.title(partner))
    return transfer


def open_for_user(case, user=None):
    """The open transfers of the case to the partner units the user belongs to."""
    mine = set(units.partners_of(user))
    return [t for t in (_stored(case) or ()) if t["partner"] in mine and t["returned"] is None]


def receive(case, user=None):
    """The partner's member takes the waiting transfers to their units in hand (处理中)."""
    user = user or api.user.get_current()
    waiting = [t for t in open_for_user(case, user) if state(t) == WAITING]
    for transfer in waiting:
        transfer.update(received=now(), received_by=user.getId())
        record(
            case,
            "partner_received",
            "",
            partner=transfer["partner"],
            partner_title=units.title(transfer["partner"]),
            purpose=transfer["purpose"],
            purpose_title=zh(purpose_title(transfer["purpose"])),
            due=due_date(transfer),
        )
    return waiting


def give_result(case, outcome, day, note=""):
    """The partner's member records the result of the open transfer; returns it."""
    open_ones = open_for_user(case)
    if not open_ones:
        raise Refused(_("refused_partner_no_transfer", default="该事项没有移交给您所在的协同单位办理。"))
    if not outcome:
        error = Refused(_("refused_partner_outcome", default="请选择办理结果。"))
        error.field = "outcome"
        raise error
    if day is None or day > beijing(now()).date():
        error = Refused(_("refused_partner_day", default="办理日期不能为空，也不能晚于今天。"))
        error.field = "day"
        raise error
    return close_with_result(case, open_ones[0], outcome, day, note)


def close_with_result(case, transfer, outcome, day, note="", actor=None):
    """Close ``transfer`` (one of the case's, stored) with the partner's result: into the
    history, back to the case; the partner stops reading it unless another transfer is open."""
    actor = actor or api.user.get_current().getId()
    if not transfer.get("received"):
        transfer.update(received=now(), received_by=actor)
    transfer.update(outcome=outcome, result_day=day, result_note=(note or "").strip(), returned=now())
    record(
        case,
        "partner_result",
        transfer["result_note"],
        actor=actor,
        partner=transfer["partner"],
        partner_title=units.title(transfer["partner"]),
        purpose=transfer["purpose"],
        purpose_title=zh(purpose_title(transfer["purpose"])),
        outcome=outcome,
        outcome_title=zh(outcome_title(outcome)),
        event_day=day,
    )
    case.reindexObject()
    sync_role(case, transfer["partner"])
    notify(PartnerResultReturned(case, transfer["partner"], transfer["purpose"], outcome, day, transfer["result_note"]))
    return dict(transfer)
