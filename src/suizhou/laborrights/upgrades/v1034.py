"""1033 → 1034: the catalog's ``partner_transfers`` metadata column (partners/indexers.py), each
transfer's unit, number and sending time, by which a partner mailbox orders its matters and
wakes only the cases of the page it shows. The cases ever sent to a partner are catalogued in it;
no other case, index or column is touched."""

from plone import api
from suizhou.laborrights import logger
from suizhou.laborrights.upgrades import recatalog


def upgrade(context):
    catalog = api.portal.get_tool("portal_catalog")
    if "partner_transfers" not in catalog.schema():
        catalog.addColumn("partner_transfers")
    partners = list(catalog.uniqueValuesFor("partner_units"))
    brains = catalog.unrestrictedSearchResults(portal_type="Case", partner_units=partners) if partners else []
    recatalog(catalog, brains, ["partner_units"], update_metadata=True)
    logger.info("Upgraded to 1034: %s cases sent to partners in the partner_transfers column.", len(brains))
