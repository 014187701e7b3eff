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
commits. The steps of one process take turns: two steps of a cluster write the same warning,
and side by side one of them would be run again (between processes, they still are).
"""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import noSecurityManager
from AccessControl.SpecialUsers import system
from Acquisition import aq_chain
from Acquisition import aq_inner
from plone import api
from suizhou.laborrights import logger
from ZODB.POSException import ConflictError
from ZODB.utils import oid_repr
from zope.component.hooks import setSite
from zope.globalrequest import getRequest
from ZPublisher.BaseRequest import RequestContainer

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
        site_path = api.portal.get().getPhysicalPath()
        txn.addAfterCommitHook(_after_commit, (noted, jar.db(), site_path, getRequest()))
    noted.setdefault(case.UID(), set()).add(kind)


def _jar(case):
    """The connection of the case (of its nearest stored container while it is new)."""
    for obj in aq_chain(aq_inner(case)):
        if getattr(obj, "_p_jar", None) is not None:
            return obj._p_jar
    raise ValueError("The case is in no database")


def _after_commit(committed, noted, db, site_path, request):
    if not committed or not noted:
        return
    worker = threading.Thread(
        target=_check_in_own_transaction, args=(db, site_path, request, dict(noted)), name="warnings"
    )
    with _TURN:  # the steps of one process one at a time: they would write the same warning
        worker.start()
        worker.join()


def _check_in_own_transaction(db, site_path, request, noted):
    """The step itself, in its own thread: this thread's transaction, a connection of its own."""
    from suizhou.laborrights.warnings.subscribers import check_noted

    # Not this thread's global request: the registry caches the values it reads in the global
    # request, and the rules must read the settings as committed.
    newSecurityManager(None, system)
    connection = db.open()  # bound to this thread's transaction manager
    try:
        for attempt in range(1, ATTEMPTS + 1):
            try:
                transaction.begin()
                app = connection.root()["Application"]
                if request is not None:  # the links in the warning's e-mail use the request's address
                    app = app.__of__(RequestContainer(REQUEST=request))
                setSite(app.unrestrictedTraverse(site_path))
                check_noted(noted)
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
