"""Minimum wage per district with effective dates: the final-award limit (12 × the monthly
minimum wage) uses the standard in force on the day the application was received, in the
tier of the case's district. (Upgrade 1008 is tested in test_upgrades.)"""

from decimal import Decimal
from plone import api
from plone.registry.interfaces import IRegistry
from suizhou.laborrights.handling.minimum_wage import minimum_wage
from suizhou.laborrights.handling.triage import suggestions
from suizhou.laborrights.testing import INTEGRATION_TESTING
from tests.helpers import at
from tests.helpers import new_case
from zope.component import getUtility
from zope.i18n import translate

import datetime
import unittest


STANDARDS = "suizhou.laborrights.minimum_wage.standards"
TIERS = "suizhou.laborrights.minimum_wage.district_tiers"
OLD = "suizhou.laborrights.statutory.monthly_minimum_wage"


def final_award(received, district="zengdu", amount="23000"):
    case = new_case(
        received=received,
        district=district,
        claims=[{"kind": "wages", "amount": Decimal(amount), "note": None}],
    )
    found = suggestions(case)["final_award"]
    return found.applies, translate(found.reason, target_language="zh_CN")


class TestMinimumWage(unittest.TestCase):
    layer = INTEGRATION_TESTING

    def test_defaults_are_hubeis_2025_tiers(self):
        self.assertEqual(api.portal.get_registry_record(STANDARDS), ("2025-12-01|2400|2130|1970",))
        on = datetime.date(2026, 12, 1)
        self.assertEqual(minimum_wage("zengdu", on).amount, Decimal("2130"))
        self.assertEqual(minimum_wage("suixian", on).amount, Decimal("1970"))

    def test_the_standard_in_force_on_the_day_received(self):
        api.portal.set_registry_record(
            STANDARDS, ("2021-09-01|2010|1800|1650", "2025-12-01|2400|2130|1970")
        )
        # 曾都区, second tier: 12 × 1,800 = 21,600 before; 12 × 2,130 = 25,560 from 1 December.
        applies, reason = final_award(at(2025, 11, 30, 17))
        self.assertFalse(applies)
        self.assertIn("超过 21,600.00 元（12 个月 × 1,800.00 元）", reason)
        applies, reason = final_award(at(2025, 12, 1, 9))
        self.assertTrue(applies)
        self.assertIn("25,560.00", reason)

    def test_the_districts_tier_is_used(self):
        # 随县 is in the third tier by default: 12 × 1,970 = 23,640.
        self.assertIn("23,640.00", final_award(at(2026, 3, 2), district="suixian")[1])
        api.portal.set_registry_record(TIERS, ("zengdu|1", "suixian|1|2026-07-01"))
        self.assertIn("28,800.00", final_award(at(2026, 3, 2), district="zengdu")[1])
        # A district moved to another tier from a date; before it, the lowest tier.
        self.assertIn("23,640.00", final_award(at(2026, 6, 30), district="suixian")[1])
        self.assertIn("28,800.00", final_award(at(2026, 7, 1), district="suixian")[1])


class TestOldSetting(unittest.TestCase):
    layer = INTEGRATION_TESTING

    def test_a_site_not_upgraded_keeps_its_single_value(self):
        registry = getUtility(IRegistry)
        del registry.records[STANDARDS]
        api.portal.set_registry_record(OLD, Decimal("2010"))
        self.assertIn("（12 个月 × 2,010.00 元）", final_award(at(2026, 3, 2), amount="30000")[1])
