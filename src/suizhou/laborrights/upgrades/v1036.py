"""1035 → 1036: the warning rules read the catalog instead of waking cases (docs/performance.md):
the ``district_type_day`` keyword index for the surge rule's counts (warnings/surge_days.py), and
the workers of each case in its ``worklist_row`` metadata for a warning's evidence (a unit with
hundreds of overdue cases woke all of them on every check). Every stored case is catalogued in
the new index and its metadata rewritten; no other index is touched."""

from plone import api
from suizhou.laborrights import logger

import transaction


def upgrade(context):
    catalog = api.portal.get_tool("portal_catalog")
    if "district_type_day" not in catalog.indexes():
        catalog.addIndex("district_type_day", "KeywordIndex")
    brains = catalog.unrestrictedSearchResults(portal_type="Case")
    for number, brain in enumerate(brains, 1):
        catalog.catalog_object(
            brain._unrestrictedGetObject(), brain.getPath(), idxs=["district_type_day"], update_metadata=True
        )
        if number % 1000 == 0:
            transaction.savepoint(optimistic=True)
    logger.info("Upgraded to 1036: %s cases in the district_type_day index, with their workers.", len(brains))
