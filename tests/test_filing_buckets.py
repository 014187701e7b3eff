"""Large buckets for the catalog and intid trees every filing writes (cases/buckets.py): a
new site has them, and after the catalog is emptied and rebuilt ``enlarge`` gives them back —
every case is still found by its reference, its path and in the register."""

from plone import api
from Products.CMFCore.indexing import processQueue
from suizhou.laborrights.cases import buckets
from suizhou.laborrights.cases.register import find_case
from suizhou.laborrights.content.case_folder import LargeBucketIOBTree
from suizhou.laborrights.content.case_folder import LargeBucketOIBTree
from suizhou.laborrights.content.case_folder import LargeBucketTree
from suizhou.laborrights.testing import INTEGRATION_TESTING
from tests.helpers import new_case
from zope.component import getUtility
from zope.intid.interfaces import IIntIds

import unittest


def tree_types():
    catalog = api.portal.get_tool("portal_catalog")._catalog
    indexes = catalog.indexes
    return {
        "records": type(catalog.data),
        "uids": type(catalog.uids),
        "getId": type(indexes["getId"]._index),
        "search keys": type(indexes["case_search_keys"]._index),
        "district": type(indexes["district"]._unindex),
        "UID": type(indexes["UID"]._index),
        "path items": type(indexes["path"]._index_items),
        "intids": type(getUtility(IIntIds).ids),
        "intid refs": type(getUtility(IIntIds).refs),
    }


LARGE = {
    "records": LargeBucketIOBTree,
    "uids": LargeBucketOIBTree,
    "getId": LargeBucketTree,
    "search keys": LargeBucketTree,
    "district": LargeBucketIOBTree,
    "UID": LargeBucketOIBTree,
    "path items": LargeBucketOIBTree,
    "intids": LargeBucketOIBTree,
    "intid refs": LargeBucketIOBTree,
}


class TestLargeBuckets(unittest.TestCase):
    layer = INTEGRATION_TESTING

    def assert_found(self, cases):
        catalog = api.portal.get_tool("portal_catalog")
        for case in cases:
            [brain] = catalog.unrestrictedSearchResults(getId=case.getId())
            self.assertEqual(brain.getPath(), "/".join(case.getPhysicalPath()))
            self.assertEqual(find_case(case.getId()), case)
        month = "/".join(cases[0].aq_parent.getPhysicalPath())
        in_month = catalog.unrestrictedSearchResults(path=month, portal_type="Case")
        self.assertEqual(sorted(brain.getId for brain in in_month), sorted(case.getId() for case in cases))

    def test_a_new_site_files_into_large_bucket_trees(self):
        cases = [new_case(), new_case()]
        processQueue()
        self.assertEqual(tree_types(), LARGE)
        self.assertIs(type(cases[0].aq_parent._mt_index["Dexterity Container"]), LargeBucketOIBTree)
        self.assert_found(cases)

    def test_after_a_catalog_rebuild_enlarge_gives_the_large_buckets_back(self):
        cases = [new_case(), new_case()]
        with api.env.adopt_roles(["Manager"]):
            api.portal.get_tool("portal_catalog").clearFindAndRebuild()
        self.assertNotEqual(tree_types(), LARGE)  # Zope's clear() made plain trees

        replaced = buckets.enlarge(api.portal.get())

        self.assertIn("getId._index", replaced)
        self.assertEqual(tree_types(), LARGE)
        self.assert_found(cases)
        self.assertEqual(buckets.enlarge(api.portal.get()), [])  # a second run: nothing to do
