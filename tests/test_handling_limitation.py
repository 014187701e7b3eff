"""The one-year limitation (《劳动争议调解仲裁法》第二十七条) as a hint, never a refusal: when the
employment ended (``employment_ended``) more than a year before the application was received,
the case page and the routing form say so; without an end date (wages owed while employed are
not barred) there is no hint. The desk and the REST contract take the date."""

from datetime import date
from plone import api
from suizhou.laborrights.cases.register import find_case
from suizhou.laborrights.handling import triage
from suizhou.laborrights.handling.panel import HandlingInfo
from suizhou.laborrights.testing import INTEGRATION_TESTING
from tests.api_helpers import ApiTestCase
from tests.desk_helpers import DeskTestCase
from tests.helpers import at
from tests.helpers import chinese_site
from tests.helpers import new_case

import transaction
import unittest


HINT_START = "申请仲裁的时效期间为一年（劳动争议调解仲裁法第二十七条）。"
RECEIVED = at(2026, 3, 7, 10)


class TestLimitationHint(unittest.TestCase):
    layer = INTEGRATION_TESTING

    def setUp(self):
        chinese_site()

    def hints(self, **fields):
        case = new_case(received=RECEIVED, **fields)
        with api.env.adopt_roles(["Manager"]):
            return HandlingInfo(case).hints(), triage.suggestions(case)

    def test_employment_ended_more_than_a_year_before_receipt(self):
        (hint,), found = self.hints(employment_ended=date(2025, 3, 6))
        self.assertTrue(hint.startswith(HINT_START), hint)
        self.assertIn("劳动关系已于2025-03-06终止，至收到申请（2026-03-07）已超过一年", hint)
        self.assertIn("不影响登记和受理", hint)
        self.assertIsNone(found["limitation"].applies)  # a hint, not a suggestion to confirm

    def test_exactly_a_year_is_within_the_period(self):
        hints, found = self.hints(employment_ended=date(2025, 3, 7))
        self.assertEqual(hints, [])
        self.assertNotIn("limitation", found)

    def test_no_end_date_no_hint(self):
        # wage arrears while still employed are not barred: no end date, nothing to say
        hints, found = self.hints(dispute_types=["wage_arrears"])
        self.assertEqual(hints, [])
        self.assertNotIn("limitation", found)


class TestDeskTakesTheDate(DeskTestCase):
    def test_the_registration_form_shows_and_keeps_it_and_never_refuses(self):
        form = self.submit(employment_ended="2024-08-31")
        self.assertEqual(self.errors(form), {})
        case = self.registered()
        self.assertEqual(case.employment_ended, date(2024, 8, 31))
        self.assertEqual(api.content.get_state(case), "registered")
        self.assertTrue(triage.limitation(case) is not None)


class TestRestContract(ApiTestCase):
    def test_the_date_is_taken(self):
        response = self.post_case(employment_ended="2024-08-31")
        self.assertEqual(response.status_code, 201, response.text)
        transaction.begin()
        self.assertEqual(find_case(response.json()["reference"]).employment_ended, date(2024, 8, 31))

    def test_a_date_in_another_format_is_named(self):
        response = self.post_case(employment_ended="2024/08/31")
        self.assertEqual(response.status_code, 400, response.text)
        self.assertIn("“劳动关系终止日期（离职日期）”格式不正确。", response.text)
