"""1033 → 1034: the catalog's ``partner_transfers`` metadata column (partners/indexers.py), each
transfer's unit, number and sending time, by which a partner mailbox orders its matters and
wakes only the cases of the page it shows. The cases ever sent to a partner are catalogued in it;
no other case, index or column is touched."""

from plone import api
from suizhou.laborrights import logger

import transaction


def upgrade(context):
    catalog = api.portal.get_tool("portal_catalog")
    if "partner_transfers" not in catalog.schema():
        catalog.addColumn("partner_transfers")
    partners = list(catalog.uniqueValuesFor("partner_units"))
    brains = catalog.unrestrictedSearchResults(portal_type="Case", partner_units=partners) if partners else []
    for number, brain in enumerate(brains, 1):
        catalog.catalog_object(
            brain._unrestrictedGetObject(), brain.getPath(), idxs=["partner_units"], update_metadata=True
        )
        if number % 1000 == 0:
            transaction.savepoint(optimistic=True)
    logger.info("Upgraded to 1034: %s cases sent to partners in the partner_transfers column.", len(brains))
