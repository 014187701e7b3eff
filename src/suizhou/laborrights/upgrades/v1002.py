"""1001 → 1002: the public site.

Imports the public site's settings (registry) and control panel, adds the news folder, makes
the home page, station finder and listings the layouts of the site root and the publication
folders, keeps cases out of the site search, and re-indexes the full text of the public
content (guides, typical cases, stations, mediators) for Chinese search.
"""

from plone import api
from suizhou.laborrights import logger
from suizhou.laborrights.public.search import reindex_public_text
from suizhou.laborrights.public.setup import set_layouts
from suizhou.laborrights.setuphandlers import create_structure


PROFILE = "profile-suizhou.laborrights:default"
STEPS = ("plone.app.registry", "controlpanel")


def upgrade(context):
    setup = api.portal.get_tool("portal_setup")
    for step in STEPS:
        setup.runImportStepFromProfile(PROFILE, step, run_dependencies=False)
    portal = api.portal.get()
    create_structure(portal)  # adds only what is missing: here the news folder
    set_layouts(portal)
    reindex_public_text()
    logger.info("Upgraded to 1002: the public site.")
