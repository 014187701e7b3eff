"""The rules run after the transaction that filed or changed a case has committed, in a
transaction of their own: never inside the filing, and the filing does not wait for them.

A warning is shared by every case of its cluster (an employer, a unit, a district's dispute
type). Extended inside the filings, the same ``RiskWarning`` and its evidence tree were written
by every concurrent filing against that employer, and all but one of them were thrown away on
the write conflict and filed again (docs/performance.md). Now a case event only notes the case
in the transaction (``note``, memory only: nothing shared is written); once the transaction has
committed, the noted cases go to the process's warning worker (``background.Worker``), which
runs the rules on them (``check_noted``) and records the findings in a transaction of its own,
retried on write conflicts. The filing never conflicts on a warning, and an aborted filing (or a
retried request's first attempt) raises none.

The worker takes the cases noted since its last run together, in one transaction, after waiting
``GATHER`` seconds for more (each step reloads what the filings since the last one changed in
the catalog, and commits: fewer steps, less of that). The filings it follows answer at once (the
step used to run while the request waited, one step per filing, each with a commit of its own,
and filings queued behind it), and a burst costs one step, not one each. The worker's steps
never write a warning side by side (between processes, they are retried on the conflict);
``background.drain`` waits for them (tests, and the process's end).

A step that fails is logged with the cases' UIDs, and the cases of a failed batch are checked
one by one. What a failed (or, in a process killed hard, never run) step misses is found again
when the case changes next; the rules that count a cluster from the catalog (the same employer,
unit) also find it on the next filing of that cluster.
"""

from plone import api
from suizhou.laborrights import logger
from suizhou.laborrights.background import in_site
from suizhou.laborrights.background import jar_of
from suizhou.laborrights.background import place_of
from suizhou.laborrights.background import Worker
from ZODB.POSException import ConflictError
from ZODB.utils import oid_repr
from zope.globalrequest import getRequest

import transaction


ATTEMPTS = 10  # write conflicts with another process's step are retried in milliseconds
RETRIED = "Warning rules run again after a write conflict on %s %s"
GATHER = 0.25  # seconds the worker waits for more filings before a step, unless someone drains
_NOTED_KEY = object()  # the key of the noted cases in the transaction's data


def note(case, kind):
    """Run the rules of ``kind`` ("case": those on the case itself, "unit": the overdue rule of
    its unit) on ``case`` once the transaction that changes it has committed."""
    jar = jar_of(case)
    txn = jar.transaction_manager.get()
    try:
        noted = txn.data(_NOTED_KEY)
    except KeyError:
        noted = {}
        txn.addAfterCommitHook(_after_commit, (noted, place_of(jar, api.portal.get(), getRequest())))
        txn.set_data(_NOTED_KEY, noted)
    uid = case.UID()
    _path, kinds = noted.get(uid, (None, set()))
    noted[uid] = (case.getPhysicalPath(), kinds | {kind})


def _after_commit(committed, noted, place):
    if committed and noted:
        _worker.put(place, dict(noted))


def _together(noted_list):
    """The cases of the steps queued for one place, in the order they were noted first (at the
    path they were noted at last)."""
    merged = {}
    for noted in noted_list:
        for uid, (path, kinds) in noted.items():
            merged[uid] = (path, merged.get(uid, (None, set()))[1] | kinds)
    return merged


def _step(place, noted_list):
    """The rules on the cases noted, together; when that fails, on each case alone (one case
    that cannot be checked does not cost the others their warnings)."""
    noted = _together(noted_list)
    if not _check_in_own_transaction(place, noted) and len(noted) > 1:
        for uid, entry in noted.items():
            _check_in_own_transaction(place, {uid: entry})


def _check_in_own_transaction(place, noted):
    """One step in the worker's thread, in a transaction and connection of its own; whether it
    was recorded."""
    from suizhou.laborrights.warnings.subscribers import check_noted

    try:
        with in_site(place):
            for attempt in range(1, ATTEMPTS + 1):
                try:
                    transaction.begin()  # sees the commit that conflicted with the last attempt
                    check_noted(noted)
                    transaction.commit()
                    return True
                except ConflictError as error:
                    transaction.abort()
                    if attempt == ATTEMPTS:
                        raise
                    logger.info(RETRIED, error.class_name, oid_repr(error.oid))
    except Exception:
        logger.exception("Warning rules not run after commit for the cases %s", sorted(noted))
    return False


_worker = Worker("warnings", _step, gather=GATHER)
