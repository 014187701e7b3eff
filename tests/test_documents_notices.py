"""The notices to the applicant come from the Word templates: issued by themselves when the case
is accepted by its unit (受理通知书), not accepted (不予受理通知书) or closed (结案通知书), numbered and dated
in Beijing time, with the handling unit's contact; ``@@case-document/<kind>`` leads to the issued
one (its PDF by LibreOffice); the 口头申请笔录 is still laid out in Python."""

from decimal import Decimal
from jinja2 import UndefinedError
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.testing.zope import Browser
from Products.statusmessages.interfaces import IStatusMessage
from suizhou.laborrights.cases.closure import close_case
from suizhou.laborrights.documents import docx_templates
from suizhou.laborrights.documents import issuing
from suizhou.laborrights.documents import notices
from suizhou.laborrights.documents import pdf_convert
from suizhou.laborrights.handling.assignment import route
from suizhou.laborrights.handling.history import entries
from suizhou.laborrights.intake.interfaces import IOralApplication
from suizhou.laborrights.interfaces import IBrowserLayer
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from suizhou.laborrights.testing import INTEGRATION_TESTING
from suizhou.laborrights.timezone import chinese_date
from tests.browser_helpers import OUTPUT
from tests.docx_helpers import docx_text
from tests.helpers import APPLICANT_NAME
from tests.helpers import at
from tests.helpers import make_station
from tests.helpers import new_case
from tests.pdf_helpers import pdf_png
from tests.pdf_helpers import pdftotext
from unittest import mock
from zope.component import getMultiAdapter
from zope.interface import alsoProvides

import datetime
import transaction
import unittest


OFFICE = "曾都区劳动保障维权中心"


class DocumentsFixture(unittest.TestCase):
    layer = INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.request = self.layer["request"]
        alsoProvides(self.request, IBrowserLayer)
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        self.unit = make_station("zengdu-center", title=OFFICE, level="center")
        self.unit.phones = ["0722-3300000"]
        self.case = new_case(received=at(2026, 9, 28), claim_amount=Decimal("12000"))

    def route(self):
        # 7:00 on 30 September in Beijing: 29 September in UTC
        route(self.case, unit=self.unit.UID(), route="mediation", when=at(2026, 9, 30, 7))

    def accept(self):
        """Routed, then accepted by the unit at 7:00 on 1 October in Beijing (30 September in UTC)."""
        self.route()
        with mock.patch("suizhou.laborrights.documents.automatic.now", return_value=at(2026, 10, 1, 7)):
            api.content.transition(self.case, transition="accept")

    def issued(self, kind):
        """The last ``kind`` notice issued on the case and its text as a reader sees it in Word."""
        document = issuing.latest(self.case, kind)
        self.assertIsNotNone(document, f"no {kind} issued")
        return document, docx_text(document["file"].data)

    def issued_pdf(self, document):
        """The PDF of an issued ``document`` as its download gives it; its first page is kept as
        test-output/<kind>-notice.png (the handler's guide shows it)."""
        download = api.content.get_view("issued-document", self.case, self.request)
        download.publishTraverse(self.request, f"{document['id']}.pdf")
        pdf = download()
        self.assertTrue(pdf.startswith(b"%PDF"), pdf[:200])
        OUTPUT.mkdir(exist_ok=True)
        pdf_png(pdf, OUTPUT / f"{document['kind']}-notice.png")
        return "".join(pdftotext(pdf).split())

    def page(self, kind, pdf=False):
        view = getMultiAdapter((self.case, self.request), name="case-document")
        view.publishTraverse(self.request, f"{kind}.pdf" if pdf else kind)
        return view()


class TestAcceptanceNotice(DocumentsFixture):
    def test_not_before_the_case_is_routed(self):
        with self.assertRaises(notices.NotAvailable) as refused:
            notices.check(self.case, "acceptance")
        self.assertIn("尚未分办", refused.exception.message)
        self.assertIn("尚未分办", self.page("acceptance"))
        self.assertEqual(self.request.response.getStatus(), 409)
        self.assertEqual(issuing.issued(self.case), ())

    def test_not_issued_by_the_routing_alone(self):
        self.route()
        self.assertIsNone(issuing.latest(self.case, "acceptance"))

    def test_routed_then_not_accepted_gets_only_the_refusal(self):
        self.route()
        api.content.transition(self.case, transition="reject", comment="超过仲裁时效", reason_code="time_barred")
        self.assertEqual([document["kind"] for document in issuing.issued(self.case)], ["rejection"])

    def test_issued_when_the_unit_accepts_the_case(self):
        self.accept()
        document, text = self.issued("acceptance")
        self.assertRegex(document["number"], r"^随劳调受字〔2026〕第\d{4}号$")
        self.assertIn("受理通知书", text)
        self.assertIn(document["number"], text)
        self.assertIn(f"{APPLICANT_NAME}：", text)
        self.assertIn("你（单位）于2026年9月28日提出的拖欠工资事项", text)
        self.assertIn(f"决定予以受理，由{OFFICE}承办（调解）", text)
        self.assertIn("本事项调解阶段的法定办理期限至", text)
        self.assertIn(f"承办单位：{OFFICE}，地址：随州市曾都区测试路1号，电话：0722-3300000。", text)
        self.assertIn(f"@@case-progress?ref={self.case.getId()}", text)
        self.assertIn("2026年10月1日", text.split(f"{OFFICE}（印章）")[1])  # dated the day it was accepted
        last = [entry for entry in entries(self.case) if entry.action == "document"][-1]
        self.assertEqual(last.comment, f"受理通知书 {document['number']}")

    def test_routed_again_no_second_notice(self):
        self.accept()
        other = make_station("zengdu-arbitration", title="曾都区劳动人事争议仲裁院", level="center")
        route(self.case, unit=other.UID(), route="arbitration", reason="转仲裁")
        self.assertEqual([document["kind"] for document in issuing.issued(self.case)], ["acceptance"])

    def test_a_template_that_cannot_be_filled_does_not_stop_the_acceptance(self):
        broken = UndefinedError("'applicant_nmae' is undefined")
        with mock.patch.object(docx_templates, "render", side_effect=broken):
            with self.assertLogs("suizhou.laborrights", level="ERROR") as logged:
                self.accept()
        self.assertEqual(api.content.get_state(self.case), "in_progress")
        self.assertEqual(self.case.assigned_unit, self.unit.UID())
        self.assertEqual(issuing.issued(self.case), ())
        self.assertIn(f"{self.case.getId()}: the acceptance template could not be filled", "\n".join(logged.output))

    def test_a_template_that_is_no_word_document_does_not_stop_the_acceptance(self):
        """Not only a Jinja error: a stored template docxtpl cannot open (a zip without
        word/document.xml) is logged and the acceptance goes on."""
        from persistent.mapping import PersistentMapping
        from plone.namedfile.file import NamedBlobFile

        import io
        import zipfile

        archive = io.BytesIO()
        with zipfile.ZipFile(archive, "w") as zipped:
            zipped.writestr("readme.txt", "not a Word document")
        docx_templates._store(create=True)["acceptance"] = PersistentMapping(
            file=NamedBlobFile(data=archive.getvalue(), filename="acceptance.docx")
        )
        with self.assertLogs("suizhou.laborrights", level="ERROR") as logged:
            self.accept()
        self.assertEqual(api.content.get_state(self.case), "in_progress")
        self.assertEqual(issuing.issued(self.case), ())
        self.assertIn(f"{self.case.getId()}: the acceptance template could not be filled", "\n".join(logged.output))

    def test_page_and_pdf_lead_to_the_issued_notice(self):
        self.accept()
        document = issuing.latest(self.case, "acceptance")
        self.page("acceptance")
        self.assertEqual(
            self.request.response.getHeader("Location"),
            f"{self.case.absolute_url()}/@@issued-documents#issued-{document['id']}",
        )
        self.page("acceptance", pdf=True)
        pdf_url = f"{self.case.absolute_url()}/@@issued-document/{document['id']}.pdf"
        self.assertEqual(self.request.response.getHeader("Location"), pdf_url)
        self.assertTrue(pdf_convert.available(), "LibreOffice (soffice) is installed on this machine")
        text = self.issued_pdf(document)
        for phrase in ("受理通知书", document["number"], APPLICANT_NAME, OFFICE, "2026年10月1日"):
            self.assertIn(phrase, text)


class TestRejectionNotice(DocumentsFixture):
    def test_only_for_a_case_not_accepted(self):
        with self.assertRaises(notices.NotAvailable):
            notices.check(self.case, "rejection")

    def test_issued_with_the_reason(self):
        api.content.transition(obj=self.case, transition="reject", comment="已超过仲裁申请时效。")
        document, text = self.issued("rejection")
        self.assertRegex(document["number"], r"^随劳调不受字〔\d{4}〕第\d{4}号$")
        self.assertIn("不予受理通知书", text)
        self.assertIn(f"{APPLICANT_NAME}：", text)
        self.assertIn("经审查，已超过仲裁申请时效。根据有关规定，决定不予受理。", text)
        self.assertIn("人民法院提起诉讼", text)
        self.assertIn(chinese_date(self.case.closed), text)
        self.assertEqual([document["kind"] for document in issuing.issued(self.case)], ["rejection"])
        self.assertIn("已超过仲裁申请时效", self.issued_pdf(document))


class TestMediationAgreement(DocumentsFixture):
    def test_issued_by_the_handler_from_the_agreed_session(self):
        self.route()
        with self.assertRaises(notices.NotAvailable):
            notices.check(self.case, "mediation_agreement")
        api.content.create(
            container=self.case,
            type="MediationSession",
            id="session-1",
            session_date=datetime.datetime(2026, 10, 9, 9, 30),
            mediator="测试调解员周明",
            mediation_kind="people",
            parties="申请人本人；被申请人委托代理人",
            result="agreed",
            agreement_amount=Decimal("10000"),
            agreement_terms="被申请人于2026年10月20日前一次性支付申请人工资10000元。",
            performance_deadline=datetime.date(2026, 10, 20),
        )
        # not issued by itself: the page leads to where the handler issues it
        self.page("mediation_agreement")
        self.assertEqual(
            self.request.response.getHeader("Location"), f"{self.case.absolute_url()}/@@issued-documents"
        )
        [message] = IStatusMessage(self.request).show()
        self.assertEqual(message.message, "该文书尚未出具，请在“出具文书”中点文书名称出具。")
        document = issuing.issue(self.case, "mediation_agreement")
        text = docx_text(document["file"].data)
        for phrase in ("调解协议书", "测试调解员周明", "10,000.00", "2026年10月20日", APPLICANT_NAME, "支付令"):
            self.assertIn(phrase, text)
        self.assertIn("被申请人于2026年10月20日前一次性支付申请人工资10000元。", text)
        self.assertIn("测试调解员周明", self.issued_pdf(document))


class TestClosureNotice(DocumentsFixture):
    def test_issued_with_outcome_amount_and_rating_link(self):
        self.accept()
        with self.assertRaises(notices.NotAvailable):
            notices.check(self.case, "closure")
        close_case(
            self.case, "mediated", amount_recovered=Decimal("9000.5"), workers_benefited=3, mediation_result="agreement"
        )
        document, text = self.issued("closure")
        self.assertRegex(document["number"], r"^随劳调结字〔\d{4}〕第\d{4}号$")
        self.assertIn("结案通知书", text)
        self.assertIn(f"已于{chinese_date(self.case.closed)}办结。办理结果：调解成功。", text)
        self.assertIn("为劳动者追回（挽回）金额9,000.50元，惠及劳动者3人。", text)
        self.assertIn("评价", text)
        self.assertIn(f"@@case-progress?ref={self.case.getId()}", text)
        self.assertEqual([document["kind"] for document in issuing.issued(self.case)], ["acceptance", "closure"])
        self.assertIn("惠及劳动者3人", self.issued_pdf(document))


class TestOralRecord(DocumentsFixture):
    def test_only_for_oral_applications(self):
        with self.assertRaises(notices.NotAvailable):
            notices.oral_record(self.case)
        alsoProvides(self.case, IOralApplication)
        document = notices.oral_record(self.case)
        self.assertIn("申请人（签名或捺印）", document.signatures)
        self.assertIn(self.case.facts, dict(document.rows)["事实与理由"])
        html = self.page("oral_record")
        self.assertIn("<h1>口头申请笔录</h1>", html)
        self.assertEqual(self.request.response.getHeader("Cache-Control"), "private, no-store")


class TestDocumentList(DocumentsFixture):
    def test_lists_what_the_case_has(self):
        self.route()
        self.assertEqual([kind for kind, title in notices.available(self.case)], ["acceptance"])
        close_case(self.case, "mediated", mediation_result="agreement")
        self.assertEqual([kind for kind, title in notices.available(self.case)], ["acceptance", "closure"])
        view = getMultiAdapter((self.case, self.request), name="case-document")
        html = view()
        self.assertIn("@@case-document/closure.pdf", html)


class TestDocumentAccess(unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def test_anonymous_gets_no_document(self):
        portal = self.layer["portal"]
        setRoles(portal, TEST_USER_ID, ["Manager"])
        case = new_case()
        api.content.transition(obj=case, transition="reject", comment="不属于受理范围")
        document = issuing.latest(case, "rejection")
        transaction.commit()
        browser = Browser(self.layer["app"])
        browser.raiseHttpErrors = False
        for path in (
            "@@case-document/rejection",
            "@@case-document/rejection.pdf",
            f"@@issued-document/{document['id']}.docx",
            f"@@issued-document/{document['id']}.pdf",
            "@@intake-receipt",
        ):
            browser.open(f"{case.absolute_url()}/{path}")
            contents = browser.contents if isinstance(browser.contents, bytes) else browser.contents.encode()
            self.assertNotIn(APPLICANT_NAME.encode(), contents, path)
            self.assertNotIn(document["number"].encode(), contents, path)
            self.assertFalse(contents.startswith(b"%PDF") or contents.startswith(b"PK"), path)
