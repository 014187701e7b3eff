"""Notifications leave only after a successful commit, and only once."""

from plone import api
from suizhou.laborrights.notifications.interfaces import ISMSGateway
from suizhou.laborrights.notifications.outbox import current_outbox
from suizhou.laborrights.notifications.outbox import queue_mail
from suizhou.laborrights.notifications.outbox import queue_sms
from suizhou.laborrights.notifications.outbox import sms_gateway
from suizhou.laborrights.notifications.sms import LoggingSMSGateway
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from tests.mocks import swap_mailhost
from tests.mocks import swap_sms_gateway
from ZODB.POSException import ConflictError
from zope.component import getGlobalSiteManager
from zope.component import getUtility
from zope.interface import implementer
from zope.schema.interfaces import IVocabularyFactory

import transaction
import unittest


class TestOutbox(unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.mailhost = swap_mailhost(self, self.portal)
        self.sms = swap_sms_gateway(self)
        transaction.commit()

    def test_nothing_leaves_before_the_commit(self):
        queue_mail("worker@example.org", "维权事项已分办", "正文")
        queue_sms("13907221234", "已分办")
        self.assertEqual(len(self.mailhost.messages), 0)
        self.assertEqual(self.sms.sent, [])
        transaction.commit()
        self.assertEqual(len(self.mailhost.messages), 1)
        self.assertEqual(self.mailhost.messages_to, [["worker@example.org"]])
        self.assertEqual(self.sms.sent, [("13907221234", "【随州劳动维权】已分办")])

    def test_mail_is_chinese_utf8_with_the_site_sender(self):
        queue_mail("worker@example.org", "维权事项已分办", "您的维权事项已分办。")
        transaction.commit()
        self.assertIn(b"noreply@wq.example.gov.cn", self.mailhost.messages[0])
        self.assertIn("您的维权事项已分办。".encode(), self.mailhost.messages[0])

    def test_an_aborted_transaction_sends_nothing(self):
        queue_mail("worker@example.org", "维权事项已分办", "正文")
        queue_sms("13907221234", "已分办")
        transaction.abort()
        transaction.commit()  # the next transaction has nothing to send
        self.assertEqual(len(self.mailhost.messages), 0)
        self.assertEqual(self.sms.sent, [])

    def test_a_retried_conflict_sends_once(self):
        tries = []
        for attempt in transaction.manager.attempts(3):
            with attempt:
                tries.append(1)
                queue_mail("worker@example.org", "维权事项已办结", "正文")
                queue_sms("13907221234", "已办结")
                if len(tries) == 1:
                    raise ConflictError("a concurrent edit of the same case")
        self.assertEqual(len(tries), 2)
        self.assertEqual(len(self.mailhost.messages), 1)
        self.assertEqual(len(self.sms.sent), 1)

    def test_a_conflict_at_commit_time_sends_nothing_and_the_retry_sends_once(self):
        """The commit itself fails (a concurrent edit of the same object): the after-commit
        hook is told so and drops the messages; the retried transaction sends them once."""
        db = self.layer["zodbDB"]
        tries = []
        for attempt in transaction.manager.attempts(3):
            with attempt:
                tries.append(1)
                self.portal.title = "edited here"
                queue_mail("worker@example.org", "维权事项已分办", "正文")
                if len(tries) == 1:
                    other = db.open(transaction_manager=transaction.TransactionManager())
                    other.root()["Application"].plone.title = "edited elsewhere"
                    other.transaction_manager.commit()
                    other.close()
                    self.assertEqual(len(self.mailhost.messages), 0)
        self.assertEqual(len(tries), 2)
        self.assertEqual(len(self.mailhost.messages), 1)

    def test_the_same_message_twice_in_one_transaction_is_sent_once(self):
        for _ in range(2):
            queue_mail("worker@example.org", "维权事项已分办", "正文")
            queue_sms("13907221234", "已分办")
        self.assertEqual(len(current_outbox()), 2)
        transaction.commit()
        self.assertEqual(len(self.mailhost.messages), 1)
        self.assertEqual(len(self.sms.sent), 1)

    def test_a_failing_gateway_neither_stops_the_mail_nor_undoes_the_commit(self):
        @implementer(ISMSGateway)
        class Broken:
            title = "broken"

            def send(self, phone, text):
                raise RuntimeError("provider down")

        getGlobalSiteManager().registerUtility(Broken(), ISMSGateway, name="broken")
        self.addCleanup(getGlobalSiteManager().unregisterUtility, provided=ISMSGateway, name="broken")
        api.portal.set_registry_record("suizhou.laborrights.notifications.sms_gateway", "broken")
        queue_sms("13907221234", "已分办")
        queue_mail("worker@example.org", "维权事项已分办", "正文")
        self.portal.title = "changed with the notices"
        transaction.commit()
        self.assertEqual(len(self.mailhost.messages), 1)
        transaction.begin()
        self.assertEqual(self.portal.title, "changed with the notices")

    def test_no_sender_address_no_mail(self):
        api.portal.set_registry_record("plone.email_from_address", "")
        self.assertFalse(queue_mail("worker@example.org", "主题", "正文"))
        transaction.commit()
        self.assertEqual(len(self.mailhost.messages), 0)


class TestGatewayChoice(unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def test_default_gateway_only_logs(self):
        gateway = sms_gateway()
        self.assertIsInstance(gateway, LoggingSMSGateway)
        self.assertEqual(
            api.portal.get_registry_record("suizhou.laborrights.notifications.sms_gateway"), "log"
        )

    def test_a_removed_gateway_falls_back_to_the_log(self):
        recording = swap_sms_gateway(self, name="provider")
        getGlobalSiteManager().unregisterUtility(recording, ISMSGateway, name="provider")
        self.assertIsInstance(sms_gateway(), LoggingSMSGateway)

    def test_the_settings_offer_the_registered_gateways(self):
        swap_sms_gateway(self, name="provider")
        vocabulary = getUtility(IVocabularyFactory, "suizhou.laborrights.notifications.SMSGateways")()
        self.assertEqual(sorted(vocabulary.by_value), ["http", "log", "provider"])
        self.assertEqual(vocabulary.getTerm("log").title.default, "仅记录日志（不发送）")

    def test_a_registered_gateway_is_used_by_name(self):
        recording = swap_sms_gateway(self, name="provider")
        self.assertIs(sms_gateway(), recording)
