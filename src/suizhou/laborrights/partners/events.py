"""The event of a partner's result coming back to the case (for notifications to subscribe)."""

from suizhou.laborrights.handling.events import CaseHandlingEvent
from suizhou.laborrights.handling.events import ICaseHandlingEvent
from zope.interface import Attribute
from zope.interface import implementer


class IPartnerResultReturned(ICaseHandlingEvent):
    """A partner unit recorded the result of a matter sent to it: ``partner`` (its token),
    ``purpose``, ``outcome`` (tokens), ``day`` (a ``datetime.date``) and ``note``."""

    partner = Attribute("partner unit token")
    purpose = Attribute("purpose token")
    outcome = Attribute("outcome token")
    day = Attribute("datetime.date of the result")
    note = Attribute("what the partner wrote")


@implementer(IPartnerResultReturned)
class PartnerResultReturned(CaseHandlingEvent):
    def __init__(self, case, partner, purpose, outcome, day, note=""):
        super().__init__(case)
        self.partner = partner
        self.purpose = purpose
        self.outcome = outcome
        self.day = day
        self.note = note


class IPartnerMatterSent(ICaseHandlingEvent):
    """A matter was sent (or, 裁审衔接, shared) to a partner unit: ``transfer`` (the stored
    mapping: partner, purpose, sent, due …)."""

    transfer = Attribute("the transfer")


@implementer(IPartnerMatterSent)
class PartnerMatterSent(CaseHandlingEvent):
    def __init__(self, case, transfer):
        super().__init__(case)
        self.transfer = transfer
