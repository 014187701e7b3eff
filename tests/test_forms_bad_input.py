"""Bad input on the public forms: a Chinese message next to the field, what was entered is kept,
no case and nothing half-stored."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from suizhou.laborrights.cases.register import get_register
from suizhou.laborrights.forms import action
from tests.form_helpers import complaint_values
from tests.form_helpers import error_summary
from tests.form_helpers import FormsTestCase

import transaction


SCRIPT = '<script>alert("x")</script>'


class TestBadInput(FormsTestCase):
    def setUp(self):
        super().setUp()
        self.claimed_before = len(get_register()._claimed_references)

    def assertNothingStored(self):
        self.assertEqual(self.web_cases(), [])
        transaction.begin()
        self.assertEqual(len(get_register()._claimed_references), self.claimed_before)
        catalog = api.portal.get_tool("portal_catalog")
        self.assertEqual(len(catalog.unrestrictedSearchResults(portal_type="CaseAttachment")), 0)

    def assertRefused(self, field, message, **values):
        browser = self.file("complaint", complaint_values(**values))
        self.assertNotIn("@@filing-receipt", browser.url)
        self.assertIn(message, self.error_of(field))
        self.assertNothingStored()
        # what was entered is kept for correction
        self.assertEqual(browser.getControl(name="form.widgets.employer_name").value, "随州市测试建材有限公司")
        return browser

    def test_missing_required_fields(self):
        browser = self.file("complaint", complaint_values(applicant_name="", facts="", dispute_types=[]))
        self.assertEqual(self.error_of("applicant_name"), "请填写投诉人姓名。")
        self.assertEqual(self.error_of("facts"), "请填写投诉事实与理由。")
        self.assertTrue(self.error_of("dispute_types"))
        self.assertNotIn("缺少必需的输入", browser.contents)
        self.assertEqual(browser.getControl(name="form.widgets.applicant_phone").value, "13907225678")
        self.assertNothingStored()

    def test_error_summary_lists_each_field_with_a_link_to_it(self):
        browser = self.file("complaint", complaint_values(applicant_name="", applicant_phone="1390722", facts=""))
        summary = error_summary(browser.contents)
        self.assertEqual(summary["heading"], "提交未成功，有 3 处需要修改。")
        self.assertEqual(
            summary["links"],
            [
                ("#formfield-form-widgets-applicant_name", "请填写投诉人姓名。"),
                ("#formfield-form-widgets-applicant_phone", "联系电话：手机号码应为 11 位数字，您填写了 7 位。"),
                ("#formfield-form-widgets-facts", "请填写投诉事实与理由。"),
            ],
        )
        for href, _text in summary["links"]:
            self.assertIn(f'id="{href[1:]}"', browser.contents)  # each link leads to its field
        # Nothing in English or with an ASCII full stop read out: no "Error" icon, no banner.
        self.assertNotIn("有一些错误", browser.contents)
        self.assertNotIn("<title>Error</title>", browser.contents)
        self.assertNotIn('title="Required"', browser.contents)  # the declaration's marker is 必填
        self.assertNothingStored()

    def test_each_form_is_in_short_sections_with_headings(self):
        from lxml import html

        for form_id in ("complaint", "mediation", "arbitration", "employer-service"):
            tree = html.fromstring(self.open_form(form_id).contents)
            legends = [legend.text_content().strip() for legend in tree.xpath('//form[@id="form"]//fieldset/legend')]
            self.assertGreaterEqual(len(legends), 4, form_id)
            self.assertEqual(legends[-1], "确认并提交", form_id)
            # the notice about drafts kept on the device is on the form (shown by forms.js)
            self.assertIn("身份证号码和附件不暂存", tree.xpath('string(//*[@class="laborrights-draft-notice"])'))

    def test_a_filing_form_has_no_summary_before_submitting(self):
        self.assertIsNone(error_summary(self.open_form("complaint").contents))

    def test_submit_button_is_the_primary_button(self):
        from lxml import html

        tree = html.fromstring(self.open_form("complaint").contents)
        [button] = tree.xpath('//button[@name="form.buttons.submit"]')
        self.assertIn("btn-primary", button.classes)
        self.assertNotIn("btn-secondary", button.classes)

    def test_invalid_id_number(self):
        self.assertRefused("applicant_id_number", "身份证号码校验位不正确", applicant_id_number="421300199001011234")
        self.assertRefused(
            "applicant_id_number", "身份证号码应为 18 位，您填写了 15 位", applicant_id_number="421300199001011"
        )
        self.assertRefused(
            "applicant_id_number", "身份证号码只能是数字，最后一位可以是 X", applicant_id_number="42130019900101123A"
        )

    def test_invalid_credit_code(self):
        self.assertRefused("employer_credit_code", "统一社会信用代码不正确", employer_credit_code="91421300MA4000000X")

    def test_malformed_phone(self):
        self.assertRefused("applicant_phone", "手机号码应为 11 位数字，您填写了 12 位", applicant_phone="139072256780")
        self.assertRefused("applicant_phone", "电话号码不正确", applicant_phone="139-0722")
        self.assertRefused("employer_phone", "电话号码不正确", employer_phone="abc")

    def test_absurd_or_malformed_amounts(self):
        self.assertRefused("claim_amount", "金额应在 0 至 1 亿元之间", claim_amount="999999999999")
        self.assertRefused("claim_amount", "金额应在 0 至 1 亿元之间", claim_amount="-100")
        self.assertRefused("claim_amount", "请填写金额数字", claim_amount="一万二")
        self.assertRefused("claim_amount", "请填写金额数字", claim_amount="Infinity")

    def test_absurd_worker_count(self):
        self.assertRefused("workers_involved", "涉及的劳动者人数", workers_involved="0")

    def test_unconfirmed_declaration(self):
        browser = self.file("complaint", complaint_values(confirm=None))
        self.assertTrue(self.error_of("confirm"))
        self.assertNotIn("@@filing-receipt", browser.url)
        self.assertNothingStored()

    def test_no_district_and_no_township(self):
        self.assertRefused("district", "请填写“用工所在区县”", district=None)

    def test_township_outside_the_chosen_district(self):
        self.assertRefused(
            "township",
            "所选乡镇（街道）不在所选区县",
            district=["guangshui"],
            township=[self.stations["nanjiao-station"]],
        )

    def test_several_problems_are_shown_at_once(self):
        self.file(
            "complaint",
            complaint_values(applicant_phone="12", employer_credit_code="X", claim_amount="abc"),
        )
        self.assertIn("手机号码应为 11 位数字", self.error_of("applicant_phone"))
        self.assertIn("统一社会信用代码不正确", self.error_of("employer_credit_code"))
        self.assertIn("请填写金额数字", self.error_of("claim_amount"))
        self.assertNothingStored()

    def test_script_is_stored_as_text_and_shown_escaped(self):
        # Refused for another reason first: the form shows the script back, escaped.
        browser = self.file("complaint", complaint_values(facts=SCRIPT, applicant_phone="12"))
        self.assertNotIn(SCRIPT, browser.contents)
        self.assertIn("&lt;script&gt;", browser.contents)
        self.assertNothingStored()
        # Accepted: stored exactly as typed, escaped wherever it is shown.
        browser = self.file("complaint", complaint_values(facts=SCRIPT, applicant_address=SCRIPT))
        self.assertIn("@@filing-receipt", browser.url)
        [case] = self.web_cases()
        self.assertEqual(case.facts, SCRIPT)
        self.assertEqual(case.applicant_address, SCRIPT)
        staff = self.new_browser()
        staff.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
        staff.open(case.absolute_url())
        self.assertNotIn(SCRIPT, staff.contents)
        browser.getLink("下载登记表（PDF）").click()
        self.assertEqual(browser.headers["Content-Type"], "application/pdf")

    def test_a_failure_after_the_case_was_created_stores_nothing(self):
        def broken(case, uploads):
            raise OSError("blob storage unavailable")

        original = action.add_attachments
        action.add_attachments = broken
        try:
            browser = self.open_form("complaint")
            self.fill(complaint_values())
            browser.handleErrors = True
            self.submit()
        finally:
            action.add_attachments = original
        self.assertIn("500", browser.headers["status"])
        self.assertNothingStored()
