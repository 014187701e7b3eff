"""An existing site (profile 1005) gets the main menu without drop-downs."""

from plone import api
from suizhou.laborrights.testing import INTEGRATION_TESTING

import unittest


PROFILE = "suizhou.laborrights:default"


class TestNavigationUpgrade(unittest.TestCase):
    layer = INTEGRATION_TESTING

    def test_menu_depth_one_after_upgrade(self):
        setup = api.portal.get_tool("portal_setup")
        api.portal.set_registry_record("plone.navigation_depth", 3)  # Plone's default
        setup.setLastVersionForProfile(PROFILE, "1005")

        with api.env.adopt_roles(["Manager"]):
            setup.upgradeProfile(PROFILE)

        self.assertEqual(setup.getLastVersionForProfile(PROFILE), (setup.getVersionForProfile(PROFILE),))
        self.assertEqual(api.portal.get_registry_record("plone.navigation_depth"), 1)
