"""Triage (繁简分流): the suggestions a clerk sees when routing, from the registry's numbers."""

from decimal import Decimal
from plone import api
from suizhou.laborrights.handling.triage import suggestions
from suizhou.laborrights.testing import INTEGRATION_TESTING
from tests.helpers import new_case
from zope.i18n import translate

import unittest


def reason(suggestion):
    return translate(suggestion.reason, target_language="zh_CN")


class TestTriage(unittest.TestCase):
    layer = INTEGRATION_TESTING

    def test_ten_or_more_workers_is_a_collective_dispute(self):
        self.assertTrue(suggestions(new_case(workers_involved=10))["collective_dispute"].applies)
        self.assertTrue(suggestions(new_case(workers_involved=37))["collective_dispute"].applies)
        nine = suggestions(new_case(workers_involved=9))["collective_dispute"]
        self.assertFalse(nine.applies)
        self.assertIn("涉及劳动者 9 人", reason(nine))
        self.assertIn("10 人及以上", reason(nine))

    def test_fast_track_up_to_the_average_annual_wage(self):
        # default threshold: 98,000 yuan
        self.assertTrue(suggestions(new_case(claim_amount=Decimal("98000")))["fast_track"].applies)
        above = suggestions(new_case(claim_amount=Decimal("98000.01")))["fast_track"]
        self.assertFalse(above.applies)
        self.assertIn("98,000.00", reason(above))
        self.assertIn("事实清楚或双方同意速裁", reason(above))

    def test_final_award_up_to_twelve_monthly_minimum_wages(self):
        # 12 × 1,950 = 23,400 yuan
        fits = suggestions(new_case(claim_amount=Decimal("23400")))["final_award"]
        self.assertTrue(fits.applies)
        self.assertIn("23,400.00", reason(fits))
        above = suggestions(new_case(claim_amount=Decimal("23400.50")))["final_award"]
        self.assertFalse(above.applies)
        self.assertIn("逐项核对", reason(above))

    def test_the_thresholds_are_registry_data(self):
        api.portal.set_registry_record(
            "suizhou.laborrights.statutory.monthly_minimum_wage", Decimal("2100")
        )
        api.portal.set_registry_record("suizhou.laborrights.statutory.collective_dispute_workers", 30)
        api.portal.set_registry_record("suizhou.laborrights.statutory.fast_track_amount", Decimal("50000"))
        found = suggestions(new_case(claim_amount=Decimal("25000"), workers_involved=12))
        self.assertTrue(found["final_award"].applies)  # 12 × 2,100 = 25,200
        self.assertFalse(found["collective_dispute"].applies)
        self.assertTrue(found["fast_track"].applies)
        self.assertFalse(suggestions(new_case(claim_amount=Decimal("60000")))["fast_track"].applies)

    def test_no_amount_means_no_amount_based_suggestion(self):
        found = suggestions(new_case(claim_amount=None))
        self.assertFalse(found["fast_track"].applies)
        self.assertFalse(found["final_award"].applies)

    def test_route_suggested_by_dispute_type(self):
        self.assertEqual(suggestions(new_case(dispute_types=["wage_arrears"]))["route"].applies, "inspection")
        self.assertEqual(suggestions(new_case(dispute_types=["overtime"]))["route"].applies, "mediation")
        api.portal.set_registry_record(
            "suizhou.laborrights.statutory.route_suggestions", ("overtime|arbitration",)
        )
        found = suggestions(new_case(dispute_types=["overtime"]))["route"]
        self.assertEqual(found.applies, "arbitration")
        self.assertIn("加班费", reason(found))
        self.assertNotIn("route", suggestions(new_case(dispute_types=["wage_arrears"])))
