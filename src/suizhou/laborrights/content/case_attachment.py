"""CaseAttachment (附件): a file kept inside a case.

It has no workflow of its own: it acquires the case's permissions, so only the case's staff
can download it.
"""

from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from suizhou.laborrights import _
from zope.interface import implementer


class ICaseAttachment(model.Schema):
    file = NamedBlobFile(title=_("label_attachment_file", default="附件"))


@implementer(ICaseAttachment)
class CaseAttachment(Item):
    """An uploaded document of a case (evidence, ID copy, contract …)."""
