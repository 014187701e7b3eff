"""Anonymous machine filing (POST @cases, Open311 POST) is limited per client and for the site:
over the client's budget the challenge, far over it or over the site's budget a 429 with
Retry-After, and the administrators told once of a spike."""

from email import message_from_bytes
from email import policy
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from suizhou.laborrights.forms.challenge import NUMERALS
from tests.api_helpers import ApiTestCase
from tests.api_helpers import SERVICE_REQUEST
from tests.helpers import browser_for
from tests.mocks import swap_mailhost

import transaction


OPEN311 = "@open311/v2/requests.json"


def answered(response):
    challenge = response.json()["error"]["challenge"]
    question = challenge["question"]
    return {
        "challenge_token": challenge["token"],
        "challenge_answer": NUMERALS.index(question[0]) + NUMERALS.index(question[2]),
    }


class TestFilingLimits(ApiTestCase):
    def setUp(self):
        super().setUp()
        self.mailhost = swap_mailhost(self, self.portal)
        transaction.commit()

    def budgets(self, client, site=1000):
        """The budgets as the administrator sets them in the filing control panel."""
        for name, value in (("api_client_filings_per_hour", client), ("api_site_filings_per_hour", site)):
            api.portal.set_registry_record(f"suizhou.laborrights.filing.{name}", value)
        transaction.commit()

    def test_the_administrator_sets_the_budgets_in_the_filing_panel(self):
        browser = browser_for(self.layer["app"], SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
        browser.open(f"{self.portal_url}/@@laborrights-filing")
        client = browser.getControl(name="form.widgets.api_client_filings_per_hour")
        site = browser.getControl(name="form.widgets.api_site_filings_per_hour")
        self.assertEqual((client.value, site.value), ("10", "200"))
        self.assertIn("接口匿名提交：每个来源每小时件数", browser.contents)
        client.value, site.value = "1", "500"
        browser.getControl(name="form.buttons.save").click()
        transaction.begin()
        self.assertEqual(api.portal.get_registry_record("suizhou.laborrights.filing.api_site_filings_per_hour"), 500)
        self.assertEqual(self.post_case().status_code, 201)
        self.assertError(self.post_case(), 429, "ChallengeRequired")

    def test_a_client_over_its_budget_is_asked_the_challenge(self):
        self.budgets(client=2)
        self.assertEqual([self.post_case().status_code for _ in range(2)], [201, 201])
        response = self.post_case()
        self.assertError(response, 429, "ChallengeRequired")
        self.assertConforms(response, "/@cases", "post")
        self.assertIn("请先回答验证问题", response.json()["error"]["message"])
        count = self.case_count()
        solved = answered(response)
        self.assertEqual(self.post_case(**solved).status_code, 201)
        self.assertEqual(self.case_count(), count + 1)
        replayed = self.post_case(**solved)  # a solved question is used up
        self.assertError(replayed, 429, "ChallengeRequired")
        self.assertIn("回答错误或已过期", replayed.json()["error"]["message"])
        # a logged-in clerk is not limited
        self.assertEqual(self.post_case(self.session("clerk"), channel="window").status_code, 201)

    def test_a_citizen_correcting_a_refused_filing_is_not_counted(self):
        self.budgets(client=1)
        for _ in range(3):
            self.assertEqual(self.post_case(district="atlantis").status_code, 400)
        self.assertEqual(self.post_case().status_code, 201)
        self.assertError(self.post_case(), 429, "ChallengeRequired")

    def test_far_over_the_budget_no_challenge_helps(self):
        self.budgets(client=1)
        self.post_case()
        for _ in range(2):
            self.assertEqual(self.post_case(**answered(self.post_case())).status_code, 201)
        response = self.post_case()
        self.assertError(response, 429, "TooManyRequests")
        self.assertGreater(int(response.headers["Retry-After"]), 0)
        self.assertIn("提交过于频繁", response.json()["error"]["message"])

    def test_open311_filings_count_too(self):
        self.budgets(client=1)
        self.assertEqual(self.post_case().status_code, 201)
        response = self.anonymous.post(OPEN311, data=SERVICE_REQUEST)
        self.assertEqual(response.status_code, 429)
        params = dict(SERVICE_REQUEST, **answered_georeport(response))
        self.assertEqual(self.anonymous.post(OPEN311, data=params).status_code, 201, response.text)

    def test_a_spike_is_slowed_and_reported_once(self):
        self.budgets(client=1000, site=3)
        codes = [self.post_case().status_code for _ in range(6)]
        self.assertEqual(codes, [201] * 3 + [429] * 3)
        response = self.post_case()
        self.assertError(response, 429, "TooManyRequests")
        self.assertIn("Retry-After", response.headers)
        alarms = [
            message_from_bytes(raw, policy=policy.default)
            for raw in self.mailhost.messages
            if "提交量异常" in message_from_bytes(raw, policy=policy.default)["Subject"]
        ]
        self.assertEqual(len(alarms), 1)  # once per hour, not per refused filing
        self.assertEqual(alarms[0]["To"], "supervisor@example.org")
        self.assertIn("超过限额 3 件", alarms[0].get_content())


def answered_georeport(response):
    challenge = response.json()[0]["challenge"]
    question = challenge["question"]
    return {
        "challenge_token": challenge["token"],
        "challenge_answer": str(NUMERALS.index(question[0]) + NUMERALS.index(question[2])),
    }
