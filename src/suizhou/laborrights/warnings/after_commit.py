"""The rules run right after the transaction that filed or changed a case has committed, in a
short transaction of their own: never inside the filing.

A warning is shared by every case of its cluster (an employer, a unit, a district's dispute
type). Extended inside the filings, the same ``RiskWarning`` and its evidence tree were written
by every concurrent filing against that employer, and all but one of them were thrown away on
the write conflict and filed again (docs/performance.md). Now a case event only notes the case
in the transaction (``note``, memory only: nothing shared is written); once the transaction has
committed, ``check_noted`` runs the rules on the committed cases and records the findings in a
transaction of its own, retried on write conflicts (they are short: the rules and the warning).
The filing never conflicts on a warning, and an aborted filing (or a retried request's first
attempt) raises none.

Nothing is lost when the step fails: the rules count the cluster from the catalog, not from
the warning, so the next filing or change of a case of the same employer, unit or district
finds every case again; a step that fails is logged with the cases' UIDs.

The step runs in a thread of its own, joined at once (the request answers when the warnings
are recorded, as before): that thread has its own transaction, so that the warning's e-mails
are queued in the outbox of the transaction that records the warning and go out once, when it
commits. The thread is handed only what it needs, taken in the request's thread once the
filing has committed: the site's path, the site's address for the links in the e-mails, and
what the rules read of each case (``rules.CaseFacts``: the step does not load the cases again
in its own connection) — never the request itself; and the request's thread holds no lock while
it waits. The steps of one process take turns for their transaction only (``_TURN``): two
steps of a cluster write the same warning, and side by side one of them would be run again on
the write conflict (between processes they still are: the lock saves retries, correctness
rests on the conflict and the retry).
"""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import noSecurityManager
from AccessControl.SpecialUsers import system
from Acquisition import aq_base
from Acquisition import aq_chain
from Acquisition import aq_inner
from Acquisition import aq_parent
from plone import api
from suizhou.laborrights import logger
from suizhou.laborrights.notifications.recipients import site_url
from suizhou.laborrights.warnings.rules import CaseFacts
from ZODB.POSException import ConflictError
from ZODB.utils import oid_repr
from zope.component.hooks import setSite

import threading
import transaction


ATTEMPTS = 10  # write conflicts between two such steps are retried in milliseconds
RETRIED = "Warning rules run again after a write conflict on %s %s"
_NOTED_KEY = object()  # the key of the noted cases in the transaction's data
_TURN = threading.Lock()


def note(case, kind):
    """Run the rules of ``kind`` ("case": those on the case itself, "unit": the overdue rule of
    its unit) on ``case`` once the transaction that changes it has committed."""
    jar = _jar(case)
    txn = jar.transaction_manager.get()
    try:
        noted = txn.data(_NOTED_KEY)
    except KeyError:
        noted = {}
        txn.set_data(_NOTED_KEY, noted)
        site = api.portal.get()
        txn.addAfterCommitHook(_after_commit, (noted, jar.db(), site.getPhysicalPath(), site_url()))
    noted.setdefault(case.UID(), (case, set()))[1].add(kind)


def _jar(case):
    """The connection of the case (of its nearest stored container while it is new)."""
    for obj in aq_chain(aq_inner(case)):
        if getattr(obj, "_p_jar", None) is not None:
            return obj._p_jar
    raise ValueError("The case is in no database")


def _stored(case):
    """Whether the case is still in its folder (not deleted in the transaction that noted it)."""
    container = aq_parent(aq_inner(case))
    return container is not None and aq_base(container._getOb(case.getId(), None)) is aq_base(case)


def _after_commit(committed, noted, db, site_path, base_url):
    """In the request's thread, after its commit: the noted cases' facts (read from the objects
    the request has loaded); then the step, joined."""
    if not committed or not noted:
        return
    facts = {uid: (CaseFacts(case), kinds) for uid, (case, kinds) in noted.items() if _stored(case)}
    if not facts:
        return
    worker = threading.Thread(target=_check_in_own_transaction, args=(db, site_path, base_url, facts), name="warnings")
    worker.start()
    worker.join()


def _check_in_own_transaction(db, site_path, base_url, noted):
    """The step itself, in its own thread: this thread's transaction, a connection of its own.
    ``noted``: {uid: (CaseFacts, kinds)}; ``base_url``: the site's address for the e-mails' links."""
    from suizhou.laborrights.warnings.subscribers import check_noted

    # No request: the registry caches the values it reads in the global request, and the rules
    # must read the settings as committed.
    newSecurityManager(None, system)
    connection = db.open()  # bound to this thread's transaction manager
    try:
        for attempt in range(1, ATTEMPTS + 1):
            try:
                with _TURN:  # the steps of one process one at a time: they would write the same warning
                    transaction.begin()
                    setSite(connection.root()["Application"].unrestrictedTraverse(site_path))
                    check_noted(noted, base_url)
                    transaction.commit()
                break
            except ConflictError as error:
                transaction.abort()
                if attempt == ATTEMPTS:
                    raise
                logger.info(RETRIED, error.class_name, oid_repr(error.oid))
    except Exception:
        logger.exception("Warning rules not run after commit for the cases %s", sorted(noted))
    finally:
        transaction.abort()
        setSite(None)
        noSecurityManager()
        connection.close()
