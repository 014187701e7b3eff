"""Installing and uninstalling the add-on."""

from plone import api
from plone.base.interfaces import INonInstallable
from plone.base.utils import get_installer
from plone.browserlayer.utils import registered_layers
from suizhou.laborrights.interfaces import IBrowserLayer
from suizhou.laborrights.interfaces import IStationDirectory
from suizhou.laborrights.testing import INTEGRATION_TESTING
from zope.component import getAllUtilitiesRegisteredFor

import unittest


class TestInstall(unittest.TestCase):
    layer = INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.installer = get_installer(self.portal, self.layer["request"])

    def test_installed(self):
        self.assertTrue(self.installer.is_product_installed("suizhou.laborrights"))

    def test_profile_version(self):
        setup = api.portal.get_tool("portal_setup")
        # installed at the version of metadata.xml (each upgrade step raises it)
        version = setup.getVersionForProfile("suizhou.laborrights:default")
        self.assertGreaterEqual(int(version), 1022)
        self.assertEqual(setup.getLastVersionForProfile("suizhou.laborrights:default"), (version,))

    def test_browserlayer(self):
        self.assertIn(IBrowserLayer, registered_layers())

    def test_structure(self):
        for folder in ("cases", "stations", "guides", "typical-cases"):
            self.assertIn(folder, self.portal)
        self.assertEqual(
            sorted(self.portal.stations.objectIds()),
            sorted(["city", "zengdu", "suixian", "guangshui", "hitech", "dahongshan"]),
        )
        self.assertEqual(self.portal.stations.zengdu.Title(), "曾都区")
        self.assertEqual(api.content.get_state(self.portal.stations.zengdu), "published")

    def test_uninstall_profile_hidden(self):
        hidden = set()
        for utility in getAllUtilitiesRegisteredFor(INonInstallable):
            hidden.update(utility.getNonInstallableProfiles())
        self.assertIn("suizhou.laborrights:uninstall", hidden)
        self.assertNotIn("suizhou.laborrights:default", hidden)


class TestUninstall(unittest.TestCase):
    layer = INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.installer = get_installer(self.portal, self.layer["request"])
        with api.env.adopt_roles(["Manager"]):
            self.installer.uninstall_product("suizhou.laborrights")

    def test_uninstalled(self):
        self.assertFalse(self.installer.is_product_installed("suizhou.laborrights"))

    def test_browserlayer_removed(self):
        self.assertNotIn(IBrowserLayer, registered_layers())

    def test_types_removed(self):
        types = api.portal.get_tool("portal_types")
        for type_id in ("Case", "ServiceStation", "Mediator", "Guide", "TypicalCase", "District"):
            self.assertNotIn(type_id, types.objectIds())

    def test_station_folder_unmarked(self):
        self.assertFalse(IStationDirectory.providedBy(self.portal["stations"]))

    def test_settings_removed(self):
        self.assertIsNone(
            api.portal.get_registry_record("suizhou.laborrights.vocabularies.districts", default=None)
        )
