"""Filings of one Zope process take turns: no write conflicts between them.

Measured (docs/performance.md, benchmarks/register_concurrency.sh --objects): what concurrent
filings conflicted on were not this add-on's structures but the B-tree buckets every new object
is added to in Plone — the catalog (``getId``, ``UID``, metadata, ``_unindex`` trees), the
intid utility, the bin's meta-type index. New keys are sequential (reference numbers, object
ids), so all writers insert into the same last bucket; when one of them splits it, the others'
commits cannot be merged and their whole request is thrown away and retried. Within one
process the threads share one interpreter (the GIL), so running filings side by side bought no
speed, only conflicts.

``take_turn`` (called by ``register.create_case``) waits until no other filing of this process
is between its registration and the end of its commit, and holds the turn until this
transaction commits or aborts (its hooks release it). While the transaction has written nothing
yet, it is then restarted on the latest committed state (``transaction.begin()``: nothing is
lost, the note and user the publisher recorded are kept), so the filing does not write on a
view older than the filing before it. A transaction that has written something already keeps
its view (its writes would be lost) and may still conflict, as before.

Several processes (ZEO, RelStorage) still file side by side: between them, conflicts remain and
are retried by the publisher (docs/performance.md).
"""

import collections
import logging
import threading
import transaction


logger = logging.getLogger(__name__)

WAIT = 30  # seconds; a filing that waits longer goes ahead without its turn (and may conflict)


class _Turns:
    """A lock handed over in the order it was asked for: a thread that releases it and asks
    again at once (the next filing of a busy client) queues behind those already waiting."""

    def __init__(self):
        self._condition = threading.Condition(threading.Lock())
        self._waiting = collections.deque()
        self._held = False

    def acquire(self, timeout):
        with self._condition:
            if not self._held and not self._waiting:
                self._held = True
                return True
            me = object()
            self._waiting.append(me)
            if self._condition.wait_for(lambda: not self._held and self._waiting[0] is me, timeout):
                self._waiting.popleft()
                self._held = True
                return True
            self._waiting.remove(me)
            self._condition.notify_all()
            return False

    def release(self):
        with self._condition:
            self._held = False
            self._condition.notify_all()


_TURN = _Turns()
_holder = threading.local()


def _untouched(txn):
    """Has ``txn`` neither written nor registered anything that a restart would drop?"""
    return not (
        getattr(txn, "_resources", None)
        or list(txn.getBeforeCommitHooks())
        or list(txn.getAfterCommitHooks())
        or list(txn.getBeforeAbortHooks())
        or list(txn.getAfterAbortHooks())
    )


def _restart(manager, txn):
    """Begin a new transaction on the latest committed state, keeping what the publisher noted."""
    description, user, extension = txn.description, txn.user, dict(txn.extension)
    new = manager.begin()
    new.description, new.user = description, user
    new.extension.update(extension)
    return new


def take_turn():
    """Wait for this filing's turn in this process; held until the transaction ends."""
    manager = transaction.manager
    txn = manager.get()
    if getattr(_holder, "txn", None) is txn:
        return  # a second filing in the same transaction: the turn is held already
    if not _TURN.acquire(timeout=WAIT):
        logger.warning("filing waited %s s for its turn; going ahead without it", WAIT)
        return
    try:
        if _untouched(txn):
            txn = _restart(manager, txn)
    except BaseException:
        _TURN.release()
        raise
    _holder.txn = txn
    released = []

    def release(*args):
        if not released:
            released.append(True)
            _holder.txn = None
            _TURN.release()

    txn.addAfterCommitHook(release)
    txn.addAfterAbortHook(release)
