"""1+X partners as units (issue 15 item 3): a matter sent to a partner (court, union …) with a
printable hand-over page; the partner's member records the result, which returns to the case;
a partner the matter was not sent to gets the stranger's 404; 裁审衔接 shares a major case with
the court read-only."""

from datetime import timedelta
from plone import api
from suizhou.laborrights.audit import log as access_log
from suizhou.laborrights.cases.register import now
from suizhou.laborrights.handling import history
from suizhou.laborrights.partners import transfers
from suizhou.laborrights.partners import units
from suizhou.laborrights.partners.events import IPartnerResultReturned
from suizhou.laborrights.timezone import beijing
from tests.helpers import at
from tests.helpers import browser_for
from tests.helpers import make_station
from tests.partner_helpers import NAME
from tests.partner_helpers import PartnerFixture
from unittest import mock
from zope.component import getGlobalSiteManager
from zope.component import provideHandler
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent

import lxml.html
import os
import shutil
import tempfile
import transaction


class TestPartnerTransfer(PartnerFixture):
    def setUp(self):
        super().setUp()
        self.url = self.case.absolute_url()

    def send_to_court(self, purpose="judicial_confirmation"):
        browser = browser_for(self.app, "staff_a")
        browser.open(f"{self.url}/@@transfer-to-partner")
        browser.getControl(name="form.widgets.partner:list").value = [self.court]
        browser.getControl(name="form.widgets.purpose:list").value = [purpose]
        browser.getControl(name="form.widgets.note").value = "请依法审查调解协议"
        browser.getControl(name="form.buttons.send").click()
        return browser

    def history_text(self, user="staff_a"):
        browser = browser_for(self.app, user)
        browser.open(f"{self.url}/@@case-history")
        return lxml.html.fromstring(browser.contents).text_content()

    def test_sent_to_the_court_with_a_handover_page_and_its_due_date(self):
        staff_page = self.session("staff_a").get(self.path()).text
        self.assertIn(f"{self.url}/@@transfer-to-partner", staff_page)
        browser = self.send_to_court()
        self.assertTrue(browser.url.endswith("/@@partner-handover"), browser.url)
        page = lxml.html.fromstring(browser.contents).text_content()
        thirty = beijing(now()).date() + timedelta(days=30)
        self.assertIn("调解协议司法确认", page)
        # the court's time limit runs from its receipt, not 30 days from the sending
        self.assertIn("待法院接收", page)
        self.assertNotIn(thirty.isoformat(), page)
        self.assertIn(NAME, page)  # the case data sent
        self.assertIn("请依法审查调解协议", page)
        self.assertIn("移交协同单位", self.history_text())
        # the court's member now reads the case and its hand-over page
        judge = self.session("judge")
        case_page = judge.get(self.path())
        self.assertEqual(case_page.status_code, 200)
        self.assertIn(f"{self.url}/@@partner-result", case_page.text)
        self.assertNotIn(f"{self.url}/@@transfer-to-partner", case_page.text)
        self.assertIn(NAME, judge.get(f"{self.path()}/@@partner-handover").text)
        data = self.session("judge", "application/json").get(self.path())
        self.assertEqual(data.json()["applicant_name"], NAME)

    def test_the_courts_fifteen_days_run_from_its_receipt_with_their_basis(self):
        self.send_to_court()
        mailbox = browser_for(self.app, "judge")
        mailbox.open(f"{self.portal.absolute_url()}/@@partner-mailbox")
        mailbox.getControl(name="receive").click()
        transaction.begin()
        stored = transfers._stored(self.case)[0]
        # the receipt's history entry carries the court's due date
        received = history.last(self.case, "partner_received")
        self.assertEqual(dict(received.details)["due"], transfers.due_date(stored))
        self.assertIsNone(dict(history.last(self.case, "partner_transfer").details).get("due"))
        # received on Monday 1 September 2025 → Tuesday the 16th; on Friday the 5th → the 20th is
        # a Saturday: Monday the 22nd
        for received, due in ((at(2025, 9, 1, 10), "2025-09-16"), (at(2025, 9, 5, 10), "2025-09-22")):
            stored["received"] = received
            transaction.commit()
            page = lxml.html.fromstring(self.session("staff_a").get(f"{self.path()}/@@partner-handover").text)
            [shown] = page.cssselect(".partner-due")
            self.assertTrue(shown.text_content().split()[0] == due, shown.text_content())
            self.assertIn("司法确认程序的若干规定》第六条", shown.text_content())
            self.assertIn("可延长10日", shown.text_content())
        judge = browser_for(self.app, "judge")
        judge.open(f"{self.url}/@@partner-result")
        self.assertIn("2025-09-22", judge.contents)
        self.assertIn("第六条", judge.contents)

    def test_the_handover_page_is_never_cached_and_each_reading_is_logged(self):
        self.send_to_court()
        directory = tempfile.mkdtemp(prefix="access-log-handover-")
        self.addCleanup(shutil.rmtree, directory, ignore_errors=True)
        with mock.patch.dict(os.environ, {access_log.ENVIRONMENT: directory}):
            for user in ("judge", "staff_a"):
                answer = self.session(user).get(f"{self.path()}/@@partner-handover")
                self.assertIn(NAME, answer.text)
                self.assertEqual(answer.headers.get("Cache-Control"), "private, no-store", user)
            today = beijing(now()).date()
            found = access_log.entries(today, today, case=self.case.getId())
        self.assertEqual(
            sorted((entry["user"], entry["kind"]) for entry in found), [("judge", "view"), ("staff_a", "view")]
        )

    def give_result_in_form(self, outcome="confirmed", note="（2026）鄂1303民特12号"):
        judge = browser_for(self.app, "judge")
        judge.open(f"{self.url}/@@partner-result")
        judge.getControl(name="form.widgets.outcome:list").value = [outcome]
        judge.getControl(name="form.widgets.day").value = beijing(now()).date().isoformat()
        judge.getControl(name="form.widgets.note").value = note
        judge.getControl(name="form.buttons.submit").click()
        return judge

    def test_the_result_returns_to_the_case(self):
        self.send_to_court()
        returned = []

        def heard(event):
            returned.append((event.case.getId(), event.outcome))

        provideHandler(heard, (IPartnerResultReturned,))
        self.addCleanup(getGlobalSiteManager().unregisterHandler, heard, (IPartnerResultReturned,))
        judge = self.give_result_in_form()
        self.assertIn("办理结果已反馈", judge.contents)
        self.assertTrue(judge.url.startswith(f"{self.portal.absolute_url()}/@@partner-mailbox"), judge.url)
        self.assertEqual(returned, [(self.case.getId(), "confirmed")])
        history = self.history_text()
        self.assertIn("协同单位反馈办理结果", history)
        self.assertIn("裁定调解协议有效", history)
        self.assertIn("（2026）鄂1303民特12号", history)
        handover = self.session("staff_a").get(f"{self.path()}/@@partner-handover").text
        self.assertIn("裁定调解协议有效", handover)

    def test_bad_input_is_answered_at_the_field_and_kept(self):
        browser = browser_for(self.app, "staff_a")
        browser.open(f"{self.url}/@@transfer-to-partner")
        browser.getControl(name="form.widgets.note").value = "没有选单位"
        browser.getControl(name="form.buttons.send").click()
        self.assertIn("请选择协同单位", browser.contents)
        self.assertEqual(browser.getControl(name="form.widgets.note").value, "没有选单位")
        self.assertEqual(transfers.transfers(self.case), [])
        self.send_to_court()
        judge = browser_for(self.app, "judge")
        judge.open(f"{self.url}/@@partner-result")
        judge.getControl(name="form.widgets.outcome:list").value = ["confirmed"]
        tomorrow = beijing(now()).date() + timedelta(days=1)
        judge.getControl(name="form.widgets.day").value = tomorrow.isoformat()
        judge.getControl(name="form.widgets.note").value = "明天的结果"
        judge.getControl(name="form.buttons.submit").click()
        self.assertIn("不能晚于今天", judge.contents)
        self.assertEqual(judge.getControl(name="form.widgets.note").value, "明天的结果")
        transaction.begin()
        self.assertIsNone(transfers.transfers(self.case)[0]["outcome"])

    def test_a_partner_not_sent_the_matter_gets_the_strangers_404(self):
        self.send_to_court()
        self.assert_stranger("unionist")

    def test_court_share_of_a_major_case_is_read_only_and_recorded(self):
        browser = browser_for(self.app, "staff_a")
        browser.open(f"{self.url}/@@transfer-to-partner")
        browser.getControl(name="form.widgets.partner:list").value = [self.court]
        browser.getControl(name="form.buttons.share").click()
        self.assertIn("只有重大或群体性案件", browser.contents)
        self.assertEqual(self.session("judge").get(self.path()).status_code, 404)
        self.case.workers_involved = 12
        transaction.commit()
        browser.open(f"{self.url}/@@transfer-to-partner")
        browser.getControl(name="form.widgets.partner:list").value = [self.union]
        browser.getControl(name="form.buttons.share").click()
        self.assertIn("裁审衔接只能共享给法院", browser.contents)
        browser.getControl(name="form.widgets.partner:list").value = [self.court]
        browser.getControl(name="form.buttons.share").click()
        self.assertTrue(browser.url.endswith("/@@partner-handover"), browser.url)
        self.assertIn("裁审衔接（只读共享）", browser.contents)
        self.assertIn("共享至法院（裁审衔接）", self.history_text())
        judge = self.session("judge")
        self.assertEqual(judge.get(self.path()).status_code, 200)
        self.assertEqual(judge.get(f"{self.path()}/@@partner-result", allow_redirects=False).status_code, 404)
        self.assertEqual(self.session("unionist").get(self.path()).status_code, 404)

    def test_saving_a_station_gives_each_partner_a_group_for_its_accounts(self):
        station = make_station("unit-b", title="南郊街道维权服务站")
        station.partner_agencies = ["hrss", "police"]
        with api.env.adopt_roles(["Manager"]):
            notify(ObjectModifiedEvent(station))
        police = api.group.get(groupname=units.group_id(units.token("police", station.UID())))
        self.assertIsNotNone(police)
        self.assertIn("南郊街道维权服务站", police.getProperty("title"))
        self.assertIn("公安", police.getProperty("title"))
        self.assertIsNone(api.group.get(groupname=units.group_id(units.token("hrss", station.UID()))))
