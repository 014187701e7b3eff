"""1006 → 1007: the station folder is marked as the station directory, so its page (the station
finder) is found without CMF's default-view lookups, as the public content types' pages are."""

from plone import api
from suizhou.laborrights import logger
from suizhou.laborrights.folders import STATIONS_ID
from suizhou.laborrights.interfaces import IStationDirectory
from zope.interface import alsoProvides


def upgrade(context):
    stations = api.portal.get().get(STATIONS_ID)
    if stations is not None:
        alsoProvides(stations, IStationDirectory)
        stations.reindexObject(idxs=["object_provides"])
    logger.info("Upgraded to 1007: station folder marked as the station directory.")
