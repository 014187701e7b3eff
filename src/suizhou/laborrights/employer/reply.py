"""The employer's reply stored on the case: its text in the history, its files as attachments."""

from plone import api
from plone.namedfile.file import NamedBlobFile
from suizhou.laborrights import _
from suizhou.laborrights.forms.attachments import check_files
from suizhou.laborrights.forms.attachments import CONTENT_TYPES
from suizhou.laborrights.forms.attachments import extension
from suizhou.laborrights.forms.attachments import is_upload
from suizhou.laborrights.handling.history import record
from suizhou.laborrights.i18n import zh


MAX_LENGTH = 5000
ACTOR = "@employer"  # the history's and files' actor: no account (an @ is no login name)


def check_reply(text, uploads):
    """{field: Chinese message} for what must be corrected; empty when the reply can be kept."""
    errors = {}
    text = (text or "").strip()
    if not text:
        errors["reply"] = zh(_("employer_reply_missing", default="请填写答复意见。"))
    elif len(text) > MAX_LENGTH:
        errors["reply"] = zh(
            _(
                "employer_reply_too_long",
                default="答复意见不能超过${limit}字，请精简后提交，较长的材料可作为附件上传。",
                mapping={"limit": MAX_LENGTH},
            )
        )
    message = check_files(list(uploads))
    if message:
        errors["files"] = message
    return errors


def _free_id(case, number):
    while f"employer-evidence-{number}" in case.objectIds():
        number += 1
    return f"employer-evidence-{number}"


def store_reply(case, text, uploads):
    """Keep the (checked) reply: the files inside the case, the text as a history entry."""
    names = []
    with api.env.adopt_roles(["Manager"]):
        for upload in uploads:
            if not is_upload(upload):
                continue
            ext = extension(upload.filename)
            blob = NamedBlobFile(
                data=upload.data,
                filename=upload.filename,
                contentType=CONTENT_TYPES.get(ext, "application/octet-stream"),
            )
            evidence = api.content.create(
                container=case,
                type="CaseAttachment",
                id=_free_id(case, len(names) + 1),
                safe_id=False,
                title=zh(_("employer_evidence_title", default="用人单位提交的证据")),
                file=blob,
            )
            evidence.setCreators((ACTOR,))
            evidence.reindexObject(idxs=["Creator", "listCreators"])
            names.append(upload.filename)
    return record(case, "employer_reply", text.strip(), actor=ACTOR, files=names)
