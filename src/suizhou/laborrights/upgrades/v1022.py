"""1021 → 1022: the API keys' control panel 维权平台：接口密钥 (issue 18 item 2).

``@@laborrights-api-keys`` (``restapi.api_keys_view``), where the administrator issues and
revokes the keys of known clients, gets its entry in the site setup: re-importing the
control panel step adds it (the other entries are kept as they are). The keys themselves are
made when the first one is issued: nothing to store now."""

from plone import api
from suizhou.laborrights import logger


PROFILE = "profile-suizhou.laborrights:default"


def upgrade(context):
    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(PROFILE, "controlpanel", run_dependencies=False)
    logger.info("Upgraded to 1022: the API keys' control panel.")
