"""Control panel 维权平台：文书模板 (``@@document-templates``): the Word templates the documents are
issued from (``documents/docx_templates.py``). For each kind: download the template in use,
upload a replacement (tried against sample values first; a bad file is refused with a Chinese
message and the old template stays), reset to the shipped default. Also the office's code word
of the document numbers (机关代字, ``documents/issuing.py``) and the tags a template may use.

Registered in documents/configure.zcml, permission Manage settings (Site Administrator, Manager).
"""

from plone import api
from plone.protect import CheckAuthenticator
from Products.Five import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from suizhou.laborrights import _
from suizhou.laborrights.documents import docx_templates
from suizhou.laborrights.documents import issuing
from suizhou.laborrights.documents.template_fields import TAGS
from suizhou.laborrights.http import no_store
from suizhou.laborrights.i18n import zh as t
from suizhou.laborrights.timezone import chinese_datetime
from urllib.parse import quote
from zExceptions import BadRequest


class DocumentTemplatesView(BrowserView):
    template = ViewPageTemplateFile("templates/document_templates.pt")

    def __call__(self):
        no_store(self.request.response)
        self.errors = {}
        self.prefix_value = None
        form = self.request.form
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            if "prefix" in form:
                return self.save_prefix(form.get("prefix", ""))
            kind = form.get("kind", "")
            if kind not in docx_templates.KINDS:
                raise BadRequest("unknown kind")
            if "reset" in form:
                docx_templates.reset(kind)
                return self.done(_("template_reset_done", default="“${title}”已恢复为默认模板。"), kind)
            return self.upload(kind, form.get("file"))
        if form.get("download") in docx_templates.KINDS:
            return self.download(form["download"])
        return self.template()

    def done(self, message, kind):
        api.portal.show_message(t(message, title=t(docx_templates.KINDS[kind])), request=self.request)
        self.request.response.redirect(f"{api.portal.get().absolute_url()}/@@document-templates")
        return ""

    def upload(self, kind, upload):
        data = upload.read() if upload is not None and hasattr(upload, "read") else b""
        filename = getattr(upload, "filename", "") or ""
        if data and not filename.lower().endswith(".docx"):
            self.errors[kind] = t(
                _(
                    "template_error_extension",
                    default="请上传 .docx 格式的 Word 文档（当前文件：${name}），原模板未改动。",
                ),
                name=filename,
            )
        else:
            try:
                docx_templates.replace(kind, data, filename)
            except docx_templates.TemplateError as error:
                self.errors[kind] = error.message
        if self.errors:
            self.request.response.setStatus(400)
            return self.template()
        return self.done(_("template_upload_done", default="“${title}”的新模板已启用。"), kind)

    def save_prefix(self, value):
        value = value.strip()
        if not value or len(value) > 10:
            self.errors["prefix"] = t(_("template_error_prefix", default="请填写 1 至 10 个字的机关代字，如“随劳调”。"))
            self.prefix_value = value
            self.request.response.setStatus(400)
            return self.template()
        issuing.set_number_prefix(value)
        api.portal.show_message(t(_("template_prefix_done", default="文号机关代字已保存。")), request=self.request)
        self.request.response.redirect(f"{api.portal.get().absolute_url()}/@@document-templates")
        return ""

    def download(self, kind):
        title = t(docx_templates.KINDS[kind])
        response = self.request.response
        response.setHeader("Content-Type", docx_templates.DOCX_TYPE)
        response.setHeader(
            "Content-Disposition",
            f"attachment; filename=\"{kind}.docx\"; filename*=UTF-8''{quote(title + '.docx')}",
        )
        return docx_templates.current_data(kind)

    def prefix(self):
        return self.prefix_value if self.prefix_value is not None else issuing.number_prefix()

    def example_number(self):
        return issuing.format_number("acceptance", 2026, 12)

    def templates(self):
        url = f"{api.portal.get().absolute_url()}/@@document-templates"
        rows = []
        for kind, title in docx_templates.KINDS.items():
            record = docx_templates.replacement(kind)
            rows.append(
                {
                    "kind": kind,
                    "title": t(title),
                    "custom": record is not None,
                    "filename": record["file"].filename if record is not None else "",
                    "uploaded": chinese_datetime(record["uploaded"]) if record is not None else "",
                    "by": record["by"] if record is not None else "",
                    "download": f"{url}?download={kind}",
                    "error": self.errors.get(kind),
                }
            )
        return rows

    def tags(self):
        return [{"name": name, "title": t(title)} for name, title in TAGS.items()]
