"""Counters of failed lookups, filings and used challenges, shared by every Zope instance.

They live in the ZODB, in BTrees of their own on the case register (``_guard_counters``:
key -> ``EventTimes``, the recent event times in whole seconds, newest last, at most as many as
the budget needs; ``_used_challenges``: ``<expires>:<nonce>`` -> True; ``_filings_per_minute``:
minute -> BTrees Length, the anonymous API filings of the whole site; ``_counts_per_minute``:
key -> minute -> Length, e.g. each API key's filings), so all instances see
them and a restart keeps them. Reads go through the request's connection and write nothing.
Each write is a short transaction of its own (``own_transaction.in_own_transaction``), shared by
the failures this process records at the same moment (``record``): one
failed lookup changes its three keys' ``EventTimes`` (and a bucket only when a key is new,
expired or pruned; the register only once, when a tree is first made), never a case, the catalog
or anything a filing writes. Two failures of one live key at once (citizens behind one carrier
address, one phone tried twice) both count without a conflict: ``EventTimes`` merges them (the
first failure of a key still writes the bucket, and two such at once conflict and one is run
again). Expired entries are pruned as they are touched (the next few keys after a written one).
A request sees the counts as of its own start.
"""

from Acquisition import aq_base
from BTrees.IOBTree import IOBTree
from BTrees.Length import Length
from BTrees.OOBTree import OOBTree
from collections import Counter
from itertools import islice
from persistent import Persistent
from suizhou.laborrights.cases.own_transaction import in_own_transaction
from suizhou.laborrights.cases.register import get_register
from transaction.interfaces import TransientError
from ZODB.POSException import ConflictError

import threading
import time


COUNTERS = "_guard_counters"
CHALLENGES = "_used_challenges"
MINUTES = "_filings_per_minute"
KEYED_MINUTES = "_counts_per_minute"
PRUNE = 8  # expired neighbours removed with each write


def now():
    return int(time.time())


class EventTimes(Persistent):
    """The recent event times of one key, oldest first, at most ``keep`` of them.

    Two transactions that add a time to the same key at once would conflict, and one of them
    would be run again: instead the second commit keeps the first's times and adds its own
    (``_p_resolveConflict``), on any storage (ZEO resolves on the server, with the add-on's eggs).
    """

    def __init__(self, keep, times=()):
        self.keep, self.times = keep, tuple(times)[-keep:]

    def add(self, at, window, keep):
        """Add ``at``, keeping the times of the last ``window`` seconds, at most ``keep`` (a
        budget the administrator raised takes effect on the next event)."""
        self.keep = keep
        self.times = (tuple(t for t in self.times if at - t < window) + (at,))[-keep:]

    def _p_resolveConflict(self, old, committed, new):
        added = Counter(new["times"]) - Counter(old["times"])
        merged = sorted((Counter(committed["times"]) + added).elements())
        return dict(committed, times=tuple(merged[-new["keep"] :]))


def _times(value):
    """The times of a stored value (``EventTimes``; a plain tuple as stored before it)."""
    return value.times if isinstance(value, EventTimes) else tuple(value or ())


def _stale(times, at, window):
    """Whether no time is left in the last ``window`` seconds (the key may be pruned)."""
    return not times or at - times[-1] >= window


def _tree(register, name, create=False):
    tree = getattr(aq_base(register), name, None)
    if tree is None and create:
        tree = OOBTree()
        setattr(register, name, tree)
    return tree


def _write(work):
    """``work(register)`` in a transaction of its own (in the request's while the register
    is not committed yet)."""
    register = get_register()
    result = in_own_transaction(register, work)
    if result is None:
        result = work(aq_base(register))
    return result


def ensure():
    """Make the trees if this site has none yet (once per site, in a transaction of its own).

    Called before a request writes the register itself (a filing may add a district folder):
    making a tree later would write the register object in both transactions, and the request
    would conflict and be retried."""
    register = aq_base(get_register())
    trees = ((COUNTERS, OOBTree), (CHALLENGES, OOBTree), (MINUTES, IOBTree), (KEYED_MINUTES, OOBTree))
    if all(getattr(register, name, None) is not None for name, _factory in trees):
        return

    def work(register):
        for name, factory in trees:
            if getattr(register, name, None) is None:
                setattr(register, name, factory())
        return True

    _write(work)


def recent(key, window, at=None):
    """The times of ``key``'s events in the last ``window`` seconds (as last committed)."""
    tree = _tree(get_register(), COUNTERS)
    at = now() if at is None else at
    return tuple(t for t in _times(tree.get(key) if tree is not None else None) if at - t < window)


def record(events, at=None):
    """Record one event now for each ``(key, window, keep)``: the key keeps its times of the
    last ``window`` seconds, at most the ``keep`` newest. Returns True once they are committed.

    The events of requests recording at the same moment in this process are committed together
    (``_together``): each commit holds the storage's lock, which every other request waits for
    when its transaction starts (docs/performance.md, 失败计数的写入)."""
    at = now() if at is None else at
    items = [(key, window, keep, at) for key, window, keep in events]
    register = get_register()
    if register._p_jar is None or register._p_oid is None:  # not committed yet: the request's own
        return _write(lambda committed: _record_items(committed, items))
    return _together((register._p_jar.db(), register._p_oid), items)


def _record_items(register, items):
    tree = _tree(register, COUNTERS, create=True)
    for key, window, keep, at in sorted(items, key=lambda item: item[3]):  # the newest time last
        value = tree.get(key)
        if not isinstance(value, EventTimes) or _stale(value.times, at, window):
            # A new key, a tuple stored before EventTimes, or one another writer may be
            # pruning right now: a new object writes the bucket too, so that a concurrent
            # delete of the key conflicts instead of dropping this event with the old object.
            value = tree[key] = EventTimes(keep, _times(value))
        value.add(at, window, keep)
        _prune_after(tree, key, at, window)
    return True


class _Batch:
    """Events waiting to be committed together, and how their commit went: ``committed`` True,
    False if the register is not stored (each request then writes its own events), None if the
    commit failed (``error``)."""

    def __init__(self):
        self.items, self.done, self.committed, self.error = [], threading.Event(), None, None


_filling = threading.Lock()  # guards _open
_open = {}  # (database, register oid) -> the batch new events join
_committing = threading.Lock()  # one batch committed at a time


def _together(register_id, items):
    """Commit ``items`` in a batch with those other threads add meanwhile (a group commit): the
    first thread to open a batch waits for the commit before it, then closes its batch and
    commits it for all; the others wait for that. Each raises if the commit failed."""
    with _filling:
        batch = _open.get(register_id)
        leading = batch is None
        if leading:
            batch = _open[register_id] = _Batch()
        batch.items += items
    if leading:
        try:
            with _committing:
                with _filling:
                    _open.pop(register_id, None)  # later events start the next batch
                committed = in_own_transaction(get_register(), lambda register: _record_items(register, batch.items))
                batch.committed = committed is not None
        except Exception as error:
            batch.error = error
            raise
        finally:
            with _filling:
                if _open.get(register_id) is batch:  # interrupted before closing it
                    del _open[register_id]
            if batch.committed is None and batch.error is None:
                batch.error = ConflictError("the shared commit of failure counters was interrupted")
            batch.done.set()
    else:
        batch.done.wait()
        if batch.error is not None:  # a fresh error per request: Zope retries a conflict
            kind = ConflictError if isinstance(batch.error, TransientError) else RuntimeError
            raise kind("the shared commit of failure counters failed") from batch.error
    if not batch.committed:  # the register is not stored: this request's own transaction
        _record_items(aq_base(get_register()), items)
    return True


def _prune_after(tree, key, at, window):
    """Remove those of the next few keys (2 × PRUNE at most: each value is an object to load)
    of the same kind whose times are all older than ``window``."""
    kind = key.split(":", 1)[0] + ":"
    stale = []
    for other, value in islice(tree.items(min=key, excludemin=True), 2 * PRUNE):
        if not other.startswith(kind) or len(stale) + 1 > PRUNE:
            break
        if _stale(_times(value), at, window):
            stale.append(other)
    for other in stale:
        del tree[other]


def use_once(nonce, expires, at=None):
    """Mark a challenge ``nonce`` (valid until ``expires``) as used: True the first time, False
    if it was used before. Used nonces are kept until they expire."""
    at = now() if at is None else at
    key = f"{int(expires):012d}:{nonce}"

    def work(register):
        used = _tree(register, CHALLENGES, create=True)
        if key in used:
            return False
        used[key] = True
        for old in list(used.keys(max=f"{at:012d}", excludemax=True))[:PRUNE]:
            del used[old]
        return True

    return _write(work)


def _minutes(register, key=None, create=False):
    """The per-minute tally: the site's anonymous filings, or ``key``'s own (an IOBTree per key,
    so one key's counts never write another's)."""
    if key is None:
        minutes = getattr(register, MINUTES, None)
        if minutes is None and create:
            minutes = IOBTree()
            setattr(register, MINUTES, minutes)
        return minutes
    keyed = _tree(register, KEYED_MINUTES, create=create)
    minutes = keyed.get(key) if keyed is not None else None
    if minutes is None and create:
        minutes = keyed[key] = IOBTree()
    return minutes


def count_minute(window, at=None, key=None):
    """Count one event in the current minute of the shared per-minute tally (a BTrees Length
    per minute, so concurrent counts resolve without conflict; ``key``'s own tally if given);
    minutes older than ``window`` seconds are dropped. Returns the count of the last ``window``
    seconds, this one included. The write is the same small one however many events there were."""
    at = now() if at is None else at
    minute, first = at // 60, (at - window) // 60 + 1

    def work(register):
        minutes = _minutes(register, key, create=True)
        if minute in minutes:
            minutes[minute].change(1)
        else:
            minutes[minute] = Length(1)
        for old in list(minutes.keys(max=first, excludemax=True))[:PRUNE]:
            del minutes[old]
        return sum(length() for length in minutes.values(min=first))

    return _write(work)


def minute_counts(window, at=None, key=None):
    """[(minute, count)] of the tally (``key``'s if given) in the last ``window`` seconds, oldest
    first (as last committed)."""
    at = now() if at is None else at
    minutes = _minutes(aq_base(get_register()), key)
    if not minutes:
        return []
    return [(minute, length()) for minute, length in minutes.items(min=(at - window) // 60 + 1)]


def minute_total(window, at=None, key=None):
    """The events of the last ``window`` seconds in the per-minute tally (as last committed)."""
    return sum(count for _minute, count in minute_counts(window, at, key))


def reset():
    """Forget every counter and used challenge (tests, or an administrator after an attack)."""

    def work(register):
        for name in (COUNTERS, CHALLENGES, MINUTES, KEYED_MINUTES):
            tree = _tree(register, name)
            if tree is not None:
                tree.clear()
        return True

    _write(work)
