"""Possible duplicates: the same applicant phone about the same employer within 7 days is linked
for the staff and mentioned on the receipt; nothing is refused."""

from datetime import timedelta
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from suizhou.laborrights.cases.duplicates import possible_duplicates
from suizhou.laborrights.cases.register import now
from suizhou.laborrights.testing import INTEGRATION_TESTING
from tests.form_helpers import complaint_values
from tests.form_helpers import FormsTestCase
from tests.helpers import new_case
from tests.helpers import valid_credit_code

import unittest


NOTICE = "您在近期已就同一用人单位提交过申请"


class TestDuplicateFilings(FormsTestCase):
    def test_second_filing_is_linked_and_the_receipt_says_so(self):
        first = self.file("complaint", complaint_values(), self.new_browser())
        self.assertNotIn(NOTICE, first.contents)
        second = self.file("mediation", complaint_values(), self.new_browser())
        self.assertIn("@@filing-receipt", second.url)  # not refused
        self.assertIn(NOTICE, second.contents)
        earlier, later = sorted(self.web_cases(), key=lambda case: case.getId())
        self.assertEqual(possible_duplicates(later), [earlier])
        self.assertEqual(possible_duplicates(earlier), [])
        # the receipt does not name the earlier case
        self.assertNotIn(earlier.getId(), second.contents)
        # the staff see the link on the case
        staff = self.new_browser()
        staff.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
        staff.open(later.absolute_url())
        self.assertIn("疑似重复申请", staff.contents)
        self.assertIn(earlier.absolute_url(), staff.contents)

    def test_another_employer_is_no_duplicate(self):
        self.file("complaint", complaint_values(), self.new_browser())
        other = self.file(
            "complaint",
            complaint_values(employer_name="随州市另一家公司", employer_credit_code=valid_credit_code(8)),
            self.new_browser(),
        )
        self.assertNotIn(NOTICE, other.contents)


class TestDuplicateWindow(unittest.TestCase):
    layer = INTEGRATION_TESTING

    def case(self, days_ago, **fields):
        fields = {
            "applicant_phone": "13907221234",
            "employer_name": "随州市某某机械有限公司",
            "employer_credit_code": valid_credit_code(),
            **fields,
        }
        return new_case(received=now() - timedelta(days=days_ago), **fields)

    def test_within_the_window(self):
        earlier = self.case(6)
        self.assertEqual(possible_duplicates(self.case(0)), [earlier])

    def test_outside_the_window(self):
        self.case(8)
        self.assertEqual(possible_duplicates(self.case(0)), [])

    def test_window_from_the_registry(self):
        api.portal.set_registry_record("suizhou.laborrights.filing.duplicate_window_days", 10)
        earlier = self.case(8)
        self.assertEqual(possible_duplicates(self.case(0)), [earlier])
        api.portal.set_registry_record("suizhou.laborrights.filing.duplicate_window_days", 0)
        self.assertEqual(possible_duplicates(self.case(0)), [])

    def test_same_employer_by_name_or_by_code(self):
        by_code = self.case(2, employer_name="随州某某机械公司")
        by_name = self.case(1, employer_name=" 随州市某某机械有限公司 ", employer_credit_code=None)
        self.assertEqual(possible_duplicates(self.case(0)), [by_code, by_name])

    def test_phone_written_differently_is_the_same(self):
        earlier = self.case(1)
        self.assertEqual(possible_duplicates(self.case(0, applicant_phone="139 0722 1234")), [earlier])

    def test_any_channel_counts(self):
        earlier = self.case(3, channel="hotline_12345", hotline_ticket="T-1")
        self.assertEqual(possible_duplicates(self.case(0, channel="window")), [earlier])
