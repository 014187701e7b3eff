"""Clocks count from the day the law names: the receipt of the application or complaint
(arbitration acceptance, art. 29; inspection filing, 5 working days), the acceptance decision
(the award, art. 43), a transfer from mediation (the arbitration application); shown on the
case with their article; upgrade 1009 is tested in test_upgrades."""

from datetime import date
from plone import api
from suizhou.laborrights.handling import clocks
from suizhou.laborrights.handling import mediation
from suizhou.laborrights.handling.assignment import route
from suizhou.laborrights.handling.panel import HandlingInfo
from suizhou.laborrights.testing import INTEGRATION_TESTING
from tests.helpers import at
from tests.helpers import chinese_site
from tests.helpers import make_station
from tests.helpers import new_case

import unittest


SATURDAY = at(2026, 3, 7, 10)  # received
MONDAY = at(2026, 3, 9, 9)  # routed


class TestClockStart(unittest.TestCase):
    layer = INTEGRATION_TESTING

    def setUp(self):
        chinese_site()
        self.case = new_case(received=SATURDAY)
        self.unit = make_station("center", title="曾都区维权中心", level="center").UID()

    def route(self, to, when=MONDAY):
        with api.env.adopt_roles(["Manager"]):
            route(self.case, self.unit, route=to, when=when)
        return clocks.current(self.case)

    def test_arbitration_acceptance_counts_from_receipt_not_routing(self):
        clock = self.route("arbitration")
        # 5 days after Saturday 7 March: Thursday 12 March (from Monday it would be the 16th).
        self.assertEqual((clock.start, clock.due()), (date(2026, 3, 7), date(2026, 3, 12)))

    def test_inspection_filing_counts_5_working_days_from_receipt(self):
        clock = self.route("inspection")
        self.assertEqual((clock.start, clock.due()), (date(2026, 3, 7), date(2026, 3, 13)))

    def test_mediation_counts_from_receipt(self):
        clock = self.route("mediation")
        self.assertEqual((clock.start, clock.due()), (date(2026, 3, 7), date(2026, 3, 23)))

    def test_the_award_counts_from_the_acceptance_decision(self):
        self.route("arbitration")
        with api.env.adopt_roles(["Manager"]):
            clock = clocks.advance(self.case, when=date(2026, 3, 10))
        expected = ("arbitration_award", date(2026, 3, 10), date(2026, 4, 24))
        self.assertEqual((clock.stage, clock.start, clock.due()), expected)
        self.assertEqual(clocks.clocks(self.case)[0].stopped, date(2026, 3, 10))

    def test_a_transfer_from_mediation_counts_from_the_transfer(self):
        self.route("mediation")
        with api.env.adopt_roles(["Manager"]):
            clock = mediation.transfer_to_arbitration(self.case, "调解期满未达成协议", when=date(2026, 3, 24))
        self.assertEqual((clock.stage, clock.start), ("arbitration_acceptance", date(2026, 3, 24)))

    def test_the_case_shows_the_rule_and_article(self):
        self.route("arbitration")
        with api.env.adopt_roles(["Manager"]):
            shown = HandlingInfo(self.case).clock()
        self.assertEqual(shown["start"], "2026-03-07")
        self.assertEqual(shown["basis"], "《劳动争议调解仲裁法》第二十九条")
        self.assertEqual(shown["counts_from"], "自收到申请（投诉）之日起算")

