"""Security headers on every answer (pages, errors, REST, files), attachments as downloads, and
JSON bodies that are too large or too deep refused in Chinese, never a 500."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.namedfile.file import NamedBlobFile
from plone.restapi.testing import RelativeSession
from suizhou.laborrights.http import tile_origin
from suizhou.laborrights.restapi.contract import check_size
from suizhou.laborrights.restapi.contract import MAX_BODY_BYTES
from suizhou.laborrights.restapi.errors import ApiError
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from tests.api_helpers import ApiTestCase
from tests.api_helpers import filing
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


class TestJsonBodies(ApiTestCase):
    """Too large or too deep: a 400 with a Chinese message, never a 500."""

    def post(self, path, data, **headers):
        return self.anonymous.post(path, data=data, headers={"Content-Type": "application/json", **headers})

    def test_deeply_nested_json(self):
        deep = "[" * 10000 + "]" * 10000
        nested_in_a_field = '{"facts": ' + deep + "}"
        for path in ("@cases", "@open311/v2/requests.json"):
            for body in (deep, nested_in_a_field):
                with self.subTest(path=path, body=body[:12]):
                    response = self.post(path, body)
                    self.assertEqual(response.status_code, 400, response.text[:300])
                    self.assertRegex(response.text, "[\u4e00-\u9fff]")  # said in Chinese
        self.assertEqual(self.case_count(), 0)

    def test_brackets_inside_strings_are_text(self):
        body = filing(facts="[[[[" * 30 + "拖欠工资")
        response = self.anonymous.post("@cases", json=body)
        self.assertEqual(response.status_code, 201, response.text)

    def test_oversized_body(self):
        response = self.post("@cases", "{" + " " * (MAX_BODY_BYTES + 10) + "}")
        self.assertEqual((response.status_code, response.json()["error"]["type"]), (400, "RequestTooLarge"))

    def test_the_size_is_checked_by_content_length_before_the_body_is_read(self):
        class Unread:
            def seek(self, *args):
                raise AssertionError("the body was read")

            read = seek

        request = {"BODYFILE": Unread(), "BODY": property(lambda self: Unread().read())}
        headers = {"Content-Length": str(100 * 1024 * 1024), "Content-Type": "application/json"}
        fake = type("Request", (), {"getHeader": lambda self, name: headers.get(name), "get": request.get})()
        with self.assertRaises(ApiError) as refused:
            check_size(fake)
        self.assertEqual((refused.exception.status, refused.exception.type), (400, "RequestTooLarge"))
        self.assertIn("过大", refused.exception.message)
