"""Set-up of the public site, run by the default profile and its upgrade steps: the home page
and the publication folders' layouts (the station folder also marked as the station directory),
and the case types kept out of the site search."""

from plone import api
from Products.CMFCore.indexing import processQueue
from suizhou.laborrights.folders import GUIDES_ID
from suizhou.laborrights.folders import NEWS_ID
from suizhou.laborrights.folders import STATIONS_ID
from suizhou.laborrights.folders import TYPICAL_CASES_ID
from suizhou.laborrights.interfaces import IStationDirectory
from zope.interface import alsoProvides


HOME_LAYOUT = "laborrights-home"
# folder id -> layout (views of public/configure.zcml)
FOLDER_LAYOUTS = {
    STATIONS_ID: "station-finder",
    GUIDES_ID: "guide-listing",
    TYPICAL_CASES_ID: "typical-case-listing",
    NEWS_ID: "news-listing",
}
# Never offered by the site search, whoever searches (cases are not full-text indexed either).
NOT_SEARCHED = ("Case", "CaseFolder", "CaseAttachment")


def set_layouts(portal):
    if portal.getLayout() != HOME_LAYOUT:
        portal.setLayout(HOME_LAYOUT)
    for folder_id, layout in FOLDER_LAYOUTS.items():
        folder = portal.get(folder_id)
        if folder is None:
            continue
        if folder.getLayout() != layout:
            folder.setLayout(layout)
        if folder_id == STATIONS_ID:
            alsoProvides(folder, IStationDirectory)
        folder.reindexObject()
    record = "plone.types_not_searched"
    hidden = tuple(api.portal.get_registry_record(record, default=()) or ())
    missing = tuple(t for t in NOT_SEARCHED if t not in hidden)
    if missing:
        api.portal.set_registry_record(record, hidden + missing)
    # Index now, while the site is set: a queue left to the commit of a test layer's set-up
    # is processed without a site, and the folders would lose their state and navigation
    # metadata (they would vanish from the main navigation).
    processQueue()
