"""The demo's enterprise service: orders with visits, an enterprise on the risk list."""

from plone.app.testing import login
from suizhou.laborrights.demo.employers import COLLECTIVE_EMPLOYER
from suizhou.laborrights.demo.employers import employers_by_key
from suizhou.laborrights.enterprise import orders
from suizhou.laborrights.enterprise import register
from suizhou.laborrights.testing import DEMO_INTEGRATION_TESTING
from tests.enterprise_helpers import make_arbitrator

import unittest


class TestEnterpriseDemo(unittest.TestCase):
    layer = DEMO_INTEGRATION_TESTING

    def test_orders_with_visits_and_a_risk_source_with_its_disputes(self):
        demo_orders = orders.all_orders()
        self.assertEqual(len(demo_orders), 2)
        self.assertEqual([len(orders.visits(order)) for order in demo_orders], [2, 1])
        code = employers_by_key()[COLLECTIVE_EMPLOYER]["credit_code"]
        self.assertEqual(register.risk_level(code), "high")
        self.assertTrue(register.is_risk_source(code))
        make_arbitrator("demo-arbiter")
        login(self.layer["portal"], "demo-arbiter")
        _cases, total = register.disputes_against(code, employers_by_key()[COLLECTIVE_EMPLOYER]["name"])
        self.assertGreater(total, 0)  # the demo's collective dispute is against it
