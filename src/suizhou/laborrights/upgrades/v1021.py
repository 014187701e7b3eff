"""1020 → 1021: early warning (issue 14 item 1).

The warnings control panel's records (``suizhou.laborrights.warnings.*``, with their defaults;
existing records keep their values), its configlet, and the ``employer_keys`` index the rules
query (warnings/employers.py), filled for every stored case. The warnings themselves start
empty: the rules raise them as cases are filed or change."""

from plone import api
from Products.ZCatalog.ZCatalog import ZCatalog
from suizhou.laborrights import logger
from suizhou.laborrights.upgrades import recatalog


PROFILE = "profile-suizhou.laborrights:default"


def upgrade(context):
    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(PROFILE, "plone.app.registry", run_dependencies=False)
    setup.runImportStepFromProfile(PROFILE, "controlpanel", run_dependencies=False)
    catalog = api.portal.get_tool("portal_catalog")
    if "employer_keys" not in catalog.indexes():
        extra = type("extra", (), {"indexed_attrs": "employer_keys"})()
        ZCatalog.addIndex(catalog, "employer_keys", "KeywordIndex", extra)
    brains = catalog.unrestrictedSearchResults(portal_type="Case")
    recatalog(catalog, brains, ["employer_keys"], update_metadata=False)
    logger.info("Upgraded to 1021: early warning; %s cases indexed by employer.", len(brains))
