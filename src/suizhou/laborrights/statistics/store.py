"""The statistics' own store of ``records.Record`` tuples, one per case, in the site's annotations.

At 100,000 cases, reading the records from a catalog metadata column meant a brain and a full
metadata row (about 30 columns) per case; a year of the city took 10 s warm, 50 s cold
(docs/performance.md, 统计). Here the records sit in B-trees keyed so that a period loads only
what it counts:

Each of ``records``, ``closed`` and ``open`` maps (district, shard) to a B-tree of its own;
``places`` maps a shard to one. The shard (0–15) comes from the case's uid:

- ``records``: (received, uid) -> record: a district's cases received in a period are one key
  range in each of its shards;
- ``closed``: (closed, uid) -> received: the cases that ended in a period (their record is then
  one lookup);
- ``open``: (route, received, uid) of the cases not ended: with ``closed`` from the period's
  start on, the arbitration cases still pending at its start (上期未结);
- ``places``: uid -> (district, received), where a case's entries are, to move or drop them.

Why shards, each its own tree: keyed by date first in one tree per kind, every new case of a
district went into its last bucket, which splits every ~15 filings; a split rewrites the tree's
node above the buckets, and every other transaction that wrote the tree meanwhile conflicts
with it (BTrees make a writer read its nodes as current). Filings at the same moment in several
instances then failed (docs/performance.md, 统计存储). In separate trees they conflict only in
the same district and shard. A period costs one key range per shard.

Dates are Beijing dates in ISO form, a missing value is "" (keys must compare). The store is
kept by the indexing queue (``StoreProcessor``, next to the catalog's own processor): every
indexing of a case that updates its catalog metadata refreshes its record (filing, every
transition, edits, a rating, anonymisation), unindexing drops it. A record that did not change
writes nothing; no shared counter is written. A new field of ``Record`` needs an upgrade
step that refreshes every case (as v1030 fills the store).
"""

from Acquisition import aq_base
from BTrees.OOBTree import OOBTree
from BTrees.OOBTree import OOTreeSet
from plone import api
from plone.api.exc import CannotGetPortalError
from Products.CMFCore.interfaces import IIndexQueueProcessor
from suizhou.laborrights.content.case import ICase
from suizhou.laborrights.statistics.records import Record
from suizhou.laborrights.statistics.records import record_of
from zope.annotation.interfaces import IAnnotations
from zope.interface import implementer

import zlib


ANNOTATION_KEY = "suizhou.laborrights.statistics.store"
OLD_ANNOTATION_KEY = "suizhou.laborrights.statistics.records"  # dates first, one tree (upgrade 1033)
TREES = ("records", "closed", "open", "places")
SHARDS = range(16)
AFTER = "\uffff"  # sorts after every ISO date (and uid) in a key


def trees(site=None, create=False):
    """The store ({name: B-tree of the shards' trees}), or None when the site has none (and not
    ``create``)."""
    site = site or api.portal.get()
    annotations = IAnnotations(site)
    store = annotations.get(ANNOTATION_KEY)
    if store is None and create:
        store = annotations[ANNOTATION_KEY] = OOBTree()
        for name in TREES:
            store[name] = OOBTree()
        _create_shards(store, 0)
    return store


def _uid(case):
    return getattr(aq_base(case), "_plone.uuid", None)


def _shard(uid):
    return zlib.crc32(uid.encode()) % len(SHARDS)


def _tree(store, name, key, create=False):
    """The tree of ``name`` for ``key`` ((district, shard), or a shard for ``places``)."""
    tree = store[name].get(key)
    if tree is None and create:
        _create_shards(store, key)
        tree = store[name][key]
    return tree


def _create_shards(store, key):
    """Every shard's trees of ``key``'s district (or every ``places`` shard) at once: filings made
    at the same moment then only ever add to existing trees (B-trees merge those), never both add
    a new tree to the same parent (a conflict)."""
    if isinstance(key, tuple):
        district = key[0]
        for name in ("records", "closed", "open"):
            for shard in SHARDS:
                store[name].setdefault((district, shard), OOTreeSet() if name == "open" else OOBTree())
    else:
        for shard in SHARDS:
            store["places"].setdefault(shard, OOBTree())


def _place(record):
    return (record.district or "", record.received or "")


def _drop(store, uid, record):
    district, received = _place(record)
    part = (district, _shard(uid))
    del _tree(store, "records", part)[(received, uid)]
    if record.closed:
        _tree(store, "closed", part, create=True).pop((record.closed, uid), None)
    else:
        _tree(store, "open", part, create=True).discard((record.route or "", received, uid))
    del _tree(store, "places", _shard(uid))[uid]


def put(store, uid, record):
    district, received = _place(record)
    part = (district, _shard(uid))
    _tree(store, "records", part, create=True)[(received, uid)] = tuple(record)
    if record.closed:
        _tree(store, "closed", part, create=True)[(record.closed, uid)] = received
    else:
        _tree(store, "open", part, create=True).add((record.route or "", received, uid))
    _tree(store, "places", _shard(uid), create=True)[uid] = (district, received)


def get(store, uid):
    places = _tree(store, "places", _shard(uid))
    place = places.get(uid) if places is not None else None
    if place is None:
        return None
    district, received = place
    return Record._make(_tree(store, "records", (district, _shard(uid)))[(received, uid)])


def refresh(case, store=None):
    """Store the case's record now (nothing is written when it did not change)."""
    uid = _uid(case)
    if uid is None:
        return
    store = store if store is not None else trees(create=True)
    record = Record._make(record_of(case))
    old = get(store, uid)
    if old == record:
        return
    if old is not None:
        _drop(store, uid, old)
    put(store, uid, record)


def forget(case, store=None):
    uid = _uid(case)
    store = store if store is not None else trees()
    if uid is None or store is None:
        return
    old = get(store, uid)
    if old is not None:
        _drop(store, uid, old)


# --- reading ---------------------------------------------------------------------------------


def _shards(store, name, district):
    """(shard, tree) of ``district`` in ``name``, those that exist."""
    found = ((shard, store[name].get((district, shard))) for shard in SHARDS)
    return [(shard, tree) for shard, tree in found if tree is not None]


def received(store, district, first, last):
    """Records of ``district`` received from ``first`` to ``last`` (ISO dates, inclusive)."""
    return [
        Record._make(value)
        for _number, tree in _shards(store, "records", district)
        for value in tree.values(min=(first,), max=(last + AFTER,))
    ]


def _by_closure(store, district, first, last=AFTER):
    """(shard, received, uid) of the cases of ``district`` that ended from ``first`` to ``last``."""
    return [
        (shard, received, uid)
        for shard, tree in _shards(store, "closed", district)
        for (_closed, uid), received in tree.items(min=(first,), max=(last + AFTER,))
    ]


def _records(store, district, places):
    return [Record._make(store["records"][(district, shard)][(rec, uid)]) for shard, rec, uid in places]


def closed(store, district, first, last):
    return _records(store, district, _by_closure(store, district, first, last))


def pending_arbitration(store, district, first):
    """The arbitration cases of ``district`` received before ``first`` and not ended before it:
    those still open, and those that ended on ``first`` or later."""
    places = [
        (shard, rec, uid)
        for shard, tree in _shards(store, "open", district)
        for _route, rec, uid in tree.keys(min=("arbitration",), max=("arbitration", first), excludemax=True)
    ]
    places += [place for place in _by_closure(store, district, first) if place[1] < first]
    return [record for record in _records(store, district, places) if record.route == "arbitration"]


def records_of(uids, store=None):
    """The records of the cases ``uids`` (those the store holds)."""
    store = store if store is not None else trees()
    if store is None:
        return []
    return [record for record in (get(store, uid) for uid in uids) if record is not None]


# --- kept by the indexing queue --------------------------------------------------------------


def _store_of(obj, create):
    try:
        return trees(create=create)
    except CannotGetPortalError:
        return None


@implementer(IIndexQueueProcessor)
class StoreProcessor:
    """Runs with the catalog's processor on each queued (re)indexing of an object."""

    def index(self, obj, attributes=None):
        if ICase.providedBy(obj):
            store = _store_of(obj, create=True)
            if store is not None:
                refresh(obj, store)

    def reindex(self, obj, attributes=None, update_metadata=1):
        # The record is refreshed when the catalog refreshes a case's metadata (as the metadata
        # column it replaced was); security reindexes leave both alone.
        if update_metadata:
            self.index(obj)

    def unindex(self, obj):
        if ICase.providedBy(obj):
            store = _store_of(obj, create=False)
            if store is not None:
                forget(obj, store)

    def begin(self):
        pass

    def commit(self):
        pass

    def abort(self):
        pass
