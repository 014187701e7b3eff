"""The staff navigation: on every page, for a logged-in member of staff, the links to the pages
their roles open — and none they would be refused. Anonymous visitors get nothing (not even an
empty element: the public pages' weight does not change).

Each link's test is the page's own guard (the same helper the page calls), so a link is never a
403 or 404; the worklist and the staff search (open to any login, showing only what the user
may see) are offered to case staff only: unit staff, the staff groups, intake clerks and the
city's and districts' administrators.
"""

from plone import api
from plone.app.layout.viewlets import ViewletBase
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from suizhou.laborrights import _
from suizhou.laborrights.cases.channels import may_add_case
from suizhou.laborrights.enterprise import folders as enterprise_folders
from suizhou.laborrights.gig.vocabularies import gig_stations
from suizhou.laborrights.handling.assignment import STAFF_GROUPS
from suizhou.laborrights.handling.assignment import units_of
from suizhou.laborrights.partners import units as partner_units
from suizhou.laborrights.staff.administered import administered_district_codes
from suizhou.laborrights.staff.administered import administered_districts


MANAGE_SETTINGS = "suizhou.laborrights: Manage settings"


def is_case_staff(user, districts):
    groups = set(user.getGroups()) if hasattr(user, "getGroups") else set()
    return bool(units_of(user) or groups & set(STAFF_GROUPS) or districts != frozenset() or may_add_case())


def may_match_gig_seekers(user):
    """``@@gig-matching``: the site's managers, and the staff of a 零工驿站."""
    if api.user.has_permission("Manage portal", obj=api.portal.get()):
        return True
    mine = set(units_of(user))
    return bool(mine) and any(station.UID() in mine for station in gig_stations())


def may_read_partner_mailbox():
    mine = set(partner_units.partners_of())
    return bool(mine) and bool(mine & {token for token, _title in partner_units.all_partners()})


def staff_links():
    """[(id, title, url)] of the staff pages the current user opens, in the bar's order."""
    if api.user.is_anonymous():
        return []
    portal = api.portal.get()
    base = portal.absolute_url()
    user = api.user.get_current()
    districts = administered_districts()  # None: the whole city
    staff = is_case_staff(user, districts)
    settings = api.user.has_permission(MANAGE_SETTINGS, obj=portal)
    enterprise = portal.get(enterprise_folders.FOLDER_ID)
    candidates = [
        ("worklist", _("staff_nav_worklist", default="工作台"), "@@worklist", staff),
        ("case-search", _("staff_nav_case_search", default="案件查询"), "@@case-search", staff),
        (
            "statistics",
            _("staff_nav_statistics", default="统计"),
            "@@statistics",
            lambda: bool(administered_district_codes()),
        ),
        ("warnings", _("staff_nav_warnings", default="预警"), "@@warnings", districts != frozenset()),
        # the city goes on to the ranking, a district administrator to the district's own
        (
            "assessment",
            _("staff_nav_assessment", default="考核"),
            "@@assessment",
            districts is None or len(districts) == 1,
        ),
        ("district-staff", _("staff_nav_district_staff", default="人员"), "@@district-staff", districts != frozenset()),
        ("districts-admin", _("staff_nav_districts", default="区县"), "@@districts-admin", settings),
        ("access-log", _("staff_nav_access_log", default="访问日志"), "@@access-log", settings),
        (
            "enterprise-register",
            _("staff_nav_enterprise", default="企业名录"),
            f"{enterprise_folders.FOLDER_ID}/@@enterprise-register",
            lambda: enterprise is not None and api.user.has_permission("Modify portal content", obj=enterprise),
        ),
        ("gig-matching", _("staff_nav_gig", default="零工驿站"), "@@gig-matching", lambda: may_match_gig_seekers(user)),
        (
            "partner-mailbox",
            _("staff_nav_partner_mailbox", default="协同收件箱"),
            "@@partner-mailbox",
            may_read_partner_mailbox,
        ),
    ]
    return [
        (name, title, f"{base}/{path}")
        for name, title, path, allowed in candidates
        if (allowed() if callable(allowed) else allowed)
    ]


class StaffNavigation(ViewletBase):
    index = ViewPageTemplateFile("templates/staff_nav.pt")

    def update(self):
        self.links = staff_links()
        current = self.request.get("ACTUAL_URL", "")
        self.items = [
            {"id": name, "title": title, "url": url, "current": current == url} for name, title, url in self.links
        ]

    def render(self):
        return self.index() if self.items else ""
