"""The rules run after the transaction that filed or changed a case has committed, in a
transaction of their own: never inside the filing, and the filing does not wait for them.

A warning is shared by every case of its cluster (an employer, a unit, a district's dispute
type). Extended inside the filings, the same ``RiskWarning`` and its evidence tree were written
by every concurrent filing against that employer, and all but one of them were thrown away on
the write conflict and filed again (docs/performance.md). Now a case event only notes the case
in the transaction (``note``, memory only: nothing shared is written); once the transaction has
committed, the noted cases go to the process's warning worker, which runs the rules on them
(``check_noted``) and records the findings in a transaction of its own, retried on write
conflicts. The filing never conflicts on a warning, and an aborted filing (or a retried
request's first attempt) raises none.

One worker thread per process takes the cases noted since its last run together, in one
transaction, after waiting ``GATHER`` seconds for more (each step reloads what the filings since
the last one changed in the catalog, and commits: fewer steps, less of that). The filings it
follows answer at once (the step used to run while the request waited, one step per filing, each
with a commit of its own, and filings queued behind it), and a burst costs one step, not one
each. The worker's steps never write a warning side by side (between processes, they are retried
on the conflict). ``drain`` waits for the worker to finish what is queued: tests use it, and so
does the process's end (a script's exit, and a SIGTERM: ``stop_after_draining``), waiting at
most ``EXIT_WAIT`` seconds.

A step that fails is logged with the cases' UIDs, and the cases of a failed batch are checked
one by one. What a failed (or, in a process killed hard, never run) step misses is found again
when the case changes next; the rules that count a cluster from the catalog (the same employer,
unit) also find it on the next filing of that cluster.
"""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import noSecurityManager
from AccessControl.SpecialUsers import system
from Acquisition import aq_chain
from Acquisition import aq_inner
from plone import api
from suizhou.laborrights import logger
from Testing.makerequest import makerequest
from ZODB.POSException import ConflictError
from ZODB.utils import oid_repr
from zope.component.hooks import setSite
from zope.globalrequest import getRequest

import atexit
import os
import signal
import threading
import transaction


ATTEMPTS = 10  # write conflicts with another process's step are retried in milliseconds
RETRIED = "Warning rules run again after a write conflict on %s %s"
EXIT_WAIT = 60  # seconds the process's exit waits for the queued steps
GATHER = 0.25  # seconds the worker waits for more filings before a step, unless someone drains
_NOTED_KEY = object()  # the key of the noted cases in the transaction's data


def note(case, kind):
    """Run the rules of ``kind`` ("case": those on the case itself, "unit": the overdue rule of
    its unit) on ``case`` once the transaction that changes it has committed."""
    jar = _jar(case)
    txn = jar.transaction_manager.get()
    try:
        noted = txn.data(_NOTED_KEY)
    except KeyError:
        place = (jar.db(), api.portal.get().getPhysicalPath(), _address(getRequest()))
        noted = {}
        txn.addAfterCommitHook(_after_commit, (noted, place))
        txn.set_data(_NOTED_KEY, noted)
    uid = case.UID()
    _path, kinds = noted.get(uid, (None, set()))
    noted[uid] = (case.getPhysicalPath(), kinds | {kind})


def drain(timeout=None):
    """Wait until the worker has nothing queued and is idle; False if ``timeout`` (seconds)
    ran out first."""
    return _worker.drain(timeout)


def stop_after_draining(event=None):
    """At process start (``IProcessStarting``): a SIGTERM (``instance stop``, systemd) first
    lets the worker finish what is queued, then ends the process as the signal always did.
    Without it the process ends at once and the queued steps are lost: an ``atexit`` handler
    does not run on a signal."""
    if threading.current_thread() is threading.main_thread() and signal.getsignal(signal.SIGTERM) == signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _drain_then_stop)


def _drain_then_stop(signum, frame):
    """The signal handler: a second signal ends the process at once; the wait is in a thread of
    its own, so the server's main loop still sends the responses under way."""
    signal.signal(signum, signal.SIG_DFL)
    stopping = threading.Thread(target=_stop_when_drained, args=(signum,), name="stopping", daemon=True)
    stopping.start()
    return stopping


def _stop_when_drained(signum):
    if not drain(EXIT_WAIT):
        logger.warning("Stopping with warning rules still queued: they run on the cases' next change")
    os.kill(os.getpid(), signum)  # the signal's own end, as without the handler


def _jar(case):
    """The connection of the case (of its nearest stored container while it is new)."""
    for obj in aq_chain(aq_inner(case)):
        if getattr(obj, "_p_jar", None) is not None:
            return obj._p_jar
    raise ValueError("The case is in no database")


def _address(request):
    """What the site's links are made of in ``request`` (its server URL and virtual hosting):
    the warning's e-mail links to the address the filing came through, and the worker has no
    request of its own."""
    if request is None or not hasattr(request, "physicalPathToURL"):
        return None
    return (request["SERVER_URL"], tuple(request._script), request.other.get("VirtualRootPhysicalPath"))


def _after_commit(committed, noted, place):
    if committed and noted:
        _worker.put(place, noted)


class _Worker:
    """The process's warning worker: a daemon thread that runs the queued steps, those of one
    database, site and address together."""

    def __init__(self):
        self._changed = threading.Condition()
        self._queued = []  # (place, noted) in the order the transactions committed
        self._busy = False
        self._draining = 0
        self._thread = None

    def put(self, place, noted):
        with self._changed:
            self._queued.append((place, dict(noted)))
            if self._thread is None:  # it never ends: _run outlives any exception
                self._thread = threading.Thread(target=self._run, name="warnings", daemon=True)
                self._thread.start()
                atexit.register(self.drain, EXIT_WAIT)
            self._changed.notify_all()

    def drain(self, timeout=None):
        with self._changed:
            self._draining += 1
            self._changed.notify_all()
            try:
                return self._changed.wait_for(lambda: not self._queued and not self._busy, timeout)
            finally:
                self._draining -= 1

    def _run(self):
        while True:
            with self._changed:
                self._changed.wait_for(lambda: self._queued)
                self._changed.wait_for(lambda: self._draining, GATHER)  # the filings of a burst together
                queued, self._queued = self._queued, []
                self._busy = True
            try:
                for place, noted in _together(queued).items():
                    _step(place, noted)
            except BaseException:  # e.g. a test layer's TestIsolationBroken: the worker goes on
                logger.exception("Warning rules not run after commit")
            finally:
                with self._changed:
                    self._busy = False
                    self._changed.notify_all()


def _together(queued):
    """{place: noted} with the cases of each place in the order they were noted first (at the
    path they were noted at last)."""
    merged = {}
    for place, noted in queued:
        cases = merged.setdefault(place, {})
        for uid, (path, kinds) in noted.items():
            cases[uid] = (path, cases.get(uid, (None, set()))[1] | kinds)
    return merged


def _step(place, noted):
    """The rules on the cases ``noted`` together; when that fails, on each case alone (one
    case that cannot be checked does not cost the others their warnings)."""
    if not _check_in_own_transaction(place, noted) and len(noted) > 1:
        for uid, entry in noted.items():
            _check_in_own_transaction(place, {uid: entry})


def _check_in_own_transaction(place, noted):
    """One step in the worker's thread: its own transaction, a connection of its own; whether
    it was recorded."""
    from suizhou.laborrights.warnings.subscribers import check_noted

    db, site_path, address = place
    # No global request in this thread: the registry caches the values it reads in the global
    # request, and the rules must read the settings as committed.
    newSecurityManager(None, system)
    connection = None
    try:
        connection = db.open()  # bound to this thread's transaction manager
        for attempt in range(1, ATTEMPTS + 1):
            app = None
            try:
                transaction.begin()
                app = _with_address(connection.root()["Application"], address)
                setSite(app.unrestrictedTraverse(site_path))
                check_noted(noted)
                transaction.commit()
                return True
            except ConflictError as error:
                transaction.abort()
                if attempt == ATTEMPTS:
                    raise
                logger.info(RETRIED, error.class_name, oid_repr(error.oid))
            finally:
                if app is not None:
                    app.REQUEST.close()
    except Exception:
        logger.exception("Warning rules not run after commit for the cases %s", sorted(noted))
    finally:
        try:
            transaction.abort()
        finally:
            setSite(None)
            noSecurityManager()
            if connection is not None:
                connection.close()
    return False


def _with_address(app, address):
    """``app`` in a request whose links are those of the filing's request."""
    app = makerequest(app)
    if address is not None:
        request = app.REQUEST
        server_url, script, virtual_root = address
        request.other["SERVER_URL"] = server_url
        request._script = list(script)
        if virtual_root is not None:
            request.other["VirtualRootPhysicalPath"] = virtual_root
    return app


_worker = _Worker()
