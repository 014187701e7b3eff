"""GET @case-status: the applicant's progress query, with the progress page's rules."""

from tests.api_helpers import ApiTestCase
from tests.api_helpers import APPLICANT_PHONE


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

    def test_closed_with_outcome(self):
        self.transition("route", "accept", "close", route="mediation", outcome="mediated")
        response = self.status()
        self.assertConforms(response, "/@case-status", "get")
        self.assertEqual((response.json()["status"], response.json()["outcome"]), ("closed", "调解成功"))

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

    def test_guessing_is_throttled(self):
        codes = [self.status(phone=f"1390000{n:04d}").status_code for n in range(12)]
        self.assertEqual(codes[0], 404)
        self.assertEqual(codes[-1], 429)
        response = self.status()
        self.assertError(response, 429, "TooManyRequests")
        self.assertConforms(response, "/@case-status", "get")
        self.assertGreater(int(response.headers["Retry-After"]), 0)
        self.assertIn("秒后再试", response.json()["error"]["message"])
