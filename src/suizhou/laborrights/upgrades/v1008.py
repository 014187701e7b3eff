"""1007 → 1008: the holiday arrangement entered year by year and minimum wages by district
with effective dates (issue 12, items 3 and 4).

Re-imports the registry records: the new records get their defaults, existing ones keep the
administrator's values."""

from plone import api
from suizhou.laborrights import logger


PROFILE = "profile-suizhou.laborrights:default"


def upgrade(context):
    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(PROFILE, "plone.app.registry", run_dependencies=False)
    logger.info("Upgraded to 1008: holiday arrangements by year, minimum wages by district.")
