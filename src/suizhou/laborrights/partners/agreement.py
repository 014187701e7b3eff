"""What the parties may do with a mediation agreement, and by when (人社部发〔2022〕9号; 民事诉讼法
第二百零五条): apply jointly to the court for 司法确认 within 30 days of the agreement taking effect,
or to the arbitration commission for 仲裁审查 within 15 days. Both concern agreements of a
mediation organisation: an agreement reached in 仲裁调解 or 司法调解 is already a 调解书.

Shown on the case page while the case has an agreement and was not sent to the court for
司法确认; days are counted as every period is (``periods.count_due``: the day the agreement took
effect is not counted, a last day on a rest day or holiday moves to the next working day)."""

from collections import namedtuple
from suizhou.laborrights import _
from suizhou.laborrights.handling import mediation
from suizhou.laborrights.handling.periods import count_due
from suizhou.laborrights.handling.periods import to_date
from suizhou.laborrights.handling.periods import today
from suizhou.laborrights.partners import transfers


Deadline = namedtuple("Deadline", ("code", "title", "basis", "effective", "due", "days_left", "overdue"))

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


def agreed_session(case):
    """The session that reached the agreement (the last one, if edited twice), or None."""
    agreed = [s for s in mediation.sessions(case) if s.result == "agreed" and s.session_date is not None]
    return agreed[-1] if agreed else None


def sent_for_confirmation(case):
    return any(t["purpose"] == transfers.JUDICIAL_CONFIRMATION for t in transfers.transfers(case))


def deadlines(case, on=None):
    """The ``Deadline``s of the case's mediation agreement, or [] when none applies."""
    session = agreed_session(case)
    if session is None or session.mediation_kind in OWN_DOCUMENT_KINDS or sent_for_confirmation(case):
        return []
    effective = to_date(session.session_date)
    on = on or today()
    found = []
    for code, title, basis, days in PERIODS:
        due = count_due(effective, days, working=False)
        found.append(Deadline(code, title, basis, effective, due, (due - on).days, on > due))
    return found
