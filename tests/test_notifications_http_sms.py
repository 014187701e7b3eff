"""The HTTP SMS platform gateway (``http``), against a fake platform on 127.0.0.1: the request
carries the phone and the text; an error status or a timeout is a failed send, kept for a retry."""

from http.server import BaseHTTPRequestHandler
from http.server import HTTPServer
from plone import api
from suizhou.laborrights.notifications import retries
from suizhou.laborrights.notifications.outbox import queue_sms
from suizhou.laborrights.notifications.outbox import sms_gateway
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from tests.mocks import commit_and_send

import json
import threading
import time
import transaction
import unittest


PREFIX = "suizhou.laborrights.notifications"


class FakePlatform(BaseHTTPRequestHandler):
    """Records each request; answers ``server.status`` after ``server.delay`` seconds."""

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        self.server.received.append(
            (self.path, self.headers.get("Content-Type"), json.loads(self.rfile.read(length).decode("utf-8")))
        )
        time.sleep(self.server.delay)
        try:
            self.send_response(self.server.status)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(b'{"code": 0}')
        except OSError:  # the gateway gave up waiting
            pass

    def log_message(self, *args):
        pass


class TestHTTPSMSGateway(unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.server = HTTPServer(("127.0.0.1", 0), FakePlatform)
        self.server.received, self.server.status, self.server.delay = [], 200, 0
        thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        thread.start()
        self.addCleanup(self.server.server_close)
        self.addCleanup(thread.join)
        self.addCleanup(self.server.shutdown)
        url = f"http://127.0.0.1:{self.server.server_address[1]}/api/sms/send"
        for name, value in (
            ("sms_gateway", "http"),
            ("sms_http_url", url),
            ("sms_http_account", "suizhou-hrss"),
            ("sms_http_key", "s3cret"),
            ("sms_http_sign_name", "随州劳动维权"),
            ("sms_http_timeout", 1),
        ):
            api.portal.set_registry_record(f"{PREFIX}.{name}", value)
        commit_and_send()

    def pending(self):
        transaction.begin()
        return [entry for _key, entry in retries.pending(self.portal)]

    def test_the_platform_gets_the_phone_and_the_text(self):
        self.assertEqual(sms_gateway().__class__.__name__, "HTTPSMSGateway")
        queue_sms("13907221234", "您的维权事项已分办。")
        commit_and_send()
        [(path, content_type, body)] = self.server.received
        self.assertEqual(path, "/api/sms/send")
        self.assertIn("application/json", content_type)
        self.assertEqual(body["phone"], "13907221234")
        self.assertEqual(body["text"], "【随州劳动维权】您的维权事项已分办。")
        self.assertEqual(
            (body["account"], body["key"], body["sign_name"]), ("suizhou-hrss", "s3cret", "随州劳动维权")
        )
        self.assertEqual(self.pending(), [])

    def test_a_server_error_is_a_failed_send_kept_for_a_retry(self):
        self.server.status = 503
        queue_sms("13907221234", "已分办")
        commit_and_send()
        self.assertEqual(len(self.server.received), 1)
        [kept] = self.pending()
        self.assertEqual((kept.kind, kept.recipient, kept.tries), ("sms", "13907221234", 1))
        self.assertIn("503", kept.last_error)

        self.server.status = 200  # the platform is back: the retry goes through it
        retries.retry_due(self.portal, at=time.time() + 6 * 60)
        self.assertEqual(len(self.server.received), 2)
        self.assertEqual(self.server.received[1][2]["text"], "【随州劳动维权】已分办")
        self.assertEqual(self.pending(), [])

    def test_a_timeout_is_a_failed_send_kept_for_a_retry(self):
        self.server.delay = 2  # the gateway waits 1 second
        queue_sms("13907221234", "已分办")
        commit_and_send()
        [kept] = self.pending()  # given up before the platform's late answer
        self.assertIn("did not answer", kept.last_error)
