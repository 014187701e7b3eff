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


def claim(kind, amount, note=None):
    return {"kind": kind, "amount": None if amount is None else Decimal(amount), "note": note}


def final_award(**fields):
    return suggestions(new_case(**fields))["final_award"]


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

    def test_without_claim_rows_the_total_is_an_indication(self):
        # 12 × 2,130 (Hubei's second tier since 2025-12-01, 曾都区 by default) = 25,560 yuan
        fits = suggestions(new_case(claim_amount=Decimal("25560")))["final_award"]
        self.assertTrue(fits.applies)
        self.assertIn("25,560.00", reason(fits))
        self.assertIn("仅供参考", reason(fits))
        above = suggestions(new_case(claim_amount=Decimal("25560.50")))["final_award"]
        self.assertFalse(above.applies)
        self.assertIn("逐项核对", reason(above))
        self.assertIn("仅供参考", reason(above))

    def test_the_thresholds_are_registry_data(self):
        api.portal.set_registry_record(
            "suizhou.laborrights.minimum_wage.standards", ("2025-12-01|2400|2100|1970",)
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

    def test_final_award_is_judged_claim_by_claim(self):
        # 12 × 2,130 = 25,560 yuan for each claim; the total (45,560) does not matter
        fits = final_award(claims=[claim("wages", "25560"), claim("economic_compensation", "20000")])
        self.assertTrue(fits.applies)
        self.assertIn("2 项请求均适用终局裁决", reason(fits))
        self.assertIn("25,560.00", reason(fits))

    def test_one_claim_above_the_limit_means_no_final_award_and_is_named(self):
        found = final_award(claims=[claim("wages", "12000"), claim("damages", "25560.01")])
        self.assertFalse(found.applies)
        self.assertIn("超过 25,560.00 元", reason(found))
        self.assertIn("赔偿金 25,560.01 元", reason(found))
        self.assertNotIn("劳动报酬", reason(found))
        self.assertIn("按非终局裁决处理", reason(found))

    def test_labour_standards_claims_of_any_amount(self):
        found = final_award(claims=[claim("social_insurance", "500000"), claim("rest_leave", None)])
        self.assertTrue(found.applies)
        mixed = final_award(claims=[claim("social_insurance", "500000"), claim("overtime_pay", "30000")])
        self.assertFalse(mixed.applies)
        self.assertIn("加班费 30,000.00 元", reason(mixed))
        self.assertNotIn("社会保险", reason(mixed).split("：", 1)[1])

    def test_a_claim_of_another_kind_means_no_final_award(self):
        found = final_award(claims=[claim("labour_relation", None), claim("wages", "5000")])
        self.assertFalse(found.applies)
        self.assertIn("不属于第四十七条终局裁决范围的请求：确认劳动关系", reason(found))
        no_amount = final_award(claims=[claim("wages", None)])
        self.assertFalse(no_amount.applies)
        self.assertIn("未填金额的请求：劳动报酬", reason(no_amount))

    def test_claim_rows_come_before_the_total(self):
        found = final_award(claim_amount=Decimal("900000"), claims=[claim("working_hours", None)])
        self.assertTrue(found.applies)
        self.assertNotIn("仅供参考", reason(found))

    def test_the_limit_and_the_kinds_are_registry_data(self):
        rows = [claim("wages", "26000"), claim("other", "100")]
        self.assertFalse(final_award(claims=rows[:1]).applies)  # above 25,560
        api.portal.set_registry_record(
            "suizhou.laborrights.minimum_wage.standards", ("2025-12-01|2400|2200|1970",)
        )
        self.assertTrue(final_award(claims=rows[:1]).applies)  # 12 × 2,200 = 26,400
        api.portal.set_registry_record("suizhou.laborrights.statutory.final_award_wage_multiple", 11)
        self.assertFalse(final_award(claims=rows[:1]).applies)  # 11 × 2,200 = 24,200
        self.assertFalse(final_award(claims=rows).applies)
        api.portal.set_registry_record(
            "suizhou.laborrights.statutory.final_award_standard_kinds", ("wages", "other")
        )
        self.assertTrue(final_award(claims=rows).applies)

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
