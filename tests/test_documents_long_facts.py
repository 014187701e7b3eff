"""A filing with the longest text the forms allow: it is registered, its receipt arrives by
e-mail, and the registration form and every notice of the case are PDFs over several pages
(the registration form and the 口头申请笔录 by reportlab, the notices from the Word templates by
LibreOffice), nothing of the text cut."""

from collective.easyform.api import get_schema
from decimal import Decimal
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from suizhou.laborrights import background
from suizhou.laborrights.documents import issuing
from suizhou.laborrights.handling.assignment import route
from suizhou.laborrights.intake.interfaces import IOralApplication
from tests.form_helpers import complaint_values
from tests.form_helpers import FormsTestCase
from tests.helpers import make_station
from tests.helpers import new_case
from tests.pdf_helpers import pdf_pages
from tests.pdf_helpers import pdf_text
from tests.pdf_helpers import pdftotext
from unittest import mock
from zope.interface import alsoProvides
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import IText
from zope.schema.interfaces import ITextLine

import datetime
import transaction


SENTENCE = "申请人于2023年3月入职，在车间从事装配工作，2026年8月起单位以资金周转困难为由拖欠工资，多次催要未果。"


def longest(max_length, tail):
    """Text of exactly ``max_length`` characters ending with ``tail`` (to see nothing is cut)."""
    body = SENTENCE * (max_length // len(SENTENCE) + 1)
    return body[: max_length - len(tail)] + tail


class TestLongestFiling(FormsTestCase):
    def setUp(self):
        super().setUp()
        # The longest text each multi-line field of the complaint form takes, as its schema says.
        schema = get_schema(self.portal["apply"]["complaint"])
        self.long_texts = {
            name: longest(field.max_length, f"（{name}完）")
            for name, field in getFieldsInOrder(schema)
            if IText.providedBy(field) and not ITextLine.providedBy(field) and field.max_length
        }
        self.assertIn("facts", self.long_texts)
        self.assertGreaterEqual(len(self.long_texts["facts"]), 5000)
        self.file("complaint", complaint_values(applicant_email="zhangsan@example.org", **self.long_texts))
        [self.case] = self.web_cases()

    def staff_browser(self):
        browser = self.new_browser()
        browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
        return browser

    def assert_pdf(self, browser, url, pages=2, texts=()):
        browser.open(url)
        self.assertEqual(browser.headers["status"], "200 OK", url)
        self.assertEqual(browser.headers["Content-Type"], "application/pdf")
        data = browser.contents
        data = data if isinstance(data, bytes) else data.encode("latin-1")
        self.assertGreaterEqual(pdf_pages(data) or 0, pages, url)
        text = pdf_text(data)
        for expected in texts:
            self.assertIn(expected, text)

    def assert_issued_pdf(self, browser, url, pages=1, texts=()):
        """``url`` leads to the PDF of an issued notice (LibreOffice) of ``pages`` pages or more."""
        browser.open(url)
        self.assertEqual(browser.headers["status"], "200 OK", url)
        self.assertIn("@@issued-document/", browser.url)
        self.assertEqual(browser.headers["Content-Type"], "application/pdf")
        data = browser.contents
        text = pdftotext(data if isinstance(data, bytes) else data.encode("latin-1"))
        self.assertGreaterEqual(text.count("\f"), pages, url)  # pdftotext ends each page with a form feed
        text = "".join(text.split())
        for expected in texts:
            self.assertIn(expected, text)

    def test_registered_and_the_receipt_with_its_pdf_mailed(self):
        self.assertEqual(self.case.facts, self.long_texts["facts"])
        self.assertIn("受理回执", self.browser.contents)
        self.assertIn(self.case.getId(), self.browser.contents)
        [message] = self.sent_mail()
        self.assertEqual(message["To"], "zhangsan@example.org")
        [attachment] = list(message.iter_attachments())
        self.assertEqual(attachment.get_filename(), f"{self.case.getId()}.pdf")
        pdf = attachment.get_content()
        self.assertGreaterEqual(pdf_pages(pdf) or 0, 2)
        self.assertIn(self.long_texts["facts"], pdf_text(pdf))

    def test_a_receipt_that_cannot_be_made_does_not_undo_the_filing(self):
        failing = mock.patch(
            "suizhou.laborrights.documents.receipt.registration_pdf_of", side_effect=RuntimeError("PDF broken")
        )
        values = complaint_values(applicant_email="lisi@example.org", applicant_phone="13907220001")
        with failing, self.assertLogs("suizhou.laborrights", level="ERROR") as logged:
            browser = self.file("complaint", values)
            background.drain()  # the PDF is made by the sender, after the filing has answered
        [case] = [case for case in self.web_cases() if case.applicant_phone == "13907220001"]
        self.assertIn("受理回执", browser.contents)
        self.assertIn(case.getId(), browser.contents)
        self.assertEqual(len(self.sent_mail()), 1)  # only the first filing's
        self.assertIn(case.getId(), "\n".join(logged.output))

    def test_registration_form_pdf_for_the_desk(self):
        self.assert_pdf(
            self.staff_browser(),
            f"{self.case.absolute_url()}/@@intake-receipt.pdf",
            texts=self.long_texts.values(),
        )

    def test_every_notice_pdf(self):
        with api.env.adopt_roles(["Manager"]):
            unit = make_station("zengdu-center", title="曾都区劳动保障维权中心", level="center")
            alsoProvides(self.case, IOralApplication)
            route(self.case, unit=unit.UID(), route="mediation")
            api.content.transition(obj=self.case, transition="accept")  # the 受理通知书 is issued
            # an agreed session with long terms; it closes the case (结案通知书)
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
                agreement_terms=self.long_texts["facts"],
                performance_deadline=datetime.date(2026, 10, 20),
            )
            issuing.issue(self.case, "mediation_agreement")  # the handler issues it; the others issued themselves
            rejected = new_case(facts=self.long_texts["facts"], request=self.long_texts["request"])
            api.content.transition(obj=rejected, transition="reject", comment=self.long_texts["facts"])
        transaction.commit()
        browser = self.staff_browser()
        base = f"{self.case.absolute_url()}/@@case-document"
        facts, request = self.long_texts["facts"], self.long_texts["request"]
        self.assert_pdf(browser, f"{base}/oral_record.pdf", texts=(facts, request))
        self.assert_issued_pdf(browser, f"{base}/mediation_agreement.pdf", pages=2, texts=(facts,))
        self.assert_issued_pdf(browser, f"{base}/acceptance.pdf")
        self.assert_issued_pdf(browser, f"{base}/closure.pdf")
        self.assert_issued_pdf(
            browser, f"{rejected.absolute_url()}/@@case-document/rejection.pdf", pages=2, texts=(facts,)
        )
        self.assert_pdf(browser, f"{rejected.absolute_url()}/@@intake-receipt.pdf", texts=(facts, request))
