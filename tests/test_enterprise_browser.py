"""An arbitrator records a visit in a real browser: the order, the add form of a visit, the
order with its visit; then the enterprise register. Screenshots in test-output/
(enterprise-*.png). Skipped like the other browser tests when Chromium or its driver is missing
(see tests/browser_helpers.py)."""

from suizhou.laborrights.enterprise import orders
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from tests.browser_helpers import BrowserTestMixin
from tests.enterprise_helpers import EMPLOYER_CODE
from tests.enterprise_helpers import make_arbitrator
from tests.enterprise_helpers import make_order
from tests.helpers import PASSWORD

import transaction
import unittest


class TestVisitRecordInBrowser(BrowserTestMixin, unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def setUp(self):
        super().setUp()
        make_arbitrator("arbiter")
        self.order = make_order(arbitrator="arbiter", visit=False)
        transaction.commit()
        self.path = "/enterprise-services/" + self.order.getId()

    def login(self, username):
        self.open("/login")
        self.css("#__ac_name")[0].send_keys(username)
        self.css("#__ac_password")[0].send_keys(PASSWORD)
        self.click(self.css("#buttons-login")[0])
        self.wait_for(lambda d: self.css("body.userrole-authenticated"))

    def test_the_arbitrator_records_a_visit(self):
        self.login("arbiter")
        self.open(self.path)
        self.assertIn("尚无走访记录", self.driver.page_source)
        self.click(self.css("#content a[href$='++add++ServiceVisit']")[0])
        self.wait_for(lambda d: self.css("#form-widgets-visitors"))
        # the date input's typing follows the browser's locale: its value is set as the picker would
        self.driver.execute_script("arguments[0].value = '2026-11-20'", self.css("#form-widgets-visit_date")[0])
        self.css("#form-widgets-visitors")[0].send_keys("仲裁员测试甲")
        self.css("#form-widgets-findings")[0].send_keys("加班费以固定补贴代替，未按小时计算。")
        self.css("#form-widgets-advice")[0].send_keys("按实际加班时长计发加班费。")
        self.screenshot("enterprise-visit-form")
        self.click(self.css("#form-buttons-save")[0])
        self.wait_for(lambda d: "++add++" not in d.current_url)  # saved before the order is reopened
        self.open(self.path)
        [row] = self.css("table.service-visits tbody tr")
        self.assertIn("2026-11-20", row.text)
        self.assertIn("按实际加班时长计发加班费", row.text)
        self.screenshot("enterprise-order-with-visit")
        transaction.begin()
        self.assertEqual(len(orders.visits(self.order)), 1)

        self.open(f"/enterprise-services/@@enterprise-register?code={EMPLOYER_CODE}")
        self.assertIn("按实际加班时长计发加班费", self.driver.page_source)
        self.screenshot("enterprise-register")
