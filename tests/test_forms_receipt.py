"""The receipt after filing: reference, date, next steps and time limits from the registry, a
print layout, the registration form as PDF with Chinese text, a QR code, and the e-mail."""

from io import BytesIO
from PIL import Image
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from suizhou.laborrights.cases.register import now
from suizhou.laborrights.forms import signing
from suizhou.laborrights.forms.progress import progress_url
from suizhou.laborrights.forms.receipt import PURPOSE
from suizhou.laborrights.masking import mask_id_number
from suizhou.laborrights.masking import mask_phone
from tests.form_helpers import APPLICANT_PHONE
from tests.form_helpers import complaint_values
from tests.form_helpers import FormsTestCase
from tests.form_helpers import PDF
from tests.pdf_helpers import pdf_fonts
from tests.pdf_helpers import pdf_text

import re
import time
import transaction
import zxingcpp


class TestReceipt(FormsTestCase):
    def setUp(self):
        super().setUp()
        api.portal.set_registry_record("suizhou.laborrights.statutory.inspection_filing_working_days", 7)
        transaction.commit()
        self.browser = self.file(
            "complaint",
            complaint_values(
                applicant_email="zhangsan@example.org",
                attachments=[("工资条.pdf", PDF, "application/pdf")],
            ),
        )
        [self.case] = self.web_cases()
        self.reference = self.case.getId()

    def test_receipt_page(self):
        page = self.browser.contents
        self.assertIn("受理回执", page)
        self.assertIn(self.reference, page)
        today = now()
        self.assertIn(f"{today.year}年{today.month}月{today.day}日", page)
        self.assertIn("劳动保障投诉举报", page)
        self.assertIn("网站", page)  # the channel
        # next steps and the statutory limit, with the number from the registry
        self.assertIn("后续办理", page)
        self.assertIn("自收到投诉之日起 7 个工作日内决定是否立案", page)
        # personal data only masked
        self.assertIn("测**", page)
        self.assertIn("139****5678", page)
        self.assertNotIn(APPLICANT_PHONE, page)
        # print layout, PDF and QR code
        self.assertIn("@media print", page)
        self.assertIn("@@filing-receipt.pdf?", page)
        self.assertIn(f"@@case-progress-qr.png?ref={self.reference}", page)
        self.assertEqual(self.browser.headers["Cache-Control"], "private, no-store")

    def test_pdf_of_the_registration_form_in_chinese(self):
        self.browser.getLink("下载登记表（PDF）").click()
        self.assertEqual(self.browser.headers["Content-Type"], "application/pdf")
        data = self.browser.contents
        if isinstance(data, str):
            data = data.encode("latin-1")
        self.assertTrue(data.startswith(b"%PDF"))
        fonts = pdf_fonts(data)
        self.assertTrue(fonts and all(fonts.values()), fonts)  # the Chinese font embedded
        text = pdf_text(data)
        for expected in (
            "劳动保障一站式维权事项受理登记表",
            self.reference,
            "测试投诉人张三",
            mask_phone(APPLICANT_PHONE),
            mask_id_number(self.case.applicant_id_number),
            "随州市测试建材有限公司",
            "拖欠工资",
            "2026年8月至10月的工资一直未发放。",
            "工资条.pdf",
            "7 个工作日",
            f"@@case-progress?ref={self.reference}",
        ):
            self.assertIn(expected, text)
        # The citizen's copy: the ID number and the phone only in part (the staff's are full).
        self.assertNotIn(APPLICANT_PHONE, text)
        self.assertNotIn(self.case.applicant_id_number, text)

    def test_the_staffs_registration_form_is_in_full(self):
        browser = self.new_browser()
        browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
        browser.open(f"{self.case.absolute_url()}/@@intake-receipt.pdf")
        data = browser.contents
        text = pdf_text(data if isinstance(data, bytes) else data.encode("latin-1"))
        self.assertIn(APPLICANT_PHONE, text)
        self.assertIn(self.case.applicant_id_number, text)

    def test_the_receipt_link_lasts_two_hours(self):
        self.assertEqual(api.portal.get_registry_record("suizhou.laborrights.filing.receipt_valid_hours"), 2)
        expires = float(re.search(r"t=(\d+)\.", self.browser.url).group(1))
        self.assertAlmostEqual(expires - time.time(), 2 * 3600, delta=120)

    def test_qr_code_to_the_progress_page(self):
        self.browser.open(f"{self.portal.absolute_url()}/@@case-progress-qr.png?ref={self.reference}")
        self.assertEqual(self.browser.headers["Content-Type"], "image/png")
        data = self.browser.contents
        image = Image.open(BytesIO(data if isinstance(data, bytes) else data.encode("latin-1")))
        self.assertEqual(image.format, "PNG")
        [code] = zxingcpp.read_barcodes(image)  # what a phone's camera reads
        self.assertEqual(code.format, zxingcpp.BarcodeFormat.QRCode)
        self.assertEqual(code.text, progress_url(self.reference))
        self.assertIn(f"@@case-progress?ref={self.reference}", code.text)
        self.browser.open(f"{self.portal.absolute_url()}/@@case-progress-qr.png?ref=<script>")
        self.assertIn("400", self.browser.headers["status"])

    def test_receipt_mailed_with_the_pdf(self):
        [message] = self.sent_mail()
        self.assertEqual(message["To"], "zhangsan@example.org")
        self.assertIn("weiquan@example.org", message["From"])
        self.assertIn(self.reference, str(message["Subject"]))
        body = message.get_body(preferencelist=("plain",)).get_content()
        self.assertIn(f"受理编号：{self.reference}", body)
        self.assertIn(f"@@case-progress?ref={self.reference}", body)
        self.assertIn("7 个工作日", body)
        [attachment] = list(message.iter_attachments())
        self.assertEqual(attachment.get_filename(), f"{self.reference}.pdf")
        self.assertTrue(attachment.get_content().startswith(b"%PDF"))
        text = pdf_text(attachment.get_content())
        self.assertIn(mask_phone(APPLICANT_PHONE), text)
        self.assertNotIn(APPLICANT_PHONE, text)
        self.assertNotIn(self.case.applicant_id_number, text)

    def test_no_mail_without_an_address(self):
        self.file("complaint", complaint_values(applicant_phone="13907220001"))
        self.assertEqual(len(self.sent_mail()), 1)  # only the first filing's

    def test_the_receipt_link_cannot_be_guessed_reused_or_kept(self):
        base = f"{self.portal.absolute_url()}/@@filing-receipt"
        token = re.search(r"t=([0-9a-f.]+)", self.browser.url).group(1)
        other = self.file(
            "complaint", complaint_values(applicant_phone="13907220002"), self.new_browser()
        ).url
        other_reference = re.search(r"ref=([A-Z0-9-]+)", other).group(1)
        expired = signing.sign(PURPOSE, self.reference, -10)
        for url in (
            f"{base}?ref={self.reference}",  # no token
            f"{base}?ref={self.reference}&t=123.abc",  # forged
            f"{base}?ref={other_reference}&t={token}",  # another case's token
            f"{base}?ref={self.reference}&t={expired}",  # expired
            f"{base}.pdf?ref={self.reference}&t={expired}",
        ):
            browser = self.new_browser()
            browser.open(url)
            self.assertIn("404", browser.headers["status"], url)
            self.assertIn("回执链接已失效", browser.contents)
            self.assertNotIn("测**", browser.contents)
