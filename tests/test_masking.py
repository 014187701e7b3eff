"""No personal data in the site's logs: phones, e-mail addresses and ID numbers are masked."""

from plone import api
from smtplib import SMTPRecipientsRefused
from suizhou.laborrights import background
from suizhou.laborrights.masking import mask_email
from suizhou.laborrights.masking import mask_id_number
from suizhou.laborrights.masking import mask_phone
from suizhou.laborrights.masking import mask_text
from suizhou.laborrights.notifications.outbox import queue_sms
from tests.notification_helpers import APPLICANT_MAIL
from tests.notification_helpers import NotificationFixture

import transaction
import unittest


PHONE = "13907221234"  # the fixture's applicant


class TestMasks(unittest.TestCase):
    def test_masks(self):
        self.assertEqual(mask_phone("13912341234"), "139****1234")
        self.assertEqual(mask_email("zhang@example.com"), "z***@example.com")
        self.assertEqual(mask_id_number("42030219900101123X"), "420***********123X")
        self.assertEqual(mask_phone(""), "****")

    def test_free_text_keeps_references_and_masks_the_rest(self):
        text = mask_text("事项SZ-2026-000123：请联系13912341234或zhang.san@example.com，身份证42030219900101123X")
        self.assertEqual(
            text, "事项SZ-2026-000123：请联系139****1234或z***@example.com，身份证420****123X"
        )


class TestNoPersonalDataInTheLog(NotificationFixture):
    def test_sms_and_mail_of_a_routing(self):
        """The logging SMS gateway, and a mail server that refuses the applicant's address
        (its error names the address): nothing in the log reaches the person."""
        api.portal.set_registry_record("suizhou.laborrights.notifications.sms_gateway", "log")

        def refuse(message, *args, **kwargs):
            raise SMTPRecipientsRefused({APPLICANT_MAIL: (550, f"5.1.1 <{APPLICANT_MAIL}>: unknown".encode())})

        self.mailhost.send = refuse
        with self.assertLogs("suizhou.laborrights", level="INFO") as logged:
            self.route()
            queue_sms(PHONE, f"如有疑问请致电{PHONE}")
            transaction.commit()
            background.drain()  # sent (and logged) by the sender thread
        log = "\n".join(logged.output)
        self.assertIn("SMS to 139****1234", log)  # the SMS was logged, and the refused mail
        self.assertIn("e-mail to a***@example.org", log)
        self.assertNotIn(PHONE, log)
        self.assertNotIn(APPLICANT_MAIL, log)
