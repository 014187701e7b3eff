"""The worklist and the staff search in a real browser, on a desktop and on a phone, with
screenshots in test-output/. Skipped like the other browser tests when Chromium or its driver
is missing (see tests/browser_helpers.py)."""

from decimal import Decimal
from plone import api
from suizhou.laborrights.handling.assignment import route
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from tests.audit_helpers import LogDirectory
from tests.browser_helpers import BrowserTestMixin
from tests.browser_helpers import PHONE
from tests.helpers import new_case
from tests.helpers import RoutingFixture

import transaction
import unittest


APPLICANTS = (("欧阳小红", "随州市恒驰机械有限公司", "8800"), ("安建国", "随州市大洪山茶业有限公司", "23650.5"))


class WorklistBrowserTest(LogDirectory, RoutingFixture, BrowserTestMixin):
    layer = FUNCTIONAL_TESTING

    def setUp(self):
        super().setUp()
        self.use_own_log_directory()
        self.make_people()
        api.user.get(username="mediator").setMemberProperties({"fullname": "李调解"})
        self.cases = []
        for name, employer, amount in APPLICANTS:
            case = new_case(
                district="zengdu", applicant_name=name, employer_name=employer, claim_amount=Decimal(amount)
            )
            with api.env.adopt_roles(["Manager"]):
                route(case, self.a, handler="mediator", route="mediation")
            self.cases.append(case)
        transaction.commit()


class TestWorklistOnADesktop(WorklistBrowserTest, unittest.TestCase):
    def test_the_mediator_sorts_the_list_and_finds_a_case(self):
        self.login("mediator")
        self.open("/@@worklist")
        self.assertIn("active", self.css("#worklist-tab-mine")[0].get_attribute("class"))
        self.click(self.css("#sort-applicant")[0])
        self.wait_for(lambda d: "sort=applicant" in d.current_url)
        applicants = [cell.text for cell in self.css("table.worklist td.applicant")]
        self.assertEqual(applicants, ["安建国", "欧阳小红"])
        self.assertEqual(self.css("table.worklist td.handler")[0].text, "李调解")
        self.screenshot("worklist-1-desktop")
        self.click(self.css("#worklist-case-search")[0])
        self.css("#case-search-q")[0].send_keys("小红")
        self.click(self.css("form.case-search button")[0])
        self.wait_for(lambda d: self.css("table.case-search-results"))
        self.assertEqual(self.css("table.case-search-results td a")[0].text, self.cases[0].getId())
        self.screenshot("worklist-2-case-search-desktop")
        self.assertEqual([entry["kind"] for entry in self.lines()], ["search"])


class TestWorklistOnAPhone(WorklistBrowserTest, unittest.TestCase):
    size = PHONE
    mobile = True

    def test_each_case_is_a_card_without_sideways_scrolling(self):
        self.login("mediator")
        self.open("/@@worklist?tab=mine")
        width = self.driver.execute_script("return document.documentElement.clientWidth")
        table = self.css("table.worklist")[0]
        self.assertLessEqual(self.driver.execute_script("return arguments[0].scrollWidth", table), width)
        self.assertFalse(self.css("table.worklist thead")[0].is_displayed())
        cards = self.css("table.worklist tbody tr")
        self.assertEqual(len(cards), 2)
        applicant = self.css("table.worklist td.applicant")[0]
        # a whole line, its name first: not one character per line
        self.assertGreater(applicant.size["width"], width / 2)
        self.assertLess(applicant.size["height"], 40)
        label = self.driver.execute_script("return getComputedStyle(arguments[0], '::before').content", applicant)
        self.assertIn("申请人", label)
        self.screenshot("worklist-3-phone")
