"""The notification settings: installed with the profile, brought by the upgrade to 1001."""

from AccessControl import Unauthorized
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.registry.interfaces import IRegistry
from suizhou.laborrights.controlpanels.notifications import INotificationSettings
from suizhou.laborrights.controlpanels.notifications import PREFIX
from suizhou.laborrights.interfaces import IBrowserLayer
from suizhou.laborrights.testing import INTEGRATION_TESTING
from zope.component import getUtility
from zope.interface import alsoProvides

import unittest


PROFILE = "suizhou.laborrights:default"


class TestNotificationSettings(unittest.TestCase):
    layer = INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]

    def configlets(self):
        return [action.id for action in api.portal.get_tool("portal_controlpanel").listActions()]

    def test_installed_with_defaults(self):
        self.assertEqual(api.portal.get_registry_record(f"{PREFIX}.sms_gateway"), "log")
        self.assertTrue(api.portal.get_registry_record(f"{PREFIX}.notify_applicant_by_sms"))
        self.assertEqual(api.portal.get_registry_record(f"{PREFIX}.sms_signature"), "【随州劳动维权】")
        self.assertIn("laborrights-notifications", self.configlets())

    def test_an_existing_site_gets_them_by_the_upgrade(self):
        registry = getUtility(IRegistry)
        for name in INotificationSettings.names():
            del registry.records[f"{PREFIX}.{name}"]
        api.portal.get_tool("portal_controlpanel").unregisterConfiglet("laborrights-notifications")
        setup = api.portal.get_tool("portal_setup")
        setup.setLastVersionForProfile(PROFILE, "1000")
        setup.upgradeProfile(PROFILE)
        # up to the newest version (later steps may follow 1001)
        self.assertEqual(setup.getLastVersionForProfile(PROFILE), (setup.getVersionForProfile(PROFILE),))
        self.assertEqual(api.portal.get_registry_record(f"{PREFIX}.sms_gateway"), "log")
        self.assertIn("laborrights-notifications", self.configlets())

    def test_settings_page_for_administrators_only(self):
        alsoProvides(self.layer["request"], IBrowserLayer)
        with self.assertRaises(Unauthorized):
            self.portal.restrictedTraverse("@@laborrights-notifications")
        setRoles(self.portal, TEST_USER_ID, ["Site Administrator"])
        view = self.portal.restrictedTraverse("@@laborrights-notifications")
        self.assertIn("短信网关", view())
