"""Large buckets for the site-wide trees that every filing writes: the catalog's and the intid
utility's.

A BTree bucket written by two transactions at once is merged, unless one of them splits it: a
split changes the bucket's neighbour and the node above it, and neither can be merged. Two
kinds of keys make splits meet:

- keys in sequence (the reference number = the case's id, its path, its object id in the
  intid utility's ``ids``): concurrent filings all add to the last bucket, so every split of it
  (after 30 or 60 keys) conflicts with the other filing;
- keys spread over the tree (the staff search keys, employer keys, sort keys, UIDs, catalog
  record ids): each split changes the tree's root node, which every other split changes too.

Measured over HTTP on two ZEO instances (benchmarks/bench/filing_http.sh, docs/performance.md
并发登记). Buckets of 500 keys split ten to fifteen times less often.

``enlarge`` replaces these trees by large-bucket ones with the same entries (at install, and by
the upgrade step to 1035). Emptying the catalog (``clearFindAndRebuild``, "Clear and Rebuild"
in portal_catalog, an index's "Clear") makes plain trees again: run ``enlarge`` after it
(docs/deployment.md).
"""

from plone import api
from suizhou.laborrights.content.case_folder import LargeBucketIOBTree
from suizhou.laborrights.content.case_folder import LargeBucketOIBTree
from suizhou.laborrights.content.case_folder import LargeBucketTree
from zope.component import queryUtility
from zope.intid.interfaces import IIntIds


CATALOG_TREES = ("data", "uids", "paths")  # record id -> metadata, path -> record id, and back
INDEX_TREES = ("_index", "_unindex", "_index_items", "_index_parents")  # the last two: path index
LARGE = {"OOBTree": LargeBucketTree, "OIBTree": LargeBucketOIBTree, "IOBTree": LargeBucketIOBTree}


def _enlarge(owner, name):
    """Replace ``owner.<name>`` by a large-bucket tree with its entries; True if it was plain."""
    tree = getattr(owner, name, None)
    large = LARGE.get(type(tree).__name__)
    if large is None or type(tree) is large:
        return False
    setattr(owner, name, large(tree))
    return True


def enlarge(site):
    """Give the catalog's trees (its records and every index's) and the intid utility's large
    buckets; returns the names of the trees replaced."""
    replaced = []
    catalog = api.portal.get_tool("portal_catalog")._catalog
    replaced += [f"catalog.{name}" for name in CATALOG_TREES if _enlarge(catalog, name)]
    for index_id, index in catalog.indexes.items():
        replaced += [f"{index_id}.{name}" for name in INDEX_TREES if _enlarge(index, name)]
    intids = queryUtility(IIntIds, context=site)
    if intids is not None:
        replaced += [f"intids.{name}" for name in ("ids", "refs") if _enlarge(intids, name)]
    return replaced
