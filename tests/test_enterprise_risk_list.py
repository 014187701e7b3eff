"""One risk list, both sources: an employer staff put on the enterprise register as a risk source
(较大风险 or 重大风险, with a reason) is on the early warning's risk list, so a case against it
raises the "risk_list" warning, and the next one extends it."""

from plone import api
from suizhou.laborrights.enterprise import orders
from suizhou.laborrights.enterprise import register
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from tests.enterprise_helpers import EMPLOYER_CODE
from tests.enterprise_helpers import order_data
from tests.helpers import new_case
from tests.helpers import valid_credit_code
from tests.warnings_helpers import commit
from tests.warnings_helpers import references
from tests.warnings_helpers import warnings_of

import transaction
import unittest


NAME = "随州市测试专用汽车有限公司"


def committed(case=None):
    """As the request that filed the case: commit, then read what the rules recorded."""
    commit()
    return case


class TestStaffRiskLevelsFeedTheWarnings(unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def case(self, code=EMPLOYER_CODE, name=NAME):
        return committed(new_case(employer_credit_code=code, employer_name=name))

    def set_level(self, level, code=EMPLOYER_CODE):
        with api.env.adopt_roles(["Manager"]):
            register.set_risk_level(code, level, "三个月内两起集体欠薪投诉", "arbiter")
        committed()

    def test_a_case_against_a_listed_enterprise_raises_then_extends_the_warning(self):
        self.case(code=EMPLOYER_CODE)
        self.assertEqual(warnings_of("risk_list"), [])  # not listed yet
        self.set_level("high")
        [warning] = warnings_of("risk_list")  # the open case against it warns at once
        self.assertEqual(warning.key, f"code:{EMPLOYER_CODE}")
        first = references(warning)
        second = self.case()
        [warning] = warnings_of("risk_list")
        self.assertEqual(len(references(warning)), len(first) + 1)
        self.assertIn(second.getId(), references(warning))
        self.case(code=valid_credit_code(42), name="随州市无关机械有限公司")
        self.assertEqual(len(warnings_of("risk_list")), 1)

    def test_the_warning_is_written_after_the_levels_commit_not_inside_it(self):
        self.case()
        with api.env.adopt_roles(["Manager"]):
            register.set_risk_level(EMPLOYER_CODE, "high", "三个月内两起集体欠薪投诉", "arbiter")
        self.assertEqual(warnings_of("risk_list"), [])  # the request's transaction writes no warning
        transaction.abort()  # a request that failed after setting the level raises none
        self.assertEqual(warnings_of("risk_list"), [])
        self.set_level("high")
        self.assertEqual(len(warnings_of("risk_list")), 1)

    def test_only_a_risk_source_level_lists_it(self):
        self.set_level("low")
        self.case()
        self.assertEqual(warnings_of("risk_list"), [])
        self.assertFalse(register.is_risk_source(EMPLOYER_CODE))
        self.set_level("medium")
        self.assertEqual(len(warnings_of("risk_list")), 1)
        self.assertTrue(register.on_warning_list(EMPLOYER_CODE))
        self.set_level("none")  # taken off the list: a new case raises nothing new
        [warning] = warnings_of("risk_list")
        before = references(warning)
        self.case()
        self.assertEqual(references(warnings_of("risk_list")[0]), before)

    def test_a_case_without_credit_code_is_matched_by_the_orders_name(self):
        orders.create_order(order_data())
        self.set_level("high")
        case = self.case(code=None, name="随州市测试专用汽车有限责任公司")
        self.assertIn(case.getId(), [ref for w in warnings_of("risk_list") for ref in references(w)])
