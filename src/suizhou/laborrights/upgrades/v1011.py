"""1010 → 1011: failed notifications are retried, the HTTP SMS platform, retention (issue 17).

New registry records (the retry intervals, the HTTP SMS platform's address, account, key, sign
name and timeout), the control panel entry 维权平台：未发出的通知, and the permission to
anonymise cases past their retention period (city administrators). Re-importing the registry
keeps every existing record's value."""

from plone import api
from suizhou.laborrights import logger


PROFILE = "profile-suizhou.laborrights:default"


def upgrade(context):
    setup = api.portal.get_tool("portal_setup")
    for step in ("plone.app.registry", "controlpanel", "rolemap"):
        setup.runImportStepFromProfile(PROFILE, step, run_dependencies=False)
    logger.info("Upgraded to 1011: notification retries, HTTP SMS platform, retention.")
