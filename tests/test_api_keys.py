"""API keys of known clients: issued once and revoked in @@laborrights-api-keys, kept only as
a digest; a working key files within its own budget, a wrong or revoked one is refused in
Chinese (never taken as no key); filing without a key keeps the anonymous budgets."""

from email import message_from_bytes
from email import policy
from plone import api
from suizhou.laborrights.cases import counters
from suizhou.laborrights.restapi import api_keys
from suizhou.laborrights.restapi import filing_limits
from tests.api_helpers import ApiTestCase
from tests.api_helpers import filing
from tests.api_helpers import SERVICE_REQUEST
from tests.mocks import swap_mailhost
from types import SimpleNamespace
from unittest import mock
from zope.annotation.interfaces import IAnnotations

import re
import transaction


PANEL = "@@laborrights-api-keys"
OPEN311 = "@open311/v2/requests.json"
KEY = re.compile(r"szlr_[A-Za-z0-9_-]{43}")


class ApiKeyTestCase(ApiTestCase):
    def setUp(self):
        super().setUp()
        self.mailhost = swap_mailhost(self, self.portal)
        for name, value in (("api_client_filings_per_hour", 1), ("api_site_filings_per_hour", 1000)):
            api.portal.set_registry_record(f"suizhou.laborrights.filing.{name}", value)
        transaction.commit()

    def issue(self, client="小程序服务端", budget=2):
        with api.env.adopt_roles(["Manager"]):
            key = api_keys.issue(client, budget)
        transaction.commit()
        return key

    def keyed(self, key, **overrides):
        return self.anonymous.post("@cases", json=self.body(**overrides), headers={"X-Api-Key": key})

    def body(self, **overrides):
        return filing(**overrides)

    def alarms(self):
        messages = [message_from_bytes(raw, policy=policy.default) for raw in self.mailhost.messages]
        return [message for message in messages if "超过限额" in message["Subject"]]


class TestKnownClients(ApiKeyTestCase):
    def test_a_key_files_within_its_own_budget(self):
        key = self.issue(budget=3)
        codes = [self.keyed(key).status_code for _ in range(3)]
        self.assertEqual(codes, [201, 201, 201])  # the anonymous budget is 1 an hour
        response = self.keyed(key)
        self.assertError(response, 429, "TooManyRequests")
        self.assertConforms(response, "/@cases", "post")
        self.assertGreater(int(response.headers["Retry-After"]), 0)
        self.assertEqual(self.case_count(), 3)
        self.keyed(key)
        alarms = self.alarms()
        self.assertEqual(len(alarms), 1)  # once per hour, not per refused filing
        self.assertIn("小程序服务端", alarms[0].get_content())
        self.assertIn("限额 3 件", alarms[0].get_content())

    def test_without_a_key_the_anonymous_budget_is_untouched(self):
        key = self.issue(budget=5)
        for _ in range(3):
            self.assertEqual(self.keyed(key).status_code, 201)
        self.assertEqual(self.post_case().status_code, 201)  # a citizen's build without a key
        self.assertError(self.post_case(), 429, "ChallengeRequired")
        self.assertEqual(self.keyed(key).status_code, 201)  # the client's own budget is its own

    def test_a_wrong_key_is_refused_never_anonymous(self):
        self.issue()
        for key in ("szlr_" + "x" * 43, "不是密钥", "1"):
            with self.subTest(key=key):
                response = self.anonymous.post(
                    "@cases", json=self.body(), headers={"X-Api-Key": key.encode("utf-8")}
                )
                self.assertError(response, 401, "InvalidApiKey")
                self.assertIn("接口密钥无效", response.json()["error"]["message"])
                self.assertConforms(response, "/@cases", "post")
        self.assertEqual(self.case_count(), 0)
        # logged in, a key that does not work is refused too
        response = self.clerk.post("@cases", json=self.body(channel="window"), headers={"X-Api-Key": "szlr_x"})
        self.assertError(response, 401, "InvalidApiKey")
        self.assertEqual(self.case_count(), 0)

    def test_a_revoked_key_is_refused(self):
        key = self.issue()
        self.assertEqual(self.keyed(key).status_code, 201)
        transaction.begin()
        with api.env.adopt_roles(["Manager"]):
            self.assertTrue(api_keys.revoke(api_keys.digest(key)))
        transaction.commit()
        response = self.keyed(key)
        self.assertError(response, 403, "ApiKeyRevoked")
        self.assertIn("已被停用", response.json()["error"]["message"])
        self.assertConforms(response, "/@cases", "post")
        self.assertEqual(self.case_count(), 1)

    def test_open311_api_key_parameter(self):
        key = self.issue(client="某市12345系统", budget=3)
        for _ in range(3):
            response = self.anonymous.post(OPEN311, data=dict(SERVICE_REQUEST, api_key=key))
            self.assertEqual(response.status_code, 201, response.text)
        response = self.anonymous.post(OPEN311, data=dict(SERVICE_REQUEST, api_key=key))
        self.assertEqual(response.status_code, 429, response.text)
        self.assertIn("Retry-After", response.headers)
        wrong = self.anonymous.post(OPEN311, data=dict(SERVICE_REQUEST, api_key="szlr_wrong"))
        self.assertEqual(wrong.status_code, 401)
        self.assertIn("接口密钥无效", wrong.json()[0]["description"])
        # the header works for Open311 too
        other = self.issue(client="第三方", budget=1)
        response = self.anonymous.post(OPEN311, data=SERVICE_REQUEST, headers={"X-Api-Key": other})
        self.assertEqual(response.status_code, 201, response.text)
        self.assertEqual(self.case_count(), 4)


class TestKeyCounting(ApiKeyTestCase):
    def count_filings(self, key, times):
        """What counting ``times`` filings of ``key`` writes to the database, in bytes each."""
        storage = self.portal._p_jar.db().storage
        written, store = [], storage.store

        def measured(oid, serial, data, *args):
            written[-1] += len(data)
            return store(oid, serial, data, *args)

        with mock.patch.object(storage, "store", measured):
            for _ in range(times):
                request = SimpleNamespace(other={}, getHeader=lambda name: key)
                transaction.begin()
                written.append(0)
                filing_limits.check(request, {})
                filing_limits.filed(request)
        transaction.begin()
        return written

    def test_a_keys_hundredth_filing_writes_no_more_than_its_second(self):
        key = self.issue(budget=500)
        with mock.patch.object(counters, "now", lambda: 1_800_000_000):  # all in one minute
            written = self.count_filings(key, 100)
        self.assertLessEqual(written[-1], written[1])  # not a list of every filing's time
        counter = f"filing-key:{api_keys.digest(key)}"
        self.assertEqual(counters.minute_total(filing_limits.WINDOW, at=1_800_000_000, key=counter), 100)

    def test_over_budget_after_an_hour_of_filings_and_free_again_as_the_first_minute_leaves(self):
        key = self.issue(budget=3)
        start = 1_800_000_000 - 1_800_000_000 % 60
        for offset in (0, 600, 1200):  # one filing at 0, 10 and 20 minutes
            with mock.patch.object(counters, "now", lambda offset=offset: start + offset):
                self.count_filings(key, 1)
        with mock.patch.object(counters, "now", lambda: start + 1800):
            response = self.keyed(key)
            self.assertError(response, 429, "TooManyRequests")
            self.assertEqual(response.headers["Retry-After"], "1800")  # the 0-minute filing leaves at 60:00
        with mock.patch.object(counters, "now", lambda: start + 3600):
            self.assertEqual(self.keyed(key).status_code, 201)
        self.assertEqual(len(self.alarms()), 1)


class TestApiKeysPanel(ApiKeyTestCase):
    def form_post(self, session, **data):
        page = session.get(PANEL, headers={"Accept": "text/html"})
        token = re.search(r'name="_authenticator" value="([0-9a-f]+)"', page.text).group(1)
        return session.post(PANEL, data=dict(data, _authenticator=token), headers={"Accept": "text/html"})

    def test_a_key_is_shown_once_and_kept_only_as_a_digest(self):
        answer = self.form_post(self.admin, client="小程序服务端", budget="800", **{"form.issue": "1"})
        self.assertEqual(answer.status_code, 200)
        self.assertIn("离开本页后将无法再次查看", answer.text)
        key = KEY.search(answer.text).group(0)
        self.assertIn("no-store", answer.headers["Cache-Control"])
        page = self.admin.get(PANEL, headers={"Accept": "text/html"})
        self.assertNotIn(key, page.text)
        self.assertIn("小程序服务端", page.text)
        self.assertIn(key[:9] + "…", page.text)
        transaction.begin()
        stored = repr(list(IAnnotations(self.portal)[api_keys.ANNOTATION].items()))
        self.assertNotIn(key, stored)
        self.assertNotIn(key[9:], stored)
        # the key works, within the budget given
        self.assertEqual(self.keyed(key).status_code, 201)
        self.assertEqual(self.keyed(key).status_code, 201)

    def test_revoking_in_the_panel(self):
        key = self.issue(client="旧小程序")
        self.form_post(self.admin, key_id=api_keys.digest(key), **{"form.revoke": "1"})
        page = self.admin.get(PANEL, headers={"Accept": "text/html"})
        self.assertIn("停用", page.text)
        self.assertNotIn('name="form.revoke"', page.text)
        self.assertError(self.keyed(key), 403, "ApiKeyRevoked")

    def test_bad_input_is_told_at_the_field_and_kept(self):
        answer = self.form_post(self.admin, client="", budget="很多", **{"form.issue": "1"})
        self.assertIn("请填写客户端名称", answer.text)
        self.assertIn("请填写1至100000之间的整数", answer.text)
        self.assertIn('value="很多"', answer.text)
        self.assertIsNone(KEY.search(answer.text))
        answer = self.form_post(self.admin, client="一个很长的名字" * 10, budget="0", **{"form.issue": "1"})
        self.assertIn("请填写客户端名称", answer.text)
        self.assertIsNone(KEY.search(answer.text))
        transaction.begin()
        self.assertEqual(api_keys.entries(), [])

    def test_only_administrators(self):
        for session in (self.anonymous, self.member, self.clerk, self.hotline):
            with self.subTest(session=session.auth):
                page = session.get(PANEL, headers={"Accept": "text/html"}, allow_redirects=False)
                self.assertNotEqual(page.status_code, 200)
                self.assertNotIn("发放密钥", page.text)
        response = self.clerk.post(PANEL, data={"client": "x", "budget": "5", "form.issue": "1"})
        self.assertIsNone(KEY.search(response.text))
        transaction.begin()
        self.assertEqual(api_keys.entries(), [])
