"""What the parties may do with a mediation agreement, and by when (人社部发〔2022〕9号; 民事诉讼法
第二百零五条): apply jointly to the court for 司法确认 within 30 days of the agreement taking effect,
or to the arbitration commission for 仲裁审查 within 15 days. Both concern agreements of a
mediation organisation: an agreement reached in 仲裁调解 or 司法调解 is already a 调解书.

Shown on the case page while the case has an agreement and the court has not taken it up; days
are counted as every period is (``periods.count_due``: the day the agreement took effect is not
counted, a last day on a rest day or holiday moves to the next working day). Once the agreement
went to the court for 司法确认 the periods no longer run, and the page says where it stands
instead (``standing``): waiting for the court, ruled valid, or the application dismissed
(民事诉讼法第二百零六条). Sent back without a ruling (不予受理, 退回 …), the periods show again:
they ran on from the agreement all along."""

from collections import namedtuple
from suizhou.laborrights import _
from suizhou.laborrights.handling import mediation
from suizhou.laborrights.handling.periods import count_due
from suizhou.laborrights.handling.periods import to_date
from suizhou.laborrights.handling.periods import today
from suizhou.laborrights.partners import transfers
from suizhou.laborrights.timezone import chinese_date


Deadline = namedtuple("Deadline", ("code", "title", "basis", "effective", "due", "days_left", "overdue"))
Standing = namedtuple("Standing", ("code", "title", "note"))

JUDICIAL_CONFIRMATION_DAYS = 30
ARBITRATION_REVIEW_DAYS = 15
# Mediation kinds whose result is a 调解书 of its own (codes of the registry's mediation_kinds).
OWN_DOCUMENT_KINDS = ("arbitration", "judicial")

PERIODS = (
    (
        "judicial_confirmation",
        _("deadline_judicial_confirmation", default="申请司法确认"),
        _("deadline_basis_judicial_confirmation", default="30日，《民事诉讼法》第二百零五条，自调解协议生效之日起算"),
        JUDICIAL_CONFIRMATION_DAYS,
    ),
    (
        "arbitration_review",
        _("deadline_arbitration_review", default="申请仲裁审查"),
        _("deadline_basis_arbitration_review", default="15日，人社部发〔2022〕9号，自调解协议生效之日起算"),
        ARBITRATION_REVIEW_DAYS,
    ),
)


def _with_periods(case):
    """The agreed session, when its agreement has a date and the parties' periods (not a 调解书 of
    its own)."""
    session = mediation.agreed_session(case)
    if session is None or session.session_date is None or session.mediation_kind in OWN_DOCUMENT_KINDS:
        return None
    return session


def standing(case):
    """Where the agreement stands with the court (a ``Standing``: ``pending``, ``confirmed`` or
    ``not_confirmed``), from its last transfer for 司法确认 that the court did not send back without
    a ruling; None when there is none (the parties' periods run) or no agreement with periods."""
    if _with_periods(case) is None:
        return None
    stopped = _("agreement_periods_stopped", default="申请司法确认和申请仲裁审查的期限不再计算。")
    for transfer in reversed(transfers.transfers(case)):
        if transfer["purpose"] != transfers.JUDICIAL_CONFIRMATION:
            continue
        if transfers.state(transfer) != transfers.RETURNED:
            title = _(
                "agreement_pending_confirmation",
                default="${day}已移交法院司法确认，待法院裁定",
                mapping={"day": chinese_date(transfer["sent"])},
            )
            return Standing("pending", title, stopped)
        day = chinese_date(transfer["result_day"])
        if transfer["outcome"] == "confirmed":
            title = _("agreement_ruled_valid", default="${day}法院裁定调解协议有效", mapping={"day": day})
            note = _(
                "agreement_ruled_valid_note",
                default="申请司法确认和申请仲裁审查的期限不再计算；一方当事人拒绝履行或者未全部履行的，"
                "对方当事人可以向人民法院申请执行（《民事诉讼法》第二百零六条）。",
            )
            return Standing("confirmed", title, note)
        if transfer["outcome"] == "not_confirmed":
            title = _(
                "agreement_ruled_not_confirmed",
                default="${day}法院裁定驳回司法确认申请，调解协议未获确认",
                mapping={"day": day},
            )
            note = _(
                "agreement_ruled_not_confirmed_note",
                default="申请司法确认和申请仲裁审查的期限不再计算；当事人可以通过调解方式变更原调解协议"
                "或者达成新的调解协议，也可以向人民法院提起诉讼（《民事诉讼法》第二百零六条）。",
            )
            return Standing("not_confirmed", title, note)
    return None


def deadlines(case, on=None):
    """The ``Deadline``s of the case's mediation agreement, or [] when none applies."""
    session = _with_periods(case)
    if session is None or standing(case) is not None:
        return []
    effective = to_date(session.session_date)
    on = on or today()
    found = []
    for code, title, basis, days in PERIODS:
        due = count_due(effective, days, working=False)
        found.append(Deadline(code, title, basis, effective, due, (due - on).days, on > due))
    return found
