"""Catalog indexers. A case's body and personal data never reach the full-text index."""

from plone.indexer import indexer
from suizhou.laborrights.content.case import ICase
from suizhou.laborrights.content.case_attachment import ICaseAttachment


@indexer(ICase)
def case_searchable_text(obj):
    raise AttributeError("cases are not full-text indexed")


@indexer(ICaseAttachment)
def attachment_searchable_text(obj):
    raise AttributeError("case attachments are not full-text indexed")
