"""1014 → 1015: the budgets of anonymous API filing as settings (issue 18 item 2).

``filing.api_client_filings_per_hour`` (10) and ``filing.api_site_filings_per_hour`` (200), read
by ``restapi.filing_limits``, become fields of the filing control panel: re-importing the
registry step adds their records with these defaults and keeps every existing record's value."""

from plone import api
from suizhou.laborrights import logger


PROFILE = "profile-suizhou.laborrights:default"


def upgrade(context):
    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(PROFILE, "plone.app.registry", run_dependencies=False)
    logger.info("Upgraded to 1015: the budgets of anonymous API filing are settings.")
