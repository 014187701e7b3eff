"""1032 → 1033: the statistics store's keys begin with a shard of the case's uid, no longer with
its dates (statistics/store.py), so that filings at the same moment in several instances do not
write the same bucket.

A site that ran 1030 before this change has its store under the old annotation key; its records
are copied into the new layout as they are (no case is woken) and the old store is removed. A
site upgraded from 1029 filled the new layout in 1030 and has nothing to move."""

from plone import api
from suizhou.laborrights import logger
from suizhou.laborrights.statistics import store
from suizhou.laborrights.statistics.records import Record
from zope.annotation.interfaces import IAnnotations

import transaction


def upgrade(context):
    annotations = IAnnotations(api.portal.get())
    old = annotations.get(store.OLD_ANNOTATION_KEY)
    if old is None:
        logger.info("Upgraded to 1033: the statistics store had nothing in the old layout.")
        return
    trees = store.trees(create=True)
    moved = 0
    for number, ((_district, _received, uid), values) in enumerate(old["records"].items(), 1):
        if store.get(trees, uid) is None:  # a case changed since this code runs is there already
            store.put(trees, uid, Record._make(values))
            moved += 1
        if number % 5000 == 0:
            transaction.savepoint(optimistic=True)
    del annotations[store.OLD_ANNOTATION_KEY]
    logger.info("Upgraded to 1033: %s records moved into the statistics store's new layout.", moved)
