"""The receipt a clerk prints at the desk (受理回执), and the registration form as PDF.

``case/@@intake-receipt`` is a page to print and hand over: the reference number, when and
where the matter was received, what happens next, and a QR code to the progress page.
``case/@@intake-receipt.pdf`` is the full registration form (登记表) with its receipt, the
same PDF a web filing gets, to be signed by the applicant and kept in the case file.
For an oral application the receipt links the 口头申请笔录 to be read back and signed.
"""

from plone import api
from Products.Five import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from suizhou.laborrights.cases.channels import ADD_CASE
from suizhou.laborrights.cases.register import get_register
from suizhou.laborrights.documents.qr import qr_png
from suizhou.laborrights.documents.receipt import receipt_data
from suizhou.laborrights.documents.registration_pdf import registration_pdf
from suizhou.laborrights.http import no_store
from suizhou.laborrights.intake.interfaces import IOralApplication
from suizhou.laborrights.masking import mask_phone

import base64


class IntakeReceiptView(BrowserView):
    index = ViewPageTemplateFile("templates/receipt.pt")

    def __call__(self):
        no_store(self.request.response)
        self.data = receipt_data(self.context)
        self.data["applicant"] = self.context.applicant_name
        self.data["phone"] = mask_phone(self.context.applicant_phone)
        self.data["hotline_ticket"] = self.context.hotline_ticket or ""
        return self.index()

    @property
    def oral(self):
        return IOralApplication.providedBy(self.context)

    def pdf_url(self):
        return f"{self.context.absolute_url()}/@@intake-receipt.pdf"

    def oral_record_url(self):
        return f"{self.context.absolute_url()}/@@case-document/oral_record"

    def desk_url(self):
        """The desk of the case's district if the clerk works there, else the city's."""
        register = get_register()
        place = register.get(self.context.district)
        if place is None or not api.user.has_permission(ADD_CASE, obj=place):
            place = register
        name = "oral-application" if self.oral else "intake-desk"
        return f"{place.absolute_url()}/@@{name}"

    def qr_src(self):
        return "data:image/png;base64," + base64.b64encode(qr_png(self.data["progress_url"])).decode()


class IntakeReceiptPDFView(BrowserView):
    def __call__(self):
        no_store(self.request.response)
        response = self.request.response
        response.setHeader("Content-Type", "application/pdf")
        response.setHeader("Content-Disposition", f'inline; filename="{self.context.getId()}.pdf"')
        return registration_pdf(self.context, receipt_data(self.context))
