"""1018 → 1019: what the statistics read of a case (issue 14 item 2).

The catalog gets the ``closed`` date index (the cases that ended in a period) and the
``statistics_record`` metadata column (statistics/records.py: everything a figure counts of a
case, read without waking it); every stored case is reindexed in that index, which also fills
its record."""

from plone import api
from Products.ZCatalog.ZCatalog import ZCatalog
from suizhou.laborrights import logger

import transaction


def upgrade(context):
    catalog = api.portal.get_tool("portal_catalog")
    if "closed" not in catalog.indexes():
        extra = type("extra", (), {"index_naive_time_as_local": True})()
        ZCatalog.addIndex(catalog, "closed", "DateIndex", extra)
    if "statistics_record" not in catalog.schema():
        catalog.addColumn("statistics_record")
    brains = catalog.unrestrictedSearchResults(portal_type="Case")
    for number, brain in enumerate(brains, 1):
        catalog.catalog_object(brain._unrestrictedGetObject(), brain.getPath(), idxs=["closed"], update_metadata=True)
        if number % 1000 == 0:
            transaction.savepoint(optimistic=True)
    logger.info("Upgraded to 1019: %s cases have their statistics record.", len(brains))
