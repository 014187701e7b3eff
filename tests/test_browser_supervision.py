"""Supervision in a real browser: the district administrator fills in and submits the district's
self-assessment; the city administrator reads the statistics dashboard, opens the red warning of
a collective dispute and the assessment ranking. Screenshots in test-output/ (supervision-*.png,
copied to docs/images/ for docs/supervision-guide.md). Like the other browser tests it needs
Chromium and its driver: without them it is an error, never a skip (see tests/browser_helpers.py)."""

from plone import api
from suizhou.laborrights.assessment.criteria import save
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from tests.assessment_helpers import mediation_year
from tests.browser_helpers import BrowserTestMixin
from tests.helpers import make_user
from tests.helpers import new_case
from tests.warnings_helpers import commit

import unittest


EMPLOYER = "随州市示例纺织有限公司"
# The default criteria without the 12345 one: the test data has no ticket, 曾都区 would not be ranked.
CRITERIA = (
    "center|劳动保障维权中心建成并配备专职人员|15|district|",
    "stations|乡镇（街道）、村（社区）服务站点覆盖|15|district|",
    "hotline_authorisation|12345热线授权（直派）到位|10|district|",
    "mediation_success|调解成功率|20|mediation_success_rate|80:20,60:10",
    "on_time|按期办结率|20|on_time_rate|95:20,90:10",
    "typical_cases|典型案例发布|10|district|",
)
SELF_SCORES = {"center": "15", "stations": "12", "hotline_authorisation": "10", "typical_cases": "8"}


class TestSupervisionInBrowser(BrowserTestMixin, unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def setUp(self):
        super().setUp()
        mediation_year()
        new_case(employer_name=EMPLOYER, workers_involved=35, collective_dispute=True)
        make_user("city", groups=["city_admins"])
        make_user("admin_zengdu", groups=["district_admins_zengdu"])
        with api.env.adopt_roles(["Manager"]):
            save(CRITERIA)
        commit()  # and the warning rules run on the cases

    def test_self_assessment_statistics_warning_and_ranking(self):
        self.login("admin_zengdu")
        self.open("/@@assessment?district=zengdu&year=2026")
        self.assertTrue(self.css("#criterion-mediation_success")[0].text.startswith("调解成功率 20 70.0%"))
        for code, score in SELF_SCORES.items():
            self.css(f"#score_{code}")[0].send_keys(score)
        self.css("#note_center")[0].send_keys("区劳动保障维权中心已建成，专职人员5名。")
        # clicked by script: near the page's end the button cannot be scrolled to the middle
        self.driver.execute_script("arguments[0].click()", self.css("button[name='submit']")[0])
        self.wait_for(lambda d: self.css("#assessment-state")[0].text == "已提交，待市局审核")
        self.assertEqual(self.css("#assessment-total")[0].text, "75")
        self.screenshot("supervision-self-assessment")

        self.login("city")
        self.open("/@@statistics?start=2026-01-01&end=2026-12-31")
        self.wait_for(
            lambda d: (
                self.css(".statistics-chart")
                and len(self.css(".statistics-chart[data-drawn='true']")) == len(self.css(".statistics-chart"))
            )
        )
        self.driver.execute_script("window.scrollTo(0, 0)")
        self.screenshot("supervision-statistics")

        self.open("/@@warnings")
        red = [row for row in self.css(".warnings-table tbody tr") if EMPLOYER in row.text]
        self.assertEqual(len(red), 1)
        self.assertIn("红色", red[0].text)
        self.click(red[0].find_element("css selector", "a"))
        self.wait_for(lambda d: self.css(".warning-workers"))
        self.assertEqual(self.css(".warning-workers")[0].text, "35")
        self.screenshot("supervision-warning")

        self.open("/@@assessment-ranking?year=2026")
        rows = {
            row.find_element("css selector", "th").text: row.text for row in self.css("#assessment-ranking tbody tr")
        }
        self.assertEqual(rows["曾都区"], "1 曾都区 75/90 已提交，待市局审核")
        self.assertIn("数据不足，不排名", rows["随县"])
        self.screenshot("supervision-assessment-ranking")
