"""1019 → 1020: the worklists' columns and sort orders, and the staff search (issue 13 items 2, 3).

The catalog gets the ``applicant_sort``, ``employer_sort`` and ``amount_sort`` field indexes,
the staff-only ``case_search_keys`` keyword index (cases/search_keys.py) and the
``worklist_row`` metadata column (applicant, employer, amount); every stored case is
reindexed in them."""

from plone import api
from suizhou.laborrights import logger
from suizhou.laborrights.upgrades import recatalog


INDEXES = (
    ("applicant_sort", "FieldIndex"),
    ("employer_sort", "FieldIndex"),
    ("amount_sort", "FieldIndex"),
    ("case_search_keys", "KeywordIndex"),
)


def upgrade(context):
    catalog = api.portal.get_tool("portal_catalog")
    for name, meta_type in INDEXES:
        if name not in catalog.indexes():
            catalog.addIndex(name, meta_type)
    if "worklist_row" not in catalog.schema():
        catalog.addColumn("worklist_row")
    brains = catalog.unrestrictedSearchResults(portal_type="Case")
    names = [name for name, _meta_type in INDEXES]
    recatalog(catalog, brains, names, update_metadata=True)
    logger.info("Upgraded to 1020: %s cases in the worklist and staff search indexes.", len(brains))
