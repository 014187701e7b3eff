"""1028 → 1029: partner units' mailboxes, and partners no longer read a case once they answered
(issue 15, review finding on partner privacy).

The ``partner_units`` index (partners/indexers.py) is added and filled for every case sent to a
partner; on each of them a partner group keeps ``Reader`` only while a transfer to it is open or
shared for 裁审衔接 (``transfers.sync_role``): a unit that returned its result stops reading the
case, its files and its hand-over page."""

from plone import api
from Products.ZCatalog.ZCatalog import ZCatalog
from suizhou.laborrights import logger
from suizhou.laborrights.partners import transfers
from suizhou.laborrights.partners import units

import transaction


def upgrade(context):
    catalog = api.portal.get_tool("portal_catalog")
    if "partner_units" not in catalog.indexes():
        extra = type("extra", (), {"indexed_attrs": "partner_units"})()
        ZCatalog.addIndex(catalog, "partner_units", "KeywordIndex", extra)
    # Every case ever sent to a partner gave the partner's group Reader on it.
    groups = [group.getId() for group in api.group.get_groups() if group.getId().startswith(units.GROUP_PREFIX)]
    brains = catalog.unrestrictedSearchResults(
        portal_type="Case", allowedRolesAndUsers=[f"user:{group}" for group in groups] or ["-"]
    )
    for number, brain in enumerate(brains, 1):
        case = brain._unrestrictedGetObject()
        for partner in {t["partner"] for t in transfers.transfers(case)}:
            transfers.sync_role(case, partner)
        catalog.catalog_object(case, brain.getPath(), idxs=["partner_units"], update_metadata=False)
        if number % 500 == 0:
            transaction.savepoint(optimistic=True)
    logger.info("Upgraded to 1029: partner mailboxes; %s cases sent to partners.", len(brains))
