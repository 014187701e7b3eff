"""A missing page answers the site's HTML 404 page to plain clients (curl, crawlers: ``*/*`` or
no Accept at all), and JSON only to REST requests and clients that ask for JSON; 401/403 are
left as they were."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from tests.helpers import chinese_site
from tests.helpers import make_user
from tests.helpers import PASSWORD

import http.client
import requests
import transaction
import unittest
import urllib.parse


MISSING = "/no-such-page"


class TestNotFound(unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def setUp(self):
        chinese_site()
        with api.env.adopt_roles(["Manager"]):
            make_user("member")
            self.private = api.content.create(
                container=self.layer["portal"], type="Document", id="internal-note", title="内部说明"
            )
        transaction.commit()
        self.portal_url = self.layer["portal"].absolute_url()

    def get(self, path, accept=None, auth=None):
        headers = {"Accept": accept} if accept is not None else {}
        return requests.get(self.portal_url + path, headers=headers, auth=auth, allow_redirects=False, timeout=60)

    def assertHtmlNotFound(self, response):
        self.assertEqual(response.status_code, 404)
        self.assertTrue(response.headers["Content-Type"].startswith("text/html"), response.headers)
        self.assertIn("<html", response.text)
        self.assertIn("Accept", response.headers.get("Vary", ""))
        with self.assertRaises(ValueError):
            response.json()

    def test_curl_and_any_type_get_the_html_page(self):
        for accept in ("*/*", "text/plain, */*;q=0.1", "application/xml"):
            with self.subTest(accept=accept):
                self.assertHtmlNotFound(self.get(MISSING, accept))

    def test_a_client_without_an_accept_header_gets_the_html_page(self):
        address = urllib.parse.urlsplit(self.portal_url)
        connection = http.client.HTTPConnection(address.hostname, address.port, timeout=60)
        connection.putrequest("GET", address.path + MISSING, skip_accept_encoding=True)
        connection.endheaders()  # no Accept header at all
        response = connection.getresponse()
        body = response.read().decode("utf-8")
        connection.close()
        self.assertEqual(response.status, 404)
        self.assertTrue(response.getheader("Content-Type").startswith("text/html"))
        self.assertIn("<html", body)

    def test_a_browser_still_gets_the_html_page(self):
        self.assertHtmlNotFound(self.get(MISSING, "text/html,application/xhtml+xml,*/*;q=0.8"))

    def test_a_client_asking_for_json_gets_json(self):
        response = self.get(MISSING, "application/json")
        self.assertEqual(response.status_code, 404)
        self.assertEqual(response.headers["Content-Type"], "application/json")
        self.assertEqual(response.json()["type"], "NotFound")

    def test_rest_addresses_keep_their_json_errors(self):
        for path, accept in (
            (f"/++api++{MISSING}", "*/*"),
            (f"/++api++{MISSING}", None),
            ("/@no-such-service", "*/*"),
        ):
            with self.subTest(path=path, accept=accept):
                response = self.get(path, accept)
                self.assertEqual(response.status_code, 404)
                self.assertEqual(response.headers["Content-Type"], "application/json")
                self.assertIn("NotFound", response.text)
        # a service that exists answers as before
        response = self.get("/@case-status?reference=SZ-2026-999999&phone=13900000000", "application/json")
        self.assertEqual(response.status_code, 404)
        self.assertRegex(response.json()["error"]["message"], r"[\u4e00-\u9fff]")

    def test_private_pages_still_ask_for_a_login_or_refuse(self):
        # a browser without an account is sent to log in; the API says 401 in JSON
        browser = self.get("/internal-note/edit", "text/html")
        self.assertIn(browser.status_code, (302, 303))
        self.assertIn("login", browser.headers["Location"])
        api_call = self.get("/internal-note", "application/json")
        self.assertEqual(api_call.status_code, 401)
        self.assertEqual(api_call.json()["type"], "Unauthorized")
        # a member without the right: the API's 401 in JSON, and in a browser Plone's page
        member = self.get("/internal-note", "application/json", auth=("member", PASSWORD))
        self.assertEqual(member.status_code, 401)
        self.assertEqual(member.json()["type"], "Unauthorized")
        for accept in ("text/html", "*/*"):  # not turned into a 404 page: sent to log in
            page = self.get("/internal-note", accept, auth=("member", PASSWORD))
            self.assertEqual(page.status_code, 302, accept)
            self.assertIn("require_login", page.headers["Location"])
        # and the owner still sees the page
        owner = self.get("/internal-note", "application/json", auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD))
        self.assertEqual(owner.status_code, 200)
