"""The registration form PDF as a filer and a clerk get it: one A4 page for a typical filing,
no line for a field left empty, signature and date lines, and its Chinese font embedded (as
every PDF of documents/), so that any viewer shows the text."""

from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from suizhou.laborrights.documents import notices
from suizhou.laborrights.documents.pdf import document_pdf
from suizhou.laborrights.documents.pdf_base import FONT
from suizhou.laborrights.documents.pdf_base import register_font
from suizhou.laborrights.documents.receipt import receipt_data
from suizhou.laborrights.documents.registration_pdf import registration_pdf
from suizhou.laborrights.intake.interfaces import IOralApplication
from tests.browser_helpers import OUTPUT
from tests.form_helpers import complaint_values
from tests.form_helpers import FormsTestCase
from tests.form_helpers import PDF
from tests.pdf_helpers import pdf_fonts
from tests.pdf_helpers import pdf_pages
from tests.pdf_helpers import pdf_text
from zope.interface import alsoProvides

import unittest


# What a typical web filing carries (as the demo's): every field of the form filled in, two
# attachments, the complaint form's next steps and time limit.
TYPICAL = {
    "applicant_name": "王德明",
    "applicant_address": "随州市曾都区北郊街道青年路18号",
    "employer_name": "随州市恒达机械制造有限公司",
    "employer_address": "随州市曾都区经济开发区交通大道88号",
    "employer_contact": "李经理",
    "employer_phone": "0722-3201234",
    "applicant_email": "wangdeming@example.org",
    "claim_amount": "18600",
    "facts": "申请人于2024年3月入职随州市恒达机械制造有限公司，从事焊工工作，月工资6200元。"
    "公司自2026年8月起以资金紧张为由拖欠工资，至今共拖欠3个月工资计18600元，多次催要未果。",
    "request": "请求责令随州市恒达机械制造有限公司支付拖欠工资18600元。",
    "attachments": [("工资条.pdf", PDF, "application/pdf"), ("考勤记录.pdf", PDF, "application/pdf")],
}


def as_bytes(data):
    return data if isinstance(data, bytes) else data.encode("latin-1")


class TestRegistrationPdf(FormsTestCase):
    def staff_pdf(self, case):
        browser = self.new_browser()
        browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
        browser.open(f"{case.absolute_url()}/@@intake-receipt.pdf")
        self.assertEqual(browser.headers["Content-Type"], "application/pdf")
        return as_bytes(browser.contents)

    def filed(self, **values):
        self.file("complaint", complaint_values(**values))
        return max(self.web_cases(), key=lambda case: case.received)

    def test_a_typical_filing_on_one_page_with_signature_lines(self):
        case = self.filed(**TYPICAL)
        staff_copy = self.staff_pdf(case)
        OUTPUT.mkdir(exist_ok=True)
        (OUTPUT / "registration-form.pdf").write_bytes(staff_copy)  # to look at (pdftoppm)
        for pdf in (staff_copy, registration_pdf(case, receipt_data(case), masked=True)):
            self.assertEqual(pdf_pages(pdf), 1)
            text = pdf_text(pdf)
            for expected in (
                "劳动保障一站式维权事项受理登记表",
                "李经理",
                "0722-3201234",
                "工资条.pdf",
                "考勤记录.pdf",
                "多次催要未果。",
                "维权中心对您的投诉进行登记审查后",
                "受理回执",
            ):
                self.assertIn(expected, text)
            # the applicant's and the clerk's signature, each with its date, after the particulars
            self.assertIn("申请人签名：日期：登记人签名：日期：", text)
            self.assertLess(text.index("事实与理由"), text.index("申请人签名"))

    def test_no_line_for_a_field_left_empty(self):
        case = self.filed(
            applicant_address="",
            employer_credit_code="",
            employer_address="",
            claim_amount="",
        )
        text = pdf_text(self.staff_pdf(case))
        for label in ("联系地址", "统一社会信用代码", "单位地址", "单位联系人", "单位联系电话", "请求金额", "附件"):
            self.assertNotIn(label, text)
        for label in ("姓名", "联系电话", "单位名称", "争议类型", "请求事项", "事实与理由"):
            self.assertIn(label, text)

    def test_no_section_heading_without_fields(self):
        case = self.filed()
        data = receipt_data(case)
        data.update(next_steps="", time_limit="", duplicate=False)
        text = pdf_text(registration_pdf(case, data))
        self.assertNotIn("后续办理", text)
        self.assertNotIn("法定时限", text)
        self.assertIn("受理回执", text)  # the receipt itself stays, with the progress link
        self.assertIn(f"@@case-progress?ref={case.getId()}", text)

    def test_the_chinese_font_is_embedded(self):
        case = self.filed(**TYPICAL)
        fonts = pdf_fonts(self.staff_pdf(case))
        self.assertTrue(fonts)
        self.assertEqual([name for name, embedded in fonts.items() if not embedded], [])
        self.assertNotEqual(FONT, "STSong-Light")

    def test_the_oral_record_embeds_the_font_too(self):
        case = self.filed()
        alsoProvides(case, IOralApplication)
        pdf = document_pdf(notices.oral_record(case))
        self.assertIn("口头申请笔录", pdf_text(pdf))
        fonts = pdf_fonts(pdf)
        self.assertTrue(fonts)
        self.assertTrue(all(fonts.values()), fonts)


class TestFontFallback(unittest.TestCase):
    def test_without_a_truetype_font_the_pdfs_still_have_text_and_the_log_says_why(self):
        with self.assertLogs("suizhou.laborrights", level="WARNING") as logged:
            name = register_font([("/nonexistent/font.ttc", 0)])
        self.assertEqual(name, "STSong-Light")
        self.assertIn("fonts-wqy-zenhei", "\n".join(logged.output))
