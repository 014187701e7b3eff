"""Large buckets for the site-wide trees that every filing adds a key in sequence to.

A BTree bucket written by two transactions at once is merged, unless one of them splits it.
Reference numbers (the case's id), its path and its object id (oid, in the intid utility) come
in sequence, so concurrent filings all add to the last bucket of these trees, and every split
of it (after 30 or 60 keys) made the other filing's commit a write conflict, its request
thrown away and retried. Measured over HTTP on two ZEO instances (benchmarks/bench/
filing_http.sh, docs/performance.md 并发登记). With buckets of 500 keys the split comes ten
to fifteen times less often.

``enlarge`` replaces these trees by large-bucket ones with the same entries (at install, and by
the upgrade step to 1034). Emptying the catalog (``clearFindAndRebuild``, "Clear and Rebuild"
in portal_catalog, an index's "Clear") makes them plain trees again: run ``enlarge`` after it
(docs/deployment.md).
"""

from plone import api
from suizhou.laborrights.content.case_folder import LargeBucketOIBTree
from suizhou.laborrights.content.case_folder import LargeBucketTree
from zope.component import queryUtility
from zope.intid.interfaces import IIntIds


# catalog index -> its attributes keyed by something every new case adds in sequence
INDEX_TREES = {
    "getId": ("_index",),
    "id": ("_index",),
    "path": ("_index", "_index_items"),  # path components (the reference), whole paths
}
LARGE = {"OOBTree": LargeBucketTree, "OIBTree": LargeBucketOIBTree}


def _enlarge(owner, name):
    """Replace ``owner.<name>`` by a large-bucket tree with its entries; True if it was plain."""
    tree = getattr(owner, name, None)
    large = LARGE.get(type(tree).__name__)
    if large is None or type(tree) is large:
        return False
    setattr(owner, name, large(tree))
    return True


def enlarge(site):
    """Give the site's catalog and intid trees that filings add keys in sequence to large
    buckets; returns the names of the trees replaced."""
    replaced = []
    catalog = api.portal.get_tool("portal_catalog")._catalog
    if _enlarge(catalog, "uids"):
        replaced.append("portal_catalog uids")
    for index_id, names in INDEX_TREES.items():
        index = catalog.indexes.get(index_id)
        for name in names:
            if index is not None and _enlarge(index, name):
                replaced.append(f"{index_id}.{name}")
    intids = queryUtility(IIntIds, context=site)
    if intids is not None and _enlarge(intids, "ids"):
        replaced.append("intids ids")
    return replaced
