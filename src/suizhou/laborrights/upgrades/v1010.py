"""1009 → 1010: the list of reasons for not accepting a case (issue 12, item 5).

不予受理 requires a reason chosen from the registry list ``vocabularies.refusal_reasons``
(不属于劳动争议, 超过仲裁时效 …). Re-importing the registry step adds the record with its
defaults; every existing record keeps the administrator's values."""

from plone import api
from suizhou.laborrights import logger


PROFILE = "profile-suizhou.laborrights:default"


def upgrade(context):
    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(PROFILE, "plone.app.registry", run_dependencies=False)
    logger.info("Upgraded to 1010: refusal reasons list added.")
