"""The 零工驿站 page on a phone (demo site): the four services in one page, the postings filtered
by trade, no sideways scrolling, accessible (axe-core); screenshot test-output/gig-station-phone.png."""

from suizhou.laborrights.testing import DEMO_FUNCTIONAL_TESTING
from tests.browser_helpers import BrowserTestMixin
from tests.browser_helpers import PHONE

import unittest


class TestGigStationOnPhone(BrowserTestMixin, unittest.TestCase):
    layer = DEMO_FUNCTIONAL_TESTING
    size = PHONE
    mobile = True

    def test_the_station_page(self):
        self.open("/stations/city/city-gig-station/@@gig-station")
        headings = [h.text for h in self.css(".sz-gig h2")]
        self.assertEqual(headings, ["招聘岗位", "求职登记", "法律服务", "劳动维权"])
        titles = [h.text for h in self.css(".sz-gig-postings h3")]
        self.assertIn("装卸搬运工", titles)
        self.assertNotIn("香菇采摘工", titles)  # expired
        self.assertNotIn("餐厅帮厨", titles)  # waiting for review
        self.assertTrue(self.no_horizontal_scroll())
        self.screenshot("gig-station-phone")
        self.assertAccessible()

        select = self.css("#gig-trade")[0]
        self.driver.execute_script("arguments[0].value = 'cleaning'", select)
        self.click(self.css(".sz-filters button")[0])
        self.wait_for(lambda d: "trade=cleaning" in d.current_url)
        self.assertEqual([h.text for h in self.css(".sz-gig-postings h3")], ["小区保洁员"])

    def test_the_registration_form(self):
        self.open("/@@gig-register")
        self.click(self.css(".sz-gig-form button[type=submit]")[0])
        self.wait_for(lambda d: d.find_elements("css selector", ".alert-danger"))
        self.assertIn("请阅读并勾选同意后再提交。", self.css(".alert-danger")[0].text)
        self.assertTrue(self.no_horizontal_scroll())
        self.screenshot("gig-register-phone")
        self.assertAccessible()
