"""The mediator, the employer and the district administrator in a real browser: the mediator
schedules a session (desktop); the employer opens the notice's link, asks for the code and
replies with evidence (phone and desktop); the district administrator's staff page (desktop).
Screenshots in test-output/ (mediation-*.png, employer-reply-*.png, district-staff-*.png), used
by docs/mediator-guide.md and docs/district-admin-guide.md."""

from plone import api
from suizhou.laborrights.cases.register import now
from suizhou.laborrights.employer import access
from suizhou.laborrights.handling.assignment import route
from suizhou.laborrights.handling.history import entries
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from tests.browser_helpers import BrowserTestMixin
from tests.browser_helpers import PHONE
from tests.helpers import new_case
from tests.helpers import RoutingFixture
from tests.mocks import swap_sms_gateway

import datetime
import re
import tempfile
import transaction
import unittest


EMPLOYER_PHONE = "13800001111"


class PartiesInBrowser(RoutingFixture, BrowserTestMixin):
    layer = FUNCTIONAL_TESTING

    def setUp(self):
        super().setUp()
        self.make_people()
        self.sms = swap_sms_gateway(self)
        with api.env.adopt_roles(["Manager"]):
            api.user.get(username="staff_a").setMemberProperties({"fullname": "张调解"})
        self.case = new_case(
            employer_phone=EMPLOYER_PHONE,
            claims=[{"kind": "wages", "amount": 12000, "note": "2026年8月至10月"}],
        )
        with api.env.adopt_roles(["Manager"]):
            route(self.case, self.a, handler="staff_a", route="mediation")
        transaction.commit()
        self.case_path = "/" + "/".join(self.case.getPhysicalPath()[len(self.portal.getPhysicalPath()):])

    def press(self, element):
        """Scroll into view and click by script (Plone's fixed toolbar covers the bottom edge on a
        desktop screen and intercepts WebDriver's own click there)."""
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element)
        self.assertTrue(element.is_displayed())
        self.driver.execute_script("arguments[0].click()", element)

    def employer_replies(self, name):
        link = access.send_notice(self.case)
        transaction.commit()
        self.open(link.replace(self.portal.absolute_url(), ""))
        self.wait_for(lambda d: self.css(".sz-employer-reference"))
        self.assertEqual(self.css(".sz-employer-reference")[0].text, self.case.getId())
        self.assertNotIn(self.case.applicant_id_number, self.driver.page_source)
        self.assertTrue(self.no_horizontal_scroll())
        self.screenshot(f"employer-reply-1-notice-{name}")
        self.press(self.css("button[name=send_code]")[0])
        self.wait_for(lambda d: self.css(".sz-employer-message"))
        code = re.search(r"验证码(\d{6})", self.sms.sent[-1][1]).group(1)
        self.css("#employer-reply")[0].send_keys("工资已于11月20日全部发放，附银行转账记录。")
        with tempfile.NamedTemporaryFile(suffix=".pdf", prefix="transfer-") as evidence:
            evidence.write(b"%PDF-1.4 bank transfer " * 40)
            evidence.flush()
            self.css("#employer-files")[0].send_keys(evidence.name)
            self.css("#employer-code")[0].send_keys(code)
            self.press(self.css("button[name=submit_reply]")[0])
            self.wait_for(lambda d: self.css(".sz-employer-done"))
        self.assertTrue(self.no_horizontal_scroll())
        self.screenshot(f"employer-reply-2-done-{name}")
        transaction.begin()
        self.assertIn("employer_reply", [e.action for e in entries(self.case)])


class TestOnADesktop(PartiesInBrowser, unittest.TestCase):
    def test_the_mediator_schedules_a_session(self):
        self.login("staff_a")
        self.open(self.case_path)
        self.screenshot("mediation-1-case-actions")
        self.open(self.case_path + "/++add++MediationSession")
        when = (now() + datetime.timedelta(days=3)).replace(hour=9, minute=30)
        self.driver.execute_script(
            "arguments[0].value = arguments[1]", self.css("#form-widgets-session_date")[0], f"{when:%Y-%m-%dT%H:%M}"
        )
        self.css("#form-widgets-mediator")[0].send_keys("张调解")
        self.css("#form-widgets-place")[0].send_keys("曾都区劳动保障维权中心三楼调解室")
        for select, value in (("#form-widgets-mediation_kind", "people"), ("#form-widgets-result", "scheduled")):
            self.driver.execute_script("arguments[0].value = arguments[1]", self.css(select)[0], value)
        self.screenshot("mediation-2-schedule-form")
        self.press(self.css("#form-buttons-save")[0])
        self.wait_for(lambda d: "++add++" not in d.current_url)
        self.assertEqual(sorted(phone for phone, _text in self.sms.sent[-2:]), ["13800001111", "13907221234"])
        self.screenshot("mediation-3-scheduled")

    def test_the_employer_replies(self):
        self.employer_replies("desktop")

    def test_the_district_administrator_manages_staff(self):
        self.login("admin_zengdu")
        self.open("/@@district-staff")
        self.assertEqual(len(self.css(".sz-staff-accounts tbody tr")), 2)
        self.css("#staff-username")[0].send_keys("li.si")
        self.css("#staff-fullname")[0].send_keys("李四")
        self.press(self.css("form.sz-staff-create input[type=checkbox]")[0])
        self.css("#staff-password")[0].send_keys("short")
        self.press(self.css("form.sz-staff-create button[name=create]")[0])
        self.wait_for(lambda d: self.css(".sz-field-error"))
        self.screenshot("district-staff-2-error")
        self.css("#staff-password")[0].send_keys("new-password-2026")
        self.press(self.css("form.sz-staff-create button[name=create]")[0])
        self.wait_for(lambda d: self.css(".sz-staff-message"))
        self.assertEqual(len(self.css(".sz-staff-accounts tbody tr")), 3)
        self.screenshot("district-staff-1-list")


class TestOnAPhone(PartiesInBrowser, unittest.TestCase):
    size = PHONE
    mobile = True

    def test_the_employer_replies(self):
        self.employer_replies("phone")
