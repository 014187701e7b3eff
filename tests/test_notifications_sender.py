"""Mail and SMS are sent by the process's sender thread once the transaction has committed:
the applicant's filing answers while the mail server is still busy with its receipt."""

from email import message_from_bytes
from email import policy
from suizhou.laborrights import background
from tests.form_helpers import complaint_values
from tests.form_helpers import FormsTestCase
from tests.pdf_helpers import pdf_text
from unittest import mock

import re
import threading


class TestTheFilingDoesNotWaitForTheMail(FormsTestCase):
    def test_the_receipt_page_comes_before_the_mail_is_sent(self):
        entered, release = threading.Event(), threading.Event()
        self.addCleanup(release.set)
        mock_mailhost = self.mailhost.mock  # read without waiting for the sender
        send = mock_mailhost.send

        def busy_mail_server(message, *args, **kwargs):
            entered.set()
            release.wait(30)
            return send(message, *args, **kwargs)

        with mock.patch.object(mock_mailhost, "send", busy_mail_server, create=True):
            browser = self.file("complaint", complaint_values(applicant_email="zhangsan@example.org"))
            reference = re.search(r"ref=([A-Z0-9-]+)", browser.url).group(1)
            self.assertIn(reference, browser.contents)  # the receipt page is there
            self.assertTrue(entered.wait(30), "the sender has the receipt mail")
            self.assertEqual(mock_mailhost.messages, [])  # and is still sending it
            self.assertFalse(background.drain(timeout=0.2))
            release.set()
            self.assertTrue(background.drain(timeout=30))

        [raw] = mock_mailhost.messages
        message = message_from_bytes(raw, policy=policy.default)
        [attachment] = list(message.iter_attachments())
        self.assertIn(reference, pdf_text(attachment.get_content()))  # made in the sender thread
