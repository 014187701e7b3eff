"""An existing site (profile 1000) upgrades to case handling (1001)."""

from plone import api
from suizhou.laborrights.handling import clocks
from suizhou.laborrights.handling.assignment import unit_group_id
from suizhou.laborrights.testing import INTEGRATION_TESTING
from tests.helpers import make_station
from tests.helpers import new_case

import unittest


PROFILE = "suizhou.laborrights:default"


class TestUpgrade(unittest.TestCase):
    layer = INTEGRATION_TESTING

    def test_upgrade_from_1000(self):
        setup = api.portal.get_tool("portal_setup")
        catalog = api.portal.get_tool("portal_catalog")
        station = make_station("old-station")
        case = new_case()
        with api.env.adopt_roles(["Manager"]):
            clocks.start(case, "mediation")
        # As a 1000 site was: no worklist indexes, no station groups.
        for index in ("due_date", "stage"):
            catalog.delIndex(index)
        api.group.delete(groupname=unit_group_id(station.UID()))
        setup.setLastVersionForProfile(PROFILE, "1000")

        with api.env.adopt_roles(["Manager"]):
            setup.upgradeProfile(PROFILE)

        # up to the newest version (later steps may follow 1001)
        self.assertEqual(setup.getLastVersionForProfile(PROFILE), (setup.getVersionForProfile(PROFILE),))
        self.assertIn("due_date", catalog.indexes())
        found = catalog.unrestrictedSearchResults(stage="mediation")
        self.assertEqual([b.getId for b in found], [case.getId()])
        self.assertIsNotNone(api.group.get(groupname=unit_group_id(station.UID())))
        self.assertIn("MediationSession", api.portal.get_tool("portal_types").objectIds())
        self.assertEqual(
            api.portal.get_registry_record("suizhou.laborrights.statutory.due_soon_days"), 3
        )
