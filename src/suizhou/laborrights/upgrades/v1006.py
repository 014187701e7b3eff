"""1005 → 1006: the main menu shows the top-level sections only (``plone.navigation_depth``
1), not a drop-down with every news item on every page."""

from plone import api
from suizhou.laborrights import logger


def upgrade(context):
    api.portal.set_registry_record("plone.navigation_depth", 1)
    logger.info("Upgraded to 1006: main menu without drop-downs.")
