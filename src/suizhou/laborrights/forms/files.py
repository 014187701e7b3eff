"""One file input for all of a filing's evidence (证据材料): ``<input type="file" multiple>``.

A field type of its own for the easyform field editor and models (``Attachments``: its value is
a list of ``NamedBlobFile``), with its widget and data converter. The checks (type, size,
count) and storing the files in the case are those of ``attachments``. A browser cannot show
chosen files again: after a refused submission the field asks for them once more.
"""

from plone.formwidget.namedfile.utils import is_file_upload
from plone.namedfile.file import NamedBlobFile
from plone.namedfile.utils import safe_basename
from plone.schemaeditor.fields import FieldFactory
from plone.supermodel.exportimport import BaseHandler
from suizhou.laborrights import _
from suizhou.laborrights.settings import setting
from z3c.form.browser.widget import HTMLInputWidget
from z3c.form.converter import BaseDataConverter
from z3c.form.interfaces import IFieldWidget
from z3c.form.interfaces import IFormLayer
from z3c.form.interfaces import IWidget
from z3c.form.interfaces import NO_VALUE
from z3c.form.widget import FieldWidget
from z3c.form.widget import Widget
from zope.browserpage.viewpagetemplatefile import ViewPageTemplateFile
from zope.component import adapter
from zope.interface import implementer
from zope.schema import Field
from zope.schema.interfaces import IField


class IAttachments(IField):
    """Several uploaded files in one field."""


@implementer(IAttachments)
class Attachments(Field):
    """证据材料：一次选择多个文件上传。"""

    _type = list

    def __init__(self, **kw):
        kw.setdefault("required", False)
        super().__init__(**kw)


AttachmentsFactory = FieldFactory(Attachments, _("label_attachments_field", default="多个文件上传（证据材料）"))
AttachmentsHandler = BaseHandler(Attachments)


class IMultiFileWidget(IWidget):
    """A file input that takes several files."""


@implementer(IMultiFileWidget)
class MultiFileWidget(HTMLInputWidget, Widget):
    klass = "form-control"
    input_template = ViewPageTemplateFile("templates/files_input.pt")

    def accept(self):
        return ",".join(f".{ext}" for ext in setting("filing", "attachment_extensions") or ())

    def extract(self, default=NO_VALUE):
        raw = self.request.form.get(self.name, default)
        if raw is default:
            return default
        uploads = raw if isinstance(raw, (list, tuple)) else [raw]
        uploads = [item for item in uploads if is_file_upload(item) and item.filename]
        return uploads or default

    def render(self):
        return self.input_template(self)


@adapter(IAttachments, IFormLayer)
@implementer(IFieldWidget)
def MultiFileFieldWidget(field, request):
    return FieldWidget(field, MultiFileWidget(request))


@adapter(IAttachments, IMultiFileWidget)
class AttachmentsConverter(BaseDataConverter):
    """Uploads -> [NamedBlobFile]; nothing to show back (a browser cannot preset a file input)."""

    def toWidgetValue(self, value):
        return None

    def toFieldValue(self, value):
        files = []
        for upload in value or ():
            upload.seek(0)
            files.append(NamedBlobFile(data=upload.read(), filename=safe_basename(upload.filename)))
        return files or self.field.missing_value
