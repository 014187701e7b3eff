"""A failed send is kept, tried again with back-off, sent once, and after its last try listed for
the administrator (notifications.retries, @@laborrights-outbox)."""

from plone import api
from smtplib import SMTPServerDisconnected
from suizhou.laborrights.notifications import retries
from suizhou.laborrights.notifications.interfaces import ISMSGateway
from suizhou.laborrights.notifications.interfaces import SMSError
from suizhou.laborrights.notifications.outbox import queue_mail
from suizhou.laborrights.notifications.outbox import queue_sms
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from tests.helpers import browser_for
from tests.helpers import chinese_site
from tests.helpers import make_user
from tests.mocks import commit_and_send
from tests.mocks import swap_mailhost
from unittest import mock
from zope.component import getGlobalSiteManager
from zope.component.hooks import setSite
from zope.interface import implementer

import threading
import time
import transaction
import unittest


MINUTE = 60


@implementer(ISMSGateway)
class FlakyGateway:
    """Refuses the first ``failures`` messages, then sends (records) them."""

    title = "flaky"

    def __init__(self, failures):
        self.failures = failures
        self.sent = []
        self.during_send = None  # called inside send, as another instance running meanwhile

    def send(self, phone, text):
        if self.during_send is not None:
            self.during_send()
        if self.failures:
            self.failures -= 1
            raise SMSError("provider down")
        self.sent.append((phone, text))


class RetryTestCase(unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.mailhost = swap_mailhost(self, self.portal)
        commit_and_send()

    def flaky_gateway(self, failures):
        gateway = FlakyGateway(failures)
        getGlobalSiteManager().registerUtility(gateway, ISMSGateway, name="flaky")
        self.addCleanup(getGlobalSiteManager().unregisterUtility, gateway, ISMSGateway, "flaky")
        api.portal.set_registry_record("suizhou.laborrights.notifications.sms_gateway", "flaky")
        commit_and_send()
        return gateway

    def flaky_mailhost(self, failures):
        send = self.mailhost.send
        left = [failures]

        def flaky_send(*args, **kwargs):
            if left[0]:
                left[0] -= 1
                raise SMTPServerDisconnected("mail server down")
            return send(*args, **kwargs)

        self.mailhost.send = flaky_send

    def pending(self):
        transaction.begin()  # see what the runs committed
        return [entry for _key, entry in retries.pending(self.portal)]

    def run_at(self, minutes_later):
        transaction.begin()
        return retries.retry_due(self.portal, at=self.start + minutes_later * MINUTE)


class TestRetries(RetryTestCase):
    def test_a_mail_that_fails_twice_is_sent_once_on_the_third_try(self):
        self.flaky_mailhost(2)
        self.start = time.time()
        queue_mail("worker@example.org", "维权事项已分办", "您的维权事项已分办。")
        commit_and_send()  # the first try fails
        self.assertEqual(len(self.mailhost.messages), 0)
        [kept] = self.pending()
        self.assertEqual((kept.kind, kept.tries), ("mail", 1))

        self.assertEqual(self.run_at(1)["sent"], 0)  # not due before 5 minutes
        self.assertEqual(self.run_at(6), {"sent": 0, "failed": 1, "given_up": 0})  # second try
        self.assertEqual(self.run_at(20)["sent"], 0)  # the next one is 30 minutes later
        self.assertEqual(self.run_at(40), {"sent": 1, "failed": 0, "given_up": 0})  # third try

        self.assertEqual(len(self.mailhost.messages), 1)
        self.assertIn("您的维权事项已分办。".encode(), self.mailhost.messages[0])
        self.assertEqual(self.pending(), [])
        self.run_at(60 * 24)
        self.assertEqual(len(self.mailhost.messages), 1)  # never again

    def test_a_mail_keeps_its_attachment_for_the_retry(self):
        self.flaky_mailhost(1)
        self.start = time.time()
        attachment = ("回执.pdf", "application/pdf", lambda: b"%PDF-1.4 receipt")
        queue_mail("worker@example.org", "受理回执", "附件为回执。", attachments=[attachment])
        commit_and_send()
        self.run_at(6)
        self.assertEqual(len(self.mailhost.messages), 1)
        self.assertIn(b"Content-Type: application/pdf", self.mailhost.messages[0])
        self.assertIn(b"JVBERi0xLjQgcmVjZWlwdA==", self.mailhost.messages[0])  # the PDF made once
        self.assertEqual(self.mailhost.messages_to, [["worker@example.org"]])

    def test_an_sms_that_fails_twice_is_sent_once_on_the_third_try(self):
        gateway = self.flaky_gateway(2)
        self.start = time.time()
        queue_sms("13907221234", "已分办")
        commit_and_send()
        self.run_at(6)
        self.assertEqual(gateway.sent, [])
        self.run_at(40)
        self.assertEqual(gateway.sent, [("13907221234", "【随州劳动维权】已分办")])
        self.assertEqual(self.pending(), [])

    def test_one_that_always_fails_stops_after_the_last_interval(self):
        gateway = self.flaky_gateway(100)
        self.start = time.time()
        queue_sms("13907221234", "已办结")
        commit_and_send()
        for minutes in (6, 40, 160, 880):  # 5, +30, +120, +720 minutes
            self.run_at(minutes)
        [kept] = self.pending()
        self.assertEqual(kept.tries, 5)
        self.assertTrue(kept.given_up)
        self.assertIn("provider down", kept.last_error)
        self.run_at(60 * 24 * 30)
        self.assertEqual(self.pending()[0].tries, 5)  # no more automatic tries
        self.assertEqual(gateway.sent, [])

    def test_two_runs_at_once_send_once(self):
        """A second run (another instance's timer) starts while the first is sending: the
        message is claimed by the first, the second leaves it."""
        gateway = self.flaky_gateway(1)
        self.start = time.time()
        queue_sms("13907221234", "已分办")
        commit_and_send()
        later = self.start + 6 * MINUTE
        second = []

        def other_instance():
            gateway.during_send = None
            second.append(retries.retry_due(self.portal, at=later))

        gateway.during_send = other_instance
        transaction.begin()
        first = retries.retry_due(self.portal, at=later)
        self.assertEqual(first["sent"], 1)
        self.assertEqual(second, [{"sent": 0, "failed": 0, "given_up": 0}])
        self.assertEqual(len(gateway.sent), 1)
        self.assertEqual(self.pending(), [])

    def test_two_instances_claiming_at_the_same_moment_send_once(self):
        """Two threads, each with its own database connection like two Zope instances, reach
        the claim together: one claim commits, the other conflicts (or sees the claim)."""
        gateway = self.flaky_gateway(1)
        self.start = time.time()
        queue_sms("13907221234", "已分办")
        commit_and_send()
        claim = retries._claim
        together = threading.Barrier(2, timeout=10)

        def claim_together(*args):
            together.wait()
            return claim(*args)

        sending = threading.Barrier(2, timeout=2)

        def wait_for_a_second_sender():  # which must not come: the first holds the claim
            try:
                sending.wait()
            except threading.BrokenBarrierError:
                pass

        gateway.during_send = wait_for_a_second_sender

        results = []

        def instance():
            manager = transaction.TransactionManager()
            connection = self.layer["zodbDB"].open(transaction_manager=manager)
            try:
                site = connection.root()["Application"][self.portal.getId()]
                setSite(site)
                results.append(retries.retry_due(site, at=self.start + 6 * MINUTE))
            finally:
                setSite(None)
                manager.abort()
                connection.close()

        with mock.patch.object(retries, "_claim", claim_together):
            threads = [threading.Thread(target=instance) for _ in range(2)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(30)
        self.assertEqual(sorted(result["sent"] for result in results), [0, 1])
        self.assertEqual(len(gateway.sent), 1)
        self.assertEqual(self.pending(), [])

    def test_the_daily_sweep_also_retries(self):
        from suizhou.laborrights.handling.sweep import main

        gateway = self.flaky_gateway(1)
        queue_sms("13907221234", "已分办")
        commit_and_send()
        main(self.layer["app"], self.portal.getId(), attempts=1)  # too early: not due yet
        self.assertEqual(gateway.sent, [])
        transaction.begin()
        retries._queue(self.portal).values()[0].next_try = 0  # as if 5 minutes had passed
        commit_and_send()
        main(self.layer["app"], self.portal.getId(), attempts=1)
        self.assertEqual(len(gateway.sent), 1)

    def test_the_five_minute_job_retries(self):
        gateway = self.flaky_gateway(1)
        queue_sms("13907221234", "已分办")
        commit_and_send()
        transaction.begin()
        retries._queue(self.portal).values()[0].next_try = 0  # due
        commit_and_send()
        counts = retries.main(self.layer["app"], self.portal.getId())
        self.assertEqual(counts, {"sent": 1, "failed": 0, "given_up": 0})
        self.assertEqual(len(gateway.sent), 1)


class TestUnsentList(RetryTestCase):
    """The administrator sees what failed its last try, and sends it again."""

    def setUp(self):
        super().setUp()
        chinese_site()
        make_user("city_admin", roles=["Site Administrator"])
        make_user("clerk")
        api.portal.set_registry_record("suizhou.laborrights.notifications.retry_minutes", [5])
        self.flaky_mailhost(2)
        self.start = time.time()
        queue_mail("worker@example.org", "维权事项已办结", "正文")
        commit_and_send()
        self.run_at(6)  # second and last try

    def test_the_administrator_sees_what_whom_how_often_and_why(self):
        browser = browser_for(self.layer["app"], "city_admin")
        browser.open(self.portal.absolute_url() + "/@@laborrights-outbox")
        self.assertIn("未发出的通知", browser.contents)
        self.assertIn("w***@example.org", browser.contents)
        self.assertNotIn("worker@example.org", browser.contents)
        self.assertIn("维权事项已办结", browser.contents)
        self.assertIn("mail server down", browser.contents)
        self.assertIn("已停止自动重试", browser.contents)

        browser.getControl(name="form.retry").click()  # the mail server works again

        self.assertIn("成功 1 条", browser.contents)
        self.assertIn("没有未发出的通知", browser.contents)
        self.assertEqual(len(self.mailhost.messages), 1)

    def test_staff_without_the_settings_permission_do_not(self):
        browser = browser_for(self.layer["app"], "clerk")
        browser.handleErrors = True
        browser.raiseHttpErrors = False
        browser.open(self.portal.absolute_url() + "/@@laborrights-outbox")
        self.assertNotIn("w***@example.org", browser.contents)
        self.assertNotIn("mail server down", browser.contents)
        self.assertNotIn("已停止自动重试", browser.contents)
