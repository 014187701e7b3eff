"""An existing site (profile 1003) drops its cases from the indexes nobody queries for them."""

from plone import api
from Products.CMFCore.indexing import processQueue
from suizhou.laborrights.content.case import ICase
from suizhou.laborrights.testing import INTEGRATION_TESTING
from tests.helpers import new_case

import unittest


PROFILE = "suizhou.laborrights:default"


class TestCatalogUpgrade(unittest.TestCase):
    layer = INTEGRATION_TESTING

    def test_cases_leave_unqueried_indexes_and_stay_findable(self):
        setup = api.portal.get_tool("portal_setup")
        catalog = api.portal.get_tool("portal_catalog")
        case = new_case()
        processQueue()
        rid = catalog.getrid("/".join(case.getPhysicalPath()))
        # As a 1003 site catalogued its cases: in object_provides under the case interface.
        catalog._catalog.getIndex("object_provides").insertForwardIndexEntry(ICase.__identifier__, rid)
        catalog._catalog.getIndex("object_provides")._unindex[rid] = [ICase.__identifier__]
        self.assertEqual(
            len(catalog.unrestrictedSearchResults(object_provides=ICase.__identifier__)), 1
        )
        setup.setLastVersionForProfile(PROFILE, "1003")

        with api.env.adopt_roles(["Manager"]):
            setup.upgradeProfile(PROFILE)

        self.assertEqual(setup.getLastVersionForProfile(PROFILE), (setup.getVersionForProfile(PROFILE),))
        self.assertEqual(
            len(catalog.unrestrictedSearchResults(object_provides=ICase.__identifier__)), 0
        )
        found = catalog.unrestrictedSearchResults(portal_type="Case", district=case.district)
        self.assertEqual([brain.getId for brain in found], [case.getId()])
