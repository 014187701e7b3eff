"""1035 → 1036: the warning rules read the catalog instead of waking cases (docs/performance.md):
the ``district_type_day`` keyword index for the surge rule's counts (warnings/surge_days.py), and
the workers of each case in its ``worklist_row`` metadata for a warning's evidence (a unit with
hundreds of overdue cases woke all of them on every check). Every stored case is catalogued in
the new index and its metadata rewritten; no other index is touched."""

from plone import api
from suizhou.laborrights import logger
from suizhou.laborrights.upgrades import recatalog


def upgrade(context):
    catalog = api.portal.get_tool("portal_catalog")
    if "district_type_day" not in catalog.indexes():
        catalog.addIndex("district_type_day", "KeywordIndex")
    brains = catalog.unrestrictedSearchResults(portal_type="Case")
    recatalog(catalog, brains, ["district_type_day"], update_metadata=True)
    logger.info("Upgraded to 1036: %s cases in the district_type_day index, with their workers.", len(brains))
