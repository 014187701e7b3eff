"""Set-up of the public site, run by the default profile and its upgrade steps: the 常见问题 and
政策法规 sections, the home page and the publication folders' layouts (the station folder also
marked as the station directory), and the case types kept out of the site search."""

from plone import api
from plone.base.interfaces.constrains import ENABLED
from plone.base.interfaces.constrains import ISelectableConstrainTypes
from Products.CMFCore.indexing import processQueue
from suizhou.laborrights.folders import FAQ_ID
from suizhou.laborrights.folders import GUIDES_ID
from suizhou.laborrights.folders import NEWS_ID
from suizhou.laborrights.folders import POLICIES_ID
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
    FAQ_ID: "faq-listing",
    POLICIES_ID: "policy-listing",
}
# Sections of plain Documents (public/sections.py): folder id -> title, description.
SECTIONS = {
    FAQ_ID: ("常见问题", "劳动者维权中常问的问题，依据现行法律法规解答。"),
    POLICIES_ID: ("政策法规", "与劳动者权益相关的法律、法规和政策要点。"),
}
# Never offered by the site search, whoever searches (cases are not full-text indexed either).
NOT_SEARCHED = ("Case", "CaseFolder", "CaseAttachment")


def create_sections(portal):
    """The 常见问题 and 政策法规 folders (Documents only), published, with their layouts, unless
    they exist (an existing folder keeps the layout an administrator chose)."""
    for folder_id, (title, description) in SECTIONS.items():
        if folder_id in portal:
            continue
        folder = api.content.create(
            container=portal, type="Folder", id=folder_id, title=title, description=description, safe_id=False
        )
        constraints = ISelectableConstrainTypes(folder)
        constraints.setConstrainTypesMode(ENABLED)
        constraints.setLocallyAllowedTypes(["Document"])
        constraints.setImmediatelyAddableTypes(["Document"])
        if api.content.get_state(folder, default=None) not in (None, "published"):
            api.content.transition(folder, to_state="published")
        folder.setLayout(FOLDER_LAYOUTS[folder_id])


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
