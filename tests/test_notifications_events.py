"""Who is told what: routing, transfer, due soon, closure, not accepted — after commit, once."""

from datetime import date
from decimal import Decimal
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser
from suizhou.laborrights.cases import closure
from suizhou.laborrights.cases.closure import close_case
from suizhou.laborrights.handling import events
from suizhou.laborrights.handling.assignment import unit_group_id
from suizhou.laborrights.handling.history import entries
from tests.helpers import APPLICANT_NAME
from tests.helpers import make_user
from tests.notification_helpers import APPLICANT_MAIL
from tests.notification_helpers import NotificationFixture
from tests.notification_helpers import UNIT_MAILBOX
from ZODB.POSException import ConflictError
from zope.event import notify

import transaction


class TestRoutingNotices(NotificationFixture):
    def test_routing_tells_unit_handler_and_applicant_after_commit(self):
        self.route()
        self.assertEqual(self.mailhost.messages, [])
        transaction.commit()
        ((subject, body),) = self.mails_to(UNIT_MAILBOX)
        self.assertIn("【待办】", subject)
        self.assertIn(self.case.getId(), body)
        self.assertIn(f"{self.portal.absolute_url()}/@@open-case?ref={self.case.getId()}", body)
        self.assertEqual(len(self.mails_to("mediator_li@example.org")), 1)
        ((subject, body),) = self.mails_to(APPLICANT_MAIL)
        self.assertIn("已分办", subject)
        self.assertIn("曾都区劳动保障维权中心", body)
        self.assertIn("@@case-progress?ref=" + self.case.getId(), body)
        ((phone, text),) = self.sms.sent
        self.assertEqual(phone, "13907221234")
        self.assertTrue(text.startswith("【随州劳动维权】"))
        self.assertIn(self.case.getId(), text)

    def test_no_personal_data_in_any_message(self):
        self.route()
        transaction.commit()
        everything = " ".join(subject + body for to, subject, body in self.mails())
        everything += " ".join(text for phone, text in self.sms.sent)
        for personal in (APPLICANT_NAME, self.case.applicant_id_number, "13907221234", "工资未发放"):
            self.assertNotIn(personal, everything)

    def test_notices_are_in_the_history(self):
        self.route()
        transaction.commit()
        notified = [dict(entry.details) for entry in entries(self.case) if entry.action == "notified"]
        self.assertIn(("email", "sms"), [n.get("channels") for n in notified if n["to"] == "applicant"])
        self.assertIn("staff", [n["to"] for n in notified])

    def test_an_aborted_routing_tells_nobody(self):
        self.route()
        transaction.abort()
        transaction.commit()
        self.assertEqual(self.mailhost.messages, [])
        self.assertEqual(self.sms.sent, [])

    def test_a_routing_retried_after_a_conflict_is_told_once(self):
        attempts = 0
        for attempt in transaction.manager.attempts(3):
            with attempt:
                attempts += 1
                self.route()
                if attempts == 1:
                    raise ConflictError("somebody else changed the case")
        self.assertEqual(attempts, 2)
        self.assertEqual(len(self.mails_to(UNIT_MAILBOX)), 1)
        self.assertEqual(len(self.mails_to(APPLICANT_MAIL)), 1)
        self.assertEqual(len(self.sms.sent), 1)

    def test_copy_units_get_a_copy(self):
        self.route(copy_units=[self.other_unit.UID()])
        transaction.commit()
        ((subject, body),) = self.mails_to("nanjiao@example.org")
        self.assertIn("【抄送】", subject)

    def test_a_new_handler_in_the_same_unit_is_no_news_for_the_applicant(self):
        self.route()
        transaction.commit()
        make_user("mediator_wang", groups=[unit_group_id(self.unit.UID())])
        self.mailhost.reset()
        del self.sms.sent[:]
        self.route(handler="mediator_wang", reason="李调解员休假")
        transaction.commit()
        self.assertEqual(len(self.mails_to("mediator_wang@example.org")), 1)
        self.assertEqual(self.mails_to(APPLICANT_MAIL), [])
        self.assertEqual(self.sms.sent, [])

    def test_a_landline_gets_no_sms_and_no_address_no_mail(self):
        self.case.applicant_phone = "0722-3331234"
        self.case.applicant_email = None
        self.route()
        transaction.commit()
        self.assertEqual(self.sms.sent, [])
        self.assertEqual(self.mails_to(APPLICANT_MAIL), [])
        self.assertEqual(len(self.mails_to(UNIT_MAILBOX)), 1)

    def test_switches_in_the_settings(self):
        api.portal.set_registry_record("suizhou.laborrights.notifications.notify_applicant_by_sms", False)
        api.portal.set_registry_record("suizhou.laborrights.notifications.notify_units_by_email", False)
        self.route()
        transaction.commit()
        self.assertEqual(self.sms.sent, [])
        self.assertEqual([to for to, subject, body in self.mails()], [APPLICANT_MAIL])

    def test_public_address_from_the_settings(self):
        api.portal.set_registry_record(
            "suizhou.laborrights.notifications.site_url", "https://wq.suizhou.example.gov.cn/"
        )
        self.route()
        transaction.commit()
        ((subject, body),) = self.mails_to(APPLICANT_MAIL)
        self.assertIn("https://wq.suizhou.example.gov.cn/@@case-progress?ref=", body)


class TestLaterNotices(NotificationFixture):
    def setUp(self):
        super().setUp()
        self.route()
        transaction.commit()
        self.mailhost.reset()
        del self.sms.sent[:]

    def test_transfer_tells_unit_and_applicant(self):
        notify(events.CaseTransferred(self.case, "mediation", "arbitration_acceptance", "调解期满未达成协议"))
        transaction.commit()
        ((subject, body),) = self.mails_to(APPLICANT_MAIL)
        self.assertIn("仲裁立案审查", subject)
        self.assertIn("由调解转入仲裁立案审查", body)
        self.assertEqual(len(self.mails_to(UNIT_MAILBOX)), 1)
        self.assertEqual(len(self.sms.sent), 1)

    def test_due_soon_reminds_unit_and_handler_not_the_applicant(self):
        notify(events.CaseDueSoon(self.case, "mediation", date(2026, 10, 9)))
        transaction.commit()
        ((subject, body),) = self.mails_to(UNIT_MAILBOX)
        self.assertIn("【即将到期】", subject)
        self.assertIn("2026-10-09", subject)
        self.assertEqual(len(self.mails_to("mediator_li@example.org")), 1)
        self.assertEqual(self.mails_to(APPLICANT_MAIL), [])
        self.assertEqual(self.sms.sent, [])

    def test_overdue_reminds_the_unit(self):
        notify(events.CaseOverdue(self.case, "mediation", date(2026, 10, 9)))
        transaction.commit()
        ((subject, body),) = self.mails_to(UNIT_MAILBOX)
        self.assertIn("【已超期】", subject)

    def test_closure_tells_the_outcome_and_invites_a_rating(self):
        close_case(
            self.case, "mediated", mediation_result="agreement", amount_recovered=Decimal("9000"), workers_benefited=1
        )
        transaction.commit()
        ((subject, body),) = self.mails_to(APPLICANT_MAIL)
        self.assertIn("已办结", subject)
        self.assertIn("调解成功", body)
        self.assertIn("评价", body)
        self.assertIn("@@case-progress?ref=" + self.case.getId(), body)
        ((phone, text),) = self.sms.sent
        self.assertIn("评价", text)
        self.assertEqual(len(self.mails_to(UNIT_MAILBOX)), 1)


class TestRejectionNotice(NotificationFixture):
    def test_not_accepted_tells_the_applicant_why(self):
        api.content.transition(obj=self.case, transition="reject", comment="不属于劳动争议受理范围")
        transaction.commit()
        ((subject, body),) = self.mails_to(APPLICANT_MAIL)
        self.assertIn("不予受理", subject)
        self.assertIn("不属于劳动争议受理范围", body)
        ((phone, text),) = self.sms.sent
        self.assertIn("不属于劳动争议受理范围", text)
        self.assertEqual(self.mails_to(UNIT_MAILBOX), [])


class TestRetriedRequest(NotificationFixture):
    """Through the publisher: the close form's request conflicts once, Zope retries it."""

    def test_closing_request_retried_after_a_conflict_notifies_once(self):
        self.route()
        transaction.commit()
        self.mailhost.reset()
        del self.sms.sent[:]
        real_close = closure.close_case
        calls = []

        def close_then_conflict(*args, **kwargs):
            calls.append(1)
            result = real_close(*args, **kwargs)
            if len(calls) == 1:
                raise ConflictError("a concurrent edit of the same case")
            return result

        closure.close_case = close_then_conflict
        self.addCleanup(setattr, closure, "close_case", real_close)
        browser = Browser(self.layer["app"])
        browser.handleErrors = False
        browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
        browser.open(f"{self.case.absolute_url()}/@@close-case")
        browser.getControl(name="form.widgets.outcome:list").value = ["mediated"]
        browser.getControl(name="form.widgets.amount_recovered").value = "9000"
        browser.getControl(name="form.buttons.close").click()
        self.assertEqual(len(calls), 2)
        self.assertIn("结案通知书", browser.contents)
        self.assertEqual(len(self.mails_to(APPLICANT_MAIL)), 1)
        self.assertEqual(len(self.mails_to(UNIT_MAILBOX)), 1)
        self.assertEqual(len(self.sms.sent), 1)
        transaction.begin()
        self.assertEqual(api.content.get_state(self.case), "closed")
