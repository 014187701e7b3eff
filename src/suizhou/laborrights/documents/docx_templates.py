"""The Word templates (.docx with docxtpl/Jinja tags) the documents are made from.

The defaults ship in ``templates_docx/<kind>.docx`` (built by scripts/make_default_templates.py).
An administrator's replacement (``@@document-templates``) is kept in the site's annotations
(``ANNOTATION_KEY``: kind -> a record with the file as a blob, who uploaded it and when), so it
is in the database: it survives restarts and is part of an export of the site. No upgrade step:
the store is made by the first upload. Resetting a kind removes its replacement.

A replacement is accepted only when docxtpl opens it and it renders against sample values of
every tag (``template_fields.sample_fields``) with no unknown tag; otherwise ``TemplateError``
says why in Chinese and the old template stays.
"""

from BTrees.OOBTree import OOBTree
from docxtpl import DocxTemplate
from jinja2 import StrictUndefined
from jinja2 import TemplateError as JinjaError
from jinja2 import UndefinedError
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from persistent.mapping import PersistentMapping
from plone import api
from plone.namedfile.file import NamedBlobFile
from suizhou.laborrights import _
from suizhou.laborrights.cases.register import now
from suizhou.laborrights.documents import notices
from suizhou.laborrights.documents.template_fields import sample_fields
from suizhou.laborrights.i18n import zh as t
from zope.annotation.interfaces import IAnnotations

import io
import pathlib
import zipfile


ANNOTATION_KEY = "suizhou.laborrights.document_templates"
DEFAULTS = pathlib.Path(__file__).parent / "templates_docx"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MAX_SIZE = 10 * 1024 * 1024

# kind -> title; the order of the control panel (the kinds and when a case has each: ``notices``)
KINDS = notices.TITLES


class TemplateError(Exception):
    """An uploaded template cannot be used; ``message`` says why, in Chinese."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _store(create=False):
    annotations = IAnnotations(api.portal.get())
    store = annotations.get(ANNOTATION_KEY)
    if store is None and create:
        store = annotations[ANNOTATION_KEY] = OOBTree()
    return store


def default_data(kind):
    return (DEFAULTS / f"{kind}.docx").read_bytes()


def replacement(kind):
    """The administrator's record of ``kind`` (``file``, ``uploaded``, ``by``), or None."""
    store = _store()
    return store.get(kind) if store is not None else None


def current_data(kind):
    """The bytes of the template in use for ``kind``."""
    record = replacement(kind)
    return record["file"].data if record is not None else default_data(kind)


def render(data, fields):
    """The .docx (bytes) of template ``data`` filled with ``fields``; an unknown tag raises
    ``jinja2.UndefinedError``. The template comes from an administrator's upload: it is rendered
    in Jinja's sandbox, so a tag cannot reach Python (``cycler.__init__.__globals__`` …) and
    run code on the server; such a tag raises ``jinja2.exceptions.SecurityError``."""
    template = DocxTemplate(io.BytesIO(data))
    template.render(fields, ImmutableSandboxedEnvironment(undefined=StrictUndefined), autoescape=True)
    out = io.BytesIO()
    template.save(out)
    return out.getvalue()


def check(data):
    """Raise ``TemplateError`` unless ``data`` is a .docx that renders against the sample."""
    if not data:
        raise TemplateError(t(_("template_error_empty", default="请选择要上传的 Word 模板文件（.docx）。")))
    if len(data) > MAX_SIZE:
        raise TemplateError(t(_("template_error_size", default="模板文件不能超过 10 MB。")))
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise TemplateError(
            t(
                _(
                    "template_error_not_docx",
                    default="该文件不是 Word 文档（.docx）。请在 Word 或 WPS 中“另存为”Word 文档（*.docx）后再上传；"
                    "旧版 .doc 格式不能使用。",
                )
            )
        )
    try:
        render(data, sample_fields())
    except SecurityError:
        raise TemplateError(
            t(
                _(
                    "template_error_unsafe",
                    default="模板中有不允许使用的写法（访问程序内部对象）。"
                    "标签只能使用“可用标签”中列出的名称，原模板未改动。",
                )
            )
        ) from None
    except UndefinedError as error:
        raise TemplateError(
            t(
                _(
                    "template_error_unknown_tag",
                    default="模板中有系统不认识的标签（${detail}）。请对照“可用标签”检查拼写，原模板未改动。",
                ),
                detail=str(error),
            )
        ) from None
    except JinjaError as error:
        raise TemplateError(
            t(
                _(
                    "template_error_syntax",
                    default="模板中的标签写法有误（${detail}）。"
                    "请检查每个 {{ }} 和 {% %} 是否完整、成对，原模板未改动。",
                ),
                detail=str(error),
            )
        ) from None
    except Exception:
        raise TemplateError(
            t(
                _(
                    "template_error_unreadable",
                    default="无法打开该 Word 文档，请在 Word 或 WPS 中重新保存为 .docx 后再上传，原模板未改动。",
                )
            )
        ) from None


def replace(kind, data, filename):
    """Keep ``data`` as the template of ``kind`` once it passes ``check``."""
    check(data)
    store = _store(create=True)
    store[kind] = PersistentMapping(
        file=NamedBlobFile(data=data, contentType=DOCX_TYPE, filename=filename or f"{kind}.docx"),
        uploaded=now(),
        by=api.user.get_current().getId(),
    )


def reset(kind):
    """Use the shipped default of ``kind`` again."""
    store = _store()
    if store is not None and kind in store:
        del store[kind]
