"""POST @cases: the filing contract for the mini-program, intake clerks and the 12345 hotline."""

from jsonschema import Draft202012Validator
from jsonschema import ValidationError
from plone import api
from suizhou.laborrights.cases.register import find_case
from tests.api_helpers import ApiTestCase
from tests.api_helpers import APPLICANT_PHONE
from tests.api_helpers import EMPLOYER_NAME
from tests.api_helpers import filing
from tests.api_helpers import openapi
from tests.helpers import make_user

import decimal
import json
import transaction


class TestPublicFiling(ApiTestCase):
    def test_anonymous_filing_is_registered(self):
        response = self.post_case()
        self.assertEqual(response.status_code, 201, response.text)
        self.assertConforms(response, "/@cases", "post")
        receipt = response.json()
        self.assertRegex(receipt["reference"], r"^SZ-\d{4}-\d{6}$")
        self.assertEqual(receipt["status"], "registered")
        self.assertEqual(receipt["status_title"], "已登记")
        self.assertEqual(
            receipt["status_url"], f"{self.portal_url}/@case-status?reference={receipt['reference']}"
        )
        self.assertEqual(response.headers["Location"], receipt["status_url"])
        self.assertEqual(response.headers["Cache-Control"], "no-store")
        self.assertNoPersonalData(response)

        transaction.begin()
        case = find_case(receipt["reference"])
        self.assertEqual(case.channel, "mini_program")
        self.assertEqual(case.applicant_phone, APPLICANT_PHONE)
        self.assertEqual(case.employer_name, EMPLOYER_NAME)
        self.assertEqual(case.employer_contact, "李经理")
        self.assertIs(case.applicant_gig_worker, False)
        self.assertEqual(case.claim_amount, decimal.Decimal("12000.00"))
        self.assertEqual(case.dispute_types, ["wage_arrears"])
        self.assertEqual(case.district, "zengdu")
        self.assertIsNone(case.hotline_ticket)
        self.assertEqual(api.content.get_state(case), "registered")

    def test_channel_defaults_to_web(self):
        body = filing()
        del body["channel"]
        response = self.anonymous.post("@cases", json=body)
        self.assertEqual(response.status_code, 201, response.text)
        transaction.begin()
        self.assertEqual(find_case(response.json()["reference"]).channel, "web")

    def test_minimal_filing(self):
        body = {
            "dispute_types": ["other"],
            "applicant": {"name": "张三", "phone": "13800001111"},
            "facts": "咨询劳动合同问题。",
            "district": "city",
        }
        response = self.anonymous.post("@cases", json=body)
        self.assertEqual(response.status_code, 201, response.text)
        transaction.begin()
        case = find_case(response.json()["reference"])
        self.assertEqual(case.workers_involved, 1)
        self.assertEqual(case.channel, "web")

    def test_station_may_be_chosen(self):
        response = self.post_case(station=self.nanjiao.UID())
        self.assertEqual(response.status_code, 201, response.text)
        transaction.begin()
        self.assertEqual(find_case(response.json()["reference"]).station, self.nanjiao.UID())

    def test_public_may_not_choose_other_channels(self):
        for channel in ("hotline_12345", "transferred", "window", "phone"):
            response = self.post_case(channel=channel)
            self.assertError(response, 400, "BadRequest", fields=["channel"])
            self.assertConforms(response, "/@cases", "post")
        self.assertEqual(self.case_count(), 0)

    def test_public_may_not_give_a_hotline_ticket(self):
        response = self.post_case(hotline_ticket="12345-0001", channel="web")
        self.assertError(response, 400, fields=["hotline_ticket"])
        self.assertEqual(self.case_count(), 0)

    def test_a_member_files_as_the_public(self):
        self.assertError(self.post_case(self.member, channel="window"), 400, fields=["channel"])
        self.assertEqual(self.post_case(self.member).status_code, 201)


class TestBadInput(ApiTestCase):
    def test_every_bad_field_is_named_in_chinese_and_nothing_is_stored(self):
        body = filing(
            applicant={"name": "", "id_number": "421300199001011234", "phone": "123"},
            employer={"name": "某公司", "credit_code": "91421300MA4000000X"},
            claim_amount="十二万",
            workers_involved=0,
            dispute_types=["no_such_type"],
            district="atlantis",
            facts="",
        )
        response = self.anonymous.post("@cases", json=body)
        self.assertError(
            response,
            400,
            "BadRequest",
            fields=[
                "applicant.name",
                "applicant.id_number",
                "applicant.phone",
                "employer.credit_code",
                "claim_amount",
                "dispute_types",
                "district",
                "facts",
            ],
        )
        self.assertConforms(response, "/@cases", "post")
        fields = response.json()["error"]["fields"]
        self.assertIn("身份证号码不正确", fields["applicant.id_number"])
        self.assertIn("统一社会信用代码不正确", fields["employer.credit_code"])
        self.assertIn("请填写", fields["facts"])
        self.assertEqual(self.case_count(), 0)

    def test_validation_after_types(self):
        body = filing(workers_involved=0)
        response = self.anonymous.post("@cases", json=body)
        self.assertError(response, 400, fields=["workers_involved"])
        self.assertIn("至少为 1 人", response.json()["error"]["fields"]["workers_involved"])

    def test_wrong_json_types(self):
        cases = {
            "applicant": "张三",
            "workers_involved": "three",
            "claim_amount": True,
            "dispute_types": "wage_arrears",
            "facts": ["a", "b"],
            "employer": [],
        }
        for field, value in cases.items():
            response = self.post_case(**{field: value})
            self.assertError(response, 400, "BadRequest", fields=[field])
        response = self.post_case(applicant=dict(filing()["applicant"], gig_worker="yes"))
        self.assertError(response, 400, fields=["applicant.gig_worker"])
        self.assertEqual(self.case_count(), 0)

    def test_numbers_may_be_sent_as_numbers_or_strings(self):
        response = self.post_case(claim_amount=8000.5, workers_involved="2")
        self.assertEqual(response.status_code, 201, response.text)
        transaction.begin()
        case = find_case(response.json()["reference"])
        self.assertEqual(case.claim_amount, decimal.Decimal("8000.5"))
        self.assertEqual(case.workers_involved, 2)

    def test_unknown_fields_are_named(self):
        body = filing(route="mediation", handler="someone")
        body["applicant"]["wechat"] = "abc"
        response = self.anonymous.post("@cases", json=body)
        self.assertError(response, 400, fields=["route", "handler", "applicant.wechat"])
        self.assertEqual(self.case_count(), 0)

    def test_malformed_json(self):
        response = self.anonymous.post(
            "@cases", data="{not json", headers={"Content-Type": "application/json"}
        )
        self.assertError(response, 400, "MalformedJSON")
        self.assertConforms(response, "/@cases", "post")
        response = self.anonymous.post("@cases", json=["a", "list"])
        self.assertError(response, 400, "MalformedJSON")

    def test_json_only(self):
        response = self.anonymous.post("@cases", data={"facts": "x"})
        self.assertError(response, 415, "UnsupportedMediaType")
        self.assertConforms(response, "/@cases", "post")

    def test_oversized_body(self):
        response = self.post_case(facts="拖欠工资。" * 6000)
        self.assertError(response, 400, "RequestTooLarge")
        self.assertEqual(self.case_count(), 0)

    def test_honeypot(self):
        response = self.post_case(website="http://spam.example.com")
        self.assertError(response, 400, "Refused")
        self.assertEqual(self.case_count(), 0)
        self.assertEqual(self.post_case(website="").status_code, 201)

    def test_get_is_not_filing(self):
        response = self.anonymous.get("@cases")
        self.assertIn(response.status_code, (404, 405))
        self.assertNoPersonalData(response)


class TestClaims(ApiTestCase):
    """``claims``: the claims one by one (kind code + amount), for the final award."""

    def test_claims_are_stored_row_by_row(self):
        claims = [
            {"kind": "wages", "amount": "9000.00", "note": "2026年1月至3月工资"},
            {"kind": "economic_compensation", "amount": 3000},
            {"kind": "labour_relation"},
        ]
        response = self.post_case(claims=claims)
        self.assertEqual(response.status_code, 201, response.text)
        self.assertConforms(response, "/@cases", "post")
        transaction.begin()
        case = find_case(response.json()["reference"])
        self.assertEqual(
            case.claims,
            [
                {"kind": "wages", "amount": decimal.Decimal("9000.00"), "note": "2026年1月至3月工资"},
                {"kind": "economic_compensation", "amount": decimal.Decimal("3000"), "note": None},
                {"kind": "labour_relation", "amount": None, "note": None},
            ],
        )

    def test_bad_claims_are_named_in_chinese_and_nothing_is_stored(self):
        claims = [
            {"kind": "wages", "amount": "-100"},
            {"kind": "piracy", "amount": "100"},
            {"kind": "damages", "amount": "一万"},
            {"kind": "damages", "amount": "1e12"},
            {"amount": "100"},
            "wages",
            {"kind": "wages", "amount": "100", "currency": "CNY"},
            {"kind": ["wages"], "amount": True},
        ]
        response = self.post_case(claims=claims)
        self.assertConforms(response, "/@cases", "post")
        fields = response.json()["error"]["fields"]
        expected = {
            "claims[0].amount": "请求明细第 1 项，金额（元）：金额应在 0 至 1 亿元之间。",
            "claims[1].kind": "请求明细第 2 项，请求类别：“piracy”不是可选的项目。",
            "claims[2].amount": "请求明细第 3 项，“金额（元）”格式不正确。",
            "claims[3].amount": "请求明细第 4 项，金额（元）：金额应在 0 至 1 亿元之间。",
            "claims[4].kind": "请求明细第 5 项，请填写“请求类别”。",
            "claims[5]": "请求明细第 6 项，应为对象（JSON object）。",
            "claims[6].currency": "不支持的字段。",
            "claims[7].kind": "请求明细第 8 项，“请求类别”格式不正确。",
            "claims[7].amount": "请求明细第 8 项，“金额（元）”格式不正确。",
        }
        self.assertEqual({k: v for k, v in fields.items() if k.startswith("claims")}, expected)
        self.assertError(response, 400, "BadRequest", fields=list(expected))
        self.assertEqual(self.case_count(), 0)

    def test_the_filing_schema_describes_claims(self):
        spec = openapi()
        schema = dict(spec["components"]["schemas"]["Filing"], components=spec["components"])
        claims = [{"kind": "wages", "amount": "9000.00", "note": "工资"}, {"kind": "labour_relation"}]
        Draft202012Validator(schema).validate(filing(claims=claims))
        with self.assertRaises(ValidationError):
            Draft202012Validator(schema).validate(filing(claims=[{"amount": 1}]))

    def test_claims_must_be_a_list(self):
        for value in ({"kind": "wages"}, "wages", 12000):
            response = self.post_case(claims=value)
            self.assertError(response, 400, fields=["claims"])
        self.assertEqual(self.case_count(), 0)
        for value in (None, []):
            self.assertEqual(self.post_case(claims=value).status_code, 201)


class TestStaffAndHotlineFiling(ApiTestCase):
    def test_clerk_sets_the_channel(self):
        response = self.post_case(self.clerk, channel="window")
        self.assertEqual(response.status_code, 201, response.text)
        transaction.begin()
        self.assertEqual(find_case(response.json()["reference"]).channel, "window")

    def test_a_district_clerk_sets_the_channel_in_the_own_district_only(self):
        with api.env.adopt_roles(["Manager"]):
            make_user("zengdu_clerk", groups=["intake_clerks_zengdu"])
        transaction.commit()
        session = self.session("zengdu_clerk")
        self.assertEqual(self.post_case(session, channel="window").status_code, 201)
        response = self.post_case(session, channel="window", district="guangshui")
        self.assertError(response, 400, fields=["channel"])

    def test_clerk_registers_a_hotline_ticket(self):
        response = self.post_case(self.clerk, channel="hotline_12345", hotline_ticket="T-1001")
        self.assertEqual(response.status_code, 201, response.text)
        transaction.begin()
        case = find_case(response.json()["reference"])
        self.assertEqual((case.channel, case.hotline_ticket), ("hotline_12345", "T-1001"))

    def test_hotline_ticket_is_filed_once(self):
        body = filing(hotline_ticket="12345-20260301-0007")
        del body["channel"]
        first = self.hotline.post("@cases", json=body)
        self.assertEqual(first.status_code, 201, first.text)
        again = self.hotline.post("@cases", json=body)
        self.assertEqual(again.status_code, 200, again.text)
        self.assertConforms(again, "/@cases", "post")
        self.assertEqual(again.json()["reference"], first.json()["reference"])
        self.assertEqual(self.case_count(), 1)
        transaction.begin()
        case = find_case(first.json()["reference"])
        self.assertEqual(case.channel, "hotline_12345")
        self.assertEqual(case.hotline_ticket, "12345-20260301-0007")

    def test_a_resent_ticket_answers_even_if_the_body_changed(self):
        first = self.post_case(self.hotline, channel="hotline_12345", hotline_ticket="T-9")
        again = self.post_case(self.hotline, channel="hotline_12345", hotline_ticket="T-9", facts="")
        self.assertEqual(again.status_code, 200)
        self.assertEqual(again.json()["reference"], first.json()["reference"])

    def test_hotline_channel_needs_a_ticket(self):
        response = self.post_case(self.hotline, channel="hotline_12345")
        self.assertError(response, 400, fields=["hotline_ticket"])

    def test_ticket_format(self):
        response = self.post_case(self.hotline, channel="hotline_12345", hotline_ticket="工单 1")
        self.assertError(response, 400, fields=["hotline_ticket"])
        self.assertEqual(self.case_count(), 0)

    def test_the_hotline_account_cannot_read_the_case(self):
        response = self.post_case(self.hotline, channel="hotline_12345", hotline_ticket="T-77")
        transaction.begin()
        case = find_case(response.json()["reference"])
        case_url = case.absolute_url()
        answer = self.hotline.get(case_url)
        self.assertEqual(answer.status_code, 404)  # as for a reference never given
        self.assertNoPersonalData(answer)
        self.assertNotIn(json.dumps(filing()["applicant"]["name"])[1:-1], answer.text)
