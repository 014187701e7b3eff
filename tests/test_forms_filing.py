"""Filing through the public forms: each form registers a real case, as an anonymous visitor."""

from decimal import Decimal
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from suizhou.laborrights.enterprise import orders
from suizhou.laborrights.forms.install import FORMS
from tests.form_helpers import APPLICANT_PHONE
from tests.form_helpers import complaint_values
from tests.form_helpers import FormsTestCase
from tests.helpers import valid_credit_code
from tests.helpers import valid_id_number

import re
import transaction


REFERENCE = re.compile(r"SZ-\d{4}-\d{6}")


class TestPublicForms(FormsTestCase):
    def test_the_profile_creates_the_four_forms(self):
        folder = self.portal["apply"]
        self.assertEqual(
            [(form_id, folder[form_id].Title()) for form_id, _title, _description in FORMS],
            [
                ("complaint", "劳动保障投诉举报"),
                ("mediation", "劳动争议调解申请"),
                ("arbitration", "劳动人事争议仲裁申请"),
                ("employer-service", "用人单位服务申请"),
            ],
        )
        for form_id, _title, _description in FORMS:
            form = folder[form_id]
            self.assertEqual(api.content.get_state(form), "published")
            self.assertTrue(form.CSRFProtection)
            # the employer-service form files an enterprise service order (enterprise/), not a case
            expected = "create_service_order" if form_id == "employer-service" else "create_case"
            self.assertIn(expected, form.actions_model)
            browser = self.open_form(form_id)
            self.assertEqual(browser.headers["status"], "200 OK")
            self.assertIn('name="form.widgets.website"', browser.contents)  # the honeypot
            self.assertIn('name="_authenticator"', browser.contents)  # CSRF kept on

    def test_each_form_links_the_guides_of_its_matter(self):
        complaint = self.open_form("complaint").contents
        self.assertIn("拖欠工资投诉一次性告知清单", complaint)
        self.assertIn(f"{self.portal.absolute_url()}/guides/wage-arrears-checklist", complaint)
        self.assertNotIn("仲裁员进企业服务指南", complaint)
        employer = self.open_form("employer-service").contents
        self.assertIn("仲裁员进企业服务指南", employer)
        self.assertNotIn("拖欠工资投诉一次性告知清单", employer)
        arbitration = self.open_form("arbitration").contents
        self.assertIn("劳动争议仲裁申请一次性告知清单", arbitration)
        self.assertIn("附件：支持 pdf", arbitration)

    def test_an_optional_list_offers_please_choose(self):
        self.open_form("complaint")
        district = self.browser.getControl(name="form.widgets.district:list")
        self.assertEqual(district.displayOptions[0], "请选择")
        self.assertNotIn("空值", self.browser.contents)

    def test_an_administrator_edits_the_action_in_easyforms_editor(self):
        browser = self.new_browser()
        browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
        browser.open(f"{self.portal.absolute_url()}/apply/complaint/actions")
        self.assertIn("create_case", browser.contents)
        browser.open(f"{self.portal.absolute_url()}/apply/complaint/actions/create_case")
        self.assertIn("字段对应", browser.contents)
        mapping = browser.getControl(name="form.widgets.mapping")
        self.assertIn("township|station", mapping.value)
        mapping.value = mapping.value.replace("request|request", "request|facts")
        browser.getControl(name="form.buttons.save").click()
        transaction.begin()
        self.assertIn("request|facts", self.portal["apply"]["complaint"].actions_model)


class TestFiling(FormsTestCase):
    def test_complaint_registers_a_web_case_with_every_field(self):
        browser = self.file(
            "complaint",
            complaint_values(
                district=None,
                township=[self.stations["nanjiao-station"]],
                applicant_email="zhangsan@example.org",
                applicant_gig_worker=True,
                employer_contact="李经理",
                employer_phone="0722-3331234",
                dispute_types=["wage_arrears", "overtime"],
                workers_involved="3",
            ),
        )
        self.assertIn("@@filing-receipt", browser.url)
        [case] = self.web_cases()
        self.assertIn(case.getId(), browser.contents)
        self.assertEqual(api.content.get_state(case), "registered")
        expected = {
            "channel": "web",
            "district": "zengdu",  # derived from the township
            "station": self.stations["nanjiao-station"],
            "applicant_name": "测试投诉人张三",
            "applicant_id_number": valid_id_number(7),
            "applicant_phone": APPLICANT_PHONE,
            "applicant_email": "zhangsan@example.org",
            "applicant_address": "随州市曾都区测试路8号",
            "applicant_gig_worker": True,
            "employer_name": "随州市测试建材有限公司",
            "employer_credit_code": valid_credit_code(7),
            "employer_address": "随州市曾都区工业园1号",
            "employer_contact": "李经理",
            "employer_phone": "0722-3331234",
            "dispute_types": ["wage_arrears", "overtime"],
            "claim_amount": Decimal("12000.50"),
            "workers_involved": 3,
            "facts": "2026年8月至10月的工资一直未发放。",
            "request": "责令支付拖欠工资12000.50元。",
        }
        self.assertEqual({name: getattr(case, name) for name in expected}, expected)
        self.assertIsNotNone(case.received)

    def test_an_anonymous_visitor_cannot_open_the_case(self):
        self.file("complaint", complaint_values())
        [case] = self.web_cases()
        browser = self.new_browser()
        browser.handleErrors = True
        browser.raiseHttpErrors = False
        browser.open(case.absolute_url())
        self.assertEqual(browser.headers["status"], "404 Not Found")  # as if there were none
        self.assertNotIn("测试投诉人张三", browser.contents)  # the 404 is an HTML page
        self.assertNotIn(APPLICANT_PHONE, browser.contents)

    def test_mediation_application(self):
        self.file(
            "mediation",
            complaint_values(
                dispute_types=["dismissal"],
                mediation_kind=["union"],
                request="支付经济补偿金8000元。",
                facts="2026年9月被口头辞退，未支付经济补偿。",
            ),
        )
        [case] = self.web_cases()
        self.assertEqual(case.dispute_types, ["dismissal"])
        self.assertEqual(case.district, "zengdu")
        self.assertIn("【希望的调解方式（选填）】\n工会调解", case.request)
        self.assertIn("【调解请求】\n支付经济补偿金8000元。", case.request)
        self.assertEqual(case.facts, "2026年9月被口头辞退，未支付经济补偿。")

    def test_arbitration_application_keeps_what_the_law_requires(self):
        self.file(
            "arbitration",
            complaint_values(
                dispute_types=["labor_contract"],
                applicant_gender=["male"],
                applicant_birth_date="1990年1月",
                applicant_occupation="焊工",
                employer_contact="王总",
                employer_representative_title="总经理",
                request="1. 裁决支付未签劳动合同二倍工资24000元。",
                facts="2025年3月入职，至今未签订书面劳动合同。",
                evidence="工资条 6 份，证明劳动关系和工资标准，本人持有。",
                witnesses="同事李四，住随州市曾都区某小区。",
            ),
        )
        [case] = self.web_cases()
        self.assertEqual(case.employer_contact, "王总")
        self.assertEqual(case.request, "1. 裁决支付未签劳动合同二倍工资24000元。")
        for part in (
            "【性别】\n男",
            "【出生年月】\n1990年1月",
            "【职业】\n焊工",
            "【法定代表人或主要负责人职务】\n总经理",
            "【事实和理由】\n2025年3月入职，至今未签订书面劳动合同。",
            "【证据清单】\n工资条 6 份",
            "【证人姓名和住所（选填）】\n同事李四",
        ):
            self.assertIn(part, case.facts)

    def test_employer_service_order(self):
        self.file(
            "employer-service",
            {
                "employer_name": "随州市某某汽车零部件有限公司",
                "employer_credit_code": valid_credit_code(9),
                "employer_address": "随州市高新区发展大道1号",
                "district": ["hitech"],
                "staff_count": "320",
                "applicant_name": "人事经理赵六",
                "applicant_phone": "13807220000",
                "service_topics": ["compliance", "rules"],
                "service_mode": ["visit"],
                "facts": "计划推行综合工时制，想了解审批条件和加班费计算。",
                "confirm": True,
            },
        )
        # an order for 仲裁员进企业 is no dispute: it becomes a service order, not a case
        self.assertEqual(self.web_cases(), [])
        [order] = orders.all_orders()
        self.assertEqual(order.contact_name, "人事经理赵六")
        self.assertEqual(order.contact_phone, "13807220000")
        self.assertEqual(order.topics, ["compliance", "rules"])
        self.assertIn("【希望的服务方式】仲裁员上门服务", order.questions)
        self.assertIn("【职工人数（选填）】320", order.questions)

    def test_the_form_is_csrf_protected(self):
        browser = self.open_form("complaint")
        self.fill(complaint_values())
        browser.getControl(name="_authenticator").value = "forged"
        browser.handleErrors = True
        self.submit()
        self.assertNotIn("@@filing-receipt", browser.url)
        self.assertEqual(self.web_cases(), [])

    def test_staff_see_how_the_case_was_filed(self):
        self.file("complaint", complaint_values())
        [case] = self.web_cases()
        browser = self.new_browser()
        browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
        browser.open(case.absolute_url())
        self.assertIn("网上申请：", browser.contents)
        self.assertIn("劳动保障投诉举报", browser.contents)
