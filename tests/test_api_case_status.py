"""@case-status: the applicant's progress query (POST body, GET deprecated), with the progress
page's rules."""

from suizhou.laborrights.forms.challenge import NUMERALS
from tests.api_helpers import ApiTestCase
from tests.api_helpers import APPLICANT_PHONE
from zc.buildout import configparser
from ZPublisher import HTTPRequest

import pathlib


PROFILES = pathlib.Path(__file__).parent.parent / "profiles"


def answered(error):
    """The challenge of a ChallengeRequired answer, answered."""
    question = error["challenge"]["question"]
    answer = NUMERALS.index(question[0]) + NUMERALS.index(question[2])
    return {"challenge_token": error["challenge"]["token"], "challenge_answer": answer}


class TestCaseStatus(ApiTestCase):
    def setUp(self):
        super().setUp()
        self.reference = self.post_case().json()["reference"]

    def status(self, reference=None, phone=APPLICANT_PHONE, session=None):
        params = {"reference": reference or self.reference}
        if phone is not None:
            params["phone"] = phone
        return (session or self.anonymous).get("@case-status", params=params)

    def transition(self, *transitions, **attributes):
        self.move_case(self.reference, *transitions, **attributes)

    def test_registered(self):
        response = self.status()
        self.assertEqual(response.status_code, 200, response.text)
        self.assertConforms(response, "/@case-status", "get")
        status = response.json()
        self.assertEqual(status["reference"], self.reference)
        self.assertEqual((status["status"], status["status_title"]), ("registered", "已登记"))
        self.assertIsNone(status["stage"])
        self.assertEqual(response.headers["Cache-Control"], "no-store")
        self.assertNoPersonalData(response)

    def test_in_mediation(self):
        self.transition("route", "accept", route="mediation")
        status = self.status().json()
        self.assertEqual((status["status"], status["stage"]), ("in_progress", "调解中"))

    def test_the_steps_the_unit_to_call_and_the_due_date(self):
        self.transition("route", "accept", route="mediation", comment="内部意见：先电话联系被申请人")
        response = self.anonymous.post(
            "@case-status", json={"reference": self.reference, "phone": APPLICANT_PHONE}
        )
        self.assertEqual(response.status_code, 200, response.text)
        self.assertConforms(response, "/@case-status", "post")
        progress = response.json()
        self.assertEqual(
            [(step["step"], step["title"]) for step in progress["steps"]],
            [("registered", "登记申请"), ("route", "分办至承办单位"), ("accept", "受理，开始办理")],
        )
        self.assertEqual(progress["steps"][1]["unit"], "曾都区 · 曾都区劳动保障维权中心")
        self.assertTrue(all(step["time"].endswith("+08:00") for step in progress["steps"]))
        self.assertEqual(
            progress["unit"],
            {
                "title": "曾都区 · 曾都区劳动保障维权中心",
                "address": "曾都区解放路1号",
                "phones": ["0722-3331001"],
                "opening_hours": "周一至周五 8:30-12:00，14:30-17:30（法定节假日除外）",
            },
        )
        self.assertEqual(progress["due"]["stage"], "调解")
        self.assertRegex(progress["due"]["due"], r"^\d{4}-\d{2}-\d{2}$")
        self.assertNotIn("内部意见", response.text)
        self.assertNoPersonalData(response)

    def test_closed_with_outcome(self):
        self.transition("route", "accept", "close", route="mediation", outcome="mediated")
        response = self.status()
        self.assertConforms(response, "/@case-status", "get")
        self.assertEqual((response.json()["status"], response.json()["outcome"]), ("closed", "调解成功"))
        self.assertEqual(response.json()["steps"][-1], dict(response.json()["steps"][-1], outcome="调解成功"))
        self.assertIsNone(response.json()["due"])

    def test_reference_is_not_case_sensitive_and_phone_may_have_spaces(self):
        response = self.status(reference=self.reference.lower(), phone="139 0722 1234")
        self.assertEqual(response.status_code, 200)

    def test_wrong_phone_and_unknown_reference_look_the_same(self):
        wrong_phone = self.status(phone="13900000000")
        unknown = self.status(reference="SZ-2026-999999")
        self.assertError(wrong_phone, 404, "NotFound")
        self.assertConforms(wrong_phone, "/@case-status", "get")
        self.assertEqual(wrong_phone.json(), unknown.json())
        self.assertNoPersonalData(wrong_phone)

    def test_both_parameters_are_needed(self):
        response = self.anonymous.get("@case-status")
        self.assertError(response, 400, fields=["reference", "phone"])
        self.assertConforms(response, "/@case-status", "get")
        self.assertError(self.status(phone=None), 400, fields=["phone"])

    def test_a_parameter_given_twice(self):
        response = self.anonymous.get(
            "@case-status", params=[("reference", self.reference), ("reference", "x"), ("phone", "1")]
        )
        self.assertError(response, 400, fields=["reference"])

    def post(self, session=None, headers=None, **body):
        return (session or self.anonymous).post("@case-status", json=body, headers=headers)

    def test_lookup_in_a_post_body(self):
        response = self.post(reference=self.reference, phone=APPLICANT_PHONE)
        self.assertEqual(response.status_code, 200, response.text)
        self.assertConforms(response, "/@case-status", "post")
        self.assertEqual(response.json()["status_title"], "已登记")
        wrong = self.post(reference=self.reference, phone="13900000000")
        self.assertError(wrong, 404, "NotFound")
        self.assertError(self.post(reference=self.reference), 400, fields=["phone"])
        self.assertError(self.post(reference=self.reference, phone=139), 400, fields=["phone"])

    def test_guessing_is_stepped_up_to_the_challenge(self):
        codes = [self.post(reference=self.reference, phone=f"1390000{n:04d}").status_code for n in range(6)]
        self.assertEqual(codes[:5], [404] * 5)
        self.assertEqual(codes[5], 429)
        # the applicant is not locked out: the right phone with the question answered
        response = self.post(reference=self.reference, phone=APPLICANT_PHONE)
        self.assertError(response, 429, "ChallengeRequired")
        self.assertConforms(response, "/@case-status", "post")
        error = response.json()["error"]
        self.assertIn("验证问题", error["message"])
        self.assertIn("等于几", error["challenge"]["question"])
        body = dict(answered(error), reference=self.reference, phone=APPLICANT_PHONE)
        response = self.post(**body)
        self.assertEqual(response.status_code, 200, response.text)
        # the solved challenge is used up
        replayed = self.post(**body)
        self.assertError(replayed, 429, "ChallengeRequired")
        self.assertIn("回答错误或已过期", replayed.json()["error"]["message"])

    def test_the_deprecated_get_takes_the_challenge_too(self):
        for n in range(5):
            self.status(phone=f"1390000{n:04d}")
        response = self.status()
        self.assertError(response, 429, "ChallengeRequired")
        self.assertConforms(response, "/@case-status", "get")
        params = dict(answered(response.json()["error"]), reference=self.reference, phone=APPLICANT_PHONE)
        self.assertEqual(self.anonymous.get("@case-status", params=params).status_code, 200)

    def test_another_citizen_behind_the_same_proxy_is_not_refused(self):
        # twenty failures of other people, each with another reference and phone
        for n in range(20):
            self.post(reference=f"SZ-2026-{900000 + n:06d}", phone=f"1370000{n:04d}")
        response = self.post(reference=self.reference, phone=APPLICANT_PHONE)
        self.assertError(response, 429, "ChallengeRequired")
        body = dict(answered(response.json()["error"]), reference=self.reference, phone=APPLICANT_PHONE)
        self.assertEqual(self.post(**body).status_code, 200)

    def test_the_client_is_the_address_the_trusted_proxy_forwards(self):
        self.addCleanup(setattr, HTTPRequest, "trusted_proxies", HTTPRequest.trusted_proxies)
        HTTPRequest.trusted_proxies = ("127.0.0.1",)  # the test client connects from there
        for n in range(20):
            self.post(
                headers={"X-Forwarded-For": "10.1.1.1"},
                reference=f"SZ-2026-{900000 + n:06d}",
                phone=f"1370000{n:04d}",
            )
        body = {"reference": self.reference, "phone": APPLICANT_PHONE}
        # another citizen behind the same proxy is heard at once; the guesser is stepped up
        self.assertEqual(self.post(headers={"X-Forwarded-For": "10.2.2.2"}, **body).status_code, 200)
        self.assertEqual(self.post(headers={"X-Forwarded-For": "10.1.1.1"}, **body).status_code, 429)

    def test_production_profiles_trust_the_local_proxy(self):
        for name in ("production.cfg", "relstorage.cfg"):
            with open(PROFILES / name, encoding="utf-8") as text:
                profile = configparser.parse(text, name)
            lines = profile["client"]["zope-conf-additional"].splitlines()
            self.assertIn("trusted-proxy 127.0.0.1", lines, name)
            self.assertIn("${instance:zope-conf-additional}", lines, name)
