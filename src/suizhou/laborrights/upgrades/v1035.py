"""1034 → 1035: the register's bins index their case ids by meta type in a large-bucket tree
(``CaseFolder._setOb``), as their ``_tree`` already was: filings from two instances at once add
ids in sequence to its last bucket, and each split of a 60-key bucket made one of them conflict.

The catalog's and the intid utility's trees stay Plone's: large buckets there lowered the
conflicts between two instances (0.20 → 0.07 per filing) but every filing then rewrote buckets
of 500 keys — a third less throughput and the database growing about five times as fast
(docs/performance.md, 并发登记); filings are better sent to one instance (docs/deployment.md).
"""

from suizhou.laborrights import logger
from suizhou.laborrights.cases.register import get_register
from suizhou.laborrights.content.case_folder import ICaseFolder
from suizhou.laborrights.content.case_folder import LargeBucketOIBTree


def _bins(register):
    """The district bins and their month bins (the cases in them are not woken)."""
    for district in register.objectValues():
        if ICaseFolder.providedBy(district):
            yield district
            yield from (month for month in district.objectValues() if ICaseFolder.providedBy(month))


def upgrade(context):
    replaced = 0
    for folder in _bins(get_register()):
        for meta_type, ids in list(folder._mt_index.items()):
            if type(ids) is not LargeBucketOIBTree:
                folder._mt_index[meta_type] = LargeBucketOIBTree(ids)
                replaced += 1
    logger.info("Upgraded to 1035: %d bin meta-type index(es) with large buckets.", replaced)
