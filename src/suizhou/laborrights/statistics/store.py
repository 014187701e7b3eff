"""The statistics' own store of ``records.Record`` tuples, one per case, in the site's annotations.

At 100,000 cases, reading the records from a catalog metadata column meant a brain and a full
metadata row (about 30 columns) per case; a year of the city took 10 s warm, 50 s cold
(docs/performance.md, 统计). Here the records sit in B-trees keyed so that a period loads only
what it counts:

- ``records``: (district, received, uid) -> record: a district's cases received in a period are
  one key range;
- ``closed``: (district, closed, uid) -> received: the cases that ended in a period (their
  record is then one lookup);
- ``open``: (district, route, received, uid) of the cases not ended: with ``closed`` from the
  period's start on, the arbitration cases still pending at its start (上期未结);
- ``places``: uid -> (district, received), where a case's entries are, to move or drop them.

Dates are Beijing dates in ISO form, a missing value is "" (keys must compare). The store is
kept by the indexing queue (``StoreProcessor``, next to the catalog's own processor): every
indexing of a case that updates its catalog metadata refreshes its record (filing, every
transition, edits, a rating, anonymisation), unindexing drops it. A record that did not change
writes nothing; concurrent filings insert distinct keys, which the B-trees' conflict
resolution merges (no shared counter is written). A new field of ``Record`` needs an upgrade
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


ANNOTATION_KEY = "suizhou.laborrights.statistics.records"
TREES = ("records", "closed", "open", "places")
AFTER = "\uffff"  # sorts after every ISO date (and uid) in a key


def trees(site=None, create=False):
    """The store's B-trees ({name: tree}), or None when the site has none (and not ``create``)."""
    site = site or api.portal.get()
    annotations = IAnnotations(site)
    store = annotations.get(ANNOTATION_KEY)
    if store is None and create:
        store = annotations[ANNOTATION_KEY] = OOBTree()
        for name in TREES:
            store[name] = OOTreeSet() if name == "open" else OOBTree()
    return store


def _uid(case):
    return getattr(aq_base(case), "_plone.uuid", None)


def _place(record):
    return (record.district or "", record.received or "")


def _drop(store, uid, record):
    district, received = _place(record)
    del store["records"][(district, received, uid)]
    if record.closed:
        store["closed"].pop((district, record.closed, uid), None)
    else:
        store["open"].discard((district, record.route or "", received, uid))
    del store["places"][uid]


def _put(store, uid, record):
    district, received = _place(record)
    store["records"][(district, received, uid)] = tuple(record)
    if record.closed:
        store["closed"][(district, record.closed, uid)] = received
    else:
        store["open"].add((district, record.route or "", received, uid))
    store["places"][uid] = (district, received)


def get(store, uid):
    place = store["places"].get(uid)
    return Record._make(store["records"][place + (uid,)]) if place else None


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
    _put(store, uid, record)


def forget(case, store=None):
    uid = _uid(case)
    store = store if store is not None else trees()
    if uid is None or store is None:
        return
    old = get(store, uid)
    if old is not None:
        _drop(store, uid, old)


# --- reading ---------------------------------------------------------------------------------


def received(store, district, first, last):
    """Records of ``district`` received from ``first`` to ``last`` (ISO dates, inclusive)."""
    values = store["records"].values(min=(district, first), max=(district, last + AFTER))
    return [Record._make(value) for value in values]


def _by_closure(store, district, first, last=AFTER):
    """(received, uid) of the cases of ``district`` that ended from ``first`` to ``last``."""
    items = store["closed"].items(min=(district, first), max=(district, last + AFTER))
    return [(received, key[2]) for key, received in items]


def closed(store, district, first, last):
    records = store["records"]
    return [Record._make(records[(district, rec, uid)]) for rec, uid in _by_closure(store, district, first, last)]


def pending_arbitration(store, district, first):
    """The arbitration cases of ``district`` received before ``first`` and not ended before it:
    those still open, and those that ended on ``first`` or later."""
    records = store["records"]
    keys = [
        (district, rec, uid)
        for _d, _r, rec, uid in store["open"].keys(
            min=(district, "arbitration"), max=(district, "arbitration", first), excludemax=True
        )
    ]
    keys += [(district, rec, uid) for rec, uid in _by_closure(store, district, first) if rec < first]
    found = (Record._make(records[key]) for key in keys)
    return [record for record in found if record.route == "arbitration"]


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
