"""HTTP caching of the public pages (plone.app.caching, as docs/deployment.md sets it up), and
the pages' default views.

Only anonymous visitors are served from the cache: locking a page (which shows only in the
editors' toolbar) must not throw away their copies; logged-in users, whose pages and API answers
may carry personal data, are never served from a cache nor get an ETag.
"""

from plone import api
from plone.app.testing import login
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.app.testing import TEST_USER_NAME
from plone.app.testing import TEST_USER_PASSWORD
from plone.locking.interfaces import ILockable
from plone.namedfile.file import NamedBlobFile
from plone.restapi.testing import RelativeSession
from plone.testing.zope import Browser
from suizhou.laborrights.interfaces import IStationDirectory
from suizhou.laborrights.testing import DEMO_FUNCTIONAL_TESTING
from suizhou.laborrights.testing import DEMO_INTEGRATION_TESTING
from tests.helpers import make_user
from tests.helpers import new_case
from tests.helpers import PASSWORD

import transaction
import unittest


GUIDE = "guides/wage-arrears-checklist"


def set_up_caching():
    setup = api.portal.get_tool("portal_setup")
    setup.runAllImportStepsFromProfile("profile-plone.app.caching:default")
    setup.runAllImportStepsFromProfile("profile-plone.app.caching:without-caching-proxy")
    api.portal.set_registry_record("plone.caching.interfaces.ICacheSettings.enabled", True)


class TestLockAndCache(unittest.TestCase):
    layer = DEMO_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        set_up_caching()
        setRoles(self.portal, TEST_USER_ID, ["Editor"])
        transaction.commit()
        self.url = f"{self.portal.absolute_url()}/{GUIDE}"

    def get(self, editor=False):
        browser = Browser(self.layer["app"])
        if editor:
            browser.addHeader("Authorization", f"Basic {TEST_USER_NAME}:{TEST_USER_PASSWORD}")
        browser.open(self.url)
        self.assertEqual(browser.headers["status"], "200 OK")
        return browser.headers

    def lock(self):
        login(self.portal, TEST_USER_NAME)
        ILockable(self.portal.unrestrictedTraverse(GUIDE)).lock()
        transaction.commit()

    def test_visitors_keep_the_cached_page_when_an_editor_locks_it(self):
        self.get()
        before = self.get()
        self.assertIn("X-RAMCache", before)  # served from the RAM cache

        self.lock()
        after = self.get()

        self.assertEqual(after["ETag"], before["ETag"])
        self.assertIn("X-RAMCache", after)

    def test_logged_in_users_are_never_served_from_the_cache(self):
        before = self.get(editor=True)
        self.lock()
        after = self.get(editor=True)

        for headers in (before, after):
            self.assertNotIn("X-RAMCache", headers)
            self.assertNotIn("ETag", headers)

    def test_station_finder_stays_cached_whatever_the_folder_layout(self):
        self.portal["stations"].setLayout("listing_view")  # ignored: the folder is the directory
        transaction.commit()
        self.url = f"{self.portal.absolute_url()}/stations"
        self.get()
        self.assertIn("X-RAMCache", self.get())


class TestStationDirectory(unittest.TestCase):
    layer = DEMO_INTEGRATION_TESTING

    def test_station_folder_is_the_station_directory(self):
        self.assertTrue(IStationDirectory.providedBy(self.layer["portal"]["stations"]))


class TestNeverCached(unittest.TestCase):
    """With caching on, a case page and a filing form are built anew for every request."""

    layer = DEMO_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        set_up_caching()
        make_user("siteadmin", roles=["Site Administrator"])
        transaction.commit()

    def get_twice(self, url, user=None):
        browser = Browser(self.layer["app"])
        if user:
            browser.addHeader("Authorization", f"Basic {user}:{PASSWORD}")
        for _ in range(2):
            browser.open(url)
            self.assertEqual(browser.headers["status"], "200 OK")
        return browser.headers

    def test_public_page_is_cached(self):  # the control: caching is on
        self.assertIn("X-RAMCache", self.get_twice(f"{self.portal.absolute_url()}/{GUIDE}"))

    def test_filing_form_is_not_cached(self):
        headers = self.get_twice(f"{self.portal.absolute_url()}/apply/complaint")
        self.assertNotIn("X-RAMCache", headers)
        self.assertNotIn("ETag", headers)

    def test_case_in_the_api_is_not_cached(self):
        case = new_case()
        transaction.commit()
        session = RelativeSession(self.portal.absolute_url() + "/")
        session.auth = ("siteadmin", PASSWORD)
        session.headers["Accept"] = "application/json"
        for _ in range(2):
            response = session.get(case.absolute_url())
            self.assertEqual(response.status_code, 200)
        self.assertNotIn("public", response.headers.get("Cache-Control", ""))
        self.assertNotIn("ETag", response.headers)
        session.close()

    def test_case_page_is_not_cached(self):
        case = new_case()
        transaction.commit()
        headers = self.get_twice(case.absolute_url(), user="siteadmin")
        self.assertNotIn("X-RAMCache", headers)
        self.assertNotIn("ETag", headers)

    def test_attachment_is_for_the_staff_browser_only(self):
        """Downloads follow Plone's file rule: no shared cache may keep them, the browser asks
        the server again every time."""
        case = new_case()
        with api.env.adopt_roles(["Manager"]):
            api.content.create(
                container=case,
                type="CaseAttachment",
                id="wage-slip.txt",
                file=NamedBlobFile(b"PRIVATE", filename="wage-slip.txt", contentType="text/plain"),
            )
        transaction.commit()
        headers = self.get_twice(f"{case.absolute_url()}/wage-slip.txt/@@download/file", user="siteadmin")
        self.assertNotIn("X-RAMCache", headers)
        self.assertEqual(
            {part.strip() for part in headers["Cache-Control"].split(",")},
            {"max-age=0", "must-revalidate", "private"},
        )
