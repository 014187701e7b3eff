"""Security headers on every answer (pages, errors, REST, files), attachments as downloads, and
JSON bodies that are too large or too deep refused in Chinese, never a 500."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.namedfile.file import NamedBlobFile
from plone.restapi.testing import RelativeSession
from suizhou.laborrights.http import tile_origin
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from tests.helpers import make_user
from tests.helpers import new_case
from tests.helpers import PASSWORD

import base64
import transaction
import unittest


PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


class TestSecurityHeaders(unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        case = new_case(district="zengdu")
        with api.env.adopt_roles(["Manager"]):
            api.content.create(
                container=case,
                type="CaseAttachment",
                id="photo.png",
                file=NamedBlobFile(PNG, filename="photo.png", contentType="image/png"),
            )
        self.attachment = case["photo.png"].absolute_url()
        make_user("siteadmin", roles=["Site Administrator"])
        transaction.commit()
        self.sessions = []

    def tearDown(self):
        for session in self.sessions:
            session.close()

    def session(self, auth=None, accept="text/html"):
        session = RelativeSession(self.portal.absolute_url() + "/")
        session.auth = auth
        session.headers["Accept"] = accept
        self.sessions.append(session)
        return session

    def assertSecurityHeaders(self, response, where):
        headers = response.headers
        self.assertEqual(headers.get("X-Content-Type-Options"), "nosniff", where)
        self.assertIn(headers.get("Referrer-Policy"), ("strict-origin-when-cross-origin", "no-referrer"), where)
        self.assertNotIn("X-Powered-By", headers, where)
        policy = headers.get("Content-Security-Policy", "")
        for directive in (
            "default-src 'self'",
            "frame-ancestors 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "img-src 'self' data: blob:",
        ):
            self.assertIn(directive, policy, where)

    def test_every_kind_of_answer(self):
        anonymous, json = self.session(), self.session(accept="application/json")
        answers = {
            "home": anonymous.get(""),
            "not found": anonymous.get("no-such-page"),
            "a form": anonymous.get("apply/complaint"),
            "the station finder": anonymous.get("stations"),
            "a theme file": anonymous.get("++theme++suizhou.laborrights/js/station-finder.js"),
            "REST": json.get("@stations"),
            "REST error": json.get("@case-status", params={"reference": "x"}),
            "login form": anonymous.get("login"),
        }
        for where, response in answers.items():
            with self.subTest(where):
                self.assertLess(response.status_code, 500)
                self.assertSecurityHeaders(response, where)
        self.assertEqual(answers["home"].headers["Referrer-Policy"], "strict-origin-when-cross-origin")

    def test_the_public_runs_no_inline_script_editors_may(self):
        public = self.session().get("").headers["Content-Security-Policy"]
        self.assertIn("script-src 'self';", public)
        self.assertNotIn("unsafe-eval", public)
        editor = self.session(("siteadmin", PASSWORD)).get("").headers["Content-Security-Policy"]
        self.assertIn("script-src 'self' 'unsafe-inline' 'unsafe-eval';", editor)

    def test_the_map_tile_server_may_give_images(self):
        api.portal.set_registry_record("suizhou.laborrights.public.map_tile_url", "https://{s}.tiles.example.cn/{z}/{x}/{y}.png")
        transaction.commit()
        policy = self.session().get("stations").headers["Content-Security-Policy"]
        self.assertIn("img-src 'self' data: blob: https://*.tiles.example.cn;", policy)
        self.assertEqual(tile_origin("javascript:alert(1)"), "")
        self.assertEqual(tile_origin("https://a.example.cn; script-src *"), "")

    def test_a_page_that_hides_its_address_keeps_no_referrer(self):
        from suizhou.laborrights.http import no_store

        response = self.portal.REQUEST.response
        no_store(response, hide_referrer=True)
        self.assertEqual(response.getHeader("Referrer-Policy"), "no-referrer")

    def test_attachments_are_downloads_with_nosniff(self):
        """Even an image (which Plone shows inline) is a download."""
        staff = self.session((SITE_OWNER_NAME, SITE_OWNER_PASSWORD))
        for suffix in ("/@@download/file", "/@@display-file/file"):
            with self.subTest(suffix=suffix):
                response = staff.get(self.attachment + suffix)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(response.content, PNG)
                self.assertEqual(response.headers.get("X-Content-Type-Options"), "nosniff")
                self.assertTrue(response.headers["Content-Disposition"].startswith("attachment"))
