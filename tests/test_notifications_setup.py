"""The notification settings: installed with the profile (the upgrade to 1001 is in
test_upgrades), a control panel for administrators."""

from AccessControl import Unauthorized
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from suizhou.laborrights.controlpanels.notifications import PREFIX
from suizhou.laborrights.interfaces import IBrowserLayer
from suizhou.laborrights.testing import INTEGRATION_TESTING
from zope.interface import alsoProvides

import unittest


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

    def test_settings_page_for_administrators_only(self):
        alsoProvides(self.layer["request"], IBrowserLayer)
        with self.assertRaises(Unauthorized):
            self.portal.restrictedTraverse("@@laborrights-notifications")
        setRoles(self.portal, TEST_USER_ID, ["Site Administrator"])
        view = self.portal.restrictedTraverse("@@laborrights-notifications")
        self.assertIn("短信网关", view())
