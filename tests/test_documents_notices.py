"""Documents of a case from templates: printable pages and PDF with Chinese text."""

from decimal import Decimal
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.testing.zope import Browser
from suizhou.laborrights.cases.closure import close_case
from suizhou.laborrights.documents import notices as documents
from suizhou.laborrights.documents.pdf import document_pdf
from suizhou.laborrights.handling.assignment import route
from suizhou.laborrights.intake.interfaces import IOralApplication
from suizhou.laborrights.interfaces import IBrowserLayer
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from suizhou.laborrights.testing import INTEGRATION_TESTING
from tests.helpers import APPLICANT_NAME
from tests.helpers import at
from tests.helpers import make_station
from tests.helpers import new_case
from tests.pdf_helpers import pdf_fonts
from tests.pdf_helpers import pdf_text
from zope.component import getMultiAdapter
from zope.interface import alsoProvides

import datetime
import transaction
import unittest


class DocumentsFixture(unittest.TestCase):
    layer = INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.request = self.layer["request"]
        alsoProvides(self.request, IBrowserLayer)
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        self.unit = make_station("zengdu-center", title="曾都区劳动保障维权中心", level="center")
        self.case = new_case(received=at(2026, 9, 28), claim_amount=Decimal("12000"))

    def route(self):
        route(self.case, unit=self.unit.UID(), route="mediation")

    def page(self, kind, pdf=False):
        view = getMultiAdapter((self.case, self.request), name="case-document")
        view.publishTraverse(self.request, f"{kind}.pdf" if pdf else kind)
        return view()


class TestAcceptanceNotice(DocumentsFixture):
    def test_not_before_the_case_is_routed(self):
        with self.assertRaises(documents.NotAvailable) as refused:
            documents.build(self.case, "acceptance")
        self.assertIn("尚未分办", refused.exception.message)
        self.page("acceptance")
        self.assertEqual(self.request.response.getStatus(), 409)

    def test_page(self):
        self.route()
        html = self.page("acceptance")
        self.assertIn("<h1>受理通知书</h1>", html)
        self.assertIn(f"{APPLICANT_NAME}：", html)
        self.assertIn("2026年9月28日", html)
        self.assertIn("决定予以受理，由曾都区劳动保障维权中心承办（调解）", html)
        self.assertIn("法定办理期限至", html)
        self.assertIn("data:image/png;base64,", html)
        self.assertEqual(self.request.response.getHeader("Cache-Control"), "private, no-store")

    def test_pdf_with_chinese_text(self):
        self.route()
        pdf = self.page("acceptance", pdf=True)
        self.assertTrue(pdf.startswith(b"%PDF"))
        self.assertEqual(self.request.response.getHeader("Content-Type"), "application/pdf")
        fonts = pdf_fonts(pdf)
        self.assertTrue(fonts and all(fonts.values()), fonts)  # the Chinese font embedded
        text = pdf_text(pdf)
        self.assertIn("受理通知书", text)
        self.assertIn("曾都区劳动保障维权中心", text)
        self.assertIn(APPLICANT_NAME, text)


class TestRejectionNotice(DocumentsFixture):
    def test_only_for_a_case_not_accepted(self):
        with self.assertRaises(documents.NotAvailable):
            documents.build(self.case, "rejection")

    def test_carries_the_reason(self):
        api.content.transition(obj=self.case, transition="reject", comment="已超过仲裁申请时效。")
        document = documents.build(self.case, "rejection")
        self.assertEqual(document.title, "不予受理通知书")
        self.assertIn("经审查，已超过仲裁申请时效。根据有关规定，决定不予受理。", document.paragraphs[0])
        self.assertIn("人民法院提起诉讼", document.paragraphs[1])
        self.assertIn("已超过仲裁申请时效", pdf_text(document_pdf(document)))
        self.assertIn("已超过仲裁申请时效", self.page("rejection"))


class TestMediationAgreement(DocumentsFixture):
    def test_from_the_agreed_session(self):
        self.route()
        with self.assertRaises(documents.NotAvailable):
            documents.build(self.case, "mediation_agreement")
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
        document = documents.build(self.case, "mediation_agreement")
        rows = dict(row for row in document.rows if row[1] is not None)
        self.assertEqual(rows["调解员"], "测试调解员周明")
        self.assertEqual(rows["协议金额（元）"], "10,000.00")
        self.assertEqual(rows["履行期限"], "2026年10月20日")
        self.assertEqual(rows["申请人"], APPLICANT_NAME)
        self.assertIn("调解组织（印章）", document.signatures)
        self.assertIn("支付令", " ".join(document.paragraphs))
        text = pdf_text(document_pdf(document))
        self.assertIn("调解协议书", text)
        self.assertIn("一次性支付申请人工资", text)
        html = self.page("mediation_agreement")
        self.assertIn("被申请人于2026年10月20日前一次性支付申请人工资10000元。", html)


class TestClosureNotice(DocumentsFixture):
    def test_outcome_amount_and_rating_link(self):
        self.route()
        with self.assertRaises(documents.NotAvailable):
            documents.build(self.case, "closure")
        close_case(
            self.case, "mediated", amount_recovered=Decimal("9000.5"), workers_benefited=3, mediation_result="agreement"
        )
        document = documents.build(self.case, "closure")
        self.assertIn("办理结果：调解成功", document.paragraphs[0])
        self.assertIn("9,000.50元，惠及劳动者3人", document.paragraphs[1])
        label, url = document.link
        self.assertIn(f"@@case-progress?ref={self.case.getId()}", url)
        self.assertIn("评价", self.page("closure"))
        self.assertIn("结案通知书", pdf_text(document_pdf(document)))


class TestOralRecord(DocumentsFixture):
    def test_only_for_oral_applications(self):
        with self.assertRaises(documents.NotAvailable):
            documents.build(self.case, "oral_record")
        alsoProvides(self.case, IOralApplication)
        document = documents.build(self.case, "oral_record")
        self.assertIn("申请人（签名或捺印）", document.signatures)
        self.assertIn(self.case.facts, dict(document.rows)["事实与理由"])


class TestDocumentList(DocumentsFixture):
    def test_lists_what_the_case_has(self):
        self.route()
        self.assertEqual([kind for kind, title in documents.available(self.case)], ["acceptance"])
        close_case(self.case, "mediated", mediation_result="agreement")
        self.assertEqual([kind for kind, title in documents.available(self.case)], ["acceptance", "closure"])
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
        transaction.commit()
        browser = Browser(self.layer["app"])
        browser.raiseHttpErrors = False
        for path in ("@@case-document/rejection", "@@case-document/rejection.pdf", "@@intake-receipt"):
            browser.open(f"{case.absolute_url()}/{path}")
            self.assertNotIn(APPLICANT_NAME, browser.contents if isinstance(browser.contents, str) else "")
            self.assertNotIn(b"%PDF", browser.contents if isinstance(browser.contents, bytes) else b"")
        self.assertIsNotNone(portal)
