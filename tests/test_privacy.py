"""No case data for the public: over real HTTP, by every way a page, search, listing, feed,
sitemap, REST call or error page could show it. Staff, the control, do see it."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.namedfile.file import NamedBlobFile
from plone.restapi.testing import RelativeSession
from plone.testing.zope import Browser
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from tests.helpers import at
from tests.helpers import bring_to
from tests.helpers import make_user
from tests.helpers import new_case
from tests.helpers import PASSWORD
from tests.helpers import valid_credit_code
from tests.helpers import valid_id_number

import base64
import gzip
import transaction
import unittest


NAME = "隐私测试钱多多"
PHONE = "13912345678"
ID_NUMBER = valid_id_number(42)
EMPLOYER = "隐私测试某某科技有限公司"
FACTS = "隐私测试事实：工资卡号6222020200112233"
ATTACHMENT = b"PRIVATE-ATTACHMENT-CONTENT"
SECRETS = (NAME, PHONE, ID_NUMBER, EMPLOYER, FACTS, ATTACHMENT.decode())
LOGIN_PAGES = ("/require_login", "/insufficient-privileges", "/login")
MADE_UP = "SZ-2026-999999"  # a reference that was never given
CASE_QUERY = [{"i": "portal_type", "o": "plone.app.querystring.operation.selection.any", "v": ["Case"]}]


def ids(items):
    return sorted(item["@id"].rsplit("/", 1)[-1] for item in items)


class TestNoCaseDataForThePublic(unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        # The same person's matter twice: one just registered, one handled and closed.
        self.paths = [self.new_case("registered"), self.new_case("closed")]
        self.references = tuple(path.rsplit("/", 1)[-1] for path in self.paths)
        api.portal.set_registry_record("plone.enable_sitemap", True)
        make_user("member")
        make_user("siteadmin", roles=["Site Administrator"])
        transaction.commit()
        self.sessions = []

    def new_case(self, state):
        case = new_case(
            received=at(2026, 8, 3),
            district="zengdu",
            applicant_name=NAME,
            applicant_phone=PHONE,
            applicant_id_number=ID_NUMBER,
            employer_name=EMPLOYER,
            employer_credit_code=valid_credit_code(42),
            facts=FACTS,
        )
        with api.env.adopt_roles(["Manager"]):
            api.content.create(
                container=case,
                type="CaseAttachment",
                id="wage-slip.txt",
                file=NamedBlobFile(ATTACHMENT, filename="wage-slip.txt", contentType="text/plain"),
            )
        bring_to(case, state)
        return "/".join(case.getPhysicalPath()[len(self.portal.getPhysicalPath()) :])

    def tearDown(self):
        for session in self.sessions:
            session.close()

    def session(self, user=None, accept_json=False):
        session = RelativeSession(self.portal.absolute_url() + "/")
        if user:
            session.auth = (user, PASSWORD)
        if accept_json:
            session.headers["Accept"] = "application/json"
        self.sessions.append(session)
        return session

    def visitors(self, accept_json=False):
        return {
            "anonymous": self.session(accept_json=accept_json),
            "member": self.session("member", accept_json=accept_json),
        }

    def log_in_with_the_form(self, path):
        """A browser that opened ``path`` and filled in the login form it shows, as siteadmin."""
        browser = Browser(self.layer["app"])
        browser.handleErrors = False
        browser.open(f"{self.portal.absolute_url()}/{path}")
        browser.getControl(name="__ac_name").value = "siteadmin"
        browser.getControl(name="__ac_password").value = PASSWORD
        browser.getControl(name="buttons.login").click()
        return browser

    def get(self, session, url, params=None, headers=None):
        return session.get(url, params=params, headers=headers, allow_redirects=False)

    def assertAbsent(self, response, values):
        body = response.content
        if body[:2] == b"\x1f\x8b":
            body = gzip.decompress(body)
        text = body.decode("utf-8", "replace")
        for value in values:
            self.assertNotIn(value, text, f"{response.request.method} {response.url}")

    def assertNoCaseData(self, response, *also):
        self.assertAbsent(response, SECRETS + also)

    def assertRefused(self, response):
        """Plone's refusals: log in first (302), 401/403 for the REST API, or not found."""
        where = f"{response.request.method} {response.url}"
        if response.status_code in (301, 302, 303):
            location = response.headers["Location"]
            self.assertTrue(any(page in location for page in LOGIN_PAGES), f"{where} -> {location}")
        else:
            self.assertIn(response.status_code, (401, 403, 404), where)
        self.assertNoCaseData(response)

    def test_case_and_attachment_urls_are_refused(self):
        for case in self.paths:
            paths = [
                case,
                f"{case}/view",
                f"{case}/@@edit",
                f"{case}/RSS",
                f"{case}/rss.xml",
                f"{case}/wage-slip.txt",
                f"{case}/wage-slip.txt/@@download/file",
                f"{case}/wage-slip.txt/@@display-file/file",
            ]
            for who, session in self.visitors().items():
                for path in paths:
                    with self.subTest(who=who, path=path):
                        self.assertRefused(self.get(session, path))
            for who, session in self.visitors(accept_json=True).items():
                for path in (case, f"{case}/@history", f"{case}/@workflow", f"{case}/wage-slip.txt"):
                    with self.subTest(who=who, path=path):
                        response = self.get(session, path)
                        self.assertIn(response.status_code, (401, 403, 404))
                        self.assertNoCaseData(response)

    def test_register_and_its_bins_are_refused(self):
        month = self.paths[0].rsplit("/", 1)[0]
        views = ("", "/folder_contents", "/RSS", "/rss.xml", "/atom.xml")
        paths = [f"{folder}{view}" for folder in ("cases", "cases/zengdu", month) for view in views]
        for who, session in self.visitors().items():
            for path in paths:
                with self.subTest(who=who, path=path):
                    self.assertRefused(self.get(session, path))
        for who, session in self.visitors(accept_json=True).items():
            for path in ("cases", "cases/zengdu", month):
                with self.subTest(who=who, path=path):
                    response = self.get(session, path)
                    self.assertIn(response.status_code, (401, 403, 404))
                    self.assertNoCaseData(response, *self.references)

    def test_without_credentials_a_case_is_like_a_made_up_reference(self):
        """No cookie, no Authorization header: a case, its views, attachments and REST
        endpoints answer exactly as the same address with a reference that was never given —
        not found, the very same body — instead of asking to log in; so do the register and
        its bins. The not-found page is the site's, with its login link."""
        case = self.paths[1]
        month = case.rsplit("/", 1)[0]
        made_up = f"{month}/{MADE_UP}"
        below = (
            "",
            "/view",
            "/@@edit",
            "/@@case-history",
            "/@@case-document?kind=receipt",
            "/RSS",
            "/wage-slip.txt",
            "/wage-slip.txt/@@download/file",
            "/@history",
            "/@case-timeline",
        )
        for accept in ("text/html,application/xhtml+xml", "application/json", "*/*"):
            for prefix in ("", "++api++/"):
                session = self.session()
                session.headers["Accept"] = accept
                for view in below:
                    with self.subTest(accept=accept, prefix=prefix, view=view):
                        existing = self.get(session, f"{prefix}{case}{view}")
                        unknown = self.get(session, f"{prefix}{made_up}{view}")
                        self.assertEqual(unknown.status_code, 404)
                        self.assertEqual(
                            (existing.status_code, existing.content),
                            (unknown.status_code, unknown.content),
                        )
                        self.assertNoCaseData(existing, *self.references)
                for path in ("cases", "cases/zengdu", month):
                    with self.subTest(accept=accept, prefix=prefix, path=path):
                        response = self.get(session, f"{prefix}{path}")
                        self.assertEqual(response.status_code, 404)
                        self.assertNoCaseData(response, *self.references)
        page = self.get(self.session(), case, headers={"Accept": "text/html"})
        self.assertIn(f"{self.portal.absolute_url()}/login", page.text)
        post = self.session().post(case, data={"applicant_name": "x"}, allow_redirects=False)
        self.assertEqual(post.status_code, 404)

    def test_made_up_credentials_are_like_none(self):
        """A forged session cookie, a wrong password, an unknown user, a token that is no token:
        nobody is logged in, so a case answers like a reference that was never given."""
        case = self.paths[1]
        made_up = f"{case.rsplit('/', 1)[0]}/{MADE_UP}"
        basic = lambda text: "Basic " + base64.b64encode(text.encode()).decode()  # noqa: E731
        forged = {
            "session cookie": {"Cookie": "__ac=" + base64.b64encode(b"siteadmin").decode()},
            "wrong password": {"Authorization": basic("siteadmin:wrong-password")},
            "unknown user": {"Authorization": basic("nobody-here:secret")},
            "made-up token": {"Authorization": "Bearer made.up.token"},
        }
        for name, headers in forged.items():
            for view in ("", "/view", "/wage-slip.txt/@@download/file", "/@case-timeline"):
                for accept in ("text/html", "application/json"):
                    with self.subTest(credentials=name, view=view, accept=accept):
                        session = self.session()
                        session.headers.update(headers, Accept=accept)
                        existing = self.get(session, f"{case}{view}")
                        unknown = self.get(session, f"{made_up}{view}")
                        self.assertEqual(existing.status_code, 404)
                        self.assertEqual(existing.content, unknown.content)
                        self.assertNoCaseData(existing, *self.references)

    def test_zope_administrator_opens_a_case(self):
        session = self.session()
        session.auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
        response = self.get(session, self.paths[0], headers={"Accept": "text/html"})
        self.assertEqual(response.status_code, 200)
        self.assertIn(NAME, response.text)

    def test_logged_in_accounts_without_the_case_get_not_found(self):
        """As for a reference that was never given (every role: test_privacy_roles)."""
        session = self.session("member")
        made_up = f"{self.paths[0].rsplit('/', 1)[0]}/{MADE_UP}"
        response = self.get(session, self.paths[0], headers={"Accept": "text/html"})
        unknown = self.get(session, made_up, headers={"Accept": "text/html"})
        self.assertEqual(response.status_code, 404)
        self.assertEqual(response.content.replace(self.references[0].encode(), MADE_UP.encode()), unknown.content)

    def test_staff_log_in_with_the_login_form_then_open_the_case(self):
        browser = self.log_in_with_the_form("login")
        browser.open(f"{self.portal.absolute_url()}/{self.paths[0]}")
        self.assertIn(NAME, browser.contents)
        browser.open(f"{self.portal.absolute_url()}/{self.paths[0]}/wage-slip.txt/@@download/file")
        self.assertEqual(browser.contents.encode(), ATTACHMENT)

    def test_staff_log_in_whatever_the_session_cookie_is_called(self):
        self.portal.acl_users.session.cookie_name = "__sz_session"
        transaction.commit()
        browser = self.log_in_with_the_form("login")
        browser.open(f"{self.portal.absolute_url()}/{self.paths[0]}")
        self.assertIn(NAME, browser.contents)

    def test_notice_link_leads_staff_through_the_login_form_to_the_case(self):
        """Staff notices link to @@open-case: without a login it asks for one, the same way
        for any reference; after logging in the browser lands on the case."""
        anonymous = self.session()
        answers = {}
        for reference in (self.references[0], MADE_UP):
            response = self.get(anonymous, "@@open-case", {"ref": reference})
            self.assertEqual(response.status_code, 302)
            answers[reference] = response.headers["Location"].replace(reference, "REF")
        self.assertEqual(answers[self.references[0]], answers[MADE_UP])
        self.assertIn("/login?came_from=", answers[MADE_UP])

        browser = self.log_in_with_the_form(f"@@open-case?ref={self.references[0]}")
        self.assertEqual(browser.url, f"{self.portal.absolute_url()}/{self.paths[0]}")
        self.assertIn(NAME, browser.contents)

        member = self.session("member")  # logged in, not staff of the case: as if none
        for reference in (self.references[0], MADE_UP):
            with self.subTest(reference=reference):
                response = self.get(member, "@@open-case", {"ref": reference})
                self.assertEqual(response.status_code, 404)
                self.assertNoCaseData(response, *self.references)

    def test_searches_find_no_case(self):
        html_searches = [
            ("@@search", {"SearchableText": NAME}),
            ("@@search", {"SearchableText": PHONE}),
            ("@@search", {"portal_type": "Case"}),
            ("@@search", {"portal_type": "Case", "path": "/plone/cases"}),
            ("@@ajax-search", {"SearchableText": NAME}),
        ]
        for who, session in self.visitors().items():
            for path, params in html_searches:
                with self.subTest(who=who, path=path, params=params):
                    response = self.get(session, path, params)
                    self.assertEqual(response.status_code, 200)
                    # The search box shows the words searched for; nothing else may appear.
                    shown = tuple(s for s in SECRETS if s not in params.values())
                    self.assertAbsent(response, shown + self.references + ("/cases/",))
        feeds = [
            ("RSS", {}),
            ("rss.xml", {}),
            ("atom.xml", {}),
            ("search_rss", {"SearchableText": NAME}),
            ("search_rss", {"portal_type": "Case"}),
        ]
        for who, session in self.visitors().items():
            for path, params in feeds:
                with self.subTest(who=who, path=path, params=params):
                    response = self.get(session, path, params)
                    self.assertLess(response.status_code, 500)
                    shown = tuple(s for s in SECRETS if s not in params.values())
                    self.assertAbsent(response, shown + self.references + ("/cases/",))
        rest_searches = [
            {"portal_type": "Case"},
            {"portal_type": "Case", "fullobjects": "1"},
            {"SearchableText": NAME},
            {"path": "/plone/cases"},
            {"path": f"/plone/{self.paths[0]}"},
        ]
        for who, session in self.visitors(accept_json=True).items():
            for params in rest_searches:
                with self.subTest(who=who, params=params):
                    response = self.get(session, "@search", params)
                    self.assertEqual(response.status_code, 200)
                    self.assertEqual(response.json()["items_total"], 0)
                    self.assertEqual(response.json()["items"], [])
                    self.assertNoCaseData(response, self.references[1])
                with self.subTest(who=who, service="@querystring-search"):
                    response = session.post("@querystring-search", json={"query": CASE_QUERY})
                    self.assertEqual(response.status_code, 200)
                    self.assertEqual(response.json()["items_total"], 0)
                    self.assertNoCaseData(response, *self.references)

    def test_sitemap_lists_no_case(self):
        for who, session in self.visitors().items():
            with self.subTest(who=who):
                index = self.get(session, "sitemap.xml.gz")
                self.assertEqual(index.status_code, 200)
                self.assertNoCaseData(index, *self.references)
                pages = [
                    self.get(session, "sitemap.xml.gz", {"page": number})
                    for number in range(1, gzip.decompress(index.content).decode().count("<sitemap>") + 1)
                ]
                sitemap = "".join(gzip.decompress(page.content).decode() for page in pages)
                self.assertIn(f"{self.portal.absolute_url()}/guides", sitemap)  # the sitemap works
                self.assertNotIn("/cases", sitemap)
                for page in pages:
                    self.assertNoCaseData(page, *self.references)

    def test_error_pages_below_a_case_show_nothing_of_it(self):
        paths = ["cases/zengdu/2026-08/SZ-2026-999999"]
        for case in self.paths:
            paths += [
                f"{case}/no-such-page",
                f"{case}/applicant_name",
                f"{case}/applicant_phone",
                f"{case}/applicant_id_number",
                f"{case}/facts",
                f"{case}/wage-slip.txt/no-such-page",
            ]
        for accept_json in (False, True):
            for who, session in self.visitors(accept_json=accept_json).items():
                for path in paths:
                    with self.subTest(who=who, path=path, accept_json=accept_json):
                        self.assertRefused(self.get(session, path))

    def test_staff_see_the_cases(self):
        """The control: the same requests by a site administrator do show the cases."""
        html, rest = self.session("siteadmin"), self.session("siteadmin", accept_json=True)
        for case in self.paths:
            page = self.get(html, case)
            self.assertEqual(page.status_code, 200)
            self.assertIn(NAME, page.text)
            data = self.get(rest, case).json()
            self.assertEqual((data["applicant_name"], data["applicant_phone"]), (NAME, PHONE))
            download = self.get(html, f"{case}/wage-slip.txt/@@download/file")
            self.assertEqual(download.content, ATTACHMENT)
        found = self.get(rest, "@search", {"portal_type": "Case"}).json()
        self.assertEqual(ids(found["items"]), sorted(self.references))
        listing = self.get(rest, self.paths[0].rsplit("/", 1)[0]).json()
        self.assertEqual(ids(listing["items"]), sorted(self.references))
