"""Uploaded files of a filing: type, size and count checks, and storing them in the case.

A file is accepted when its extension is allowed in the registry *and* its first bytes are
those of that kind of file (a renamed program is refused). Accepted files become
``CaseAttachment`` items inside the case, which have no workflow of their own: they are
protected by the case, so only its staff can download them.
"""

from plone import api
from plone.namedfile.file import NamedBlobFile
from plone.namedfile.interfaces import INamed
from suizhou.laborrights import _
from suizhou.laborrights.i18n import zh
from suizhou.laborrights.settings import setting

import os


# Extension -> leading bytes a real file of that kind starts with.
SIGNATURES = {
    "pdf": (b"%PDF-",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),  # OLE2 compound document
    "docx": (b"PK\x03\x04",),  # Office Open XML is a zip archive
}
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def is_upload(value):
    return INamed.providedBy(value) and bool(value.getSize())


def extension(filename):
    return os.path.splitext(filename or "")[1].lstrip(".").lower()


def check_file(value):
    """A Chinese message if this upload must be refused, else None."""
    if not is_upload(value):
        return None
    allowed = tuple(setting("filing", "attachment_extensions") or ())
    ext = extension(value.filename)
    if ext not in allowed or ext not in SIGNATURES:
        return zh(
            _(
                "error_attachment_type",
                default="不支持“${ext}”类型的文件，请上传以下格式：${allowed}。",
                mapping={"ext": ext or "无扩展名", "allowed": "、".join(allowed)},
            )
        )
    max_mb = setting("filing", "attachment_max_size_mb")
    if value.getSize() > max_mb * 1024 * 1024:
        return zh(
            _(
                "error_attachment_size",
                default="文件“${name}”超过 ${size} MB，请压缩或分开后再上传。",
                mapping={"name": value.filename, "size": max_mb},
            )
        )
    head = bytes(value.data[:16])
    if not head.startswith(SIGNATURES[ext]):
        return zh(
            _(
                "error_attachment_content",
                default="文件“${name}”的内容与其扩展名不符，请上传真实的 ${ext} 文件。",
                mapping={"name": value.filename, "ext": ext},
            )
        )
    return None


def too_many(limit):
    return zh(
        _(
            "error_attachment_count",
            default="每次申请最多上传 ${limit} 个附件，请合并后再上传。",
            mapping={"limit": limit},
        )
    )


def check_files(value):
    """A Chinese message if one upload, or one of a list of uploads, must be refused."""
    if not isinstance(value, (list, tuple)):
        return check_file(value)
    uploads = [item for item in value if is_upload(item)]
    for upload in uploads:
        message = check_file(upload)
        if message:
            return message
    limit = setting("filing", "attachment_max_count")
    return too_many(limit) if len(uploads) > limit else None


def check_uploads(uploads):
    """``uploads``: [(form field id, value)] in form order, one file each; returns
    {field id: message} (the first problem of each field)."""
    errors = {}
    limit = setting("filing", "attachment_max_count")
    count = 0
    for field_id, value in uploads:
        if not is_upload(value):
            continue
        count += 1
        message = check_file(value)
        if message is None and count > limit:
            message = too_many(limit)
        if message:
            errors.setdefault(field_id, message)
    return errors


def add_attachments(case, uploads):
    """Store the accepted uploads (``[(label, value)]``) as attachments of ``case``."""
    stored = []
    with api.env.adopt_roles(["Manager"]):
        for label, value in uploads:
            if not is_upload(value):
                continue
            ext = extension(value.filename)
            blob = NamedBlobFile(
                data=value.data,
                filename=value.filename,
                contentType=CONTENT_TYPES.get(ext, "application/octet-stream"),
            )
            # The id is a counter, never the file name (which may carry a person's name).
            attachment = api.content.create(
                container=case,
                type="CaseAttachment",
                id=f"attachment-{len(stored) + 1}",
                safe_id=False,
                title=label,
                file=blob,
            )
            stored.append(attachment)
    return stored
