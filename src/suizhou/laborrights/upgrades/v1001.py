"""1000 → 1001: case handling (routing, mediation sessions, statutory clocks, worklists).

Imports the changed profile parts, gives every existing station its staff group, and
re-catalogs the cases for the new indexes (``due_date``, ``stage``) and worklist columns.
"""

from plone import api
from suizhou.laborrights import logger
from suizhou.laborrights.handling.assignment import ensure_unit_group


PROFILE = "profile-suizhou.laborrights:default"
STEPS = ("rolemap", "workflow", "typeinfo", "catalog", "plone.app.registry", "controlpanel")


def upgrade(context):
    setup = api.portal.get_tool("portal_setup")
    for step in STEPS:
        setup.runImportStepFromProfile(PROFILE, step, run_dependencies=False)
    # New permission maps of the case workflow (copy units may view; mediation sessions).
    api.portal.get_tool("portal_workflow").updateRoleMappings()
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="ServiceStation"):
        ensure_unit_group(brain._unrestrictedGetObject())
    cases = catalog.unrestrictedSearchResults(portal_type="Case")
    for brain in cases:
        brain._unrestrictedGetObject().reindexObject(
            idxs=["due_date", "stage", "allowedRolesAndUsers"]
        )
    logger.info("Upgraded to 1001: %d cases re-catalogued.", len(cases))
