"""The documents issued from the Word templates, on a case:

- ``case/@@issued-documents``: what was issued (number, title, date, who; .docx and PDF links)
  and, for the staff who may handle the case, a button per document the case may be issued now;
  a POST with ``kind`` issues it;
- ``case/@@issued-document/<id>.docx`` and ``<id>.pdf``: the downloads, recorded in the access
  log. The PDF is made by LibreOffice on the first request and kept with the document
  (``issuing.pdf_of``); when it cannot be made the answer says so in Chinese (503) and the .docx
  still downloads.

Like the case, they are for the staff who may view it (View); issuing needs Modify portal
content on the case, as every handling form does.
"""

from plone import api
from plone.protect import CheckAuthenticator
from Products.Five import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from suizhou.laborrights import _
from suizhou.laborrights.documents import issuing
from suizhou.laborrights.documents import pdf_convert
from suizhou.laborrights.documents.notice_base import NotAvailable
from suizhou.laborrights.http import no_store
from suizhou.laborrights.i18n import zh as t
from suizhou.laborrights.timezone import chinese_date
from urllib.parse import quote
from zExceptions import NotFound
from zExceptions import Unauthorized
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse

import html


def may_issue(case):
    return api.user.has_permission("Modify portal content", obj=case)


class IssuedDocumentsView(BrowserView):
    template = ViewPageTemplateFile("templates/issued_documents.pt")

    error = None

    def __call__(self):
        no_store(self.request.response)
        if self.request.method == "POST":
            return self.issue()
        return self.template()

    def issue(self):
        if not may_issue(self.context):
            raise Unauthorized("Modify portal content")
        CheckAuthenticator(self.request)
        kind = self.request.form.get("kind", "")
        if kind not in issuing.WORDS:
            self.request.response.setStatus(400)
            self.error = t(_("issue_unknown_kind", default="没有这种文书。"))
            return self.template()
        try:
            document = issuing.issue(self.context, kind)
        except NotAvailable as error:
            self.request.response.setStatus(409)
            self.error = error.message
            return self.template()
        api.portal.show_message(
            t(
                _("issue_done", default="已出具${title}，编号${number}。"),
                title=document["title"],
                number=document["number"],
            ),
            request=self.request,
        )
        self.request.response.redirect(f"{self.context.absolute_url()}/@@issued-documents")
        return ""

    def may_issue(self):
        return may_issue(self.context)

    def kinds(self):
        return issuing.available_kinds(self.context) if self.may_issue() else []

    def pdf_available(self):
        return pdf_convert.available()

    def documents(self):
        base = f"{self.context.absolute_url()}/@@issued-document"
        return [
            {
                "id": document["id"],
                "number": document["number"],
                "title": document["title"],
                "date": chinese_date(issuing.date_of(document)),
                "by": _fullname(document["by"]),
                "docx": f"{base}/{document['id']}.docx" if "file" in document else None,
                "pdf": f"{base}/{document['id']}.pdf" if "file" in document else None,
            }
            for document in reversed(issuing.issued(self.context))
        ]


def _fullname(userid):
    user = api.user.get(userid=userid) if userid else None
    return (user.getProperty("fullname") or userid) if user is not None else (userid or "")


@implementer(IPublishTraverse)
class IssuedDocumentDownload(BrowserView):
    document = None
    pdf = False

    def publishTraverse(self, request, name):
        if self.document is None:
            stem, _dot, extension = name.rpartition(".")
            document = issuing.find(self.context, stem) if extension in ("docx", "pdf") else None
            if document is not None and "file" in document:  # no file: removed by anonymisation
                self.document, self.pdf = document, extension == "pdf"
                return self
        raise NotFound(self, name, request)

    def __call__(self):
        if self.document is None:
            raise NotFound(self, "", self.request)
        response = self.request.response
        no_store(response)
        data = self.document["file"].data
        filename = f"{self.document['number']}-{self.document['title']}"
        if self.pdf:
            try:
                data = issuing.pdf_of(self.document)
            except pdf_convert.PdfUnavailable as error:
                response.setStatus(503)
                response.setHeader("Content-Type", "text/html; charset=utf-8")
                page = '<!DOCTYPE html><html lang="zh-CN"><meta charset="utf-8"><p>{}</p></html>'
                return page.format(html.escape(error.message))
            content_type, filename = "application/pdf", filename + ".pdf"
        else:
            content_type, filename = self.document["file"].contentType, filename + ".docx"
        response.setHeader("Content-Type", content_type)
        response.setHeader(
            "Content-Disposition",
            f'attachment; filename="document-{self.document["id"]}.{filename.rsplit(".", 1)[1]}"; '
            f"filename*=UTF-8''{quote(filename)}",
        )
        return data
