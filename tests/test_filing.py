"""Filing a case through the shared validation: Chinese messages, nothing stored on refusal."""

from decimal import Decimal
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from suizhou.laborrights.cases.filing import convert
from suizhou.laborrights.cases.filing import file_case
from suizhou.laborrights.cases.filing import FilingError
from suizhou.laborrights.cases.filing import InvalidValue
from suizhou.laborrights.content.case import ICase
from suizhou.laborrights.testing import INTEGRATION_TESTING
from tests.helpers import case_fields

import unittest


def count_cases():
    return len(api.portal.get_tool("portal_catalog").unrestrictedSearchResults(portal_type="Case"))


class TestFiling(unittest.TestCase):
    layer = INTEGRATION_TESTING

    def setUp(self):
        # file_case registers as staff unless told otherwise: here as a clerk of every district.
        setRoles(self.layer["portal"], TEST_USER_ID, ["IntakeClerk"])

    def refused(self, **overrides):
        before = count_cases()
        with self.assertRaises(FilingError) as caught:
            file_case(case_fields(**overrides))
        self.assertEqual(count_cases(), before)
        return caught.exception.errors

    def test_valid_filing_creates_a_registered_case(self):
        case = file_case(case_fields(claim_amount=Decimal("12000.00")))
        self.assertEqual(api.content.get_state(case), "registered")
        self.assertEqual(case.claim_amount, Decimal("12000.00"))

    def test_invalid_id_number(self):
        errors = self.refused(applicant_id_number="421300199001020010")
        self.assertIn("身份证号码不正确", errors["applicant_id_number"])

    def test_invalid_credit_code(self):
        errors = self.refused(employer_credit_code="91421300MA4000001X")
        self.assertIn("统一社会信用代码不正确", errors["employer_credit_code"])

    def test_malformed_phone(self):
        errors = self.refused(applicant_phone="1390722")
        self.assertIn("电话号码不正确", errors["applicant_phone"])

    def test_negative_and_absurd_amounts(self):
        self.assertIn("金额", self.refused(claim_amount=Decimal("-1"))["claim_amount"])
        self.assertIn("金额", self.refused(claim_amount=Decimal("1000000000"))["claim_amount"])

    def test_zero_workers(self):
        self.assertIn("至少为 1 人", self.refused(workers_involved=0)["workers_involved"])

    def test_missing_required_fields_are_named(self):
        fields = case_fields()
        del fields["applicant_name"]
        del fields["facts"]
        with self.assertRaises(FilingError) as caught:
            file_case(fields)
        self.assertIn("申请人姓名", caught.exception.errors["applicant_name"])
        self.assertIn("事实与理由", caught.exception.errors["facts"])

    def test_unknown_codes_are_refused(self):
        self.assertIn("district", self.refused(district="atlantis"))
        self.assertIn("dispute_types", self.refused(dispute_types=["piracy"]))

    def test_unknown_fields_are_refused(self):
        self.assertIn("reference", self.refused(reference="SZ-2026-000001"))

    def test_script_is_stored_as_text(self):
        case = file_case(case_fields(facts="<script>alert(1)</script>欠薪三个月"))
        self.assertEqual(case.facts, "<script>alert(1)</script>欠薪三个月")

    def test_convert_reads_form_and_json_strings(self):
        self.assertEqual(convert(ICase["claim_amount"], "12000.50"), Decimal("12000.50"))
        self.assertEqual(convert(ICase["workers_involved"], "3"), 3)
        self.assertIsNone(convert(ICase["claim_amount"], ""))
        with self.assertRaises(InvalidValue):
            convert(ICase["claim_amount"], "一万")
