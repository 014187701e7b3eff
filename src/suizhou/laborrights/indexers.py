"""Catalog indexers for cases.

A case's body and personal data never reach the full-text indexes, and a case is kept out of
every index that no worklist or statistic queries: each of those is one more shared structure
(a word-count bucket, a per-minute date key) on which concurrent filings would conflict, and
a few more objects every filing writes. Metadata columns nobody shows for a case (image scales,
object size) are skipped the same way. The registrations in configure.zcml name the indexes a case is kept out of.
"""

from plone.indexer import indexer
from suizhou.laborrights.content.case import ICase
from suizhou.laborrights.content.case_attachment import ICaseAttachment


@indexer(ICase)
def case_not_indexed(obj):
    raise AttributeError("cases are not in this index")


@indexer(ICaseAttachment)
def attachment_not_indexed(obj):
    raise AttributeError("case attachments are not in this index")
