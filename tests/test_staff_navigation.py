"""The staff navigation (browser/staff_nav.py): each member of staff sees the links to the
pages their roles open, every one of which opens for them (no 403, no 404); anonymous visitors
see none, and the public pages are not one byte heavier for them."""

from plone import api
from plone.app.viewletmanager.interfaces import IViewletSettingsStorage
from plone.testing.zope import Browser
from suizhou.laborrights.enterprise.folders import services_folder
from suizhou.laborrights.enterprise.vocabularies import ARBITRATORS_GROUP
from suizhou.laborrights.gig.vocabularies import GIG_HOST_TYPE
from suizhou.laborrights.handling.assignment import unit_group_id
from suizhou.laborrights.partners import units
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from tests.helpers import browser_for
from tests.helpers import make_station
from tests.helpers import make_user
from tests.helpers import RoutingFixture
from zope.component import getUtility

import lxml.html
import transaction
import unittest


CITY = [
    "worklist",
    "case-search",
    "statistics",
    "warnings",
    "assessment",
    "district-staff",
    "districts-admin",
    "access-log",
    "enterprise-register",
]
EXPECTED = {
    "clerk": ["worklist", "case-search"],
    "staff_a": ["worklist", "case-search"],
    "mediator": ["worklist", "case-search"],
    "gig_staff": ["worklist", "case-search", "gig-matching"],
    "arbitrator": ["worklist", "case-search", "enterprise-register"],
    "admin_zengdu": ["worklist", "case-search", "statistics", "warnings", "assessment", "district-staff"],
    "city_admin": CITY,  # 零工驿站 matching: the site's managers and the stations' staff only
    "judge": ["partner-mailbox"],
    "member": [],
}


class TestStaffNavigation(RoutingFixture, unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def setUp(self):
        self.app = self.layer["app"]
        self.portal = self.layer["portal"]
        self.make_people()
        make_user("city_admin", groups=["city_admins"])
        make_user("member")
        gig = make_station("gig-1", title="曾都区零工驿站")
        gig.host_type = GIG_HOST_TYPE
        make_user("gig_staff", groups=[unit_group_id(gig.UID())])
        with api.env.adopt_roles(["Manager"]):
            if api.group.get(groupname=ARBITRATORS_GROUP) is None:
                api.group.create(groupname=ARBITRATORS_GROUP)
        make_user("arbitrator", groups=[ARBITRATORS_GROUP])
        services_folder()
        self.unit_a.partner_agencies = ["hrss", "court"]
        self.unit_a.reindexObject()
        with api.env.adopt_roles(["Manager"]):
            make_user("judge", groups=[units.ensure_group(units.token("court", self.a))])
        transaction.commit()

    def links(self, username, path=""):
        browser = browser_for(self.app, username)
        browser.open(f"{self.portal.absolute_url()}/{path}")
        html = lxml.html.fromstring(browser.contents)
        return {a.get("id")[len("sz-staff-nav-") :]: a.get("href") for a in html.cssselect(".sz-staff-nav a")}

    def test_each_role_sees_its_pages_and_each_link_opens(self):
        for username, expected in EXPECTED.items():
            with self.subTest(username=username):
                links = self.links(username)
                self.assertEqual(list(links), expected)
                browser = browser_for(self.app, username)
                browser.handleErrors = True
                browser.raiseHttpErrors = False
                for name, url in links.items():
                    browser.open(url)
                    self.assertTrue(browser.headers["status"].startswith("200"), (name, browser.headers["status"]))
                    self.assertNotRegex(browser.url, r"/(login|require_login|insufficient-privileges)\b", name)

    def test_the_page_shown_is_marked_as_the_current_one(self):
        browser = browser_for(self.app, "admin_zengdu")
        browser.open(f"{self.portal.absolute_url()}/@@statistics")
        html = lxml.html.fromstring(browser.contents)
        [current] = html.cssselect(".sz-staff-nav a[aria-current='page']")
        self.assertEqual(current.text_content().strip(), "统计")
        self.assertEqual(html.cssselect(".sz-staff-nav")[0].get("aria-label"), "工作人员导航")

    def anonymous_page(self, path):
        browser = Browser(self.app)
        browser.addHeader("Accept-Language", "zh-CN")
        browser.open(f"{self.portal.absolute_url()}/{path}")
        return browser.contents

    def test_anonymous_visitors_see_none_and_the_public_pages_weigh_the_same(self):
        pages = ("", "mediators", "stations")
        shown = {path: self.anonymous_page(path) for path in pages}
        for path, html in shown.items():
            self.assertNotIn("sz-staff-nav", html, path)
            self.assertNotIn("@@worklist", html, path)
        storage = getUtility(IViewletSettingsStorage)
        manager, skin = "plone.abovecontent", self.portal.portal_skins.getDefaultSkin()
        storage.setHidden(manager, skin, (*storage.getHidden(manager, skin), "suizhou.laborrights.staff-nav"))
        transaction.commit()
        self.assertEqual(self.links("city_admin"), {})  # the navigation is gone for staff too
        for path, html in shown.items():
            self.assertEqual(len(self.anonymous_page(path)), len(html), path)
