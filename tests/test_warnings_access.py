"""Warnings are for the city and the district administrators only: nobody else sees one on a
page, in a search, the sitemap, a feed or the REST API; a district administrator sees only the
district's. New red warnings are told once, by e-mail; warnings are handled and closed on
their page, and the worklist links to them."""

from plone import api
from plone.restapi.testing import RelativeSession
from suizhou.laborrights.cases.register import get_register
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from suizhou.laborrights.warnings.store import get_store
from tests.helpers import chinese_site
from tests.helpers import make_user
from tests.helpers import new_case
from tests.helpers import PASSWORD
from tests.helpers import valid_credit_code
from tests.mocks import swap_mailhost
from tests.notification_helpers import decoded
from tests.warnings_helpers import commit
from tests.warnings_helpers import warnings_of

import gzip
import lxml.html
import transaction
import unittest


ZENGDU_EMPLOYER = "随州市预警测试建材有限公司"
SUIXIAN_EMPLOYER = "随县预警测试农业有限公司"


class WarningsFixture(unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        chinese_site()
        api.portal.set_registry_record("plone.enable_sitemap", True)
        self.mailhost = swap_mailhost(self, self.portal)
        make_user("city", groups=["city_admins"])
        make_user("admin_zengdu", groups=["district_admins_zengdu"])
        make_user("admin_suixian", groups=["district_admins_suixian"])
        make_user("clerk", groups=["intake_clerks_zengdu"])
        make_user("member")
        self.zengdu_case = self.collective("zengdu", ZENGDU_EMPLOYER, 1, workers=12)
        self.suixian_case = self.collective("suixian", SUIXIAN_EMPLOYER, 2, workers=30)
        commit()
        [self.zengdu, self.suixian] = warnings_of("collective")
        self.sessions = []

    def tearDown(self):
        for session in self.sessions:
            session.close()

    def collective(self, district, employer, seq, workers):
        return new_case(
            district=district,
            employer_name=employer,
            employer_credit_code=valid_credit_code(seq),
            workers_involved=workers,
        )

    def session(self, user=None, accept_json=False):
        session = RelativeSession(self.portal.absolute_url() + "/")
        if user:
            session.auth = (user, PASSWORD)
        if accept_json:
            session.headers["Accept"] = "application/json"
        self.sessions.append(session)
        return session

    def get(self, user, path, **params):
        return self.session(user).get(path, params=params, allow_redirects=False)

    def mails(self):
        return [decoded(raw) for raw in self.mailhost.messages]


class TestWhoSeesWarnings(WarningsFixture):
    def test_the_city_sees_every_warning(self):
        page = self.get("city", "@@warnings")
        self.assertEqual(page.status_code, 200)
        self.assertIn(ZENGDU_EMPLOYER, page.text)
        self.assertIn(SUIXIAN_EMPLOYER, page.text)
        self.assertIn("红色", page.text)
        self.assertIn("private", page.headers["Cache-Control"])

    def test_a_district_administrator_sees_the_districts_warnings_only(self):
        page = self.get("admin_zengdu", "@@warnings")
        self.assertIn(ZENGDU_EMPLOYER, page.text)
        self.assertNotIn(SUIXIAN_EMPLOYER, page.text)

        own = self.get("admin_zengdu", "@@warning", id=self.zengdu.id)
        self.assertEqual(own.status_code, 200)
        self.assertIn(self.zengdu_case.getId(), own.text)

        other = self.get("admin_zengdu", "@@warning", id=self.suixian.id)
        self.assertEqual(other.status_code, 404)
        self.assertNotIn(SUIXIAN_EMPLOYER, other.text)
        self.assertNotIn(self.suixian_case.getId(), other.text)

    def test_nobody_else_opens_the_warnings(self):
        for user in (None, "member", "clerk"):
            for path, params in (("@@warnings", {}), ("@@warning", {"id": self.zengdu.id})):
                with self.subTest(user=user, path=path):
                    response = self.get(user, path, **params)
                    self.assertIn(response.status_code, (302, 401, 403))
                    if response.status_code == 302:
                        self.assertIn("login", response.headers["Location"])
                    self.assertNotIn(ZENGDU_EMPLOYER, response.text)
                    self.assertNotIn(self.zengdu_case.getId(), response.text)

    def test_no_search_sitemap_feed_or_rest_answer_shows_a_warning(self):
        # the search box shows the words searched for: the employer's name; nothing else may appear
        secrets = (self.zengdu_case.getId(), "@@warning", "风险预警")
        for user in (None, "member"):
            for path, params in (
                ("@@search", {"SearchableText": ZENGDU_EMPLOYER}),
                ("@@search", {"SearchableText": "预警"}),
                ("search_rss", {"SearchableText": ZENGDU_EMPLOYER}),
                ("sitemap.xml.gz", {}),
            ):
                with self.subTest(user=user, path=path):
                    response = self.get(user, path, **params)
                    self.assertLess(response.status_code, 500)
                    body = response.content
                    text = (gzip.decompress(body) if body[:2] == b"\x1f\x8b" else body).decode("utf-8")
                    for secret in secrets:
                        self.assertNotIn(secret, text)
            api_session = self.session(user, accept_json=True)
            for path, params in (
                ("@search", {"SearchableText": ZENGDU_EMPLOYER}),
                ("@warnings", {}),
                ("@@warnings", {}),
            ):
                with self.subTest(user=user, api=path):
                    response = api_session.get(path, params=params, allow_redirects=False)
                    self.assertNotIn(ZENGDU_EMPLOYER, response.text)
                    self.assertNotIn(self.zengdu_case.getId(), response.text)


class TestRedWarningsAreToldOnce(WarningsFixture):
    def test_the_city_and_the_districts_administrator_get_one_mail(self):
        to = sorted(address for address, _subject, _body in self.mails())
        self.assertEqual(
            to,
            sorted(
                [
                    "city@example.org",
                    "admin_zengdu@example.org",
                    "city@example.org",
                    "admin_suixian@example.org",
                ]
            ),
        )
        [(_to, subject, body)] = [m for m in self.mails() if m[0] == "admin_zengdu@example.org"]
        self.assertEqual(subject, f"【红色预警】一案涉及人数较多（集体劳动争议）：{ZENGDU_EMPLOYER}")
        self.assertIn(f"@@warning?id={self.zengdu.id}", body)
        self.assertNotIn(self.zengdu_case.applicant_name, body)

    def test_extending_the_warning_sends_nothing_more(self):
        before = len(self.mailhost.messages)
        self.collective("zengdu", ZENGDU_EMPLOYER, 1, workers=20)
        commit()

        self.assertEqual(len(self.mailhost.messages), before)
        self.assertEqual(len(warnings_of("collective")), 2)
        self.assertEqual(len(self.zengdu.cases), 2)

    def test_a_district_administrator_by_sharing_is_told_too(self):
        # the district administrator's role given on the district's folder, no group: sees the
        # district's warnings (staff.administered), so gets their mail
        make_user("shared_zengdu")
        register = get_register()
        register["zengdu"].manage_setLocalRoles("shared_zengdu", ["CaseSupervisor"])
        register["zengdu"].reindexObjectSecurity()
        commit()
        self.assertIn(ZENGDU_EMPLOYER, self.get("shared_zengdu", "@@warnings").text)
        self.mailhost.reset()
        self.collective("zengdu", "随州市预警测试第二建材有限公司", 4, workers=15)
        commit()

        to = sorted(address for address, _subject, _body in self.mails())
        self.assertEqual(to, ["admin_zengdu@example.org", "city@example.org", "shared_zengdu@example.org"])

    def test_orange_warnings_send_no_mail(self):
        before = len(self.mailhost.messages)
        api.portal.set_registry_record("suizhou.laborrights.warnings.amount_threshold", 1000)
        new_case(employer_credit_code=valid_credit_code(3), claim_amount=5000)
        commit()

        self.assertEqual(len(warnings_of("amount")), 1)
        self.assertEqual(len(self.mailhost.messages), before)


class TestHandlingAWarning(WarningsFixture):
    def post(self, user, **form):
        session = self.session(user)
        page = session.get("@@warning", params={"id": self.zengdu.id})
        token = lxml.html.fromstring(page.text).xpath("//input[@name='_authenticator']/@value")[0]
        form = dict(form, id=self.zengdu.id, _authenticator=token)
        return session.post("@@warning", data=form)

    def state(self):
        transaction.begin()
        return get_store().get(self.zengdu.id)

    def test_notes_then_handling_then_closing(self):
        self.post("admin_zengdu", note="已约谈企业负责人", add_note="1")
        self.post("admin_zengdu", note="企业承诺三日内发放", transition="handle")
        page = self.post("admin_zengdu", note="工资已全部发放", transition="close")

        self.assertEqual(page.status_code, 200)
        warning = self.state()
        self.assertEqual(warning.state, "closed")
        self.assertEqual(warning.closed_by, "admin_zengdu")
        self.assertEqual(
            [n["text"] for n in warning.notes], ["已约谈企业负责人", "企业承诺三日内发放", "工资已全部发放"]
        )
        self.assertIn("已关闭", page.text)
        self.assertIn("工资已全部发放", page.text)
        self.assertNotIn(ZENGDU_EMPLOYER, self.get("admin_zengdu", "@@warnings").text)
        self.assertIn(ZENGDU_EMPLOYER, self.get("admin_zengdu", "@@warnings", state="closed").text)

    def test_closing_needs_the_result(self):
        page = self.post("city", note="", transition="close")

        self.assertIn("关闭预警须写明处置结果。", page.text)
        self.assertEqual(self.state().state, "open")

    def test_a_post_without_the_token_changes_nothing(self):
        response = self.session("admin_zengdu").post(
            "@@warning", data={"id": self.zengdu.id, "note": "x", "transition": "close"}
        )
        self.assertGreaterEqual(response.status_code, 400)
        self.assertEqual(self.state().state, "open")

    def test_another_districts_administrator_cannot_close_it(self):
        response = self.session("admin_suixian").post(
            "@@warning", data={"id": self.zengdu.id, "note": "x", "transition": "close"}
        )
        self.assertEqual(response.status_code, 404)
        self.assertEqual(self.state().state, "open")


class TestWorklistLink(WarningsFixture):
    def test_administrators_see_the_open_warnings_on_their_worklist(self):
        page = lxml.html.fromstring(self.get("admin_zengdu", "@@worklist").text)
        [link] = page.xpath("//div[contains(@class, 'worklist-warnings')]//a")
        self.assertEqual(" ".join(link.text_content().split()), "风险预警：1 条待处置或处置中")
        self.assertTrue(link.get("href").endswith("/@@warnings"))

    def test_the_clerk_has_no_such_link(self):
        page = self.get("clerk", "@@worklist")
        self.assertEqual(page.status_code, 200)
        self.assertNotIn("worklist-warnings", page.text)
