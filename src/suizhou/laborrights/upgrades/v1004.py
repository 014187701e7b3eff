"""1003 → 1004: cases leave the catalog indexes and metadata columns nobody queries for them
(object_provides, sortable_title, Type, id, is_folderish, image scales, object size; see
indexers.py): each case is reindexed in just those, which drops its entries."""

from plone import api
from suizhou.laborrights import logger

import transaction


DROPPED_INDEXES = ["object_provides", "sortable_title", "Type", "id", "is_folderish"]


def upgrade(context):
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(portal_type="Case")
    for number, brain in enumerate(brains, 1):
        obj = brain._unrestrictedGetObject()
        catalog.catalog_object(obj, brain.getPath(), idxs=DROPPED_INDEXES, update_metadata=True)
        if number % 1000 == 0:
            transaction.savepoint(optimistic=True)
    logger.info("Dropped %s cases from unqueried indexes", len(brains))
