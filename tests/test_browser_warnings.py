"""A red warning in a real browser, as the city administrator meets it: the link above the
worklist, the list of warnings, the warning with its cases, a handling note. Screenshots in
test-output/ (warnings-*.png). Skipped like the other browser tests when Chromium or its
driver is missing (see tests/browser_helpers.py)."""

from plone import api
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from tests.browser_helpers import BrowserTestMixin
from tests.helpers import at
from tests.helpers import make_user
from tests.helpers import new_case
from tests.warnings_helpers import commit

import unittest


EMPLOYER = "随州市恒驰专用汽车配件有限公司"


class TestWarningInBrowser(BrowserTestMixin, unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def setUp(self):
        super().setUp()
        make_user("city", groups=["city_admins"])
        with api.env.adopt_roles(["Manager"]):
            api.user.get(username="city").setMemberProperties({"fullname": "市局管理员"})
        # twelve workers complain one by one in a week, each "涉及劳动者 1 人"
        self.cases = [
            new_case(
                district="hitech",
                received=at(2026, 11, 16 + n * 5 // 12, 8 + n % 9),
                employer_name=EMPLOYER,
                employer_credit_code="91421300MA4HC00010",
                applicant_phone=f"139072212{n:02d}",
            )
            for n in range(12)
        ]
        commit()  # and the warning rules run on the cases

    def test_the_city_administrator_follows_the_red_warning(self):
        self.login("city")
        self.open("/@@worklist")
        [link] = self.css(".worklist-warnings a")
        # the employer's cluster, and the week's wage arrears in the district against none before
        self.assertEqual(link.text, "风险预警：2 条待处置或处置中")
        self.click(link)
        self.wait_for(lambda d: self.css(".warnings-table"))
        [red, yellow] = self.css(".warnings-table tbody tr")
        self.assertIn("红色", red.text)
        self.assertIn("同一单位多件投诉", red.text)
        self.assertIn(EMPLOYER, red.text)
        self.assertIn("黄色", yellow.text)
        self.assertIn("区县某类争议激增", yellow.text)
        self.screenshot("warnings-list")

        self.click(self.css(".warnings-table tbody a")[0])
        self.wait_for(lambda d: self.css(".warning-cases"))
        self.assertEqual(self.css(".warning-workers")[0].text, "12")
        references = [a.text for a in self.css(".warning-cases tbody a")]
        self.assertEqual(sorted(references), sorted(case.getId() for case in self.cases))
        self.css("#warning-note")[0].send_keys("已通知高新区劳动保障监察大队现场核查，约谈企业负责人。")
        # clicked by script: the button lies under the page's end when scrolled to the middle
        self.driver.execute_script("arguments[0].click()", self.css("button[value='handle']")[0])
        self.wait_for(lambda d: self.css(".warning-notes li"))
        self.assertEqual(self.css(".warning-state")[0].text, "处置中")
        self.assertIn("约谈企业负责人", self.css(".warning-notes")[0].text)
        self.assertIn("市局管理员", self.css(".warning-notes")[0].text)  # the name, not the user id
        self.screenshot("warnings-one-warning")
