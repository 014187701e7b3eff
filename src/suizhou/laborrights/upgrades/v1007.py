"""1006 → 1007: the station folder is marked as the station directory, so its page (the station
finder) is found without CMF's default-view lookups, as the public content types' pages are."""

from plone import api
from suizhou.laborrights import logger
from suizhou.laborrights.public.setup import set_layouts


def upgrade(context):
    set_layouts(api.portal.get())
    logger.info("Upgraded to 1007: station folder marked as the station directory.")
