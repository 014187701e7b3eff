"""Each partner unit's mailbox: the matters sent to it, newest first, with 待接收/处理中/已反馈 and
the due date, 50 to a page; a notice by e-mail and SMS when one arrives; only the unit's own
accounts (and the city administrator) open it."""

from datetime import timedelta
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from suizhou.laborrights.cases.register import now
from suizhou.laborrights.partners import mailbox
from suizhou.laborrights.partners import transfers
from suizhou.laborrights.timezone import beijing
from tests.helpers import at
from tests.helpers import browser_for
from tests.helpers import make_user
from tests.notification_helpers import decoded
from tests.partner_helpers import NAME
from tests.partner_helpers import PartnerFixture
from urllib.parse import quote
from zope.annotation.interfaces import IAnnotations

import lxml.html
import transaction


class TestPartnerMailbox(PartnerFixture):
    def mailbox_rows(self, browser):
        page = lxml.html.fromstring(browser.contents)
        return [
            [" ".join(cell.text_content().split()) for cell in row.findall("td")]
            for row in page.cssselect("tr.partner-matter")
        ]

    def open_mailbox(self, user="judge", unit=None):
        browser = browser_for(self.app, user)
        browser.open(f"{self.portal.absolute_url()}/@@partner-mailbox" + (f"?unit={quote(unit)}" if unit else ""))
        return browser

    def test_matters_newest_first_with_their_state_and_due_date(self):
        first = self.send()
        later_case = self.routed_case()
        transaction.commit()
        self.send(case=later_case, purpose="litigation_mediation")
        browser = self.open_mailbox()
        self.assertIn("协同单位收件箱", browser.contents)
        self.assertIn("曾都区维权中心 · 法院", browser.contents)
        rows = self.mailbox_rows(browser)
        self.assertEqual([row[0] for row in rows], [later_case.getId(), self.case.getId()])
        self.assertEqual(rows[0][1], "诉调对接")
        self.assertEqual(rows[0][3], "—")
        self.assertTrue(rows[0][4].startswith("待接收"), rows[0])
        self.assertEqual(rows[1][1], "调解协议司法确认")
        # the court's 15 days run from its receipt: none before it (not 30 days from the sending)
        self.assertEqual(rows[1][3], "待法院接收")
        thirty = beijing(first["sent"]).date() + timedelta(days=30)
        self.assertNotIn(thirty.isoformat(), browser.contents)
        self.assertIn("司法确认程序的若干规定》第六条", browser.contents)
        self.assertNotIn(NAME, browser.contents)  # a listing: no personal data

        # 接收: waiting → handling, written in the case history
        browser.getControl(name="receive", index=1).click()  # the second row: the older matter
        self.assertIn(f"已接收事项{self.case.getId()}", browser.contents)
        rows = self.mailbox_rows(browser)
        self.assertTrue(rows[1][4].startswith("处理中"), rows[1])
        self.assertRegex(rows[1][3], r"^\d{4}-\d{2}-\d{2}$")
        self.assertGreater(rows[1][3], (beijing(now()).date() + timedelta(days=14)).isoformat())
        self.assertTrue(rows[0][4].startswith("待接收"), rows[0])
        history = browser_for(self.app, "staff_a")
        history.open(f"{self.case.absolute_url()}/@@case-history")
        self.assertIn("协同单位接收移交事项", history.contents)

        # the result: 已反馈 with the outcome, no link to the case any more
        self.give_result()
        browser.open(browser.url)
        rows = self.mailbox_rows(browser)
        self.assertTrue(rows[1][4].startswith("已反馈"), rows[1])
        self.assertIn("裁定调解协议有效", rows[1][5])
        self.assertIn("（2026）鄂1303民特12号", rows[1][5])
        links = [a.get("href") for a in lxml.html.fromstring(browser.contents).cssselect("tr.partner-matter a")]
        self.assertEqual(links, [f"{later_case.absolute_url()}/@@partner-handover"])

    def test_fifty_to_a_page_and_a_receipt_returns_to_its_page(self):
        oldest = [self.case] + [self.routed_case() for _ in range(2)]
        newest = [self.routed_case() for _ in range(50)]
        for case in oldest:
            self.send(case=case)  # 调解协议司法确认
        for case in newest:
            self.send(case=case, purpose="litigation_mediation")
        browser = self.open_mailbox()
        rows = self.mailbox_rows(browser)
        self.assertEqual([row[0] for row in rows], [case.getId() for case in reversed(newest)])
        self.assertEqual({row[1] for row in rows}, {"诉调对接"})
        self.assertNotIn("司法确认程序的若干规定》第六条", browser.contents)  # the basis of rows not shown
        next_page = lxml.html.fromstring(browser.contents).cssselect("li.next a")[0].get("href")
        browser.open(next_page)
        rows = self.mailbox_rows(browser)
        self.assertEqual([row[0] for row in rows], [case.getId() for case in reversed(oldest)])
        self.assertEqual({row[1] for row in rows}, {"调解协议司法确认"})
        self.assertIn("司法确认程序的若干规定》第六条", browser.contents)
        browser.getControl(name="receive", index=0).click()
        self.assertIn("b_start=50", browser.url)  # back on the page it was received from
        rows = self.mailbox_rows(browser)
        self.assertEqual([row[0] for row in rows], [case.getId() for case in reversed(oldest)])
        self.assertTrue(rows[0][4].startswith("处理中"), rows[0])

    def test_an_overdue_matter_is_marked(self):
        self.send()
        self.assertNotIn("已超期", self.mailbox_rows(self.open_mailbox())[0][3])
        # received on Monday 1 September 2025: the court's 15 days end on Tuesday the 16th
        stored = IAnnotations(self.case)[transfers.ANNOTATION_KEY][0]
        stored.update(received=at(2025, 9, 1, 10), received_by="judge")
        transaction.commit()
        rows = self.mailbox_rows(self.open_mailbox())
        self.assertEqual(rows[0][3], "2025-09-16 已超期")

    def test_the_unit_is_told_by_mail_and_sms_without_personal_data(self):
        self.mailhost.reset()
        self.sms.sent.clear()  # the applicant's routing notices
        browser = self.open_mailbox()
        browser.getControl(name="email").value = "不是邮箱"
        browser.getControl(name="mobile").value = "1234"
        browser.getControl(name="contact").click()
        self.assertIn("电子邮箱格式不正确", browser.contents)
        self.assertIn("请填写11位手机号码", browser.contents)
        self.assertEqual(browser.getControl(name="mobile").value, "1234")  # kept for correction
        transaction.begin()
        self.assertEqual(mailbox.contact(self.court), {"email": "", "mobile": ""})
        # without a contact e-mail, the members' account e-mails
        self.send()
        self.assertEqual([decoded(raw)[0] for raw in self.mailhost.messages], ["judge@example.org"])
        self.assertEqual(self.sms.sent, [])
        browser.getControl(name="email").value = "court-desk@example.org"
        browser.getControl(name="mobile").value = "13907220001"
        browser.getControl(name="contact").click()
        self.assertIn("通知方式已保存", browser.contents)
        other = self.routed_case()
        transaction.commit()
        self.mailhost.reset()
        self.sms.sent.clear()
        self.send(case=other)
        [(to, subject, body)] = [decoded(raw) for raw in self.mailhost.messages]
        self.assertEqual(to, "court-desk@example.org")
        self.assertIn(other.getId(), subject)
        self.assertIn("调解协议司法确认", subject)
        self.assertIn("@@partner-mailbox?unit=", body)
        [(phone, text)] = [(sms[0], sms[1]) for sms in self.sms.sent]
        self.assertEqual(phone, "13907220001")
        self.assertIn(other.getId(), text)
        for message in (subject, body, text):
            self.assertNotIn(NAME, message)
        history = browser_for(self.app, "staff_a")
        history.open(f"{other.absolute_url()}/@@case-history")
        self.assertIn("已通知协同单位", history.contents)

    def test_only_the_units_own_accounts_open_it(self):
        self.send()
        for user, unit in (("unionist", self.court), ("staff_a", None), ("staff_a", self.court), ("judge", self.union)):
            with self.subTest(user=user, unit=unit):
                address = "@@partner-mailbox" + (f"?unit={quote(unit)}" if unit else "")
                answer = self.session(user).get(address, allow_redirects=False)
                self.assertEqual(answer.status_code, 404)
                self.assertNotIn(self.case.getId(), answer.text)
        anonymous = self.session("nobody-here")
        anonymous.auth = None
        answer = anonymous.get("@@partner-mailbox", allow_redirects=False)
        self.assertNotEqual(answer.status_code, 200)
        self.assertNotIn(self.case.getId(), answer.text)
        # the union's own mailbox is empty; the city administrator opens the court's
        self.assertIn("暂无移交给本单位的事项", self.session("unionist").get("@@partner-mailbox").text)
        owner = self.session("unused")
        owner.auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
        self.assertIn(self.case.getId(), owner.get(f"@@partner-mailbox?unit={quote(self.court)}").text)

    def test_only_the_units_members_see_the_receive_button(self):
        self.send()
        make_user("city_admin", roles=["Site Administrator"])
        transaction.commit()
        city = self.open_mailbox("city_admin", unit=self.court)
        self.assertEqual([row[0] for row in self.mailbox_rows(city)], [self.case.getId()])
        self.assertIn("待接收", city.contents)
        with self.assertRaises(LookupError):  # it would always answer "nothing to receive"
            city.getControl(name="receive")
        self.open_mailbox("judge").getControl(name="receive").click()  # the court's own account has it
        self.assertEqual([transfers.state(t) for _case, t in mailbox.matters(self.court)], [transfers.HANDLING])

    def test_receiving_needs_the_form_token_and_a_waiting_matter(self):
        self.send()
        session = self.session("judge")
        refused = session.post(
            f"@@partner-mailbox?unit={quote(self.court)}", data={"receive": "1", "uid": self.case.UID()}
        )
        self.assertNotEqual(refused.status_code, 200)
        transaction.begin()
        self.assertEqual([transfers.state(t) for _case, t in mailbox.matters(self.court)], [transfers.WAITING])
