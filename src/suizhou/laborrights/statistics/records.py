"""A case as the statistics read it: a ``Record`` tuple, kept in the statistics' own store
(store.py) without waking the cases when a figure is computed (100,000 cases: the objects
would have to be loaded one by one). The record is a plain tuple in the store; ``Record`` names
its places. It is refreshed whenever the case's catalog entry is: filing, every transition
(closing, reopening), edits, a rating. Amounts are kept in fen (integers), so sums are exact.
"""

from Acquisition import aq_base
from collections import namedtuple
from decimal import Decimal
from plone.api.exc import CannotGetPortalError
from Products.CMFCore.utils import getToolByName
from suizhou.laborrights.cases.closure import CLOSING_FIGURES
from suizhou.laborrights.handling import clocks
from suizhou.laborrights.handling.holidays import HolidayCalendar
from suizhou.laborrights.statistics.ratings import satisfaction_level
from suizhou.laborrights.timezone import beijing_date
from zope.interface.interfaces import ComponentLookupError


Record = namedtuple(
    "Record",
    (
        "district",
        "station",  # where it was received (UID)
        "unit",  # the handling unit (UID)
        "channel",
        "hotline_ticket",  # has a 12345 ticket
        "dispute_types",
        "route",
        "state",
        "outcome",
        "received",  # Beijing date, ISO
        "closed",  # Beijing date, ISO, or None while open (a reopened case: None again)
        "workers",
        "collective",
        "claimed_fen",
        "recovered_fen",
        "benefited",
        "clocks",  # ((stage, on_time), …) of the clocks that stopped
        "satisfaction",  # 1–5 (ratings.LEVELS) or None
    )
    + CLOSING_FIGURES
    + ("resolution_level",),  # point, station, center or partner (closure.RESOLUTION_LEVELS), or None
)


def fen(amount):
    return int((Decimal(amount) * 100).to_integral_value()) if amount is not None else 0


def _iso(value):
    day = beijing_date(value) if value else None
    return day.isoformat() if day else None


def _state(case):
    workflow = getToolByName(case, "portal_workflow")
    return workflow.getInfoFor(case, "review_state", None)


def stopped_clocks(case):
    """(stage, on time?) of each clock of ``case`` that stopped: on time when it stopped on or
    before its due date (paused days do not count, as on the case). Needs the site (the
    statutory settings and holidays); without one (indexing outside a request) the clocks are
    left out rather than guessed."""
    results = []
    try:
        calendar = HolidayCalendar()
        for clock in clocks.clocks(case):
            if clock.stopped is None:
                continue
            due = clock.due(calendar)
            results.append((clock.stage, due is not None and beijing_date(clock.stopped) <= due))
    except (CannotGetPortalError, ComponentLookupError):
        return ()
    return tuple(results)


def record_of(case):
    base = aq_base(case)  # nothing acquired from the folders

    def get(name):
        return getattr(base, name, None)

    closing = tuple(get(name) for name in CLOSING_FIGURES)
    closing = tuple(fen(value) if isinstance(value, Decimal) else value for value in closing)
    return tuple(
        Record(
            district=get("district"),
            station=get("station"),
            unit=get("assigned_unit"),
            channel=get("channel"),
            hotline_ticket=bool(get("hotline_ticket")),
            dispute_types=tuple(get("dispute_types") or ()),
            route=get("route"),
            state=_state(case),
            outcome=get("outcome"),
            received=_iso(get("received")),
            closed=_iso(get("closed")),
            workers=get("workers_involved") or 1,
            collective=bool(get("collective_dispute")) or (get("workers_involved") or 1) >= 10,
            claimed_fen=fen(get("claim_amount")),
            recovered_fen=fen(get("amount_recovered")),
            benefited=get("workers_benefited") or 0,
            clocks=stopped_clocks(case),
            satisfaction=satisfaction_level(case),
            **dict(zip(CLOSING_FIGURES, closing)),
            resolution_level=get("resolution_level"),
        )
    )
