"""examples/miniprogram_client.py against a test site: file, then follow the case to its end."""

from suizhou.laborrights.forms.challenge import NUMERALS
from tests.api_helpers import ApiTestCase
from tests.api_helpers import APPLICANT_PHONE

import importlib.util
import io
import pathlib


EXAMPLE = pathlib.Path(__file__).parent.parent / "examples" / "miniprogram_client.py"


def load_client_module():
    spec = importlib.util.spec_from_file_location("miniprogram_client", EXAMPLE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TestExampleClient(ApiTestCase):
    def setUp(self):
        super().setUp()
        self.module = load_client_module()
        self.client = self.module.LaborRightsClient(self.portal_url, session=self.session())

    def test_file_and_follow_to_the_end(self):
        receipt = self.client.file_case(self.module.sample_filing(APPLICANT_PHONE))
        reference = receipt["reference"]
        # The case moves on while the client waits between polls.
        steps = iter(
            [
                lambda: self.move_case(reference, "route", "accept", route="mediation"),
                lambda: None,
                lambda: self.move_case(reference, "close", outcome="mediated"),
            ]
        )
        waits = []

        def sleep(seconds):
            waits.append(seconds)
            next(steps)()

        seen = list(self.client.follow(reference, APPLICANT_PHONE, interval=60, max_polls=10, sleep=sleep))
        self.assertEqual(
            [(s["status"], s["stage"], s["outcome"]) for s in seen],
            [("registered", None, None), ("in_progress", "调解中", None), ("closed", None, "调解成功")],
        )
        self.assertEqual(waits, [60, 60, 60])

    def test_asks_the_question_when_the_server_says_so(self):
        reference = self.client.file_case(self.module.sample_filing(APPLICANT_PHONE))["reference"]
        for n in range(5):  # someone else's failed guesses at this reference
            self.anonymous.post("@case-status", json={"reference": reference, "phone": f"1390000{n:04d}"})
        asked = []

        def ask(question):
            asked.append(question)
            return str(NUMERALS.index(question[0]) + NUMERALS.index(question[2]))

        polls = list(self.client.follow(reference, APPLICANT_PHONE, max_polls=2, sleep=lambda s: None, ask=ask))
        self.assertEqual(len(asked), 1)
        self.assertEqual([status["status"] for status in polls], ["registered"])
        with self.assertRaises(self.module.ApiError) as caught:  # without anyone to ask
            list(self.client.follow(reference, APPLICANT_PHONE, max_polls=1))
        self.assertEqual(caught.exception.type, "ChallengeRequired")

    def test_errors_name_the_fields(self):
        with self.assertRaises(self.module.ApiError) as caught:
            self.client.file_case(dict(self.module.sample_filing("123"), district="atlantis"))
        self.assertEqual(caught.exception.status, 400)
        self.assertEqual(set(caught.exception.fields), {"applicant.phone", "district"})
        with self.assertRaises(self.module.ApiError) as caught:
            self.client.status("SZ-2000-000001", APPLICANT_PHONE)
        self.assertEqual(caught.exception.status, 404)

    def test_command_line(self):
        out = io.StringIO()
        code = self.module.main(
            [self.portal_url, "--phone", APPLICANT_PHONE, "--polls", "1"], client=self.client, out=out
        )
        self.assertEqual(code, 0)
        self.assertRegex(out.getvalue(), r"已提交，受理编号 SZ-\d{4}-\d{6}")
        self.assertIn("已登记", out.getvalue())
        out = io.StringIO()
        code = self.module.main([self.portal_url, "--phone", "1"], client=self.client, out=out)
        self.assertEqual(code, 1)
        self.assertIn("applicant.phone", out.getvalue())
