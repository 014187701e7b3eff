"""A fixed set of cases whose statistics are computed by hand in tests/test_statistics*.py.

Each case is filed straight into the register (``new_case``), routed, and ended on a chosen day:
the clocks are stopped on that day and the closure time set to it, as a case closed then is
stored. The figures the tests expect are written out next to the cases below.
"""

from datetime import date
from decimal import Decimal
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from suizhou.laborrights.cases.closure import close_case
from suizhou.laborrights.forms.rating import rate
from suizhou.laborrights.handling import clocks
from suizhou.laborrights.handling.assignment import route
from suizhou.laborrights.statistics.selection import Period
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from tests.browser_helpers import BrowserTestMixin
from tests.helpers import at
from tests.helpers import make_station
from tests.helpers import make_user
from tests.helpers import new_case

import transaction


Q1 = Period(date(2026, 1, 1), date(2026, 3, 31))


def ended_on(case, day):
    """Take the closure back to ``day`` (a closure made today, stored as made then)."""
    case.closed = at(day.year, day.month, day.day, 17)
    case.reindexObject()


def routed(received, route_code, unit, **fields):
    case = new_case(received=received, **fields)
    route(case, unit=unit.UID(), route=route_code, when=received)
    return case


def closed_case(received, route_code, unit, on, outcome, stop_clock=True, **figures):
    fields = {name: figures.pop(name) for name in list(figures) if name in CASE_FIELDS}
    case = routed(received, route_code, unit, **fields)
    if stop_clock:
        clocks.stop(case, when=on)
    close_case(case, outcome, **figures)
    ended_on(case, on)
    return case


CASE_FIELDS = ("claim_amount", "workers_involved", "collective_dispute", "dispute_types", "channel", "hotline_ticket")


def statistics_cases():
    """The cases (all in 曾都区 but I2 in 广水市) and the units; returns {name: case}."""
    with api.env.adopt_roles(["Manager"]):
        unit = make_station("zengdu-center", title="曾都区劳动保障维权中心", level="center")
        guangshui = make_station("guangshui-center", district="guangshui", title="广水市维权中心", level="center")
        cases = {}
        # M1: mediation across the January/February boundary, agreement, on time, 非常满意.
        cases["M1"] = closed_case(
            at(2026, 1, 30),
            "mediation",
            unit,
            date(2026, 2, 2),
            "mediated",
            mediation_result="agreement",
            amount_recovered=Decimal("5000"),
            workers_benefited=2,
            claim_amount=Decimal("6000"),
            workers_involved=2,
        )
        rate(cases["M1"], "very_satisfied")
        # M2: mediation paused 28 days for 补正 (late without the pause, on time with it); failed; 不满意.
        m2 = routed(at(2026, 2, 2), "mediation", unit)
        clocks.pause(m2, "补正材料", when=date(2026, 2, 3))
        clocks.resume(m2, when=date(2026, 3, 3))
        clocks.stop(m2, when=date(2026, 3, 5))
        close_case(m2, "answered", mediation_result="failed")
        ended_on(m2, date(2026, 3, 5))
        rate(m2, "dissatisfied", "调解没有结果")
        cases["M2"] = m2
        # M3: mediation withdrawn by the applicant.
        m3 = routed(at(2026, 2, 10), "mediation", unit)
        clocks.stop(m3, when=date(2026, 2, 12))
        api.content.transition(obj=m3, transition="withdraw", comment="申请人撤回")
        ended_on(m3, date(2026, 2, 12))
        cases["M3"] = m3
        # R: mediation closed in January, reopened, closed again in March (settlement): counted once, in March.
        r = closed_case(at(2026, 1, 5), "mediation", unit, date(2026, 1, 10), "mediated", mediation_result="agreement")
        api.content.transition(obj=r, transition="reopen", comment="当事人反悔")
        close_case(r, "mediated", mediation_result="settlement")
        ended_on(r, date(2026, 3, 20))
        cases["R"] = r
        # H: a 12345 ticket, mediated, 满意.
        cases["H"] = closed_case(
            at(2026, 3, 2),
            "mediation",
            unit,
            date(2026, 3, 6),
            "mediated",
            mediation_result="agreement",
            channel="hotline_12345",
            hotline_ticket="SZ12345-20260302-0001",
        )
        rate(cases["H"], "satisfied")
        # A0: arbitration received in December, still open (上期未结); A0b: ended before the period.
        cases["A0"] = routed(at(2025, 12, 20), "arbitration", unit)
        cases["A0b"] = closed_case(
            at(2025, 11, 10), "arbitration", unit, date(2025, 12, 30), "award", award_result="partly"
        )
        # A1: collective arbitration (12 workers), acceptance on time, award late, 劳动者胜诉.
        a1 = routed(
            at(2026, 1, 15),
            "arbitration",
            unit,
            claim_amount=Decimal("20000"),
            workers_involved=12,
            collective_dispute=True,
        )
        clocks.advance(a1, when=date(2026, 1, 19))
        api.content.transition(obj=a1, transition="accept")
        clocks.stop(a1, when=date(2026, 3, 10))
        close_case(a1, "award", amount_recovered=Decimal("15000"), workers_benefited=12, award_result="worker_won")
        ended_on(a1, date(2026, 3, 10))
        cases["A1"] = a1
        # A2: arbitration received on 30 March (dismissal), open; A3: refused (不予受理).
        cases["A2"] = routed(
            at(2026, 3, 30), "arbitration", unit, claim_amount=Decimal("8000"), dispute_types=["dismissal"]
        )
        a3 = new_case(received=at(2026, 2, 20))
        api.content.transition(obj=a3, transition="reject", comment="不属于劳动争议")
        a3.route = "arbitration"
        a3.reindexObject()
        cases["A3"] = a3
        # I1: inspection received at 23:30 on the last day of the period, closed that day with its figures.
        cases["I1"] = closed_case(
            at(2026, 3, 31, 23),
            "inspection",
            unit,
            date(2026, 3, 31),
            "inspection_closed",
            amount_recovered=Decimal("9000.50"),
            workers_benefited=3,
            wages_paid_workers=3,
            wages_paid_amount=Decimal("9000.50"),
            social_insurance_workers=2,
            social_insurance_amount=Decimal("4000"),
            contracts_signed_workers=1,
            referred_to_police=True,
        )
        # I2: inspection in 广水市, open.
        cases["I2"] = routed(at(2026, 2, 1), "inspection", guangshui, district="guangshui")
        # X: received at midnight after the period: not counted.
        cases["X"] = new_case(received=at(2026, 4, 1, 0))
    return cases


class CityAdministratorInBrowser(BrowserTestMixin):
    """Chromium on a site with the cases above, the city administrator ``city`` logged in."""

    layer = FUNCTIONAL_TESTING

    def setUp(self):
        super().setUp()
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        statistics_cases()
        make_user("city", groups=["city_admins"])
        transaction.commit()
        self.login("city")
