"""The receipt (受理回执) of a web filing: the signed link and its pages (what a receipt says,
its PDF and its e-mail are made in ``documents.receipt``).

After a filing the browser is sent to ``@@filing-receipt?ref=…&t=…``: the link is signed and
expires (registry ``receipt_valid_hours``), so the receipt, and its PDF with the filed data,
are shown only to whoever just filed; later the applicant follows the case on the progress
page with the reference number and phone. The same receipt, with the PDF attached, is sent
to the applicant's e-mail address if one was given (through the outbox, after the commit).
"""

from plone import api
from Products.Five import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from suizhou.laborrights.cases.register import find_case
from suizhou.laborrights.documents.receipt import DUPLICATE_NOTICE
from suizhou.laborrights.documents.receipt import receipt_data
from suizhou.laborrights.documents.registration_pdf import registration_pdf
from suizhou.laborrights.forms import signing
from suizhou.laborrights.http import no_store
from suizhou.laborrights.resources import theme_url
from suizhou.laborrights.settings import setting
from urllib.parse import urlencode


RECEIPT_URL_KEY = "suizhou.laborrights.receipt_url"
PURPOSE = "receipt"


def receipt_token(case):
    return signing.sign(PURPOSE, case.getId(), setting("filing", "receipt_valid_hours") * 3600)


def receipt_query(case):
    return urlencode({"ref": case.getId(), "t": receipt_token(case)})


def receipt_url(case):
    return f"{api.portal.get().absolute_url()}/@@filing-receipt?{receipt_query(case)}"


class ReceiptBase(BrowserView):
    """A receipt view: the case of ``ref`` if ``t`` is its valid receipt token."""

    def case(self):
        reference = (self.request.form.get("ref") or "").strip()
        token = self.request.form.get("t") or ""
        if not reference or not signing.verify(PURPOSE, reference, token):
            return None
        return find_case(reference)

    def no_store(self):
        no_store(self.request.response, hide_referrer=True)

    def expired(self):
        self.request.response.setStatus(404)
        return self.expired_template()

    expired_template = ViewPageTemplateFile("templates/receipt_expired.pt")


class ReceiptView(ReceiptBase):
    """受理回执: the page the applicant lands on after filing."""

    index = ViewPageTemplateFile("templates/receipt.pt")
    duplicate_notice = DUPLICATE_NOTICE

    def __call__(self):
        self.no_store()
        case = self.case()
        if case is None:
            return self.expired()
        self.data = receipt_data(case)
        self.forms_js = f"{theme_url()}/js/forms.js"
        self.pdf_url = f"{api.portal.get().absolute_url()}/@@filing-receipt.pdf?{self.request.QUERY_STRING}"
        self.qr_url = f"{api.portal.get().absolute_url()}/@@case-progress-qr.png?{urlencode({'ref': case.getId()})}"
        return self.index()


class ReceiptPDFView(ReceiptBase):
    """The registration form (登记表) of the case with its receipt, as a PDF."""

    def __call__(self):
        self.no_store()
        case = self.case()
        if case is None:
            return self.expired()
        response = self.request.response
        response.setHeader("Content-Type", "application/pdf")
        response.setHeader("Content-Disposition", f'attachment; filename="{case.getId()}.pdf"')
        return registration_pdf(case, receipt_data(case), masked=True)
