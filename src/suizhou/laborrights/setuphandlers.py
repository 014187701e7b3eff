"""Site structure created by the default profile: register, districts, publication folders,
staff groups and their local roles. Safe to run again (it only adds what is missing)."""

from plone import api
from plone.base.interfaces import INonInstallable
from plone.base.interfaces.constrains import ENABLED
from plone.base.interfaces.constrains import ISelectableConstrainTypes
from plone.dexterity.utils import createContentInContainer
from suizhou.laborrights.cases import search_keys
from suizhou.laborrights.cases.register import prepare_register
from suizhou.laborrights.folders import GUIDES_ID
from suizhou.laborrights.folders import NEWS_ID
from suizhou.laborrights.folders import REGISTER_ID
from suizhou.laborrights.folders import STATIONS_ID
from suizhou.laborrights.folders import TYPICAL_CASES_ID
from suizhou.laborrights.forms.install import create_forms
from suizhou.laborrights.interfaces import IStationDirectory
from suizhou.laborrights.public.setup import create_sections
from suizhou.laborrights.public.setup import set_layouts
from suizhou.laborrights.staff import lockout
from suizhou.laborrights.vocabularies import registry_terms
from zope.interface import implementer
from zope.interface import noLongerProvides


# Site-wide staff groups: id -> (title, global roles).
GROUPS = {
    "intake_clerks": ("受理员（全市）", ()),
    "handlers": ("承办人", ()),
    "mediators": ("调解员", ()),
    "arbitrators": ("仲裁员", ()),
    "publicity_staff": ("宣传员", ()),
    "reviewers": ("审核员", ()),
    "city_admins": ("市局管理员", ("Site Administrator", "CaseSupervisor")),
    # The 12345 hotline's machine account(s): file tickets, pull status changes (REST API).
    "hotline_integration": ("12345热线对接账号", ("HotlineIntegration",)),
}
# Local roles of the site-wide groups: folder id -> {group: roles}.
LOCAL_ROLES = {
    REGISTER_ID: {"intake_clerks": ("IntakeClerk",)},
    GUIDES_ID: {"publicity_staff": ("Contributor", "Editor", "Reader"), "reviewers": ("Reviewer", "Reader")},
    TYPICAL_CASES_ID: {
        "publicity_staff": ("Contributor", "Editor", "Reader"),
        "reviewers": ("Reviewer", "Reader"),
    },
    NEWS_ID: {
        "publicity_staff": ("Contributor", "Editor", "Reader"),
        "reviewers": ("Reviewer", "Reader"),
    },
}
# Per-district groups get their roles on that district's folders only.
DISTRICT_STATION_ROLES = ("Contributor", "Editor", "Reviewer", "Reader")
DISTRICT_REGISTER_ROLES = ("CaseSupervisor",)


@implementer(INonInstallable)
class HiddenProfiles:
    def getNonInstallableProfiles(self):
        return ["suizhou.laborrights:uninstall"]

    def getNonInstallableProducts(self):
        return []


def district_admins_group(code):
    return f"district_admins_{code}"


def district_clerks_group(code):
    return f"intake_clerks_{code}"


def _folder(container, type_, id_, title, allowed=None, publish=True):
    if id_ not in container:
        # The register's folders are not addable by hand, so the type constraints are skipped.
        obj = createContentInContainer(container, type_, id=id_, title=title, checkConstraints=False)
        if allowed is not None:
            constraints = ISelectableConstrainTypes(obj)
            constraints.setConstrainTypesMode(ENABLED)
            constraints.setLocallyAllowedTypes(allowed)
            constraints.setImmediatelyAddableTypes(allowed)
        if publish and api.content.get_state(obj, default=None) not in (None, "published"):
            api.content.transition(obj, to_state="published")
    return container[id_]


def _group(group_id, title, roles=()):
    if api.group.get(groupname=group_id) is None:
        api.group.create(groupname=group_id, title=title, roles=list(roles))


def _grant(obj, group_id, roles):
    api.group.grant_roles(groupname=group_id, roles=list(roles), obj=obj)


def create_structure(portal):
    register = _folder(portal, "CaseFolder", REGISTER_ID, "维权事项登记簿", publish=False)
    prepare_register(register)
    register.exclude_from_nav = True
    register.reindexObject()
    stations = _folder(portal, "Folder", STATIONS_ID, "服务站点", allowed=["District"])
    _folder(portal, "Folder", GUIDES_ID, "办事指南", allowed=["Guide"])
    _folder(portal, "Folder", TYPICAL_CASES_ID, "典型案例", allowed=["TypicalCase"])
    _folder(portal, "Folder", NEWS_ID, "新闻动态", allowed=["News Item", "Image"])

    for group_id, (title, roles) in GROUPS.items():
        _group(group_id, title, roles)
    for folder_id, grants in LOCAL_ROLES.items():
        for group_id, roles in grants.items():
            _grant(portal[folder_id], group_id, roles)

    for code, title in registry_terms("districts"):
        district = _folder(stations, "District", code, title)
        district.district = code
        district.reindexObject()
        district_register = _folder(register, "CaseFolder", code, title, publish=False)
        _group(district_admins_group(code), f"{title}站点管理员")
        _group(district_clerks_group(code), f"{title}受理员")
        _grant(district, district_admins_group(code), DISTRICT_STATION_ROLES)
        _grant(district_register, district_admins_group(code), DISTRICT_REGISTER_ROLES)
        _grant(district_register, district_clerks_group(code), ("IntakeClerk",))


def post_install(context):
    portal = api.portal.get()
    create_structure(portal)
    # The public forms (forms/models/*.xml), which register web filings as cases.
    create_forms(portal)
    # The public pages as the layouts of the site root and the publication folders.
    create_sections(portal)
    set_layouts(portal)
    # Lockout after repeated failed logins: the gate in front of source_users.
    lockout.install(portal)
    # The staff search's own secret (phone and ID hashes), apart from Plone's rotated keyring.
    search_keys.ensure_secret(portal)


def uninstall(context):
    """Content stays (it is the city's record); the profile removes types and settings, and
    this the station folder's marker (its page is the folder's layout again); source_users checks
    passwords itself again (the lockout plugin goes)."""
    lockout.uninstall(api.portal.get())
    stations = api.portal.get().get(STATIONS_ID)
    if stations is not None:
        noLongerProvides(stations, IStationDirectory)
        stations.reindexObject(idxs=["object_provides"])
