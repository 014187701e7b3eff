"""Odd input never makes an endpoint fail (500) or store anything."""

from tests.api_helpers import ApiTestCase
from tests.api_helpers import filing

import base64


class TestOddInput(ApiTestCase):
    def assertHandled(self, response):
        self.assertLess(response.status_code, 500, f"{response.request.url}: {response.text[:300]}")

    def test_odd_filings(self):
        bodies = [
            "null",
            "42",
            '"text"',
            "{}",
            '{"applicant": {"name": {"first": "x"}}}',
            '{"dispute_types": [null, 1, {}]}',
            '{"dispute_types": [' + '"wage_arrears",' * 500 + '"other"]}',
            '{"a": ' * 200 + "1" + "}" * 200,
            '{"facts": "\\ud800"}',
            '{"claim_amount": "1e999999"}',
            '{"claim_amount": "NaN"}',
            '{"claim_amount": -1}',
            '{"workers_involved": 1e100}',
            '{"workers_involved": 99999999999999999999999}',
            '{"station": "no-such-uid"}',
            '{"district": ["zengdu"]}',
            '{"channel": null, "hotline_ticket": null}',
        ]
        for body in bodies:
            response = self.anonymous.post(
                "@cases", data=body.encode("utf-8"), headers={"Content-Type": "application/json"}
            )
            self.assertHandled(response)
            self.assertEqual(response.status_code, 400, body[:80])
        self.assertEqual(self.post_case(applicant={"name": "x" * 5000, "phone": "1"}).status_code, 400)
        response = self.anonymous.post(
            "@cases", data=b"\xff\xfe{", headers={"Content-Type": "application/json"}
        )
        self.assertEqual(response.status_code, 400)
        response = self.anonymous.post(
            "@cases",
            data=b"{}",
            headers={"Content-Type": "application/json", "Content-Length": "99999999"},
        )
        self.assertHandled(response)
        self.assertEqual(self.case_count(), 0)

    def test_odd_queries(self):
        for url in (
            "@case-status?reference=%00&phone=%00",
            "@case-status?reference=" + "S" * 5000 + "&phone=1",
            "@case-status?reference:list=a&phone=1",
            "@case-status?reference:int=5&phone=1",
            "@stations?near=",
            "@stations?near=1,2,3",
            "@stations?near=nan,nan",
            "@stations?district:list=a&district:list=b",
            "@mediators?kind=%00",
            "@guides?kind:list=guide",
            "@hotline-updates?since=",
            "@open311/v2/requests.json?service_request_id=,,,&phone=1",
            "@open311/v2/requests.json?start_date=2026-13-45",
            "@open311/v2/requests/..json",
            "@open311/v2/requests/%00.json?phone=1",
            "@open311/v2/services/.json",
        ):
            for session in (self.anonymous, self.admin):
                self.assertHandled(session.get(url))

    def test_odd_open311_posts(self):
        for data in (
            {"service_code": ["wage_arrears", "other"]},
            {"service_code": "wage_arrears", "lat": "x", "long": "y"},
            {"service_code": "wage_arrears", "lat": "91", "long": "0"},
            {"service_code": "wage_arrears", "attribute[gig_worker]": "maybe"},
            {"service_code": "wage_arrears", "attribute[claim_amount]": "Infinity"},
        ):
            response = self.anonymous.post("@open311/v2/requests.json", data=data)
            self.assertHandled(response)
            self.assertEqual(response.status_code, 400, data)
        response = self.anonymous.post(
            "@open311/v2/requests.json", data="[1]", headers={"Content-Type": "application/json"}
        )
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self.case_count(), 0)

    def test_basic_auth_that_does_not_decode_counts_as_none(self):
        undecodable = (
            "Basic !!!",
            "Basic " + base64.b64encode(b"no-colon").decode(),
            "Basic " + base64.b64encode(b"\xff:\xfe").decode(),  # not UTF-8
        )
        for header in undecodable:
            with self.subTest(header=header):
                session = self.session()
                session.headers["Authorization"] = header
                page = session.get("guides", headers={"Accept": "text/html"})
                self.assertEqual(page.status_code, 200)
                self.assertIn("登录", page.text)  # as for a visitor who has not logged in
                refused = session.get("@hotline-updates?since=2026-01-01T00:00:00")
                self.assertEqual(refused.status_code, 401)
                self.assertEqual(refused.json()["error"]["message"], "请先登录。")

    def test_the_contract_example_still_files(self):
        self.assertEqual(self.anonymous.post("@cases", json=filing()).status_code, 201)
