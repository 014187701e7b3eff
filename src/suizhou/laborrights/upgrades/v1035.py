"""1034 → 1035: the trees that every filing writes get large buckets (``cases.buckets``: the
catalog's records and every index's trees, the intid utility's; the meta-type index of the
register's bins), so that filings from several instances at once conflict less on bucket
splits. Entries are copied as they are (nothing is reindexed): on a large register this writes
the catalog once more (the database grows by about the catalog's size until it is packed)."""

from plone import api
from suizhou.laborrights import logger
from suizhou.laborrights.cases import buckets
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
    replaced = buckets.enlarge(api.portal.get())
    bins = 0
    for folder in _bins(get_register()):
        for meta_type, ids in list(folder._mt_index.items()):
            if type(ids) is not LargeBucketOIBTree:
                folder._mt_index[meta_type] = LargeBucketOIBTree(ids)
                bins += 1
    logger.info("Upgraded to 1035: large buckets for %d trees; %d bin index(es).", len(replaced), bins)
