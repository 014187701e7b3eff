"""1023 → 1024: the document templates' control panel 维权平台：文书模板 (issue 13 item 4).

``@@document-templates`` (``controlpanels/document_templates.py``), where the administrator
downloads, replaces and resets the Word templates of the documents, gets its entry in the site
setup: re-importing the control panel step adds it (the other entries are kept as they are).
The templates' store is made by the first upload, the numbers' sequences by the first issued
document: nothing to store now."""

from plone import api
from suizhou.laborrights import logger


PROFILE = "profile-suizhou.laborrights:default"


def upgrade(context):
    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(PROFILE, "controlpanel", run_dependencies=False)
    logger.info("Upgraded to 1024: the document templates' control panel.")
