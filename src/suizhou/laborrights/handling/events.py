"""Events of case handling, for notifications, statistics and early warnings to subscribe to.

Every event has ``object`` (the case, as for any ``IObjectEvent``) and ``case`` (the same object).
They are fired by ``suizhou.laborrights.handling`` after the change is made and recorded in the
case history, inside the same transaction: a subscriber that sends mail must join the transaction
(send on commit) so an aborted or retried request does not send twice.

Subscribe in ZCML, e.g.::

    <subscriber
        for="suizhou.laborrights.content.case.ICase
             suizhou.laborrights.handling.events.ICaseRouted"
        handler=".mail.case_routed"
        />
"""

from zope.interface import Attribute
from zope.interface import implementer
from zope.interface.interfaces import IObjectEvent
from zope.interface.interfaces import ObjectEvent


class ICaseHandlingEvent(IObjectEvent):
    """Something happened to a case in its handling; ``case`` is ``object``."""

    case = Attribute("The case (same as ``object``).")


class ICaseRouted(ICaseHandlingEvent):
    """A case was routed (分办) or re-routed to a unit and (optionally) a handler.

    ``unit``: UID of the ServiceStation now handling it; ``handler``: user id or None;
    ``previous_unit`` / ``previous_handler``: the former assignment (None on first routing);
    ``route``: the route token (mediation, arbitration, inspection …);
    ``copy_units``: UIDs of units given a copy (抄送); ``reason``: required on re-routing.
    """

    unit = Attribute("UID of the handling unit")
    handler = Attribute("user id of the handler, or None")
    reason = Attribute("why it was (re-)routed; empty on a first routing")
    route = Attribute("route token")
    previous_unit = Attribute("UID of the former unit, or None")
    previous_handler = Attribute("former handler, or None")
    copy_units = Attribute("tuple of UIDs of copy units")


class ICaseSentBack(ICaseHandlingEvent):
    """The handling unit sent the case back to the intake desk (退回) with ``reason``.

    ``unit``: the UID of the unit that sent it back.
    """

    unit = Attribute("UID of the unit that sent it back")
    reason = Attribute("why it was sent back")


class ICaseTransferred(ICaseHandlingEvent):
    """The case moved from one stage to another: mediation → arbitration_acceptance (the
    transfer to arbitration), arbitration_acceptance → arbitration_award (accepted),
    inspection_filing → inspection_investigation (filed).

    ``from_stage`` / ``to_stage`` are stage tokens (see ``periods.STAGES``);
    ``reason`` is the comment given (e.g. 调解期满未达成协议).
    """

    from_stage = Attribute("stage token before")
    to_stage = Attribute("stage token after")
    reason = Attribute("comment")


class ICaseDueSoon(ICaseHandlingEvent):
    """The running clock of ``stage`` will expire on ``due`` (a ``datetime.date``) within the
    configured warning period. Fired once per stage clock (by the daily clock sweep)."""

    stage = Attribute("stage token")
    due = Attribute("datetime.date the stage is due")


class ICaseOverdue(ICaseHandlingEvent):
    """The running clock of ``stage`` expired on ``due``. Fired once per stage clock."""

    stage = Attribute("stage token")
    due = Attribute("datetime.date the stage was due")


class ICaseClosed(ICaseHandlingEvent):
    """The case ended with ``outcome`` (token of the Outcomes vocabulary): fired after the
    ``close``, ``reject`` (outcome ``not_accepted``) and ``withdraw`` (``withdrawn``)
    transitions, whichever way they were made; the clocks are stopped by then."""

    outcome = Attribute("outcome token")


class ICaseAccepted(ICaseHandlingEvent):
    """The handling unit accepted (受理) the routed case: fired after the ``accept`` transition,
    once its clocks have moved on (arbitration: from acceptance to the award period)."""


class ICaseProcedureEvent(ICaseHandlingEvent):
    """A procedural event of the case (``procedure.py``) was recorded by a handler: ``kind``
    (a key of ``procedure.KINDS``), ``day`` (a ``datetime.date``), ``comment`` (what the
    handler wrote), ``stage`` (the clock it paused or restarted, or None) and ``details`` (a
    dict: ``supply`` and ``supply_by`` for 补正). Subscribe to the kind's own interface below,
    or to this one for all of them."""

    kind = Attribute("procedure kind token")
    day = Attribute("datetime.date of the event")
    comment = Attribute("what the handler wrote")
    stage = Attribute("stage token of the clock it moved, or None")
    details = Attribute("dict of further facts")


class ISupplementRequested(ICaseProcedureEvent):
    """补正: the applicant was asked to supply materials (``details['supply']``) by
    ``details['supply_by']``; the running clock is paused until they arrive."""


class ISupplementReceived(ICaseProcedureEvent):
    """补正材料 arrived: the period counts anew from ``day``."""


class IPartyAdded(ICaseProcedureEvent):
    """A party was added (追加当事人): the period counts anew from ``day``."""


class IClaimChanged(ICaseProcedureEvent):
    """The applicant added to or changed the claims (增加、变更仲裁请求): the period counts
    anew from ``day``."""


class ICounterApplicationFiled(ICaseProcedureEvent):
    """The respondent's counter-application (反申请) was accepted for joint hearing: the
    period counts anew from ``day``."""


class ICaseSuspended(ICaseProcedureEvent):
    """The proceedings were suspended (中止): the clock is paused until resumed."""


class IClockExtended(ICaseHandlingEvent):
    """The running clock of ``stage`` was extended (approved by ``approved_by``) to ``due``;
    the award period's extension is notified to the parties in writing (art. 43)."""

    stage = Attribute("stage token")
    due = Attribute("datetime.date the stage is now due")
    approved_by = Attribute("who approved it")
    reason = Attribute("why")


@implementer(ICaseHandlingEvent)
class CaseHandlingEvent(ObjectEvent):
    def __init__(self, case):
        super().__init__(case)

    @property
    def case(self):
        return self.object


@implementer(ICaseRouted)
class CaseRouted(CaseHandlingEvent):
    def __init__(
        self,
        case,
        unit,
        handler=None,
        reason="",
        route=None,
        previous_unit=None,
        previous_handler=None,
        copy_units=(),
    ):
        super().__init__(case)
        self.unit = unit
        self.handler = handler
        self.reason = reason
        self.route = route
        self.previous_unit = previous_unit
        self.previous_handler = previous_handler
        self.copy_units = tuple(copy_units or ())


@implementer(ICaseSentBack)
class CaseSentBack(CaseHandlingEvent):
    def __init__(self, case, unit, reason):
        super().__init__(case)
        self.unit = unit
        self.reason = reason


@implementer(ICaseTransferred)
class CaseTransferred(CaseHandlingEvent):
    def __init__(self, case, from_stage, to_stage, reason=""):
        super().__init__(case)
        self.from_stage = from_stage
        self.to_stage = to_stage
        self.reason = reason


@implementer(ICaseDueSoon)
class CaseDueSoon(CaseHandlingEvent):
    def __init__(self, case, stage, due):
        super().__init__(case)
        self.stage = stage
        self.due = due


@implementer(ICaseOverdue)
class CaseOverdue(CaseHandlingEvent):
    def __init__(self, case, stage, due):
        super().__init__(case)
        self.stage = stage
        self.due = due


@implementer(ICaseClosed)
class CaseClosed(CaseHandlingEvent):
    def __init__(self, case, outcome):
        super().__init__(case)
        self.outcome = outcome


@implementer(ICaseAccepted)
class CaseAccepted(CaseHandlingEvent):
    pass


@implementer(ICaseProcedureEvent)
class CaseProcedureEvent(CaseHandlingEvent):
    def __init__(self, case, kind, day, comment="", stage=None, details=None):
        super().__init__(case)
        self.kind = kind
        self.day = day
        self.comment = comment
        self.stage = stage
        self.details = dict(details or {})


@implementer(ISupplementRequested)
class SupplementRequested(CaseProcedureEvent):
    pass


@implementer(ISupplementReceived)
class SupplementReceived(CaseProcedureEvent):
    pass


@implementer(IPartyAdded)
class PartyAdded(CaseProcedureEvent):
    pass


@implementer(IClaimChanged)
class ClaimChanged(CaseProcedureEvent):
    pass


@implementer(ICounterApplicationFiled)
class CounterApplicationFiled(CaseProcedureEvent):
    pass


@implementer(ICaseSuspended)
class CaseSuspended(CaseProcedureEvent):
    pass


@implementer(IClockExtended)
class ClockExtended(CaseHandlingEvent):
    def __init__(self, case, stage, due, approved_by="", reason=""):
        super().__init__(case)
        self.stage = stage
        self.due = due
        self.approved_by = approved_by
        self.reason = reason
