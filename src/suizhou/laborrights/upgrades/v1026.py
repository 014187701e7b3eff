"""1025 → 1026: the employer's reply link (issue 13 item 5).

The notifications control panel gets the record ``employer_link_days`` (用人单位答复链接有效期,
default 14 days); the other records keep the values the administrator set."""

from plone import api
from suizhou.laborrights import logger


PROFILE = "profile-suizhou.laborrights:default"


def upgrade(context):
    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(PROFILE, "plone.app.registry", run_dependencies=False)
    logger.info("Upgraded to 1026: the employer's reply link setting.")
