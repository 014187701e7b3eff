"""1030 → 1031: the people's court of each district (司法确认) is a setting.

``public.courts`` (lines ``区县代码|法院名称``, ``settings.court_name``) fills the court of the
司法确认 documents; re-importing the registry step adds the record, empty (the documents keep
their blank line until the administrator names the courts), and keeps every existing value."""

from plone import api
from suizhou.laborrights import logger


PROFILE = "profile-suizhou.laborrights:default"


def upgrade(context):
    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(PROFILE, "plone.app.registry", run_dependencies=False)
    logger.info("Upgraded to 1031: the courts of 司法确认 are a setting of the public site.")
