"""The case page and the register in a real browser, as the unit's handler uses them on a
desktop and on a phone (390 px): the summary and the actions allowed now on the first screen,
the evidence files with their download, the timeline; cards without sideways scrolling on the
phone. Screenshots in test-output/ (case-view-*.png, case-register-*.png). Skipped like the
other browser tests when Chromium or its driver is missing (see tests/browser_helpers.py)."""

from plone import api
from plone.namedfile.file import NamedBlobFile
from suizhou.laborrights.handling.assignment import route
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from tests.browser_helpers import AXE
from tests.browser_helpers import AXE_TAGS
from tests.browser_helpers import BrowserTestMixin
from tests.browser_helpers import PHONE
from tests.helpers import at
from tests.helpers import make_user
from tests.helpers import new_case
from tests.helpers import RoutingFixture

import transaction
import unittest


class CaseInBrowser(RoutingFixture, BrowserTestMixin):
    layer = FUNCTIONAL_TESTING

    def setUp(self):
        super().setUp()
        self.make_people()
        with api.env.adopt_roles(["Manager"]):
            api.user.get(username="staff_a").setMemberProperties({"fullname": "李承办"})
        make_user("city", groups=["city_admins"])
        self.case = new_case(
            received=at(2026, 7, 13, 10),
            applicant_email="",
            claims=[
                {"kind": "wages", "amount": 12000, "note": "2026年8月至10月"},
                {"kind": "overtime_pay", "amount": 3000, "note": ""},
            ],
            workers_involved=3,
        )
        with api.env.adopt_roles(["Manager"]):
            for number, name in enumerate(("工资条.pdf", "考勤记录.jpg"), start=1):
                api.content.create(
                    container=self.case,
                    type="CaseAttachment",
                    id=f"attachment-{number}",
                    title=name,
                    file=NamedBlobFile(b"evidence " * 200, filename=name, contentType="application/pdf"),
                )
            route(self.case, self.a, handler="staff_a", route="mediation")
        transaction.commit()
        self.case_path = "/" + "/".join(self.case.getPhysicalPath()[len(self.portal.getPhysicalPath()):])

    def top(self, selector):
        return self.driver.execute_script(
            "return arguments[0].getBoundingClientRect().top + window.scrollY", self.css(selector)[0]
        )

    def axe_violations_in(self, selector):
        """axe-core's WCAG 2.1 A/AA violations inside the page's own part (Plone's toolbar has
        some of its own, which are not this page's)."""
        self.driver.execute_script(AXE.read_text(encoding="utf-8"))
        result = self.driver.execute_async_script(
            "var done = arguments[arguments.length - 1];"
            "axe.run(document.querySelector(arguments[0]), {runOnly: {type: 'tag', values: arguments[1]}})"
            ".then(function (r) { done(r.violations.map(function (v) { return v.id; })); })"
            ".catch(function (e) { done(['axe-error: ' + e]); });",
            selector,
            AXE_TAGS,
        )
        return result

    def check_the_case_page(self, name):
        self.login("staff_a")
        self.open(self.case_path)
        header = self.css(".sz-case-header")[0].text
        self.assertIn(self.case.getId(), header)
        self.assertIn("李承办", header)
        self.assertNotIn("staff_a", header)
        # the actions allowed now are on the first screen, before the claims
        actions = [a for a in self.css(".sz-case-actions a") if a.is_displayed()]
        self.assertIn("改派 / 指定承办人", [a.text for a in actions])
        self.assertLess(self.top(".sz-case-actions"), self.driver.execute_script("return window.innerHeight"))
        self.assertLess(self.top(".sz-case-actions"), self.top(".sz-case-claims"))
        # the staff stylesheet is there: the header is a card with the blue rule on top
        self.assertEqual(
            self.driver.execute_script(
                "return getComputedStyle(arguments[0]).borderTopWidth", self.css(".sz-case-header")[0]
            ),
            "4px",
        )
        files = self.css("#case-attachments .sz-file-name")
        self.assertEqual([f.text for f in files], ["工资条.pdf", "考勤记录.jpg"])
        self.assertTrue(all(f.is_displayed() for f in files))
        self.assertTrue(self.css(".sz-timeline-entry"))
        self.assertTrue(self.no_horizontal_scroll())
        self.screenshot(f"case-view-{name}")
        self.assertEqual(self.axe_violations_in("#sz-case-view"), [])

    def check_the_register(self, name):
        self.login("city")
        self.open("/cases")
        self.assertIn("共 1 件", self.css(".sz-register-count")[0].text)
        link = self.css(".sz-register-table a")[0]
        self.assertEqual(link.text, self.case.getId())
        self.assertTrue(link.is_displayed())
        self.assertTrue(self.no_horizontal_scroll())
        self.screenshot(f"case-register-{name}")
        self.assertEqual(self.axe_violations_in(".sz-case-register"), [])


class TestCaseViewOnADesktop(CaseInBrowser, unittest.TestCase):
    def test_the_case_page(self):
        self.check_the_case_page("desktop")

    def test_the_register(self):
        self.check_the_register("desktop")


class TestCaseViewOnAPhone(CaseInBrowser, unittest.TestCase):
    size = PHONE
    mobile = True

    def test_the_case_page(self):
        self.check_the_case_page("phone")
        # the actions are targets a thumb hits (44 px high at least), inside the screen
        boxes = self.driver.execute_script(
            "return [...document.querySelectorAll('.sz-case-actions a')]"
            ".map(a => { const r = a.getBoundingClientRect(); return [r.left, r.right, r.height]; })"
        )
        for left, right, height in boxes:
            self.assertGreaterEqual(height, 44)
            self.assertGreaterEqual(left, 0)
            self.assertLessEqual(right, PHONE[0])

    def test_the_register(self):
        self.check_the_register("phone")
        # a row is a card: the column names stand beside the values, the table head is hidden
        self.assertFalse(self.css(".sz-register-table thead")[0].is_displayed())
