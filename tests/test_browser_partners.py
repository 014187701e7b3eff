"""A court transfer in a real browser (issue 15 item 3): the handler sends a mediated case to the
court for 司法确认 from the case page's 司法确认 period, the court's member finds it in the unit's
mailbox, receives it and records the ruling; the case shows the result and no period left.
On a desktop and on a phone (390 px); screenshots in test-output/partners-*.png."""

from datetime import timedelta
from decimal import Decimal
from plone import api
from selenium.webdriver.support.ui import Select
from suizhou.laborrights.cases.register import now
from suizhou.laborrights.handling.assignment import route
from suizhou.laborrights.handling.assignment import unit_group_id
from suizhou.laborrights.partners import transfers
from suizhou.laborrights.partners import units
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from suizhou.laborrights.timezone import beijing
from tests.browser_helpers import BrowserTestMixin
from tests.browser_helpers import PHONE
from tests.helpers import at
from tests.helpers import make_station
from tests.helpers import make_user
from tests.helpers import new_case

import transaction
import unittest


NAME = "浏览器协同测试陈小燕"
RULING = "（2026）鄂1303民特66号：调解协议有效"


class CourtTransferInBrowser(BrowserTestMixin):
    layer = FUNCTIONAL_TESTING

    def setUp(self):
        super().setUp()
        unit = make_station("browser-center", title="曾都区劳动保障维权中心", level="center")
        unit.partner_agencies = ["hrss", "court", "union"]
        self.court = units.token("court", unit.UID())
        make_user("handler_b", groups=[unit_group_id(unit.UID())])
        with api.env.adopt_roles(["Manager"]):
            make_user("judge_b", groups=[units.ensure_group(self.court)])
        self.case = new_case(received=at(2026, 8, 3), district="zengdu", applicant_name=NAME)
        agreed = beijing(now()).replace(hour=10, minute=0, second=0, microsecond=0, tzinfo=None) - timedelta(days=4)
        with api.env.adopt_roles(["Manager"]):
            route(self.case, unit.UID(), route="mediation")
            api.content.transition(obj=self.case, transition="accept")
            api.content.create(
                container=self.case,
                type="MediationSession",
                id="agreement",
                session_date=agreed,
                mediator="人民调解员刘某",
                mediation_kind="people",
                result="agreed",
                agreement_amount=Decimal("12800"),
                agreement_terms="被申请人于十日内支付工资12800元。",
            )
        transaction.commit()
        self.path = "/" + "/".join(self.case.getPhysicalPath()[len(self.portal.getPhysicalPath()) :])

    def check_the_court_transfer(self, kind):
        # 1. the handler: the 司法确认 period on the mediated case, then the transfer
        self.login("handler_b")
        self.open(self.path)
        [block] = self.css(".sz-agreement-judicial_confirmation")
        self.assertIn("申请司法确认", block.text)
        self.assertIn("剩余", block.text)
        self.screenshot(f"partners-1-case-agreement-{kind}")
        self.click(block.find_element("css selector", "a.sz-send-confirmation"))
        self.wait_for(lambda d: self.css("#form-widgets-partner"))
        Select(self.css("#form-widgets-partner")[0]).select_by_value(self.court)
        Select(self.css("#form-widgets-purpose")[0]).select_by_value("judicial_confirmation")
        self.css("#form-widgets-note")[0].send_keys("请依法审查调解协议")
        self.click(self.css("#form-buttons-send")[0])
        self.wait_for(lambda d: d.current_url.endswith("/@@partner-handover"))
        self.assertIn("调解协议司法确认", self.driver.page_source)
        self.screenshot(f"partners-2-handover-{kind}")

        # 2. the court: the mailbox, receiving, the ruling
        self.login("judge_b")
        self.open("/@@partner-mailbox")
        [row] = self.css("tr.partner-matter")
        self.assertIn(self.case.getId(), row.text)
        self.assertIn("待接收", row.text)
        self.assertNotIn(NAME, self.driver.page_source)
        self.assertTrue(self.no_horizontal_scroll())
        self.screenshot(f"partners-3-mailbox-{kind}")
        self.assertEqual(self.axe_violations_in("#content"), [])  # the toolbar is Plone's
        self.click(row.find_element("css selector", "button[name='receive']"))
        self.wait_for(lambda d: f"已接收事项{self.case.getId()}" in d.page_source)
        self.assertIn("处理中", self.css("tr.partner-matter")[0].text)
        self.click(self.css("tr.partner-matter a")[0])
        self.wait_for(lambda d: d.current_url.endswith("/@@partner-handover"))
        self.assertIn(NAME, self.driver.page_source)  # what was handed over
        self.click(self.css("a[href$='/@@partner-result']")[0])
        self.wait_for(lambda d: self.css("#form-widgets-outcome"))
        Select(self.css("#form-widgets-outcome")[0]).select_by_value("confirmed")
        today = beijing(now()).date().isoformat()
        self.driver.execute_script("arguments[0].value = arguments[1]", self.css("#form-widgets-day")[0], today)
        self.css("#form-widgets-note")[0].send_keys(RULING)
        self.screenshot(f"partners-4-result-form-{kind}")
        # submitted as its button does (a desktop click can land on the date input's picker)
        self.driver.execute_script("arguments[0].form.requestSubmit(arguments[0])", self.css("#form-buttons-submit")[0])
        self.wait_for(lambda d: "@@partner-mailbox" in d.current_url)
        [row] = self.css("tr.partner-matter")
        self.assertIn("已反馈", row.text)
        self.assertIn("裁定调解协议有效", row.text)
        self.assertEqual(row.find_elements("css selector", "a"), [])  # the case is no longer theirs
        self.screenshot(f"partners-5-mailbox-returned-{kind}")

        # 3. the handler: the ruling on the case, no period left to watch
        self.login("handler_b")
        self.open(self.path)
        self.assertIn("协同单位反馈办理结果", self.driver.page_source)
        self.assertIn(RULING, self.driver.page_source)
        self.assertEqual(self.css(".sz-agreement-deadline"), [])
        self.screenshot(f"partners-6-case-result-{kind}")
        transaction.begin()
        [transfer] = transfers.transfers(self.case)
        self.assertEqual((transfer["outcome"], transfer["result_note"]), ("confirmed", RULING))


class TestCourtTransferOnADesktop(CourtTransferInBrowser, unittest.TestCase):
    def test_the_court_transfer(self):
        self.check_the_court_transfer("desktop")


class TestCourtTransferOnAPhone(CourtTransferInBrowser, unittest.TestCase):
    size = PHONE
    mobile = True

    def test_the_court_transfer(self):
        self.check_the_court_transfer("phone")
