"""The case's documents for staff: ``case/@@case-document`` lists what the case has;
``case/@@case-document/<kind>`` and ``<kind>.pdf``:

- a document from the Word templates (受理通知书 …): the issued one (``@@issued-documents``, its
  PDF for ``.pdf``, the last one of the kind); when none was issued yet the list of issued
  documents, where a handler issues it;
- the 口头申请笔录: a page to print and its reportlab PDF.

A document the case does not have (yet) is answered 409 with the reason in Chinese. Like the
case itself, they are for the staff who may view the case (permission View on it).
"""

from plone import api
from plone.app.layout.viewlets import ViewletBase
from Products.Five import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from suizhou.laborrights import _
from suizhou.laborrights.documents import issuing
from suizhou.laborrights.documents import notices as documents
from suizhou.laborrights.documents.pdf import document_pdf
from suizhou.laborrights.documents.qr import qr_png
from suizhou.laborrights.http import no_store
from suizhou.laborrights.i18n import zh as t
from urllib.parse import quote
from zExceptions import NotFound
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse

import base64


@implementer(IPublishTraverse)
class CaseDocumentView(BrowserView):
    page = ViewPageTemplateFile("templates/document.pt")
    listing = ViewPageTemplateFile("templates/documents.pt")
    unavailable = ViewPageTemplateFile("templates/document_unavailable.pt")

    kind = None
    pdf = False

    def publishTraverse(self, request, name):
        if self.kind is None:
            kind = name[: -len(".pdf")] if name.endswith(".pdf") else name
            if kind in documents.CHECKS or kind == "oral_record":
                self.kind, self.pdf = kind, name.endswith(".pdf")
                return self
        raise NotFound(self, name, request)

    def base_url(self):
        return f"{self.context.absolute_url()}/@@case-document"

    def available(self):
        return [
            {
                "kind": kind,
                "title": title,
                "url": f"{self.base_url()}/{kind}",
                "pdf": f"{self.base_url()}/{kind}.pdf",
            }
            for kind, title in documents.available(self.context)
        ]

    def __call__(self):
        no_store(self.request.response)
        if self.kind is None:
            return self.listing()
        try:
            documents.check(self.context, self.kind)
        except documents.NotAvailable as error:
            self.message = error.message
            self.request.response.setStatus(409)
            return self.unavailable()
        if self.kind != "oral_record":
            return self.issued()
        self.document = documents.oral_record(self.context)
        if self.pdf:
            return self.render_pdf()
        self.pdf_url = f"{self.base_url()}/{self.kind}.pdf"
        return self.page()

    def issued(self):
        """Redirect to the issued document of the kind (its PDF), or to where it is issued."""
        document = issuing.latest(self.context, self.kind)
        url = f"{self.context.absolute_url()}/@@issued-documents"
        if document is None:
            api.portal.show_message(
                t(_("document_not_issued_yet", default="该文书尚未出具，请在“出具文书”中点文书名称出具。")),
                request=self.request,
            )
        elif self.pdf:
            url = f"{self.context.absolute_url()}/@@issued-document/{document['id']}.pdf"
        else:
            url += f"#issued-{document['id']}"
        self.request.response.redirect(url)
        return ""

    def render_pdf(self):
        document = self.document
        filename = f"{document.number}-{document.title}.pdf"
        response = self.request.response
        response.setHeader("Content-Type", "application/pdf")
        response.setHeader(
            "Content-Disposition",
            f"inline; filename=\"{document.number}-{self.kind}.pdf\"; filename*=UTF-8''{quote(filename)}",
        )
        return document_pdf(document)

    def qr_src(self):
        """The QR code of the document's link, inline (no request to the public QR view)."""
        return "data:image/png;base64," + base64.b64encode(qr_png(self.document.link[1])).decode()


class CaseDocumentsViewlet(ViewletBase):
    """On a case, for staff: close it, print its receipt and its documents."""

    index = ViewPageTemplateFile("templates/documents_viewlet.pt")

    def update(self):
        super().update()
        url = self.context.absolute_url()
        base = f"{url}/@@case-document"
        self.documents = [
            {"title": title, "url": f"{base}/{kind}", "pdf": f"{base}/{kind}.pdf"}
            for kind, title in documents.available(self.context)
        ]
        self.receipt_url = f"{url}/@@intake-receipt"
        workflow = api.portal.get_tool("portal_workflow")
        may_close = any(t["id"] == "close" for t in workflow.getTransitionsFor(self.context))
        self.close_url = f"{url}/@@close-case" if may_close else None
