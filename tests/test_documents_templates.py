"""Documents from the Word templates: each default template filled from a case as a reader sees
it in Word, the numbers, the issued documents kept on the case, replacing a template (a broken
file refused, the old kept; reset), and the PDF made by LibreOffice (or a Chinese message)."""

from datetime import date
from decimal import Decimal
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from suizhou.laborrights.cases.closure import close_case
from suizhou.laborrights.cases.register import now
from suizhou.laborrights.documents import docx_templates
from suizhou.laborrights.documents import issuing
from suizhou.laborrights.documents import pdf_convert
from suizhou.laborrights.documents.notice_base import NotAvailable
from suizhou.laborrights.handling.assignment import route
from suizhou.laborrights.handling.history import entries
from suizhou.laborrights.handling.history import record
from suizhou.laborrights.interfaces import IBrowserLayer
from suizhou.laborrights.testing import INTEGRATION_TESTING
from suizhou.laborrights.timezone import beijing
from suizhou.laborrights.timezone import chinese_date
from tests.docx_helpers import docx_text
from tests.docx_helpers import edited
from tests.helpers import APPLICANT_NAME
from tests.helpers import at
from tests.helpers import make_station
from tests.helpers import new_case
from tests.pdf_helpers import pdftotext as pdf_text
from unittest import mock
from zope.interface import alsoProvides

import datetime
import io
import os
import re
import subprocess
import tempfile
import threading
import unittest
import zipfile


OFFICE = "曾都区劳动保障维权中心"
TERMS = "被申请人于2026年10月20日前一次性支付申请人工资10000元。"


class TemplatesFixture(unittest.TestCase):
    layer = INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.request = self.layer["request"]
        alsoProvides(self.request, IBrowserLayer)
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        self.unit = make_station("zengdu-center", title=OFFICE, level="center")
        self.case = new_case(
            received=at(2026, 7, 13),
            claim_amount=Decimal("15000"),
            claims=[
                {"kind": "wages", "amount": Decimal("12000"), "note": "8月至10月"},
                {"kind": "overtime_pay", "amount": Decimal("3000"), "note": ""},
            ],
            employer_contact="张经理",
            facts="2026年8月至10月工资未发放。\n多次催要无果。",
        )
        self.year = beijing(now()).year
        self.today = chinese_date(now())

    def mediated_and_closed(self):
        """Routed, asked for a supplement, agreed in mediation and closed."""
        route(self.case, unit=self.unit.UID(), route="mediation")
        # as handling.procedure records it (its own rules need an arbitration clock)
        record(self.case, "supplement_requested", supply="劳动合同复印件", supply_by=date(2026, 7, 22))
        close_case(self.case, "mediated", amount_recovered=Decimal("10000"), mediation_result="agreement")
        api.content.create(
            container=self.case,
            type="MediationSession",
            id="session-1",
            session_date=datetime.datetime(2026, 7, 20, 9, 30),
            mediator="测试调解员周明",
            mediation_kind="people",
            parties="申请人本人；被申请人委托代理人",
            result="agreed",
            agreement_amount=Decimal("10000"),
            agreement_terms=TERMS,
            performance_deadline=datetime.date(2026, 10, 20),
        )

    def issued_text(self, kind):
        document = issuing.issue(self.case, kind)
        return document, docx_text(document["file"].data)


class TestDefaultTemplates(TemplatesFixture):
    def assertCommon(self, text, document):
        self.assertIn(document["number"], text)
        self.assertIn(self.case.getId(), text)
        self.assertIn(OFFICE, text)
        self.assertIn(self.today, text)
        self.assertNotIn("{{", text)
        self.assertNotIn("{%", text)

    def test_notices_of_a_mediated_case(self):
        self.mediated_and_closed()
        expected = {
            "acceptance": ("受理通知书", f"{APPLICANT_NAME}：", "于2026年7月13日提出的拖欠工资事项", "决定予以受理"),
            "supplement": ("补正通知书", "请于2026年7月22日前补正下列材料", "劳动合同复印件"),
            "mediation_agreement": (
                "调解协议书",
                "测试调解员周明",
                "2026年7月20日",
                TERMS,
                "10,000.00",
                "2026年10月20日",
            ),
            "closure": ("结案通知书", "已于", "为劳动者追回（挽回）金额10,000.00元"),
            "registration": ("劳动保障维权事项登记表", "随州市某某机械有限公司", "张经理", "15,000.00", "8月至10月"),
            "judicial_confirmation": ("司法确认申请书", "人民调解法》第三十三条", TERMS, "人民法院"),
        }
        texts = {}
        for kind, phrases in expected.items():
            with self.subTest(kind=kind):
                document, texts[kind] = self.issued_text(kind)
                self.assertCommon(texts[kind], document)
                for phrase in phrases:
                    self.assertIn(phrase, texts[kind])
                if kind != "acceptance":
                    self.assertIn(APPLICANT_NAME, texts[kind])
        self.assertIn("12,000.00", texts["registration"])  # each claim a row of its own
        self.assertIn("3,000.00", texts["registration"])
        self.assertIn("2026年8月至10月工资未发放。\n多次催要无果。", texts["registration"])  # the line break kept
        self.assertIn(f"已于{chinese_date(self.case.closed)}办结", texts["closure"])

    def test_rejection_notice_with_the_reason(self):
        api.content.transition(obj=self.case, transition="reject", comment="已超过仲裁申请时效。")
        document, text = self.issued_text("rejection")
        self.assertIn("不予受理通知书", text)
        self.assertIn("经审查，已超过仲裁申请时效。根据有关规定，决定不予受理。", text)
        self.assertIn(f"{APPLICANT_NAME}：", text)
        self.assertIn(self.today, text)
        self.assertIn("（印章）", text)

    def test_only_the_documents_the_case_has_now(self):
        kinds = [kind for kind, title in issuing.available_kinds(self.case)]
        self.assertEqual(kinds, ["registration"])
        with self.assertRaises(NotAvailable) as refused:
            issuing.issue(self.case, "acceptance")
        self.assertIn("尚未分办", refused.exception.message)
        with self.assertRaises(NotAvailable):
            issuing.issue(self.case, "judicial_confirmation")
        self.assertEqual(issuing.issued(self.case), ())


class TestNumbers(TemplatesFixture):
    def test_one_sequence_per_kind_and_year(self):
        route(self.case, unit=self.unit.UID(), route="mediation")
        first = issuing.issue(self.case, "acceptance")["number"]
        second = issuing.issue(self.case, "acceptance")["number"]
        registration = issuing.issue(self.case, "registration")["number"]
        pattern = re.compile(rf"随劳调(受|登)字〔{self.year}〕第(\d{{4}})号")
        self.assertRegex(first, pattern)
        self.assertRegex(registration, pattern)
        self.assertIn("登字", registration)
        self.assertEqual(int(pattern.match(second)[2]), int(pattern.match(first)[2]) + 1)

    def test_the_office_code_word_from_the_control_panel(self):
        issuing.set_number_prefix("曾劳仲")
        route(self.case, unit=self.unit.UID(), route="mediation")
        self.assertRegex(issuing.issue(self.case, "acceptance")["number"], rf"^曾劳仲受字〔{self.year}〕第\d{{4}}号$")


class TestIssuedOnTheCase(TemplatesFixture):
    def test_listed_with_number_date_and_history(self):
        route(self.case, unit=self.unit.UID(), route="mediation")
        document = issuing.issue(self.case, "acceptance")
        view = api.content.get_view("issued-documents", self.case, self.request)
        html = view()
        self.assertIn(document["number"], html)
        self.assertIn("受理通知书", html)
        self.assertIn(self.today, html)
        self.assertIn(f"@@issued-document/{document['id']}.docx", html)
        last = entries(self.case)[-1]
        self.assertEqual((last.action, last.comment), ("document", f"受理通知书 {document['number']}"))

    def test_issue_through_the_page(self):
        route(self.case, unit=self.unit.UID(), route="mediation")
        self.request.method = "POST"
        self.request.form.update(kind="acceptance", _authenticator=self.authenticator())
        view = api.content.get_view("issued-documents", self.case, self.request)
        before = issuing.issued(self.case)  # the acceptance issued by the routing
        view()
        [document] = issuing.issued(self.case)[len(before) :]
        self.assertEqual(document["kind"], "acceptance")
        self.assertEqual(self.request.response.getHeader("Location"), f"{self.case.absolute_url()}/@@issued-documents")

    def test_a_document_the_case_has_not_is_refused_in_chinese(self):
        self.request.method = "POST"
        self.request.form.update(kind="closure", _authenticator=self.authenticator())
        html = api.content.get_view("issued-documents", self.case, self.request)()
        self.assertEqual(self.request.response.getStatus(), 409)
        self.assertIn("该事项尚未办结。", html)
        self.assertEqual(issuing.issued(self.case), ())

    def authenticator(self):
        return api.content.get_view("authenticator", self.portal, self.request).token()


class TestReplacingATemplate(TemplatesFixture):
    def setUp(self):
        super().setUp()
        route(self.case, unit=self.unit.UID(), route="mediation")
        self.default = docx_templates.default_data("acceptance")

    def test_an_edited_template_is_used(self):
        mine = edited(self.default, "经审查，符合受理条件", "经本中心审查，符合受理条件")
        docx_templates.replace("acceptance", mine, "受理通知书.docx")
        self.assertEqual(docx_templates.current_data("acceptance"), mine)
        self.assertIn("经本中心审查，符合受理条件", self.issued_text("acceptance")[1])
        docx_templates.reset("acceptance")
        self.assertEqual(docx_templates.current_data("acceptance"), self.default)
        self.assertNotIn("经本中心审查", self.issued_text("acceptance")[1])

    def assertRefused(self, data, message):
        before = docx_templates.current_data("acceptance")
        with self.assertRaises(docx_templates.TemplateError) as refused:
            docx_templates.replace("acceptance", data, "受理通知书.docx")
        self.assertIn(message, refused.exception.message)
        self.assertEqual(docx_templates.current_data("acceptance"), before)

    def test_broken_files_are_refused_and_the_old_kept(self):
        mine = edited(self.default, "特此通知。", "特此通知！")
        docx_templates.replace("acceptance", mine, "受理通知书.docx")
        self.assertRefused(b"not a word document", "不是 Word 文档")
        self.assertRefused(b"", "请选择")
        self.assertRefused(edited(self.default, "{{ applicant_name }}", "{{ applicant_nmae }}"), "不认识的标签")
        self.assertRefused(edited(self.default, "{{ applicant_name }}", "{{ applicant_name "), "标签写法有误")
        broken = io.BytesIO()
        with zipfile.ZipFile(broken, "w") as archive:
            archive.writestr("word/document.xml", "<w:document/>")
        self.assertRefused(broken.getvalue(), "无法打开该 Word 文档")
        self.assertEqual(docx_templates.current_data("acceptance"), mine)
        self.assertIn("特此通知！", self.issued_text("acceptance")[1])

    def test_a_template_reaching_into_python_is_refused_and_runs_nothing(self):
        mine = edited(self.default, "特此通知。", "特此通知！")
        docx_templates.replace("acceptance", mine, "受理通知书.docx")
        with tempfile.TemporaryDirectory() as directory:
            witness = os.path.join(directory, "ran")
            for tag in (
                f"{{{{ cycler.__init__.__globals__.os.system('touch {witness}') }}}}",
                f"{{{{ applicant_name.__class__.__mro__[1].__subclasses__() }}}}{{{{ '{witness}' }}}}",
                "{{ cycler.__init__.__globals__ }}",
            ):
                self.assertRefused(edited(self.default, "{{ applicant_name }}", tag), "不允许使用的写法")
            self.assertFalse(os.path.exists(witness))
        self.assertEqual(docx_templates.current_data("acceptance"), mine)


class TestPdf(TemplatesFixture):
    def setUp(self):
        super().setUp()
        route(self.case, unit=self.unit.UID(), route="mediation")
        self.document = issuing.issue(self.case, "acceptance")
        pdf_convert._recent.clear()  # each test converts for itself

    def download(self, name):
        view = api.content.get_view("issued-document", self.case, self.request)
        view.publishTraverse(self.request, name)
        return view()

    def test_pdf_by_libreoffice_with_the_text(self):
        self.assertTrue(pdf_convert.available(), "LibreOffice (soffice) is installed on this machine")
        pdf = self.download(f"{self.document['id']}.pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        self.assertEqual(self.request.response.getHeader("Content-Type"), "application/pdf")
        text = "".join(pdf_text(pdf).split())
        for phrase in ("受理通知书", self.document["number"], APPLICANT_NAME, OFFICE, self.case.getId(), self.today):
            self.assertIn(phrase, text)

    def test_two_downloads_convert_once(self):
        with mock.patch.object(pdf_convert.subprocess, "run", wraps=subprocess.run) as soffice:
            first = self.download(f"{self.document['id']}.pdf")
            second = self.download(f"{self.document['id']}.pdf")
        self.assertEqual(soffice.call_count, 1)
        self.assertEqual(first, second)
        self.assertEqual(issuing.find(self.case, self.document["id"])["pdf"].data, first)

    def test_conversions_at_once_run_one_libreoffice_at_a_time(self):
        other = issuing.issue(self.case, "registration")["file"].data
        mine = self.document["file"].data
        running, most, results = [0], [0], []
        run = subprocess.run  # the real one (patched below)

        def soffice(*args, **kwargs):
            running[0] += 1
            most[0] = max(most[0], running[0])
            try:
                return run(*args, **kwargs)
            finally:
                running[0] -= 1

        with (
            mock.patch.object(pdf_convert, "WAIT", pdf_convert.TIMEOUT),  # they wait for each other here
            mock.patch.object(pdf_convert.subprocess, "run", side_effect=soffice) as counted,
        ):
            threads = [
                threading.Thread(target=lambda data=data: results.append(pdf_convert.to_pdf(data)))
                for data in (mine, other, mine)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
        self.assertEqual(most[0], 1)  # never two at once
        self.assertEqual(counted.call_count, 2)  # the same document waited for, not converted twice
        self.assertEqual(len(results), 3)
        self.assertTrue(all(pdf.startswith(b"%PDF") for pdf in results))

    def test_a_download_while_another_converts_is_told_busy_soon(self):
        pdf_convert._LOCK.acquire()  # another request's conversion, still running
        try:
            with mock.patch.object(pdf_convert, "WAIT", 0.2):
                html = self.download(f"{self.document['id']}.pdf")
        finally:
            pdf_convert._LOCK.release()
        self.assertEqual(self.request.response.getStatus(), 503)
        self.assertIn("服务器正在生成其他 PDF，请稍后重试", html)
        self.assertNotIn("pdf", issuing.find(self.case, self.document["id"]))
        self.request.response.setStatus(200)
        self.assertIn(APPLICANT_NAME, docx_text(self.download(f"{self.document['id']}.docx")))
        self.assertTrue(self.download(f"{self.document['id']}.pdf").startswith(b"%PDF"))  # once it is free

    def test_a_failed_conversion_says_so_and_the_docx_still_downloads(self):
        with mock.patch.dict(os.environ, {pdf_convert.ENVIRONMENT: "false"}):  # exits 1, writes nothing
            html = self.download(f"{self.document['id']}.pdf")
        self.assertEqual(self.request.response.getStatus(), 503)
        self.assertIn("PDF 生成失败，请稍后重试", html)
        self.assertNotIn("pdf", issuing.find(self.case, self.document["id"]))
        self.request.response.setStatus(200)
        self.assertIn(APPLICANT_NAME, docx_text(self.download(f"{self.document['id']}.docx")))

    def test_without_libreoffice_the_docx_still_works(self):
        with mock.patch.dict(os.environ, {pdf_convert.ENVIRONMENT: "/nonexistent/soffice"}):
            html = self.download(f"{self.document['id']}.pdf")
            self.assertEqual(self.request.response.getStatus(), 503)
            self.assertIn("服务器未安装 LibreOffice", html)
            listing = api.content.get_view("issued-documents", self.case, self.request)()
            self.assertIn("PDF 暂不可用：服务器未安装 LibreOffice", listing)
            self.assertNotIn(f"{self.document['id']}.pdf", listing)
        self.request.response.setStatus(200)
        data = self.download(f"{self.document['id']}.docx")
        self.assertIn(APPLICANT_NAME, docx_text(data))
        self.assertEqual(self.request.response.getHeader("Content-Type"), docx_templates.DOCX_TYPE)
